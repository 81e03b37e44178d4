//! `gtm check`: the CI gate over files and directories, each result
//! written as it is decided, in the format a CI system reads.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::exit::Status;
use gtm_advisor::Assessment;
use gtm_advisor::diagnostic::{nearest, printable};
use gtm_advisor::engine::diff::diff;
use gtm_advisor::engine::gate::{self, Baseline, GateOptions, Verdict};
use gtm_advisor::profile::MAX_PROFILE_BYTES;
use gtm_advisor::render::gate::{Checked, GateFormat, GateReport};
use gtm_advisor::render::prose::history::motion_changed_message;
use gtm_advisor::spool::Spool;
use rayon::prelude::*;

use super::context::Context;
use super::input::{self, is_stdin, shown_name};
use super::load::{CHUNK, Evaluation, evaluate_text, evaluate_with};
use super::outcome::{Late, Outcome};
use super::walk::{Walk, expand};
use gtm_advisor::engine::assess::Detail;

/// Where the baseline of `--baseline` / `--baseline-ref` comes from.
#[derive(Debug, Clone)]
pub enum BaselineArg {
    /// No baseline.
    None,
    /// An earlier version as a file.
    File(PathBuf),
    /// The same path at a git revision.
    Ref(String),
}

/// The baseline read and decided: the name it goes by and its assessment.
type Based = Option<(String, Assessment)>;

/// Reads and decides the baseline of the one profile being checked.
fn read_baseline(arg: &BaselineArg, paths: &[PathBuf], ctx: &Context) -> Result<Based, String> {
    let target = match (arg, paths) {
        (BaselineArg::None, _) => return Ok(None),
        (_, [one]) if !one.is_dir() => one,
        _ => {
            return Err(
                "--baseline and --baseline-ref compare one profile with its earlier version; \
                 give one profile file (not a folder or several files)"
                    .into(),
            );
        }
    };
    if !is_stdin(target) && !target.exists() {
        // The check itself says the file is missing, as without a baseline.
        return Ok(None);
    }
    let (name, text) = match arg {
        BaselineArg::None => return Ok(None),
        BaselineArg::File(path) => {
            let input = input::read(path, MAX_PROFILE_BYTES, ctx.stdin_name)
                .map_err(|e| format!("--baseline: {e}"))?;
            (input.name, input.text)
        }
        BaselineArg::Ref(rev) => {
            if is_stdin(target) {
                return Err(
                    "--baseline-ref reads the profile's own path from git, and `-` has \
                     none; check a file, or give the earlier version with --baseline FILE"
                        .into(),
                );
            }
            super::git::show(rev, target)?
        }
    };
    let e = evaluate_text(name.clone(), &text, ctx).map_err(|failure| {
        let lines = failure.lines();
        format!(
            "the baseline {} is not a profile this rulebook can decide: {}",
            printable(&name),
            lines.join("; ")
        )
    })?;
    Ok(Some((name, e.assessment)))
}

/// Runs `gtm check` on `paths`.
#[allow(clippy::too_many_arguments)]
pub fn run(
    paths: &[PathBuf],
    format: GateFormat,
    opts: &GateOptions,
    baseline: &BaselineArg,
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
    let based = match read_baseline(baseline, paths, &ctx) {
        Ok(based) => based,
        Err(message) => return Outcome::failed(message),
    };
    let mut notes = Vec::new();
    let walk = match expand(paths, &mut notes) {
        Ok(walk) => walk,
        Err(message) => return Outcome::failed(message),
    };
    // The checklist gate only runs when asked for, so only then is it a rule.
    let ran: Vec<&'static str> = known
        .into_iter()
        .filter(|id| opts.require_checklist || *id != gate::CHECKLIST_INCOMPLETE)
        .filter(|id| based.is_some() || *id != gate::MOTION_CHANGED)
        .collect();
    let opts = opts.clone();
    let text = ctx.text;
    if quiet {
        notes.clear();
    }
    Outcome {
        notes,
        stream: Some(Box::new(move |stdout| {
            let mut sink = io::sink();
            let to: &mut dyn Write = if quiet { &mut sink } else { stdout };
            let mut late = check_stream(
                &walk,
                verbose,
                format,
                &opts,
                &ran,
                text,
                &ctx,
                based.as_ref(),
                to,
            )?;
            if quiet {
                late.notes.clear();
            }
            Ok(late)
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
    based: Option<&(String, Assessment)>,
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
                        let baseline = based.map(|(name, before)| {
                            let d = diff(before, &e.assessment);
                            Baseline {
                                motion: before.motion,
                                message: motion_changed_message(&d, name, rules),
                                name: name.clone(),
                                key: d.answers.first().map(|a| a.id.to_string()),
                            }
                        });
                        let verdict = gate::judge_against(
                            &e.profile,
                            &e.assessment,
                            rules,
                            opts,
                            baseline.as_ref(),
                        );
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
