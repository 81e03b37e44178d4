//! `gtm compare --format json`: a row per rulebook, the consensus and the
//! lines within reach (DESIGN.md, "Second opinions").

use serde::Serialize;

use crate::engine::compare::Comparison;
use crate::profile::Money;
use crate::render::prose::compare::{near_sentence, source, split_sentence};

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    file: &'a str,
    reference: Option<&'a str>,
    rulebooks: Vec<Opinion<'a>>,
    consensus: Consensus,
    near_lines: Vec<Near>,
}

#[derive(Serialize)]
struct Opinion<'a> {
    name: Option<&'a str>,
    motion: &'static str,
    acv_band: &'static str,
    source: String,
    /// `null` where the band is the reference's.
    split: Option<String>,
}

#[derive(Serialize)]
struct Consensus {
    motion: &'static str,
    agree: usize,
    of: usize,
}

#[derive(Serialize)]
struct Near {
    line: f64,
    distance: f64,
    side: &'static str,
    motion: &'static str,
    rulebooks: Vec<String>,
    message: String,
}

fn dollars(cents: u64) -> f64 {
    cents as f64 / 100.0
}

/// JSON for one profile compared across rulebooks.
pub fn compare(file: &str, acv: Money, c: &Comparison<'_>, reference: usize) -> String {
    let base = c.opinions[reference].rules;
    super::to_string(&Report {
        schema_version: super::SCHEMA_VERSION,
        file,
        reference: base.name(),
        rulebooks: c
            .opinions
            .iter()
            .map(|o| Opinion {
                name: o.rules.name(),
                motion: o.motion.id(),
                acv_band: o.acv_band.id(),
                source: source(o.rules),
                split: o
                    .split
                    .as_ref()
                    .map(|s| split_sentence(acv, s, o.rules, base)),
            })
            .collect(),
        consensus: Consensus {
            motion: c.consensus.motion.id(),
            agree: c.consensus.agree,
            of: c.consensus.of,
        },
        near_lines: c
            .near
            .iter()
            .map(|n| Near {
                line: dollars(n.line),
                distance: dollars(n.distance),
                side: if n.above { "above" } else { "below" },
                motion: n.across.id(),
                rulebooks: n
                    .rulebooks
                    .iter()
                    .map(|r| r.name().unwrap_or("(your file)").to_string())
                    .collect(),
                message: near_sentence(acv, n, base),
            })
            .collect(),
    })
}
