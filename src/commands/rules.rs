//! `gtm rules`: the rulebook in use, as its TOML text, JSON or Markdown;
//! `gtm rules --list`: the shipped rulebooks.

use gtm_advisor::ShippedRulebook;
use gtm_advisor::render::{self, Format};
use gtm_advisor::rulebook::Rulebook;

use super::context::Context;
use super::outcome::Outcome;

/// Runs `gtm rules`.
pub fn run(list: bool, format: Format, ctx: &Context) -> Outcome {
    if list {
        let books: Vec<Rulebook> = shipped();
        return Outcome::printed(match format {
            Format::Text => render::text::rulebook_list(&books, &ctx.text),
            Format::Json => render::json::rulebook_list(&books),
            Format::Markdown => render::markdown::rulebook_list(&books),
        });
    }
    Outcome::printed(match format {
        Format::Text => ctx.rules_text.to_string(),
        Format::Json => render::json::rulebook(ctx.rules),
        Format::Markdown => render::markdown::rulebook(ctx.rules),
    })
}

/// Every shipped rulebook, `default` first.
pub fn shipped() -> Vec<Rulebook> {
    ShippedRulebook::names()
        .into_iter()
        .filter_map(ShippedRulebook::named)
        .map(ShippedRulebook::load)
        .collect()
}
