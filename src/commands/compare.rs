//! `gtm compare`: one profile decided by every shipped rulebook (and by
//! the `--rules` file, when one is given), in text, Markdown or JSON.

use std::path::Path;

use gtm_advisor::Profile;
use gtm_advisor::engine::compare::{Comparison, compare};
use gtm_advisor::render::{self, Format};
use gtm_advisor::rulebook::Rulebook;

use super::context::Context;
use super::load::evaluate;
use super::outcome::Outcome;
use super::walk::Target;

/// The rulebooks a comparison runs, and which one splits are told against:
/// the shipped ones, with the `--rules` file first when one is given.
pub struct Panel {
    books: Vec<Rulebook>,
    own: Option<&'static Rulebook>,
    reference: usize,
}

impl Panel {
    /// The panel for this run's `--rules`.
    pub fn new(ctx: &Context) -> Panel {
        let books = super::rules::shipped();
        match ctx.shipped {
            Some(name) => Panel {
                reference: books
                    .iter()
                    .position(|b| b.name() == Some(name))
                    .unwrap_or(0),
                books,
                own: None,
            },
            None => Panel {
                books,
                own: Some(ctx.rules),
                reference: 0,
            },
        }
    }

    /// The profile compared across the panel, and the reference's index.
    pub fn compare(&self, profile: &Profile) -> (Comparison<'_>, usize) {
        let all: Vec<&Rulebook> = self.own.into_iter().chain(&self.books).collect();
        (compare(profile, &all, self.reference), self.reference)
    }
}

/// Runs `gtm compare` on `file`.
pub fn run(file: &Path, format: Format, ctx: &Context) -> Outcome {
    let e = match evaluate(&Target::named(file), ctx) {
        Ok(e) => e,
        Err(failure) => return Outcome::failed_with(failure.lines()),
    };
    let panel = Panel::new(ctx);
    let (c, reference) = panel.compare(&e.profile);
    let acv = e.profile.acv;
    Outcome::printed(match format {
        Format::Text => render::text::compare(&e.profile.name, acv, &c, reference, &ctx.text),
        Format::Json => render::json::compare(&e.file, acv, &c, reference),
        Format::Markdown => render::markdown::compare(&e.profile.name, acv, &c, reference),
    })
}
