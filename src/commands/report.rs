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
use super::input::is_stdin;
use super::load::stream_files;
use super::outcome::{Outcome, write_error};
use super::walk::{Walk, expand};
use super::write::{not_regular, write_atomically_with};
use crate::cli::ReportFormat;
use gtm_advisor::render::meta::ReportMeta;

/// What `gtm report` was asked for besides its files.
pub struct Request<'a> {
    /// Where to write; `-` is standard output.
    pub target: &'a Path,
    /// The format, when given; otherwise from the target's extension.
    pub format: Option<ReportFormat>,
    /// Replace the target if it exists.
    pub force: bool,
    /// Title, author and date.
    pub meta: ReportMeta,
    /// Usage events for the Signals sections.
    pub events: &'a [PathBuf],
    /// Their preset.
    pub preset: Option<gtm_advisor::signals::Preset>,
    /// Their `--map`.
    pub map: &'a [String],
}

/// The usage events a report reads for its Signals sections.
struct Events {
    sources: Vec<super::pql::Source>,
    columns: gtm_advisor::signals::Columns,
    /// Whether a profile has used them yet (their warnings are told once).
    used: bool,
    /// The newest event, once a profile's run has found it: it does not
    /// depend on the criteria, so later profiles read the events once.
    as_of: Option<i64>,
}

impl Events {
    fn open(request: &Request<'_>, args: &[PathBuf]) -> Result<Option<Events>, String> {
        if request.events.is_empty() {
            return Ok(None);
        }
        let dashes = request.events.iter().filter(|e| is_stdin(e)).count()
            + args.iter().filter(|a| is_stdin(a)).count();
        if dashes > 1 {
            return Err("standard input (`-`) can be read only once; give the profiles or one --events input as `-`, and the others as files".into());
        }
        let columns = gtm_advisor::signals::Columns::new(request.preset, request.map)
            .map_err(|e| e.to_string())?;
        let sources = request
            .events
            .iter()
            .map(|p| super::pql::Source::open(p, true))
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Some(Events {
            sources,
            columns,
            used: false,
            as_of: None,
        }))
    }

    /// The Signals verdict of one profile, when it has criteria.
    fn verdict(
        &mut self,
        e: &super::load::Evaluation,
        late: &mut super::outcome::Late,
    ) -> Option<(gtm_advisor::signals::Verdict, String)> {
        let pql = e.profile.pql.as_ref()?;
        match super::pql::signals(
            &mut self.sources,
            &self.columns,
            pql,
            e.assessment.motion,
            self.as_of,
            false,
        ) {
            Ok((v, warnings)) => {
                self.as_of = Some(v.as_of);
                if !self.used {
                    late.notes.extend(warnings);
                }
                self.used = true;
                Some((v, pql.window_text.clone()))
            }
            Err(errors) => {
                if !self.used {
                    late.errors.extend(errors);
                }
                self.used = true;
                None
            }
        }
    }
}

/// The report's title, author and date from the command line; the date is
/// today's unless given (`''` for none), or SOURCE_DATE_EPOCH's when set,
/// so a report can be rebuilt byte for byte.
pub fn meta(title: &Option<String>, author: &Option<String>, date: &Option<String>) -> ReportMeta {
    let given = |v: &Option<String>| v.as_ref().filter(|s| !s.trim().is_empty()).cloned();
    ReportMeta {
        title: given(title),
        author: given(author),
        date: match date {
            Some(_) => given(date),
            None => Some(today()),
        },
    }
}

/// Today as YYYY-MM-DD (UTC), from SOURCE_DATE_EPOCH when that is set.
fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    civil_date(seconds / 86_400)
}

/// The calendar date `days` after 1970-01-01 (proleptic Gregorian).
fn civil_date(days: u64) -> String {
    let ms = i64::try_from(days)
        .unwrap_or(0)
        .saturating_mul(gtm_advisor::signals::time::DAY_MS);
    let stamp = gtm_advisor::signals::time::format(ms);
    stamp.split('T').next().unwrap_or(&stamp).to_string()
}

/// Runs `gtm report` on the files and directories in `args`.
pub fn run(args: &[PathBuf], request: Request<'_>, verbose: bool, ctx: &Context) -> Outcome {
    let mut events = match Events::open(&request, args) {
        Ok(events) => events,
        Err(message) => return Outcome::failed(message),
    };
    let Request {
        target,
        format,
        force,
        meta,
        ..
    } = request;
    let extension = target
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase);
    let markdown = match (format, extension.as_deref()) {
        (Some(f), _) => f == ReportFormat::Markdown,
        (None, _) if is_stdin(target) => false,
        (None, Some("html" | "htm")) => false,
        (None, Some("md" | "markdown")) => true,
        _ => {
            return Outcome::failed(format!(
                "--out {}: the report's format comes from its extension; use .html (or .htm) or .md (or .markdown), or say --format html|markdown",
                printable_path(target)
            ));
        }
    };
    if is_stdin(target) {
        let mut out = Outcome::default();
        let walk = match expand(args, &mut out.notes) {
            Ok(walk) => walk,
            Err(message) => return Outcome::failed(message),
        };
        let ctx = *ctx;
        out.stream = Some(Box::new(move |stdout| {
            let mut late = super::outcome::Late::default();
            report_stream(
                Job {
                    walk: &walk,
                    verbose,
                    markdown,
                    meta: &meta,
                },
                &ctx,
                events.as_mut(),
                stdout,
                &mut late,
            )?;
            if !late.errors.is_empty() {
                late.status = Status::Invalid;
            }
            Ok(late)
        }));
        return out;
    }
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
        report_stream(
            Job {
                walk: &walk,
                verbose,
                markdown,
                meta: &meta,
            },
            ctx,
            events.as_mut(),
            file,
            &mut late,
        )
    });
    if events.as_ref().is_some_and(|e| !e.used) {
        late.notes.push(
            "--events: no profile has a [pql] table, so no Signals section was written; add one (docs/pql.md)".into(),
        );
    }
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

/// What one report is made of: the profiles and how to write them.
struct Job<'a> {
    walk: &'a Walk,
    verbose: bool,
    markdown: bool,
    meta: &'a ReportMeta,
}

/// Writes the client report of `files` to `out`, rendering each profile's
/// section once, in file order, into a [`Spool`] while the small rows of the
/// overview gather; then the head (which names the count and shows every
/// row), the sections and the end. Returns how many profiles it holds, or
/// `None` if none could be used (then nothing should be kept).
fn report_stream(
    job: Job<'_>,
    ctx: &Context,
    mut events: Option<&mut Events>,
    out: &mut dyn Write,
    late: &mut super::outcome::Late,
) -> std::io::Result<Option<usize>> {
    let Job {
        walk,
        verbose,
        markdown,
        meta,
    } = job;
    let mut signal_notes = super::outcome::Late::default();
    let rules = ctx.rules;
    let panel = super::compare::Panel::new(ctx);
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
            let (c, reference) = panel.compare(&e.profile);
            let acv = e.profile.acv;
            let signals = events
                .as_deref_mut()
                .and_then(|ev| ev.verdict(&e, &mut signal_notes));
            let section = if markdown {
                flips.write_all(
                    render::markdown::report_flip_points(&e.assessment, rules).as_bytes(),
                )?;
                let mut s = render::markdown::client_section(&e.assessment, rules);
                s.push_str(&render::markdown::client_opinions(acv, &c, reference));
                if let Some((v, window)) = &signals {
                    s.push_str(&render::markdown::client_signals(v, window));
                }
                s
            } else {
                let mut extra = render::html::second_opinions(acv, &c, reference);
                if let Some((v, window)) = &signals {
                    extra.push_str(&render::html::signals(v, window));
                }
                render::html::profile_section(&e.view(), rules, index, &extra)
            };
            marks.push(sections.section(&section)?);
            Ok(())
        },
    )?;
    late.notes.append(&mut signal_notes.notes);
    if !signal_notes.errors.is_empty() {
        // The events could not be read: no report is written rather than
        // one without the section that was asked for.
        late.errors.append(&mut signal_notes.errors);
        return Ok(None);
    }
    if rows.is_empty() {
        return Ok(None);
    }
    let mut reader = sections.reader()?;
    if markdown {
        let table: Vec<&Row> = rows.iter().collect();
        out.write_all(render::markdown::report_head(&table, late.unread, meta, rules).as_bytes())?;
        for mark in &marks {
            out.write_all(render::markdown::report_between(rows.len()).as_bytes())?;
            reader.copy(*mark, out)?;
        }
        out.write_all(render::markdown::REPORT_FLIP_POINTS.as_bytes())?;
        flips.copy_all(out)?;
        out.write_all(render::markdown::report_foot(rules).as_bytes())?;
    } else {
        out.write_all(render::html::head(&rows, late.unread, meta, rules).as_bytes())?;
        for mark in &marks {
            reader.copy(*mark, out)?;
        }
        out.write_all(render::html::foot(rules).as_bytes())?;
    }
    Ok(Some(rows.len()))
}

#[cfg(test)]
mod tests {
    use super::civil_date;

    #[test]
    fn days_since_1970_are_calendar_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(59), "1970-03-01");
        assert_eq!(civil_date(11_016), "2000-02-29");
        assert_eq!(civil_date(20_789), "2026-12-02");
    }
}
