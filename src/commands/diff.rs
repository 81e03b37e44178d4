//! `gtm diff OLD NEW`: what a change to a profile did to the advice. Exit
//! 0 when the motion is the same, 1 when it changed.

use std::path::Path;

use gtm_advisor::engine::diff::diff;
use gtm_advisor::render::{self, Format};

use super::context::Context;
use super::input;
use super::load::evaluate;
use super::outcome::Outcome;
use super::walk::Target;
use crate::exit::Status;

/// Runs `gtm diff` on the two versions.
pub fn run(old: &Path, new: &Path, format: Format, ctx: &Context) -> Outcome {
    if input::is_stdin(old) && input::is_stdin(new) {
        return Outcome::failed(
            "gtm diff: only one of OLD and NEW can be `-` (standard input is read once); \
             give the other as a file"
                .into(),
        );
    }
    let (before, after) = match (
        evaluate(&Target::named(old), ctx),
        evaluate(&Target::named(new), ctx),
    ) {
        (Ok(b), Ok(a)) => (b, a),
        (b, a) => {
            let mut errors = Vec::new();
            for side in [b.err(), a.err()].into_iter().flatten() {
                errors.extend(side.lines());
            }
            return Outcome::failed_with(errors);
        }
    };
    let d = diff(&before.assessment, &after.assessment);
    let rules = ctx.rules;
    let stdout = match format {
        Format::Text => render::text::diff(&before.file, &after.file, &d, rules, &ctx.text),
        Format::Json => render::json::diff(
            &before.file,
            &after.file,
            &d,
            &before.assessment,
            &after.assessment,
        ),
        Format::Markdown => render::markdown::diff(&before.file, &after.file, &d, rules),
    };
    Outcome {
        status: if d.motion_changed() {
            Status::CheckFailed
        } else {
            Status::Success
        },
        ..Outcome::printed(stdout)
    }
}
