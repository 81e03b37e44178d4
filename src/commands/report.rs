//! `gtm report`: the client report of one or more profiles, HTML or
//! Markdown by the target's extension, written whole or not at all.

use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use crate::exit::Status;
use gtm_advisor::diagnostic::printable_path;
use gtm_advisor::engine::assess::Detail;
use gtm_advisor::render::{self, Row};
use gtm_advisor::spool::Spool;

use super::context::Context;
use super::load::stream_files;
use super::outcome::{Outcome, write_error};
use super::walk::{Walk, expand};
use super::write::{not_regular, write_atomically_with};

/// Runs `gtm report` on the files and directories in `args`, writing `target`.
pub fn run(args: &[PathBuf], target: &Path, force: bool, verbose: bool, ctx: &Context) -> Outcome {
    let extension = target
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let markdown = match extension.as_deref() {
        Some("html" | "htm") => false,
        Some("md" | "markdown") => true,
        _ => {
            return Outcome::failed(format!(
                "--out {}: the report's format comes from its extension; use .html (or .htm) or .md (or .markdown)",
                printable_path(target)
            ));
        }
    };
    if force {
        if let Some(e) = not_regular(target) {
            let shown = printable_path(target);
            return Outcome::failed(format!("{shown}: {e}"));
        }
    }
    if target.exists() && !force {
        let exists = std::io::Error::from(ErrorKind::AlreadyExists);
        return write_error(exists, target, "pass --force to replace it").into();
    }
    let mut out = Outcome::default();
    let walk = match expand(args, &mut out.notes) {
        Ok(walk) => walk,
        Err(message) => return Outcome::failed(message),
    };
    let mut late = super::outcome::Late::default();
    let written = write_atomically_with(target, force, |file| {
        report_stream(&walk, verbose, markdown, ctx, file, &mut late)
    });
    out.notes.extend(late.notes);
    let late_unread = late.unread;
    if !late.errors.is_empty() {
        out.errors.extend(late.errors);
        out.status = Status::Invalid;
    }
    match written {
        Ok(Some(n)) => {
            let noun = if n == 1 { "profile" } else { "profiles" };
            let unread = match late_unread {
                0 => String::new(),
                u => format!("; {u} could not be read"),
            };
            out.notes.push(format!(
                "wrote {} ({n} {noun}{unread})",
                printable_path(target)
            ));
        }
        // No profile could be used: the errors say why, and nothing is written.
        Ok(None) => {}
        Err(e) => {
            let e = write_error(e, target, "pass --force to replace it");
            out.errors.push(format!("{e:#}"));
            out.status = Status::Invalid;
        }
    }
    out
}

/// Writes the client report of `files` to `out`, rendering each profile's
/// section once, in file order, into a [`Spool`] while the small rows of the
/// overview gather; then the head (which names the count and shows every
/// row), the sections and the end. Returns how many profiles it holds, or
/// `None` if none could be used (then nothing should be kept).
fn report_stream(
    walk: &Walk,
    verbose: bool,
    markdown: bool,
    ctx: &Context,
    out: &mut dyn Write,
    late: &mut super::outcome::Late,
) -> std::io::Result<Option<usize>> {
    let rules = ctx.rules;
    let mut sections = Spool::new();
    let mut flips = Spool::new();
    let mut rows = Vec::new();
    let mut marks = Vec::new();
    *late = stream_files(
        walk,
        verbose,
        Detail::Full,
        ctx,
        |e| e,
        |e| {
            let index = rows.len();
            rows.push(Row::new(&e.file, &e.assessment));
            let section = if markdown {
                flips.write_all(
                    render::markdown::report_flip_points(&e.assessment, rules).as_bytes(),
                )?;
                render::markdown::assessment(&e.assessment, rules)
            } else {
                render::html::profile_section(&e.view(), rules, index)
            };
            marks.push(sections.section(&section)?);
            Ok(())
        },
    )?;
    if rows.is_empty() {
        return Ok(None);
    }
    let mut reader = sections.reader()?;
    if markdown {
        let table: Vec<&Row> = rows.iter().collect();
        out.write_all(render::markdown::report_head(&table, late.unread, rules).as_bytes())?;
        for mark in &marks {
            out.write_all(render::markdown::report_between(rows.len()).as_bytes())?;
            reader.copy(*mark, out)?;
        }
        out.write_all(render::markdown::REPORT_FLIP_POINTS.as_bytes())?;
        flips.copy_all(out)?;
    } else {
        out.write_all(render::html::head(&rows, late.unread, rules).as_bytes())?;
        for mark in &marks {
            reader.copy(*mark, out)?;
        }
        out.write_all(render::html::foot(rules).as_bytes())?;
    }
    Ok(Some(rows.len()))
}
