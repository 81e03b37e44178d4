//! `gtm check`: the CI gate over files and directories, each result
//! written as it is decided, in the format a CI system reads.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::exit::Status;
use gtm_advisor::diagnostic::{nearest, printable};
use gtm_advisor::engine::gate::{self, GateOptions, Verdict};
use gtm_advisor::render::gate::{Checked, GateFormat, GateReport};
use gtm_advisor::spool::Spool;
use rayon::prelude::*;

use super::context::Context;
use super::input::{is_stdin, shown_name};
use super::load::{CHUNK, Evaluation, evaluate_with};
use super::outcome::{Late, Outcome};
use super::walk::{Walk, expand};
use gtm_advisor::engine::assess::Detail;

/// Runs `gtm check` on `paths`.
pub fn run(
    paths: &[PathBuf],
    format: GateFormat,
    opts: &GateOptions,
    verbose: bool,
    quiet: bool,
    ctx: Context,
) -> Outcome {
    let rules = ctx.rules;
    if paths.iter().filter(|f| is_stdin(f)).count() > 1 {
        return Outcome::failed("`-` (standard input) can be given only once".to_string());
    }
    let known = gate::all_ids(rules);
    for id in &opts.allow {
        if !known.contains(&id.as_str()) {
            let hint = nearest(id, known.iter().copied())
                .map_or(String::new(), |s| format!("; did you mean `{s}`?"));
            return Outcome::failed(format!(
                "--allow {}: no finding has this id{hint} Known ids: {}",
                printable(id),
                known.join(", ")
            ));
        }
    }
    let mut notes = Vec::new();
    let walk = match expand(paths, &mut notes) {
        Ok(walk) => walk,
        Err(message) => return Outcome::failed(message),
    };
    // The checklist gate only runs when asked for, so only then is it a rule.
    let ran: Vec<&'static str> = known
        .into_iter()
        .filter(|id| opts.require_checklist || *id != gate::CHECKLIST_INCOMPLETE)
        .collect();
    let opts = opts.clone();
    let text = ctx.text;
    if quiet {
        notes.clear();
    }
    Outcome {
        notes,
        stream: Some(Box::new(move |stdout| {
            if quiet {
                let mut late = check_stream(
                    &walk,
                    verbose,
                    format,
                    &opts,
                    &ran,
                    text,
                    &ctx,
                    &mut io::sink(),
                )?;
                late.notes.clear();
                Ok(late)
            } else {
                check_stream(&walk, verbose, format, &opts, &ran, text, &ctx, stdout)
            }
        })),
        ..Outcome::default()
    }
}

/// Checks the walk's files a chunk at a time (in parallel within a chunk)
/// and writes each result as it comes, in file order, so memory stays flat
/// however many files there are. The exit status follows the counts; a
/// walked file that is not a gtm profile is skipped, and a directory that
/// held none is an error.
#[allow(clippy::too_many_arguments)]
fn check_stream(
    walk: &Walk,
    verbose: bool,
    format: GateFormat,
    opts: &GateOptions,
    ran: &[&str],
    text: gtm_advisor::render::TextOptions,
    ctx: &Context,
    stdout: &mut dyn Write,
) -> std::io::Result<Late> {
    let rules = ctx.rules;
    enum Done {
        Judged(Box<Evaluation>, Verdict),
        Invalid(String, Vec<(Option<usize>, String)>),
        NotProfile,
    }
    let mut report = GateReport::new(format, opts, ran, text, Spool::new());
    let mut not_profile = Vec::with_capacity(walk.targets.len());
    for chunk in walk.targets.chunks(CHUNK) {
        let done: Vec<Done> = chunk
            .par_iter()
            // The gate never shows flip points; working them out for a
            // profile with many segments was most of a check's time.
            .map(
                |file| match evaluate_with(file, ctx, Detail::WithoutFlipPoints) {
                    Ok(e) => {
                        let verdict = gate::judge(&e.profile, &e.assessment, rules, opts);
                        Done::Judged(Box::new(e), verdict)
                    }
                    Err(failure) if failure.not_profile() => Done::NotProfile,
                    Err(failure) => {
                        Done::Invalid(shown_name(&file.path, ctx.stdin_name), failure.by_line())
                    }
                },
            )
            .collect();
        for d in &done {
            not_profile.push(matches!(d, Done::NotProfile));
            let checked = match d {
                Done::NotProfile => continue,
                Done::Judged(e, verdict) => Checked::Judged {
                    file: &e.file,
                    name: &e.profile.name,
                    verdict,
                },
                Done::Invalid(file, problems) => Checked::Invalid {
                    file,
                    problems: problems.clone(),
                },
            };
            report.file(&checked, stdout)?;
        }
    }
    let summary = report.finish(stdout)?;
    let (notes, errors) = walk.finish(&not_profile, verbose);
    let status = if summary.invalid > 0 || !errors.is_empty() {
        Status::Invalid
    } else if summary.failed > 0 {
        Status::CheckFailed
    } else {
        Status::Success
    };
    // The gate's own summary counts invalid files.
    Ok(Late {
        notes,
        errors,
        status,
        unread: 0,
    })
}
