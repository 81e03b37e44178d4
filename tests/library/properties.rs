//! The decision properties DESIGN.md requires ("Properties"): pure cases,
//! monotone (exhaustively, over a grid of every categorical value, each
//! signal true/false/unknown, and ACV and time values on both sides of every
//! edge), one step, deterministic, and text and JSON saying the same thing.
//! Also: no input text, however hostile, makes the reader panic.

use std::collections::BTreeMap;

use gtm_advisor::engine::assess::Assessment;
use gtm_advisor::engine::decide::{decide, decide_parts, motion_of};
use gtm_advisor::engine::flip::{Direction, flip_points};
use gtm_advisor::engine::{Facts, assess};
use gtm_advisor::motion::{Buyer, Compliance, Onboarding, Segment, SwitchingCost};
use gtm_advisor::profile::{self, Duration, Money, Practices, SegmentAnswers, Signals};
use gtm_advisor::render::{Evaluated, TextOptions, json, text};
use gtm_advisor::{Motion, Profile};
use proptest::prelude::*;

use crate::support::rules;
use proptest::sample::select;

const MINUTE: f64 = 60.0;
const DAY: f64 = 86_400.0;

/// ACVs in cents on both sides of every band edge and every ACV threshold
/// the rulebook's conditions use ($25K).
const ACVS: [u64; 12] = [
    0,
    99_999,
    100_000,
    499_999,
    500_000,
    2_499_999,
    2_500_000,
    5_000_000,
    5_000_001,
    25_000_000,
    25_000_001,
    100_000_000,
];
/// Times to value in seconds on both sides of 10 and 30 minutes, 1 day and 1 week.
pub(crate) const TIMES: [f64; 8] = [
    5.0 * MINUTE,
    10.0 * MINUTE,
    29.0 * MINUTE,
    30.0 * MINUTE,
    DAY - 1.0,
    DAY,
    7.0 * DAY - 1.0,
    7.0 * DAY,
];
/// A pull signal from on (most product-led) to off; unknown counts as off.
const PULL: [Option<bool>; 3] = [Some(true), None, Some(false)];
/// A sales signal from off to on; unknown counts as off.
const SALES: [Option<bool>; 3] = [Some(false), None, Some(true)];
/// The segment from small business to enterprise; unknown sits with mid-market.
const SEGMENTS: [Option<Segment>; 4] = [
    Some(Segment::Smb),
    None,
    Some(Segment::MidMarket),
    Some(Segment::Enterprise),
];

/// The sizes of the grid's dimensions, each ordered from product to sales.
const DIMS: [usize; 10] = [
    ACVS.len(),
    TIMES.len(),
    4, // buyer
    4, // compliance
    4, // onboarding
    3, // viral_loops
    3, // organic_demand
    3, // developer_audience
    3, // integration_heavy
    4, // segment
];
const DIM_NAMES: [&str; 10] = [
    "acv",
    "time_to_value",
    "buyer",
    "compliance",
    "onboarding",
    "viral_loops",
    "organic_demand",
    "developer_audience",
    "integration_heavy",
    "segment",
];

fn facts_at(ix: &[usize; 10]) -> Facts {
    facts_with(ix, &ACVS)
}

/// The grid point `ix`, with the ACV dimension's values given (each shipped
/// rulebook has its own edges).
pub(crate) fn facts_with(ix: &[usize; 10], acvs: &[u64]) -> Facts {
    Facts {
        acv: Money::from_cents(acvs[ix[0]]).unwrap(),
        time_to_value: TIMES[ix[1]],
        buyer: Buyer::ALL[ix[2]],
        compliance: Compliance::ALL[ix[3]],
        onboarding: Onboarding::ALL[ix[4]],
        signals: Signals {
            viral_loops: PULL[ix[5]],
            organic_demand: PULL[ix[6]],
            developer_audience: PULL[ix[7]],
            integration_heavy: SALES[ix[8]],
            segment: SEGMENTS[ix[9]],
            ..Signals::default()
        },
    }
}

fn grid_len() -> usize {
    DIMS.iter().product()
}

fn index_of(ix: &[usize; 10]) -> usize {
    ix.iter().zip(DIMS).fold(0, |acc, (i, d)| acc * d + i)
}

fn coords(mut n: usize) -> [usize; 10] {
    let mut ix = [0; 10];
    for d in (0..10).rev() {
        ix[d] = n % DIMS[d];
        n /= DIMS[d];
    }
    ix
}

/// Every grid point's decision: (band, motion) as ranks.
fn grid() -> &'static Vec<(u8, u8)> {
    static GRID: std::sync::OnceLock<Vec<(u8, u8)>> = std::sync::OnceLock::new();
    GRID.get_or_init(|| {
        (0..grid_len())
            .map(|n| {
                let d = decide(&facts_at(&coords(n)), rules());
                (d.band.rank() as u8, d.motion.rank() as u8)
            })
            .collect()
    })
}

#[test]
fn monotone_over_the_whole_grid() {
    let grid = grid();
    let mut checked = 0u64;
    for (n, (_, motion)) in grid.iter().enumerate() {
        let ix = coords(n);
        for d in 0..10 {
            if ix[d] + 1 < DIMS[d] {
                let mut next = ix;
                next[d] += 1;
                let (_, heavier) = grid[index_of(&next)];
                assert!(
                    heavier >= *motion,
                    "{} one step more sales-heavy gave an earlier motion: {:?} -> {:?}",
                    DIM_NAMES[d],
                    facts_at(&ix),
                    facts_at(&next)
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 10_000_000, "{checked}");
}

/// The one move DESIGN.md "Properties" allows from each band, written out
/// here rather than read from the engine: from self-serve, plg and
/// sales-led toward hybrid, from hybrid only to sales-led, and none from
/// enterprise (the move table's `enterprise-holds`).
pub(crate) fn one_step_from(band: Motion) -> Option<Motion> {
    match band {
        Motion::SelfServe => Some(Motion::Plg),
        Motion::Plg => Some(Motion::Hybrid),
        Motion::Hybrid => Some(Motion::SalesLed),
        Motion::SalesLed => Some(Motion::Hybrid),
        Motion::Enterprise => None,
    }
}

#[test]
fn one_step_from_the_band_toward_hybrid_over_the_whole_grid() {
    let mut moved = std::collections::BTreeSet::new();
    for (n, (band, motion)) in grid().iter().enumerate() {
        let (band, motion) = (Motion::ALL[*band as usize], Motion::ALL[*motion as usize]);
        assert!(
            motion == band || one_step_from(band) == Some(motion),
            "{band} -> {motion} at {:?}",
            facts_at(&coords(n))
        );
        if motion != band {
            moved.insert((band, motion));
        }
        assert_eq!(
            motion == Motion::SelfServe,
            band == Motion::SelfServe && motion == band
        );
        if motion == Motion::Enterprise {
            assert_eq!(band, Motion::Enterprise);
        }
    }
    // Every allowed move happens somewhere on the grid, so the check above
    // saw each of them.
    let every: std::collections::BTreeSet<_> = Motion::ALL
        .iter()
        .filter_map(|&b| one_step_from(b).map(|m| (b, m)))
        .collect();
    assert_eq!(moved, every);
}

#[test]
fn no_reading_or_move_reads_an_evidence_only_answer() {
    // The decision reads answers only through the conditions of the readings
    // and the moves; answers none of them names cannot change any motion,
    // for every combination, which the sampled test below confirms.
    let rules = rules();
    let evidence_only = [
        "signals.individual_value",
        "signals.instrumented",
        "signals.switching_cost",
    ];
    let read: Vec<String> = rules
        .readings
        .iter()
        .flat_map(|t| t.rows.iter().flat_map(|r| r.when.iter().chain(&r.any)))
        .chain(rules.moves.iter().flat_map(|m| m.when.iter().chain(&m.any)))
        .map(|c| c.key.get_ref().to_string())
        .collect();
    for key in evidence_only {
        assert!(!read.iter().any(|k| k == key), "{key} decides");
    }
    assert!(!read.iter().any(|k| k.starts_with("practices.")));
    // And every key the decision does read is a dimension of the grid.
    for key in &read {
        assert!(
            DIM_NAMES.iter().any(|d| key.ends_with(d)) || key.starts_with("reading."),
            "{key} is read by the decision but not on the grid"
        );
    }
}

#[test]
fn evidence_only_answers_never_change_the_motion() {
    // individual_value, instrumented and switching_cost are shown as evidence
    // but never decide; check them over the core of the grid.
    let flags = [None, Some(true), Some(false)];
    let costs = [None, Some(SwitchingCost::Low), Some(SwitchingCost::High)];
    for n in (0..grid_len()).step_by(7) {
        let base = facts_at(&coords(n));
        let expected = motion_of(&base, rules());
        for a in flags {
            for b in flags {
                for c in costs {
                    let mut f = base;
                    f.signals.individual_value = a;
                    f.signals.instrumented = b;
                    f.signals.switching_cost = c;
                    assert_eq!(motion_of(&f, rules()), expected, "{f:?}");
                }
            }
        }
    }
}

fn profile_of(f: &Facts) -> Profile {
    Profile {
        name: "P".into(),
        acv: f.acv,
        time_to_value: format!("{} seconds", f.time_to_value)
            .parse::<Duration>()
            .unwrap(),
        buyer: f.buyer,
        compliance: f.compliance,
        onboarding: f.onboarding,
        signals: f.signals,
        practices: Practices::default(),
        checklist_done: Vec::new(),
        expect_motion: None,
        check_allow: Vec::new(),
        segments: Vec::new(),
        pql: None,
        locations: BTreeMap::new(),
    }
}

/// Renders grid point `ix` as JSON and as `explain` text and checks that
/// they agree on motion, band, readings, conflicts and moves, that every
/// sentence saying where the motion ends names the headline, and that the
/// decision fits in the first 24 lines. Returns how many such sentences it
/// checked.
fn check_text_and_json_agree(ix: &[usize; 10]) -> usize {
    let opts = TextOptions::default();
    let mut sentences = 0;
    let p = profile_of(&facts_at(ix));
    let a = assess(&p, rules());
    let v: serde_json::Value = serde_json::from_str(&json::assessment(&Evaluated {
        file: "p.toml",
        assessment: &a,
    }))
    .unwrap();
    let t = text::explain(&a, rules(), &opts);
    let motion = v["motion"].as_str().unwrap();
    assert_eq!(motion, a.motion.id());
    let first = t.lines().next().unwrap();
    assert_eq!(
        first,
        format!("Motion for P: {}", rules().motion(a.motion).name)
    );
    let band = Motion::ALL
        .iter()
        .find(|m| m.id() == v["acv_band"].as_str().unwrap())
        .unwrap();
    assert!(
        t.contains(&format!("in the {} band", rules().motion(*band).name)),
        "{t}"
    );
    for (label, key) in [("Product", "product"), ("Buyer", "buyer"), ("Pull", "pull")] {
        let value = v["readings"][key]["value"].as_str().unwrap();
        let line = format!("  {label:<9}{value}");
        assert!(
            t.lines().any(|l| l.starts_with(&line)),
            "{line} not in\n{t}"
        );
    }
    let conflicts: Vec<&str> = v["conflicts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    let shown: Vec<&str> = t
        .lines()
        .filter_map(|l| l.strip_prefix("  ! "))
        .filter_map(|l| l.split(':').next())
        .collect();
    assert_eq!(shown, conflicts, "{t}");
    let moved = v["moves"].as_array().unwrap();
    assert_eq!(moved.is_empty(), a.acv_band() == a.motion);
    // Clear only with no move, no conflict and no near-line note.
    let near_line = v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["id"] == "near-line");
    assert_eq!(
        v["confidence"].as_str().unwrap() == "clear",
        conflicts.is_empty() && moved.is_empty() && !near_line
    );
    // Every sentence that says where the motion ends names the headline.
    let named = |phrase: &str| {
        [
            ("self-serve only", Motion::SelfServe),
            ("product-led", Motion::Plg),
            ("hybrid", Motion::Hybrid),
            ("sales-led", Motion::SalesLed),
            ("enterprise sales", Motion::Enterprise),
        ]
        .into_iter()
        .find(|(word, _)| phrase.to_lowercase().starts_with(word))
        .map(|(_, m)| m)
    };
    let flat = t
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    for marker in [
        "one step up, to ",
        "one step to ",
        "the motion stays ",
        "the band's motion stands: ",
    ] {
        for rest in flat.split(marker).skip(1) {
            let m = named(rest).unwrap_or_else(|| panic!("{marker}{rest}"));
            sentences += 1;
            assert_eq!(
                m,
                a.motion,
                "'{marker}{}' under the headline {}",
                &rest[..30.min(rest.len())],
                a.motion
            );
        }
    }
    // The decision, conflicts and notes come first: in 24 lines at 80 columns.
    let why = t.lines().position(|l| l == "Why").unwrap();
    assert!(why <= 24, "the decision takes {why} lines:\n{t}");
    sentences + check_sentences_fit(&a, &flat)
}

/// A phrase and the test of whether it is true of an assessment.
type Claim = (&'static str, fn(&Assessment) -> bool);

/// Claims a sentence may make only when the readings or the motion bear
/// them out: (phrase, what must hold). Each is a way the output once
/// contradicted the profile it was printed for.
fn claims() -> Vec<Claim> {
    fn product(a: &Assessment) -> &str {
        a.decision.readings[0].value
    }
    fn buyer(a: &Assessment) -> &str {
        a.decision.readings[1].value
    }
    fn pull(a: &Assessment) -> &str {
        a.decision.readings[2].value
    }
    fn sales(a: &Assessment) -> bool {
        matches!(a.motion, Motion::SalesLed | Motion::Enterprise)
    }
    vec![
        ("buyers want help", |a| product(a) != "sells-itself"),
        ("with a product that sells itself", |a| {
            product(a) == "sells-itself"
        }),
        ("the readings and the price point the same way", |_| false),
        ("not a full sale", |a| !sales(a)),
        ("users start alone", |a| product(a) == "sells-itself"),
        ("choose bottom-up", |a| buyer(a) == "bottom-up"),
        ("already pull the product in", |a| pull(a) == "yes"),
        ("pull no (segment", |_| false),
    ]
}

/// Every note, conflict and line of `explain` (`flat`, lower case, one
/// line) printed for `a` is true of it, as far as [`claims`] can tell.
/// Returns how many claims it checked.
fn check_sentences_fit(a: &Assessment, flat: &str) -> usize {
    let mut checked = 0;
    let mut texts: Vec<String> = a.notes.iter().map(|n| n.message.to_lowercase()).collect();
    texts.extend(a.conflicts().iter().map(|c| c.message.to_lowercase()));
    texts.push(flat.to_string());
    for text in &texts {
        for (phrase, holds) in claims() {
            if text.contains(phrase) {
                checked += 1;
                assert!(
                    holds(a),
                    "{phrase:?} printed where it is not true (readings {:?}, motion {}): {}",
                    a.decision
                        .readings
                        .iter()
                        .map(|r| r.value)
                        .collect::<Vec<_>>(),
                    a.motion,
                    &text[..text.len().min(400)]
                );
            }
        }
    }
    checked
}

/// A sample of the grid for every `cargo test`: the core answers at every
/// value, four times to value and three signal settings. The whole grid is
/// checked by the ignored test below, which `.ci/run` runs in release mode.
#[test]
fn text_and_json_agree_on_every_core_grid_point() {
    let mut seen = 0;
    let mut sentences = 0;
    for n in 0..grid_len() {
        let ix = coords(n);
        let signals_at = (ix[5], ix[6], ix[7], ix[8], ix[9]);
        if ![(1, 1, 1, 1, 1), (0, 1, 1, 0, 0), (2, 2, 2, 2, 3)].contains(&signals_at)
            || ![0, 2, 5, 7].contains(&ix[1])
        {
            continue;
        }
        seen += 1;
        sentences += check_text_and_json_agree(&ix);
    }
    assert!(seen > 5_000, "{seen}");
    assert!(
        sentences > seen,
        "only {sentences} sentences naming the motion"
    );
}

/// Every grid point, split across the machine's cores. Too slow for a debug
/// `cargo test` (about two million renders), so it is ignored there and run
/// by `.ci/run` as `cargo test --release --test library -- --ignored properties::`.
#[test]
#[ignore = "whole grid: run in release mode (.ci/run does)"]
fn text_and_json_agree_on_the_whole_grid() {
    let threads = std::thread::available_parallelism().map_or(2, usize::from);
    let total = grid_len();
    let sentences: usize = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    (t..total)
                        .step_by(threads)
                        .map(|n| check_text_and_json_agree(&coords(n)))
                        .sum::<usize>()
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).sum()
    });
    assert!(
        sentences > total,
        "only {sentences} sentences naming the motion"
    );
}

#[test]
fn segment_headlines_are_monotone_over_every_split_and_motion() {
    // Each segment's own decision is monotone (above); the headline is then
    // monotone if moving any share of revenue to a later motion never gives
    // an earlier headline. Checked for three segments and the remainder,
    // every assignment of motions, and shares on both sides of 20% and 50%.
    use gtm_advisor::engine::decide::headline;
    let shares = [1u32, 1_999, 2_000, 2_001, 3_000, 4_999, 5_000, 5_001, 8_000];
    let mut checked = 0;
    for &a in &shares {
        for &b in &shares {
            for &c in &shares {
                if a + b + c > 10_000 {
                    continue;
                }
                let parts = [a, b, c, 10_000 - a - b - c];
                for assign in 0..625usize {
                    let motions: Vec<usize> = (0..4).map(|i| assign / 5usize.pow(i) % 5).collect();
                    let mix = |m: &[usize]| {
                        let mut by = [0u32; 5];
                        for (part, motion) in parts.iter().zip(m) {
                            by[*motion] += part;
                        }
                        headline(&by).0
                    };
                    let before = mix(&motions);
                    for i in 0..4 {
                        if motions[i] < 4 {
                            let mut later = motions.clone();
                            later[i] += 1;
                            assert!(mix(&later) >= before, "{parts:?} {motions:?} -> {later:?}");
                            checked += 1;
                        }
                    }
                }
            }
        }
    }
    assert!(checked > 100_000, "{checked}");
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    select(vec![None, Some(true), Some(false)])
}

fn signals() -> impl Strategy<Value = Signals> {
    (
        (flag(), flag(), flag(), flag()),
        (flag(), flag()),
        select(SEGMENTS.to_vec()),
        select(vec![
            None,
            Some(SwitchingCost::Low),
            Some(SwitchingCost::High),
        ]),
    )
        .prop_map(|((a, b, c, d), (e, f), segment, switching_cost)| Signals {
            individual_value: a,
            viral_loops: b,
            instrumented: c,
            integration_heavy: d,
            organic_demand: e,
            developer_audience: f,
            segment,
            switching_cost,
        })
}

fn any_facts() -> impl Strategy<Value = Facts> {
    (
        prop_oneof![0u64..100_000_000, select(ACVS.to_vec())],
        prop_oneof![60.0..3e7f64, select(TIMES.to_vec())],
        select(Buyer::ALL.to_vec()),
        select(Compliance::ALL.to_vec()),
        select(Onboarding::ALL.to_vec()),
        signals(),
    )
        .prop_map(|(acv, t, buyer, compliance, onboarding, signals)| Facts {
            acv: Money::from_cents(acv).unwrap(),
            time_to_value: t.round(),
            buyer,
            compliance,
            onboarding,
            signals,
        })
}

fn any_segments() -> impl Strategy<Value = Vec<SegmentAnswers>> {
    let one = (
        0u64..60_000_000,
        1u32..5_000,
        prop::option::of(select(Buyer::ALL.to_vec())),
        prop::option::of(select(Compliance::ALL.to_vec())),
        prop::option::of(select(Onboarding::ALL.to_vec())),
        prop::option::of(signals()),
    )
        .prop_map(
            |(acv, bp, buyer, compliance, onboarding, signals)| SegmentAnswers {
                name: "S".into(),
                acv: Money::from_cents(acv).unwrap(),
                share: f64::from(bp) / 10_000.0,
                share_bp: bp,
                time_to_value: None,
                buyer,
                compliance,
                onboarding,
                signals,
            },
        );
    prop::collection::vec(one, 1..4)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn product_pure_facts_give_self_serve_or_plg(
        minutes in 1.0..59.0f64,
        buyer in select(vec![Buyer::Individual, Buyer::Team]),
        low in 0u64..100_000,
        mid in 100_000u64..500_000,
    ) {
        let f = |cents| Facts {
            acv: Money::from_cents(cents).unwrap(),
            time_to_value: minutes * MINUTE,
            buyer,
            compliance: Compliance::None,
            onboarding: Onboarding::SelfServe,
            signals: Signals::default(),
        };
        prop_assert_eq!(motion_of(&f(low), rules()), Motion::SelfServe);
        prop_assert_eq!(motion_of(&f(mid), rules()), Motion::Plg);
    }

    #[test]
    fn sales_pure_facts_give_sales_led_or_enterprise(
        days in 7.0..365.0f64,
        buyer in select(vec![Buyer::Committee, Buyer::Executive]),
        compliance in select(vec![Compliance::ReviewBeforeTrial, Compliance::Regulated]),
        onboarding in select(vec![Onboarding::Implementation, Onboarding::Custom]),
        mid in 5_000_001u64..25_000_001,
        high in 25_000_001u64..1_000_000_000_000,
    ) {
        let f = |cents| Facts {
            acv: Money::from_cents(cents).unwrap(),
            time_to_value: days * DAY,
            buyer,
            compliance,
            onboarding,
            signals: Signals::default(),
        };
        prop_assert_eq!(motion_of(&f(mid), rules()), Motion::SalesLed);
        prop_assert_eq!(motion_of(&f(high), rules()), Motion::Enterprise);
    }

    #[test]
    fn balanced_facts_in_the_middle_band_give_hybrid(days in 1.0..6.99f64, acv in 500_000u64..=5_000_000) {
        let f = Facts {
            acv: Money::from_cents(acv).unwrap(),
            time_to_value: days * DAY,
            buyer: Buyer::Team,
            compliance: Compliance::Light,
            onboarding: Onboarding::Guided,
            signals: Signals::default(),
        };
        prop_assert_eq!(motion_of(&f, rules()), Motion::Hybrid);
    }

    #[test]
    fn segment_headlines_are_monotone(
        company in any_facts(),
        segments in any_segments(),
        which in 0usize..4,
        dim in 0usize..4,
        more_cents in 0u64..30_000_000,
    ) {
        let total: u32 = segments.iter().map(|s| s.share_bp).sum();
        prop_assume!(total <= 10_000);
        let before = decide_parts(&company, &segments, rules()).motion;
        let (mut c, mut s) = (company, segments.clone());
        // One answer, of the company or of one segment, made more sales-heavy.
        if which == segments.len() || which > segments.len() {
            match dim {
                0 => c.acv = Money::from_cents(c.acv.cents() + more_cents).unwrap(),
                1 => c.buyer = Buyer::ALL[(c.buyer.rank() + 1).min(3)],
                2 => c.compliance = Compliance::ALL[(c.compliance.rank() + 1).min(3)],
                _ => c.onboarding = Onboarding::ALL[(c.onboarding.rank() + 1).min(3)],
            }
        } else {
            let seg = &mut s[which];
            let base = gtm_advisor::engine::decide::segment_facts(&company, seg);
            match dim {
                0 => seg.acv = Money::from_cents(seg.acv.cents() + more_cents).unwrap(),
                1 => seg.buyer = Some(Buyer::ALL[(base.buyer.rank() + 1).min(3)]),
                2 => seg.compliance = Some(Compliance::ALL[(base.compliance.rank() + 1).min(3)]),
                _ => seg.onboarding = Some(Onboarding::ALL[(base.onboarding.rank() + 1).min(3)]),
            }
        }
        let after = decide_parts(&c, &s, rules()).motion;
        prop_assert!(after >= before, "{} -> {}", before, after);
    }

    #[test]
    fn results_are_deterministic(f in any_facts()) {
        let p = profile_of(&f);
        let (a, b) = (assess(&p, rules()), assess(&p, rules()));
        prop_assert_eq!(&a, &b);
        let render = |a| json::assessment(&Evaluated { file: "p.toml", assessment: a });
        prop_assert_eq!(render(&a), render(&b));
        let opts = TextOptions::default();
        prop_assert_eq!(text::explain(&a, rules(), &opts), text::explain(&b, rules(), &opts));
    }

    #[test]
    fn every_answer_is_cited_and_every_reading_is_explained(f in any_facts()) {
        let a = assess(&profile_of(&f), rules());
        let ids: Vec<&str> = a.factors.iter().map(|f| f.id).collect();
        prop_assert_eq!(&ids[..5], &["acv", "time_to_value", "buyer", "compliance", "onboarding"]);
        prop_assert_eq!(a.factors.len() - 5 + a.unanswered.len(), 8);
        for f in &a.factors {
            prop_assert!(f.source.contains(" — "), "{} has no citation", f.id);
            prop_assert!(!f.message.is_empty());
        }
        for r in &a.decision.readings {
            prop_assert!(r.source.contains(" — "));
        }
    }

    #[test]
    fn acv_flip_points_are_the_nearest_change_each_way(f in any_facts()) {
        let at = |cents: u64| motion_of(&Facts { acv: Money::from_cents(cents).unwrap(), ..f }, rules());
        let here = f.acv.cents();
        let current = at(here);
        let flips: Vec<_> = flip_points(&f, &[], rules()).into_iter().filter(|p| p.change == "acv").collect();
        let cents = |p: &gtm_advisor::engine::flip::FlipPoint| p.to.parse::<Money>().unwrap().cents();
        for p in &flips {
            prop_assert_eq!(at(cents(p)), p.motion);
            prop_assert_ne!(p.motion, current);
        }
        // Brute force on a $50 grid (and the current ACV): nothing changes
        // between here and a flip point, and nothing changes at all in a
        // direction without one.
        let grid = (0..=12_000u64).map(|i| i * 5_000);
        for g in grid {
            let up = flips.iter().find(|p| p.direction == Direction::Up).map(cents);
            let down = flips.iter().find(|p| p.direction == Direction::Down).map(cents);
            if g > here && up.is_none_or(|u| g < u) {
                prop_assert_eq!(at(g), current, "up to ${}", g / 100);
            }
            if g < here && down.is_none_or(|d| g > d) {
                prop_assert_eq!(at(g), current, "down to ${}", g / 100);
            }
        }
    }

    #[test]
    fn the_reader_never_panics_on_any_text(text in ".{0,400}") {
        let _ = profile::parse(&text, "fuzz.toml", rules());
    }

    #[test]
    fn the_reader_never_panics_on_mangled_profiles(
        key in select(vec!["acv", "time_to_value", "buyer", "name", "version", "segment", "done"]),
        value in prop_oneof![
            "[-+]?[0-9_.eE]{1,12}".prop_map(|s| s),
            "\"[ -~]{0,20}\"".prop_map(|s| s),
            Just("[1, \"a\", {x = 1}]".to_string()),
            Just("{ a = [ [ ] ] }".to_string()),
            Just("1979-05-27T07:32:00Z".to_string()),
        ],
    ) {
        let src = "version = 1\nname = \"N\"\nacv = 1\ntime_to_value = \"1h\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"guided\"\n[signals]\nsegment = \"smb\"\n[checklist]\ndone = []\n";
        let mangled: String = src
            .lines()
            .map(|l| if l.starts_with(&format!("{key} =")) { format!("{key} = {value}") } else { l.to_string() })
            .collect::<Vec<_>>()
            .join("\n");
        let _ = profile::parse(&mangled, "fuzz.toml", rules());
    }

    #[test]
    fn money_prints_what_it_reads(cents in 0u64..=1_000_000_000_000) {
        let m = Money::from_cents(cents).unwrap();
        prop_assert_eq!(m.to_string().parse::<Money>().unwrap(), m);
    }
}
