//! One profile decided by several rulebooks (`gtm compare`): each one's
//! motion and band, where its band differs from the reference rulebook's,
//! the consensus, and the lines within reach. Pure data; the sentences are
//! the renderers'.

use crate::engine::decide::{decide_profile, headline_of};
use crate::engine::readings::Facts;
use crate::motion::Motion;
use crate::profile::{Money, Profile};
use crate::rulebook::Rulebook;

/// How close to a line counts as near when a rulebook has no `[near_line]`
/// table of its own, in percent (DESIGN.md, "Second opinions": 10%).
const NEAR_PERCENT: u64 = 10;

/// The ACV range of a band: lowest and highest ACV in cents (`None`: open).
pub type Span = (u64, Option<u64>);

/// What one rulebook makes of the profile.
#[derive(Debug, Clone)]
pub struct Opinion<'r> {
    /// The rulebook.
    pub rules: &'r Rulebook,
    /// Its headline motion for the profile.
    pub motion: Motion,
    /// The band it puts the company-wide ACV in.
    pub acv_band: Motion,
    /// Where its band differs from the reference rulebook's, if it does.
    pub split: Option<Split>,
}

/// Two rulebooks putting the same ACV in different bands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split {
    /// This rulebook's band and its range.
    pub band: (Motion, Span),
    /// The reference rulebook's band and its range.
    pub reference: (Motion, Span),
}

/// The motion most rulebooks give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Consensus {
    /// The motion (on a tie, the reference rulebook's if it is among the
    /// tied, else the first in motion order).
    pub motion: Motion,
    /// How many rulebooks give it.
    pub agree: usize,
    /// How many rulebooks there are.
    pub of: usize,
}

/// A band line close to the profile's ACV, in one or more rulebooks, across
/// which the same answers give another motion.
#[derive(Debug, Clone)]
pub struct NearLine<'r> {
    /// The line as its rulebook writes it, in cents: `$5,000` for a band
    /// `below = "$5,000"`, `$50,000` for one `up_to = "$50,000"`.
    pub line: u64,
    /// How far the ACV is from it, in cents.
    pub distance: u64,
    /// Whether the ACV is at or above the line.
    pub above: bool,
    /// The motion the answers give across the line.
    pub across: Motion,
    /// The rulebooks that draw this line and give that motion across it.
    pub rulebooks: Vec<&'r Rulebook>,
}

/// Several rulebooks' view of one profile.
#[derive(Debug, Clone)]
pub struct Comparison<'r> {
    /// One opinion per rulebook, in the order given.
    pub opinions: Vec<Opinion<'r>>,
    /// The motion most of them give.
    pub consensus: Consensus,
    /// Lines within reach, nearest first.
    pub near: Vec<NearLine<'r>>,
}

/// Decides `profile` with each rulebook; splits are told against
/// `books[reference]`.
pub fn compare<'r>(profile: &Profile, books: &[&'r Rulebook], reference: usize) -> Comparison<'r> {
    let acv = profile.acv.cents();
    let base = books[reference];
    let base_band = base.band(profile.acv);
    let span = |rules: &Rulebook, m: Motion| rules.band_span(m).unwrap_or((0, None));
    let opinions: Vec<Opinion<'r>> = books
        .iter()
        .map(|&rules| {
            let band = rules.band(profile.acv);
            Opinion {
                rules,
                motion: decide_profile(profile, rules).motion,
                acv_band: band,
                split: (band != base_band).then(|| Split {
                    band: (band, span(rules, band)),
                    reference: (base_band, span(base, base_band)),
                }),
            }
        })
        .collect();
    let consensus = consensus(&opinions, opinions[reference].motion);
    let mut near: Vec<NearLine<'r>> = Vec::new();
    let facts = Facts::from(profile);
    for (rules, opinion) in books.iter().zip(&opinions) {
        let percent = rules
            .near_line
            .as_ref()
            .map_or(NEAR_PERCENT, |n| u64::from(n.within_percent));
        for (line, upper) in lines(rules) {
            let distance = acv.abs_diff(line);
            if distance.saturating_mul(100) > line.saturating_mul(percent) {
                continue;
            }
            let above = acv >= upper;
            let across_cents = if above { upper - 1 } else { upper };
            let Ok(across_acv) = Money::from_cents(across_cents) else {
                continue;
            };
            let across = headline_of(
                &Facts {
                    acv: across_acv,
                    ..facts
                },
                &profile.segments,
                rules,
            );
            if across == opinion.motion {
                continue;
            }
            match near
                .iter_mut()
                .find(|n| n.line == line && n.across == across)
            {
                Some(n) => n.rulebooks.push(rules),
                None => near.push(NearLine {
                    line,
                    distance,
                    above,
                    across,
                    rulebooks: vec![rules],
                }),
            }
        }
    }
    near.sort_by_key(|n| (n.distance, n.line));
    Comparison {
        opinions,
        consensus,
        near,
    }
}

/// The band lines of a rulebook: each as written (in cents) and the lowest
/// ACV of its upper side.
fn lines(rules: &Rulebook) -> Vec<(u64, u64)> {
    rules
        .acv
        .bands
        .iter()
        .filter_map(|b| {
            let top = b.top_cents?;
            // `below` edges are written as the upper side's lowest ACV,
            // `up_to` edges as the lower side's highest.
            Some(if b.below.is_some() {
                (top + 1, top + 1)
            } else {
                (top, top + 1)
            })
        })
        .collect()
}

fn consensus(opinions: &[Opinion<'_>], reference: Motion) -> Consensus {
    let mut counts = [0usize; 5];
    for o in opinions {
        counts[o.motion.rank()] += 1;
    }
    let most = counts.iter().copied().max().unwrap_or(0);
    let motion = if counts[reference.rank()] == most {
        reference
    } else {
        Motion::ALL
            .iter()
            .copied()
            .find(|m| counts[m.rank()] == most)
            .unwrap_or(reference)
    };
    Consensus {
        motion,
        agree: most,
        of: opinions.len(),
    }
}
