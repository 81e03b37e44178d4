//! `gtm pql`: the profile's PQL criteria run on usage event files (or
//! printed as SQL), in text, JSON, Markdown or CSV.
//!
//! Without `--as-of`, "now" is the newest event, which only the last row
//! may show; so the events are read twice, first for that time, then for
//! the criteria. Standard input is copied to an anonymous temporary file
//! on the first read so it can be read again. Memory stays with accounts
//! and users either way.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use gtm_advisor::diagnostic::{echo, printable_path};
use gtm_advisor::motion::Motion;
use gtm_advisor::profile::pql::Pql;
use gtm_advisor::render::{self, PqlFormat};
use gtm_advisor::signals::read::{self, BadRow, ReadError, Row};
use gtm_advisor::signals::sql::{self, Dialect};
use gtm_advisor::signals::{Columns, Preset, Role, parallel, time};

use super::context::Context;
use super::input::is_stdin;
use super::load::evaluate;
use super::outcome::Outcome;
use super::walk::Target;

/// What `gtm pql` was asked.
pub struct Request<'a> {
    /// The profile.
    pub profile: &'a Path,
    /// The event files.
    pub events: &'a [PathBuf],
    /// `--preset`.
    pub preset: Option<Preset>,
    /// `--map`.
    pub map: &'a [String],
    /// `--as-of`.
    pub as_of: Option<&'a str>,
    /// `--strict`.
    pub strict: bool,
    /// `--top`.
    pub top: Option<usize>,
    /// `--format`.
    pub format: PqlFormat,
    /// `--sql`.
    pub sql: Option<Dialect>,
    /// `--table`.
    pub table: &'a str,
}

/// How many bad rows are named one by one; the rest are counted.
const BAD_ROWS_SHOWN: usize = 20;

/// Runs `gtm pql`.
pub fn run(req: &Request<'_>, ctx: &Context) -> Outcome {
    let dashes =
        usize::from(is_stdin(req.profile)) + req.events.iter().filter(|e| is_stdin(e)).count();
    if dashes > 1 {
        return Outcome::failed(
            "standard input (`-`) can be read only once; give the profile or one events input as `-`, and the others as files".into(),
        );
    }
    let as_of = match req.as_of.map(|t| (t, time::parse(t.as_bytes()))) {
        None => None,
        Some((_, Some(ms))) => Some(ms),
        Some((text, None)) => {
            return Outcome::failed(format!(
                "--as-of `{}` is not a time; write RFC 3339 (e.g. 2026-11-30T23:59:59Z) or Unix seconds",
                echo(text)
            ));
        }
    };
    let columns = match Columns::new(req.preset, req.map) {
        Ok(c) => c,
        Err(e) => return Outcome::failed(e.to_string()),
    };
    let e = match evaluate(&Target::named(req.profile), ctx) {
        Ok(e) => e,
        Err(failure) => return Outcome::failed_with(failure.lines()),
    };
    let motion = e.assessment.motion;
    let defaults = e.profile.pql.is_none();
    let pql = e.profile.pql.clone().unwrap_or_default();
    if let Some(dialect) = req.sql {
        let title = format!("{} ({})", e.profile.name, e.file);
        let q = sql::Query {
            dialect,
            table: req.table,
            columns: &columns,
            as_of,
            motion,
            title: &title,
        };
        return match sql::query(&q, &pql) {
            Ok(text) => Outcome::printed(text),
            Err(err) => Outcome::failed(format!("--table: {err}")),
        };
    }
    let mut sources = Vec::new();
    for path in req.events {
        match Source::open(path, as_of.is_none()) {
            Ok(s) => sources.push(s),
            Err(message) => return Outcome::failed(message),
        }
    }
    match signals(&mut sources, &columns, &pql, motion, as_of, req.strict) {
        Ok((v, warnings)) => {
            let window = pql.window_text.clone();
            let name = &e.profile.name;
            let top = req.top.unwrap_or(usize::MAX);
            let stdout = match req.format {
                PqlFormat::Text => render::text::pql(name, &v, &window, defaults, top, &ctx.text),
                PqlFormat::Json => render::json::pql(&e.file, &v, &window, defaults),
                PqlFormat::Markdown => {
                    render::markdown::signals("##", name, &v, &window, defaults, top)
                }
                PqlFormat::Csv => render::csv::pql(&v),
            };
            Outcome {
                stdout,
                notes: warnings,
                ..Outcome::default()
            }
        }
        Err(errors) => Outcome::failed_with(errors),
    }
}

/// The criteria run over `sources`: the verdict and the warnings for
/// stderr, or the errors that stopped it.
pub fn signals(
    sources: &mut [Source],
    columns: &Columns,
    pql: &Pql,
    motion: Motion,
    as_of: Option<i64>,
    strict: bool,
) -> Result<(gtm_advisor::signals::Verdict, Vec<String>), Vec<String>> {
    let passes = if as_of.is_some() { 1 } else { 2 };
    let total: u64 = sources.iter().map(|s| s.len).sum::<u64>() * passes;
    let progress = Progress::new(total);
    let as_of = match as_of {
        Some(ms) => ms,
        None => {
            let mut newest = None;
            for source in sources.iter_mut() {
                let mut usable = Usable::default();
                source.pass(columns, &progress, |row| {
                    if let Ok(r) = &row {
                        newest = Some(newest.map_or(r.ts, |n: i64| n.max(r.ts)));
                    }
                    usable.count(&row);
                })?;
                usable.check(&source.shown, columns)?;
            }
            newest.ok_or_else(|| vec!["no usable event in the inputs".to_string()])?
        }
    };
    let (mut shown, mut more, mut skipped) = (Vec::new(), 0usize, 0u64);
    let mut v = parallel::tally(pql, as_of, motion, parallel::workers(), |add| {
        for source in sources.iter_mut() {
            let mut usable = Usable::default();
            let name = source.shown.clone();
            source.pass(columns, &progress, |row| {
                usable.count(&row);
                match row {
                    Ok(r) => add(&r),
                    Err(bad) => {
                        skipped += 1;
                        if shown.len() < BAD_ROWS_SHOWN {
                            shown.push(format!(
                                "{name}:{}: {}; the row was skipped",
                                bad.line, bad.why
                            ));
                        } else {
                            more += 1;
                        }
                    }
                }
            })?;
            usable.check(&source.shown, columns)?;
        }
        Ok::<(), Vec<String>>(())
    })?;
    v.rows.read += skipped;
    v.rows.skipped += skipped;
    progress.done();
    if more > 0 {
        shown.push(format!("and {more} more bad rows, not shown"));
    }
    if strict && !shown.is_empty() {
        let mut errors: Vec<String> = shown
            .into_iter()
            .map(|s| s.replace("; the row was skipped", ""))
            .collect();
        errors.push(
            "--strict: bad rows are errors; fix them, or drop --strict to skip them with a warning"
                .into(),
        );
        return Err(errors);
    }
    let warnings = shown.into_iter().map(|s| format!("warning: {s}")).collect();
    Ok((v, warnings))
}

/// Counts of one input's rows, to tell a file with no usable row what it lacked.
#[derive(Default)]
struct Usable {
    good: u64,
    bad: u64,
    missing: [u64; 6],
    first_bad: Option<String>,
}

impl Usable {
    fn count(&mut self, row: &Result<Row<'_>, BadRow>) {
        match row {
            Ok(_) => self.good += 1,
            Err(b) => {
                self.bad += 1;
                if let Some(role) = b.missing {
                    self.missing[role as usize] += 1;
                }
                if self.first_bad.is_none() {
                    self.first_bad = Some(format!("line {}: {}", b.line, b.why));
                }
            }
        }
    }

    fn check(&self, shown: &str, columns: &Columns) -> Result<(), Vec<String>> {
        if self.good > 0 {
            return Ok(());
        }
        if self.bad == 0 {
            return Err(vec![format!(
                "{shown}: no events in it (it is empty, or only a header)"
            )]);
        }
        let lacking: Vec<String> = Role::ALL
            .into_iter()
            .filter(|r| self.missing[*r as usize] > 0)
            .map(|r| {
                format!(
                    "{} rows lack {} (looked for `{}`)",
                    self.missing[r as usize],
                    r.name(),
                    columns.path(r)
                )
            })
            .collect();
        let why = if lacking.is_empty() {
            format!("the first: {}", self.first_bad.as_deref().unwrap_or(""))
        } else {
            lacking.join(", ")
        };
        Err(vec![format!(
            "{shown}: none of its {} rows is usable: {why}; name the fields with --map ROLE=FIELD or pick a --preset",
            self.bad
        )])
    }
}

/// One events input, readable once per pass.
pub struct Source {
    shown: String,
    kind: Kind,
    len: u64,
}

/// Where a source's bytes come from.
enum Kind {
    /// A file that can be read again from its start (a regular file, or
    /// standard input or a pipe copied to an anonymous temporary file).
    Seekable(File),
    /// A pipe or FIFO, read once.
    Stream(File),
    /// Standard input, read once.
    Stdin,
}

impl Source {
    /// Opens `path` (`-` is standard input). When it must be read `twice`
    /// and cannot be read again (standard input, a pipe), it is first copied
    /// to an anonymous temporary file; read once, it is read as it comes.
    pub fn open(path: &Path, twice: bool) -> Result<Source, String> {
        let spool = |mut from: &mut dyn Read, shown: String| -> Result<Source, String> {
            let mut file = tempfile::tempfile().map_err(|e| {
                format!("{shown}: cannot make a temporary file to hold it for a second read ({e}); point TMPDIR at a writable folder, or give --as-of to read it once")
            })?;
            let len =
                io::copy(&mut from, &mut file).map_err(|e| format!("{shown}: cannot read: {e}"))?;
            Ok(Source {
                shown,
                kind: Kind::Seekable(file),
                len,
            })
        };
        if is_stdin(path) {
            return if twice {
                spool(&mut io::stdin().lock(), "<stdin>".into())
            } else {
                Ok(Source {
                    shown: "<stdin>".into(),
                    kind: Kind::Stdin,
                    len: 0,
                })
            };
        }
        let shown = printable_path(path);
        let file = File::open(path).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound => format!("{shown}: no such events file; check the path"),
            _ => format!("{shown}: cannot open: {e}"),
        })?;
        let meta = file
            .metadata()
            .map_err(|e| format!("{shown}: cannot open: {e}"))?;
        if meta.is_dir() {
            return Err(format!(
                "{shown}: is a directory; give the event files inside it"
            ));
        }
        if meta.is_file() {
            return Ok(Source {
                shown,
                kind: Kind::Seekable(file),
                len: meta.len(),
            });
        }
        if twice {
            let mut file = file;
            return spool(&mut file, shown);
        }
        Ok(Source {
            shown,
            kind: Kind::Stream(file),
            len: 0,
        })
    }

    fn pass(
        &mut self,
        columns: &Columns,
        progress: &Progress,
        each: impl FnMut(Result<Row<'_>, BadRow>),
    ) -> Result<(), Vec<String>> {
        let shown = &self.shown;
        let fail = |e: &dyn std::fmt::Display| vec![format!("{shown}: {e}")];
        let read = match &mut self.kind {
            Kind::Seekable(file) => {
                file.seek(SeekFrom::Start(0)).map_err(|e| fail(&e))?;
                read::rows(
                    Counting {
                        inner: file,
                        progress,
                    },
                    columns,
                    each,
                )
            }
            Kind::Stream(file) => read::rows(
                Counting {
                    inner: file,
                    progress,
                },
                columns,
                each,
            ),
            Kind::Stdin => read::rows(
                Counting {
                    inner: io::stdin().lock(),
                    progress,
                },
                columns,
                each,
            ),
        };
        read.map_err(|e| match e {
            ReadError::Io(io) => fail(&format!("cannot read: {io}")),
            other => fail(&other),
        })?;
        Ok(())
    }
}

/// A progress bar on stderr, drawn only on a terminal and only once a read
/// has taken more than a moment.
struct Progress {
    bar: indicatif::ProgressBar,
    started: Instant,
    terminal: bool,
    shown: std::cell::Cell<bool>,
}

impl Progress {
    fn new(total: u64) -> Progress {
        use std::io::IsTerminal;
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(total),
            indicatif::ProgressDrawTarget::hidden(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "reading events {bar:30} {bytes}/{total_bytes} ({eta} left)",
        ) {
            bar.set_style(style);
        }
        Progress {
            bar,
            started: Instant::now(),
            terminal: io::stderr().is_terminal(),
            shown: false.into(),
        }
    }

    fn advance(&self, bytes: usize) {
        self.bar.inc(bytes as u64);
        if self.terminal && !self.shown.get() && self.started.elapsed() > Duration::from_secs(1) {
            self.shown.set(true);
            self.bar
                .set_draw_target(indicatif::ProgressDrawTarget::stderr());
        }
    }

    fn done(&self) {
        self.bar.finish_and_clear();
    }
}

struct Counting<'a, R> {
    inner: R,
    progress: &'a Progress,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.progress.advance(n);
        Ok(n)
    }
}
