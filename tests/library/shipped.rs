//! The shipped rulebooks (DESIGN.md, "Second opinions"): each one's band
//! edges pinned in cents at and around every edge, the monotone and
//! one-step properties over the same exhaustive grid as the default's, and
//! `compare` on profiles whose answers the documents settle.

use gtm_advisor::engine::compare::compare;
use gtm_advisor::engine::decide::decide;
use gtm_advisor::profile::Money;
use gtm_advisor::{Motion, Rulebook, ShippedRulebook, profile};

use crate::properties::{TIMES, facts_with, one_step_from};

fn load(name: &str) -> Rulebook {
    ShippedRulebook::named(name).unwrap().load()
}

use Motion::{Enterprise as E, Hybrid as H, Plg as P, SalesLed as S, SelfServe as SS};

/// Each rulebook's edges as its source draws them: the last cent of one
/// band and the first of the next.
/// An edge: the band's last cent, the band below and the band above.
type Edge = (u64, Motion, Motion);

const EDGES: &[(&str, &[Edge])] = &[
    (
        "default",
        &[
            (99_999, SS, P),
            (499_999, P, H),
            (5_000_000, H, S),
            (25_000_000, S, E),
        ],
    ),
    (
        "dimension-table",
        &[
            (99_999, SS, P),
            (2_499_999, P, H),
            (5_000_000, H, S),
            (25_000_000, S, E),
        ],
    ),
    (
        "kbcm-2019",
        &[(99_999, SS, H), (2_499_999, H, S), (25_000_000, S, E)],
    ),
    (
        "janz-2019",
        &[
            (33_299, SS, P),
            (329_999, P, H),
            (3_299_999, H, S),
            (33_300_000, S, E),
        ],
    ),
];

#[test]
fn every_shipped_rulebook_is_listed_and_pinned() {
    let names: Vec<&str> = EDGES.iter().map(|(n, _)| *n).collect();
    assert_eq!(ShippedRulebook::names(), names);
}

#[test]
fn band_edges_are_where_each_source_draws_them() {
    for (name, edges) in EDGES {
        let rules = load(name);
        let band = |cents: u64| rules.band(Money::from_cents(cents).unwrap());
        assert_eq!(band(0), SS, "{name} at $0");
        for &(last, below, above) in *edges {
            assert_eq!(band(last - 1), below, "{name} at {last} - 1 cent");
            assert_eq!(band(last), below, "{name} at {last} cents");
            assert_eq!(band(last + 1), above, "{name} at {last} + 1 cent");
            assert_eq!(band(last + 2), above, "{name} at {last} + 2 cents");
        }
        assert_eq!(band(100_000_000_000), E, "{name} far above");
        // Each rulebook cites its own source for the bands.
        let origin = rules.origin.as_ref().unwrap();
        assert_eq!(origin.source.doc.get_ref(), rules.acv.source.doc.get_ref());
    }
}

/// ACVs on both sides of each of the rulebook's edges and of $25K, the
/// moves' own threshold.
fn acvs(rules: &Rulebook) -> Vec<u64> {
    let mut out = vec![0, 2_499_999, 2_500_000, 100_000_000];
    for b in &rules.acv.bands {
        if let Some(top) = b.top_cents {
            out.extend([top, top + 1]);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Every grid point decided by `rules`, and the grid's dimensions; the
/// same grid as `properties.rs` except the ACVs, which follow the edges.
fn decide_grid(rules: &Rulebook) -> (Vec<(Motion, Motion)>, [usize; 10], Vec<u64>) {
    let acvs = acvs(rules);
    let dims = [acvs.len(), TIMES.len(), 4, 4, 4, 3, 3, 3, 3, 4];
    let total: usize = dims.iter().product();
    let mut out = Vec::with_capacity(total);
    for n in 0..total {
        let ix = coords(n, &dims);
        let facts = facts_with(&ix, &acvs);
        let d = decide(&facts, rules);
        out.push((d.band, d.motion));
    }
    (out, dims, acvs)
}

fn coords(mut n: usize, dims: &[usize; 10]) -> [usize; 10] {
    let mut ix = [0; 10];
    for d in (0..10).rev() {
        ix[d] = n % dims[d];
        n /= dims[d];
    }
    ix
}

fn index_of(ix: &[usize; 10], dims: &[usize; 10]) -> usize {
    ix.iter().zip(dims).fold(0, |acc, (i, d)| acc * d + i)
}

/// About two million decisions per rulebook: run in release mode by
/// `.ci/run` (`cargo test --release --test library -- --ignored shipped::`).
#[test]
#[ignore = "whole grid per shipped rulebook: run in release mode (.ci/run does)"]
fn shipped_rulebook_properties_monotone_and_one_step_over_the_whole_grid() {
    for name in ShippedRulebook::names() {
        let rules = load(name);
        let (grid, dims, acvs) = decide_grid(&rules);
        for (n, &(band, motion)) in grid.iter().enumerate() {
            let ix = coords(n, &dims);
            assert!(
                motion == band || one_step_from(band) == Some(motion),
                "{name}: {band} -> {motion} at {:?}",
                facts_with(&ix, &acvs)
            );
            for d in 0..10 {
                if ix[d] + 1 < dims[d] {
                    let mut next = ix;
                    next[d] += 1;
                    let (_, heavier) = grid[index_of(&next, &dims)];
                    assert!(
                        heavier >= motion,
                        "{name}: dimension {d} one step more sales-heavy gave an earlier motion: {:?}",
                        facts_with(&ix, &acvs)
                    );
                }
            }
        }
    }
}

fn profile_of(body: &str) -> gtm_advisor::Profile {
    let src = format!("version = 1\nname = \"T\"\n{body}");
    profile::parse(&src, "t.toml", crate::support::rules()).unwrap()
}

const SELLS_ITSELF_TEAM: &str = "time_to_value = \"5 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n";

#[test]
fn compare_names_each_split_and_the_consensus() {
    let books: Vec<Rulebook> = ShippedRulebook::names().into_iter().map(load).collect();
    let refs: Vec<&Rulebook> = books.iter().collect();
    // $30K, a product that sells itself to a team with no pull: the default
    // and the dimension table say hybrid; KBCM's field sales from $25K holds
    // it at sales-led; Janz's deer reach $33K, so hybrid.
    let p = profile_of(&format!("acv = \"$30k\"\n{SELLS_ITSELF_TEAM}"));
    let c = compare(&p, &refs, 0);
    let motions: Vec<Motion> = c.opinions.iter().map(|o| o.motion).collect();
    assert_eq!(motions, [H, H, S, H]);
    assert!(c.opinions[0].split.is_none());
    assert!(c.opinions[1].split.is_none());
    let kbcm = c.opinions[2].split.unwrap();
    assert_eq!(kbcm.band.0, S);
    assert_eq!(kbcm.band.1.0, 2_500_000);
    assert_eq!(kbcm.reference.0, H);
    assert_eq!(
        (c.consensus.motion, c.consensus.agree, c.consensus.of),
        (H, 3, 4)
    );
    // $30K is within 10% of Janz's $33K line; across it the same answers
    // give sales-led there.
    assert!(
        c.near
            .iter()
            .any(|n| n.line == 3_300_000 && n.across == S && !n.above),
        "{:?}",
        c.near
            .iter()
            .map(|n| (n.line, n.across))
            .collect::<Vec<_>>()
    );
}

#[test]
fn compare_tells_no_near_line_where_crossing_changes_nothing() {
    let books: Vec<Rulebook> = ShippedRulebook::names().into_iter().map(load).collect();
    let refs: Vec<&Rulebook> = books.iter().collect();
    // $150K needs sales in every rulebook: no line within 10%.
    let p = profile_of(
        "acv = \"$150k\"\ntime_to_value = \"3 months\"\nbuyer = \"committee\"\ncompliance = \"regulated\"\nonboarding = \"implementation\"\n",
    );
    let c = compare(&p, &refs, 0);
    assert!(c.opinions.iter().all(|o| o.motion == S));
    assert!(c.near.is_empty());
    assert_eq!((c.consensus.agree, c.consensus.of), (4, 4));
}
