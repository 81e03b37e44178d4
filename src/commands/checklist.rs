//! `gtm checklist MOTION`: the implementation checklist of one motion.

use gtm_advisor::Motion;
use gtm_advisor::engine::checklist;
use gtm_advisor::render::{self, Format};

use super::context::Context;
use super::outcome::Outcome;

/// Runs `gtm checklist` for `motion`.
pub fn run(motion: Motion, format: Format, ctx: &Context) -> Outcome {
    let rules = ctx.rules;
    let items = checklist::for_motion(rules, motion, None, &[]);
    Outcome::printed(match format {
        Format::Text => render::text::checklist(motion, &items, rules, &ctx.text),
        Format::Json => render::json::checklist(motion, &items, rules),
        Format::Markdown => render::markdown::checklist(motion, &items, rules),
    })
}
