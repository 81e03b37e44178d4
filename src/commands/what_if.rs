//! `gtm what-if`: a profile's result before and after changed answers
//! (`--set KEY=VALUE`); the file is never written.

use std::path::Path;

use gtm_advisor::diagnostic::{echo, printable};
use gtm_advisor::engine::whatif;
use gtm_advisor::profile::edit::{self, Change};
use gtm_advisor::profile::{self, MAX_PROFILE_BYTES};
use gtm_advisor::render::{self, Format};

use super::context::Context;
use super::input;
use super::load::evaluate_text;
use super::outcome::Outcome;

/// Runs `gtm what-if` on `file` with `changes`.
pub fn run(file: &Path, changes: &[Change], format: Format, ctx: &Context) -> Outcome {
    let rules = ctx.rules;
    // Read once: the same text is scored as it is and again with the changes,
    // and standard input cannot be read twice.
    let input = match input::read(file, MAX_PROFILE_BYTES, ctx.stdin_name) {
        Ok(input) => input,
        Err(e) => return Outcome::failed(e.to_string()),
    };
    let before = match evaluate_text(input.name, &input.text, ctx) {
        Ok(e) => e,
        Err(failure) => return Outcome::failed_with(failure.lines()),
    };
    let file = before.file.as_str();
    let changed = match edit::apply(&input.text, changes) {
        Ok(changed) => changed,
        Err(message) => return Outcome::failed(message),
    };
    let after = match profile::parse(&changed, file, rules) {
        Ok(p) => p,
        Err(problems) => {
            // Name the --set that caused each problem; lines refer to the changed text.
            let errors = problems
                .problems
                .iter()
                .map(|p| {
                    let set = changes.iter().find(|c| {
                        p.key
                            .as_deref()
                            .is_some_and(|k| k == c.key || c.key.starts_with(&format!("{k}.")))
                    });
                    let mut message = match (set, &p.key) {
                        (Some(c), _) => format!(
                            "--set {}={}: {}",
                            echo(&c.key),
                            echo(&c.value),
                            printable(&p.message)
                        ),
                        (None, Some(key)) => format!("{file}: `{key}`: {}", p.message),
                        (None, None) => format!("{file}: {}", p.message),
                    };
                    if let Some(help) = &p.help {
                        message.push_str(&format!("\n  help: {help}"));
                    }
                    message
                })
                .collect();
            return Outcome::failed_with(errors);
        }
    };
    let after = gtm_advisor::assess(&after, rules);
    let factors = whatif::changed_factors(&before.assessment, &after);
    let b = &before.assessment;
    let stdout = match format {
        Format::Text => {
            render::text::whatif(&before.file, changes, b, &after, &factors, rules, &ctx.text)
        }
        Format::Json => render::json::whatif(&before.file, changes, b, &after, &factors),
        Format::Markdown => {
            render::markdown::whatif(&before.file, changes, b, &after, &factors, rules)
        }
    };
    Outcome::printed(stdout)
}
