//! `gtm rules`: the rulebook in use, as its TOML text, JSON or Markdown.

use gtm_advisor::render::{self, Format};

use super::context::Context;
use super::outcome::Outcome;

/// Runs `gtm rules`.
pub fn run(format: Format, ctx: &Context) -> Outcome {
    Outcome::printed(match format {
        Format::Text => ctx.rules_text.to_string(),
        Format::Json => render::json::rulebook(ctx.rules),
        Format::Markdown => render::markdown::rulebook(ctx.rules),
    })
}
