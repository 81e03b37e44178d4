//! `gtm explain`: every reading, move, source, conflict and note of one
//! profile, and its flip points.

use std::path::Path;

use gtm_advisor::render::{self, Format};

use super::context::Context;
use super::load::evaluate;
use super::outcome::Outcome;
use super::walk::Target;

/// Runs `gtm explain` on `file`.
pub fn run(file: &Path, format: Format, ctx: &Context) -> Outcome {
    let rules = ctx.rules;
    match evaluate(&Target::named(file), ctx) {
        Ok(e) => {
            let a = &e.assessment;
            let stdout = match format {
                Format::Text => render::text::explain(a, rules, &ctx.text),
                Format::Json => render::json::assessment(&e.view()),
                Format::Markdown => render::markdown::explain(a, rules),
            };
            Outcome::printed(stdout)
        }
        Err(failure) => Outcome::failed_with(failure.lines()),
    }
}
