//! Runs one parsed command line: reads inputs, calls the engine and the
//! renderers, and returns the text for stdout, the messages for stderr and
//! the exit status. It prints nothing itself, so main stays the only edge.

use std::borrow::Cow;
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

use gtm_advisor::check::{self, GateOptions, Verdict};
use gtm_advisor::diagnostic::FileProblems;
use gtm_advisor::diagnostic::{nearest, printable, printable_path};
use gtm_advisor::engine::assess::{Detail, assess_with};
use gtm_advisor::engine::{checklist, load_rules as load_rulebook};
use gtm_advisor::input::{self, InputError};
use gtm_advisor::profile::{self, MAX_PROFILE_BYTES, STARTER};
use gtm_advisor::render::gate::{Checked, GateFormat, GateReport};
use gtm_advisor::render::{self, Evaluated, Format, Row, TextOptions};
use gtm_advisor::rulebook::DEFAULT_RULEBOOK;
use gtm_advisor::spool::Spool;
use gtm_advisor::whatif::{self, Change};
use gtm_advisor::{Assessment, Motion, Profile, Rulebook, assess, exit};

use rayon::prelude::*;

use crate::cli::{
    CheckArgs, CheckFormat, ChecklistArgs, Cli, Command, CompletionsArgs, DenyLevel, ExplainArgs,
    InitArgs, InterviewArgs, Lazy, ManArgs, RecommendArgs, RecommendFormat, ReportArgs, RulesArgs,
    SortKey, WhatIfArgs,
};

/// Standard output that is produced while it is written, for results too
/// large to hold: it writes to the given stream and says how it ended.
pub type Stream = Box<dyn FnOnce(&mut dyn Write) -> std::io::Result<Late>>;

/// How a [`Stream`] ended: the inputs it could not use, and the exit status
/// its results call for (the larger of this and the command's own wins;
/// any error makes it 2).
#[derive(Debug, Default)]
pub struct Late {
    /// Messages for standard error, without the "error: " prefix.
    pub errors: Vec<String>,
    /// The exit status the results call for.
    pub status: u8,
}

/// How many profiles a streamed portfolio decides at once, in parallel,
/// before writing them: enough to keep the cores busy, few enough that
/// memory does not grow with the portfolio.
const CHUNK: usize = 256;

/// What a command produced.
#[derive(Default)]
pub struct Outcome {
    /// Text for standard output.
    pub stdout: String,
    /// More standard output, written after `stdout`; any error it returns
    /// is reported like those in `errors` and makes the exit status 2.
    pub stream: Option<Stream>,
    /// Messages for standard error, one per entry, without the "error: " prefix.
    pub errors: Vec<String>,
    /// Notes for standard error that are not errors.
    pub notes: Vec<String>,
    /// The exit status.
    pub status: u8,
}

impl Outcome {
    /// Success, with `stdout` to print.
    pub fn printed(stdout: String) -> Outcome {
        Outcome {
            stdout,
            ..Outcome::default()
        }
    }

    /// A single error and exit status 2.
    pub fn failed(message: String) -> Outcome {
        Outcome::failed_with(vec![message])
    }

    /// Several errors and exit status 2.
    pub fn failed_with(errors: Vec<String>) -> Outcome {
        Outcome {
            errors,
            status: exit::INVALID,
            ..Outcome::default()
        }
    }
}

impl From<anyhow::Error> for Outcome {
    /// A failure at the edge: the message with its whole chain of causes
    /// (`FILE: cannot write: Permission denied`), and exit status 2.
    fn from(error: anyhow::Error) -> Outcome {
        Outcome::failed(format!("{error:#}"))
    }
}

/// A failed write with the file named: a file that exists gets
/// `exists_hint` (what to do instead), any other failure says the file
/// could not be written and why.
fn write_error(error: std::io::Error, path: &Path, exists_hint: &str) -> anyhow::Error {
    let shown = printable_path(path);
    if error.kind() == ErrorKind::AlreadyExists {
        anyhow::anyhow!("{shown}: already exists and was left untouched; {exists_hint}")
    } else {
        anyhow::Error::new(error).context(format!("{shown}: cannot write"))
    }
}

/// The rulebook named by `--rules`, or the built-in one, with its TOML text.
///
/// The rulebook lives as long as the process: it is leaked rather than
/// freed (some 1,200 small allocations) just before the process exits, and a
/// streamed portfolio can borrow it without a copy.
fn load_rules(cli: &Cli) -> Result<(&'static Rulebook, Cow<'static, str>), Vec<String>> {
    let (rules, text) = match rules_file(cli) {
        // The text is only printed by `gtm rules`; no need to copy it.
        None => (Rulebook::default_rules(), Cow::Borrowed(DEFAULT_RULEBOOK)),
        Some(path) => {
            let input = input::read(path, MAX_PROFILE_BYTES).map_err(|e| vec![e.to_string()])?;
            let rules = load_rulebook(&input.text, &input.name).map_err(|e| problem_lines(&e))?;
            (rules, Cow::Owned(input.text))
        }
    };
    Ok((Box::leak(Box::new(rules)), text))
}

/// The `--rules` file the command names, if any.
fn rules_file(cli: &Cli) -> Option<&Path> {
    let arg = match cli.command.as_ref()? {
        Command::Interview(Lazy(a)) => &a.rulebook,
        Command::Recommend(Lazy(a)) => &a.rulebook,
        Command::Explain(Lazy(a)) => &a.rulebook,
        Command::WhatIf(Lazy(a)) => &a.rulebook,
        Command::Report(Lazy(a)) => &a.rulebook,
        Command::Checklist(Lazy(a)) => &a.rulebook,
        Command::Check(Lazy(a)) => &a.rulebook,
        Command::Schema(a) => &a.rulebook,
        Command::Rules(Lazy(a)) => &a.rulebook,
        Command::Completions(_) | Command::Man(_) | Command::Init(_) => return None,
    };
    arg.rules.as_deref()
}

/// One message per problem, so each gets its own "error:" prefix.
fn problem_lines(problems: &FileProblems) -> Vec<String> {
    problems
        .problems
        .iter()
        .map(|p| FileProblems::new(&problems.file, vec![p.clone()]).to_string())
        .collect()
}

/// Why one profile could not be evaluated.
enum LoadFailure {
    Input(InputError),
    Problems(FileProblems),
}

impl LoadFailure {
    /// One message per problem, for standard error.
    fn lines(&self) -> Vec<String> {
        match self {
            LoadFailure::Input(e) => vec![e.to_string()],
            LoadFailure::Problems(p) => problem_lines(p),
        }
    }
}

/// A profile read, validated and scored.
struct Evaluation {
    file: String,
    profile: Profile,
    assessment: Assessment,
}

impl Evaluation {
    /// The evaluation as the renderers take it.
    fn view(&self) -> Evaluated<'_> {
        Evaluated {
            file: &self.file,
            assessment: &self.assessment,
        }
    }
}

fn evaluate(arg: &Path, rules: &Rulebook) -> Result<Evaluation, LoadFailure> {
    evaluate_with(arg, rules, Detail::Full)
}

fn evaluate_with(arg: &Path, rules: &Rulebook, detail: Detail) -> Result<Evaluation, LoadFailure> {
    let (file, profile) = load(arg, rules)?;
    let assessment = assess_with(&profile, rules, detail);
    Ok(Evaluation {
        file,
        profile,
        assessment,
    })
}

/// Reads and validates one profile: the name it is shown by, and the profile.
fn load(arg: &Path, rules: &Rulebook) -> Result<(String, Profile), LoadFailure> {
    let input = input::read(arg, MAX_PROFILE_BYTES).map_err(LoadFailure::Input)?;
    let profile = profile::parse(&input.text, &input.name, rules).map_err(LoadFailure::Problems)?;
    Ok((input.name, profile))
}

/// A profile's portfolio row, decided without the full explanation.
fn summarize(arg: &Path, rules: &Rulebook) -> Result<Row, LoadFailure> {
    let (file, profile) = load(arg, rules)?;
    let summary = gtm_advisor::engine::assess::summarize(&profile, rules);
    Ok(Row::summary(&file, &profile, &summary))
}

/// Validates and scores a profile already read; `file` names it in messages.
fn evaluate_text(file: String, text: &str, rules: &Rulebook) -> Result<Evaluation, LoadFailure> {
    let profile = profile::parse(text, &file, rules).map_err(LoadFailure::Problems)?;
    let assessment = assess(&profile, rules);
    Ok(Evaluation {
        file,
        profile,
        assessment,
    })
}

/// Text options for this process's standard output.
pub fn text_options() -> TextOptions {
    use std::io::IsTerminal;
    let var = |name| std::env::var(name).ok();
    let (columns, no_color, clicolor_force, term) = (
        var("COLUMNS"),
        var("NO_COLOR"),
        var("CLICOLOR_FORCE"),
        var("TERM"),
    );
    let terminal = std::io::stdout().is_terminal();
    TextOptions::detect(gtm_advisor::render::Surroundings {
        terminal,
        // Asked only of a terminal, and only when COLUMNS does not say.
        terminal_width: (terminal && columns.is_none())
            .then(|| terminal_size::terminal_size_of(std::io::stdout()))
            .flatten()
            .map(|(terminal_size::Width(w), _)| w),
        columns: columns.as_deref(),
        no_color: no_color.as_deref(),
        clicolor_force: clicolor_force.as_deref(),
        term: term.as_deref(),
    })
}

/// Runs the command and reports what it produced.
pub fn run(cli: &Cli) -> Outcome {
    let (rules, rules_text) = match load_rules(cli) {
        Ok(loaded) => loaded,
        Err(errors) => {
            return Outcome::failed_with(errors);
        }
    };
    let Some(command) = &cli.command else {
        if crate::interactive::attended() {
            return crate::interactive::run(None, None, rules);
        }
        let help = crate::cli::command().render_long_help().to_string();
        return Outcome {
            errors: Vec::new(),
            notes: vec![help],
            status: exit::INVALID,
            ..Outcome::default()
        };
    };
    match command {
        Command::Interview(Lazy(InterviewArgs { save, from, .. })) => {
            crate::interactive::run(save.as_deref(), from.as_deref(), rules)
        }
        Command::Recommend(Lazy(RecommendArgs {
            files,
            format,
            sort,
            walk,
            stdin,
            ..
        })) => {
            name_stdin(stdin.stdin_name.as_deref());
            recommend(files, *format, *sort, walk.verbose, rules)
        }
        Command::Explain(Lazy(ExplainArgs {
            file,
            format,
            stdin,
            ..
        })) => {
            name_stdin(stdin.stdin_name.as_deref());
            explain(file, (*format).into(), rules)
        }
        Command::Checklist(Lazy(ChecklistArgs { motion, format, .. })) => {
            let items = checklist::for_motion(rules, *motion, None, &[]);
            let stdout = match Format::from(*format) {
                Format::Text => render::text::checklist(*motion, &items, rules, &text_options()),
                Format::Json => render::json::checklist(*motion, &items, rules),
                Format::Markdown => render::markdown::checklist(*motion, &items, rules),
            };
            Outcome::printed(stdout)
        }
        Command::Init(Lazy(InitArgs { file })) => init(file),
        Command::Report(Lazy(ReportArgs {
            files,
            out,
            force,
            walk,
            ..
        })) => report(files, out, *force, walk.verbose, rules),
        Command::WhatIf(Lazy(WhatIfArgs {
            file,
            set,
            format,
            stdin,
            ..
        })) => {
            name_stdin(stdin.stdin_name.as_deref());
            what_if(file, set, (*format).into(), rules)
        }
        Command::Check(Lazy(CheckArgs {
            paths,
            format,
            deny,
            allow,
            require_checklist,
            walk,
            stdin,
            ..
        })) => {
            name_stdin(stdin.stdin_name.as_deref());
            let opts = GateOptions {
                deny_warnings: deny.contains(&DenyLevel::Warnings),
                allow: allow.clone(),
                require_checklist: *require_checklist,
            };
            check(paths, *format, &opts, walk.verbose, rules)
        }
        Command::Completions(Lazy(CompletionsArgs { shell })) => {
            let mut buffer = Vec::new();
            clap_complete::generate(*shell, &mut crate::cli::command(), "gtm", &mut buffer);
            Outcome::printed(String::from_utf8_lossy(&buffer).into_owned())
        }
        Command::Man(Lazy(ManArgs {
            command,
            out,
            force,
        })) => man(command.as_deref(), out.as_deref(), *force),
        Command::Schema(_) => {
            let schema = gtm_advisor::schema::profile_schema(rules);
            let mut stdout = serde_json::to_string_pretty(&schema).unwrap_or_default();
            stdout.push('\n');
            Outcome::printed(stdout)
        }
        Command::Rules(Lazy(RulesArgs { format, .. })) => {
            let stdout = match Format::from(*format) {
                Format::Text => rules_text.into_owned(),
                Format::Json => render::json::rulebook(rules),
                Format::Markdown => render::markdown::rulebook(rules),
            };
            Outcome::printed(stdout)
        }
    }
}

/// `gtm man`: one page on stdout (gtm(1), or one command's), or with
/// `--out DIR` every page written into DIR.
fn man(command: Option<&str>, out: Option<&Path>, force: bool) -> Outcome {
    let pages = crate::manpages::pages();
    let Some(dir) = out else {
        let wanted = command.map_or_else(|| "gtm".to_string(), |c| format!("gtm-{c}"));
        return match pages.into_iter().find(|p| p.name == wanted) {
            Some(page) => Outcome::printed(page.roff),
            None => Outcome::failed(format!(
                "no command `{}`; `gtm --help` lists the commands",
                printable(command.unwrap_or_default())
            )),
        };
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        let e = anyhow::Error::new(e).context(format!("{}: cannot create", printable_path(dir)));
        return e.into();
    }
    let mut outcome = Outcome::default();
    let mut written = 0;
    for page in &pages {
        let path = dir.join(format!("{}.1", page.name));
        match crate::write::write_atomically(&path, &page.roff, force) {
            Ok(()) => written += 1,
            Err(e) => {
                let e = write_error(e, &path, "pass --force to replace it");
                outcome.errors.push(format!("{e:#}"));
            }
        }
    }
    if !outcome.errors.is_empty() {
        outcome.status = exit::INVALID;
    }
    outcome.notes.push(format!(
        "wrote {written} of {} man pages into {}; add it to MANPATH, or use a directory already there, then `man gtm`",
        pages.len(),
        printable_path(dir)
    ));
    outcome
}

/// `work` on every file, in parallel when there is more than one (starting
/// the thread pool costs about a millisecond, which one profile does not
/// repay), results in file order.
fn each_file<T: Send>(files: &[PathBuf], work: impl Fn(&PathBuf) -> T + Sync + Send) -> Vec<T> {
    if files.len() > 1 {
        files.par_iter().map(work).collect()
    } else {
        files.iter().map(work).collect()
    }
}

/// The successes, in order; each failure's messages go to `out`, with status 2.
fn successes<T>(results: Vec<Result<T, LoadFailure>>, out: &mut Outcome) -> Vec<T> {
    let mut good = Vec::new();
    for result in results {
        match result {
            Ok(t) => good.push(t),
            Err(failure) => out.errors.extend(failure.lines()),
        }
    }
    if !out.errors.is_empty() {
        out.status = exit::INVALID;
    }
    good
}

/// Orders results by name, ACV or motion (then name); stable, so ties keep their order.
fn sort_by_key<T>(items: &mut [T], sort: Option<SortKey>, key: impl Fn(&T) -> (&str, f64, Motion)) {
    match sort {
        None => {}
        Some(SortKey::Name) => items.sort_by(|a, b| key(a).0.cmp(key(b).0)),
        Some(SortKey::Acv) => items.sort_by(|a, b| key(a).1.total_cmp(&key(b).1)),
        Some(SortKey::Motion) => {
            items.sort_by(|a, b| key(a).2.cmp(&key(b).2).then_with(|| key(a).0.cmp(key(b).0)))
        }
    }
}

fn recommend(
    args: &[PathBuf],
    format: RecommendFormat,
    sort: Option<SortKey>,
    verbose: bool,
    rules: &'static Rulebook,
) -> Outcome {
    let mut out = Outcome::default();
    if args.iter().filter(|f| is_stdin(f)).count() > 1 {
        return Outcome::failed("`-` (standard input) can be given only once".to_string());
    }
    let files = match expand(args, verbose, &mut out.notes) {
        Ok(files) => files,
        Err(message) => return Outcome::failed(message),
    };
    let portfolio = files.len() > 1 || args.iter().any(|a| a.is_dir());

    // Reading and scoring are independent per file; rayon keeps the order.
    if matches!(format, RecommendFormat::Text | RecommendFormat::Csv) && portfolio
        || format == RecommendFormat::Csv
    {
        // A table or CSV needs one small row per profile, not the whole
        // assessment, which keeps memory flat for large portfolios.
        let rows = each_file(&files, |f| summarize(f, rules));
        let mut rows = successes(rows, &mut out);
        if rows.is_empty() {
            return out;
        }
        sort_by_key(&mut rows, sort, |r| {
            (r.name.as_str(), r.acv.dollars(), r.brief.motion)
        });
        match format {
            RecommendFormat::Csv => out.stdout = render::csv::portfolio(&rows),
            _ => {
                // The rows are small; the drawn table is not, so it is
                // written a block at a time rather than held.
                let opts = text_options();
                out.stream = Some(Box::new(move |stdout| {
                    render::text::write_portfolio(&rows, rules, &opts, stdout)?;
                    Ok(Late::default())
                }));
            }
        }
        return out;
    }
    if format == RecommendFormat::Json && portfolio {
        let order = match sort {
            None => files.into_iter().map(Pending::File).collect(),
            // Sorting needs every key before the first element is written, so
            // a first pass scores each profile for its key alone and the
            // stream scores it again; only standard input, which cannot be
            // read twice, keeps its rendered text.
            Some(_) => {
                let keys = each_file(&files, |f| {
                    evaluate(f, rules).map(|e| {
                        let a = &e.assessment;
                        // Standard input, a FIFO or a device cannot be read
                        // twice: keep what was rendered from the one read.
                        let once = is_stdin(f) || !std::fs::metadata(f).is_ok_and(|m| m.is_file());
                        let pending = if once {
                            Pending::Rendered(json_element(&e))
                        } else {
                            Pending::File(f.clone())
                        };
                        (a.name.clone(), a.acv.dollars(), a.motion, pending)
                    })
                });
                let mut keys = successes(keys, &mut out);
                sort_by_key(&mut keys, sort, |(name, acv, motion, _)| {
                    (name.as_str(), *acv, *motion)
                });
                keys.into_iter().map(|key| key.3).collect()
            }
        };
        out.stream = Some(Box::new(move |stdout| json_portfolio(order, rules, stdout)));
        return out;
    }
    if format == RecommendFormat::Markdown && portfolio {
        out.stream = Some(Box::new(move |stdout| {
            markdown_portfolio(&files, sort, rules, stdout)
        }));
        return out;
    }
    // Only JSON shows flip points here; text and Markdown skip working them out.
    let detail = match format {
        RecommendFormat::Json => Detail::Full,
        _ => Detail::WithoutFlipPoints,
    };
    let results = each_file(&files, |f| evaluate_with(f, rules, detail));
    let mut results = successes(results, &mut out);
    if results.is_empty() {
        return out;
    }
    sort_by_key(&mut results, sort, |e| {
        (
            e.assessment.name.as_str(),
            e.assessment.acv.dollars(),
            e.assessment.motion,
        )
    });
    let evaluated: Vec<Evaluated<'_>> = results.iter().map(Evaluation::view).collect();
    out.stdout = match (format, portfolio) {
        (RecommendFormat::Text, false) => {
            render::text::assessment(evaluated[0].assessment, rules, &text_options())
        }
        (RecommendFormat::Json, false) => render::json::assessment(&evaluated[0]),
        (RecommendFormat::Markdown, false) => {
            render::markdown::assessment(evaluated[0].assessment, rules)
        }
        (_, _) => render::markdown::portfolio(&evaluated, rules),
    };
    out
}

/// Decides `files` a chunk at a time (in parallel within a chunk), giving
/// each result to `each` in file order; a file that cannot be used adds its
/// messages to the errors returned. Memory holds one chunk, never the
/// portfolio.
fn stream_files<T: Send>(
    files: &[PathBuf],
    detail: Detail,
    rules: &Rulebook,
    work: impl Fn(Evaluation) -> T + Sync,
    mut each: impl FnMut(T) -> std::io::Result<()>,
) -> std::io::Result<Vec<String>> {
    let mut errors = Vec::new();
    for chunk in files.chunks(CHUNK) {
        let done: Vec<Result<T, LoadFailure>> = chunk
            .par_iter()
            .map(|f| evaluate_with(f, rules, detail).map(&work))
            .collect();
        for result in done {
            match result {
                Ok(t) => each(t)?,
                Err(failure) => errors.extend(failure.lines()),
            }
        }
    }
    Ok(errors)
}

/// The Markdown portfolio: each profile's section is rendered once and held
/// in a [`Spool`] while the small rows of the table gather; then the table
/// (sorted if asked) and the sections in the table's order are written.
fn markdown_portfolio(
    files: &[PathBuf],
    sort: Option<SortKey>,
    rules: &Rulebook,
    stdout: &mut dyn Write,
) -> std::io::Result<Late> {
    let mut spool = Spool::new();
    let mut rows = Vec::new();
    let errors = stream_files(
        files,
        Detail::WithoutFlipPoints,
        rules,
        |e| {
            let row = Row::new(&e.file, &e.assessment);
            (
                row,
                render::markdown::portfolio_section(&e.assessment, rules),
            )
        },
        |(row, section)| {
            rows.push((row, spool.section(&section)?));
            Ok(())
        },
    )?;
    sort_by_key(&mut rows, sort, |(r, _)| {
        (r.name.as_str(), r.acv.dollars(), r.brief.motion)
    });
    if !rows.is_empty() {
        let table: Vec<&Row> = rows.iter().map(|(r, _)| r).collect();
        stdout.write_all(render::markdown::portfolio_table(&table, rules).as_bytes())?;
        let mut sections = spool.reader()?;
        for (_, section) in &rows {
            sections.copy(*section, stdout)?;
        }
    }
    // Any error makes the exit status 2 (main sees to it).
    Ok(Late {
        errors,
        ..Late::default()
    })
}

/// Writes the client report of `files` to `out`, rendering each profile's
/// section once, in file order, into a [`Spool`] while the small rows of the
/// overview gather; then the head (which names the count and shows every
/// row), the sections and the end. Returns how many profiles it holds, or
/// `None` if none could be used (then nothing should be kept).
fn report_stream(
    files: &[PathBuf],
    markdown: bool,
    rules: &Rulebook,
    out: &mut dyn Write,
    errors: &mut Vec<String>,
) -> std::io::Result<Option<usize>> {
    use render::report;
    let mut sections = Spool::new();
    let mut flips = Spool::new();
    let mut rows = Vec::new();
    let mut marks = Vec::new();
    errors.extend(stream_files(
        files,
        Detail::Full,
        rules,
        |e| e,
        |e| {
            let index = rows.len();
            rows.push(Row::new(&e.file, &e.assessment));
            let section = if markdown {
                flips.write_all(report::markdown_flip_points(&e.assessment, rules).as_bytes())?;
                render::markdown::assessment(&e.assessment, rules)
            } else {
                report::html_profile(&e.view(), rules, index)
            };
            marks.push(sections.section(&section)?);
            Ok(())
        },
    )?);
    if rows.is_empty() {
        return Ok(None);
    }
    let mut reader = sections.reader()?;
    if markdown {
        let table: Vec<&Row> = rows.iter().collect();
        out.write_all(report::markdown_head(&table, rules).as_bytes())?;
        for mark in &marks {
            out.write_all(report::markdown_between(rows.len()).as_bytes())?;
            reader.copy(*mark, out)?;
        }
        out.write_all(report::MARKDOWN_FLIP_POINTS.as_bytes())?;
        flips.copy_all(out)?;
    } else {
        out.write_all(report::html_head(&rows, rules).as_bytes())?;
        for mark in &marks {
            reader.copy(*mark, out)?;
        }
        out.write_all(report::html_foot(rules).as_bytes())?;
    }
    Ok(Some(rows.len()))
}

/// A profile still to be written into a JSON portfolio.
enum Pending {
    /// To be read and scored when its turn comes.
    File(PathBuf),
    /// Already rendered, because it cannot be read again.
    Rendered(String),
}

/// One evaluation as an element of the JSON portfolio array.
fn json_element(e: &Evaluation) -> String {
    render::json::array_element(&e.view())
}

/// Writes the JSON array of `order`, scoring a chunk of profiles in
/// parallel and writing it before the next is read, so memory stays flat
/// however many profiles there are.
fn json_portfolio(
    order: Vec<Pending>,
    rules: &Rulebook,
    stdout: &mut dyn Write,
) -> std::io::Result<Late> {
    let mut errors = Vec::new();
    let mut array = render::json::ArrayWriter::new(stdout);
    for chunk in order.chunks(CHUNK) {
        let elements: Vec<Result<String, LoadFailure>> = chunk
            .par_iter()
            .map(|pending| match pending {
                Pending::File(f) => evaluate(f, rules).map(|e| json_element(&e)),
                Pending::Rendered(text) => Ok(text.clone()),
            })
            .collect();
        for element in elements {
            match element {
                Ok(text) => array.element(&text)?,
                Err(failure) => errors.extend(failure.lines()),
            }
        }
    }
    array.finish()?;
    // Any error makes the exit status 2 (main sees to it).
    Ok(Late {
        errors,
        ..Late::default()
    })
}

fn explain(file: &Path, format: Format, rules: &Rulebook) -> Outcome {
    match evaluate(file, rules) {
        Ok(e) => {
            let a = &e.assessment;
            let stdout = match format {
                Format::Text => render::text::explain(a, rules, &text_options()),
                Format::Json => render::json::assessment(&e.view()),
                Format::Markdown => render::markdown::explain(a, rules),
            };
            Outcome::printed(stdout)
        }
        Err(failure) => Outcome::failed_with(failure.lines()),
    }
}

fn init(file: &Path) -> Outcome {
    if is_stdin(file) {
        return Outcome::printed(STARTER.to_string());
    }
    // Written whole or not at all, and never over an existing file (the
    // final link refuses one atomically), with an ordinary file mode.
    let written = crate::write::write_atomically(file, STARTER, false);
    match written.map_err(|e| write_error(e, file, "choose another name, or remove it first")) {
        Ok(()) => {
            let file = printable_path(file);
            Outcome {
                notes: vec![format!(
                    "wrote {file}; edit its answers, then run `gtm recommend {file}`"
                )],
                ..Outcome::default()
            }
        }
        Err(e) => e.into(),
    }
}

/// The profile files named by the arguments: a file as given, a directory
/// as every regular `*.toml` file under it that reads like a gtm profile
/// ([`profile::looks_like_profile`]), hidden entries skipped, sorted by
/// path. Other TOML files (`Cargo.toml`, `pyproject.toml`) are skipped, and
/// named in `notes` when `verbose`. Symbolic links are followed, but a link
/// that loops back to a directory above it is skipped with a warning naming
/// it, and a file reached twice through links is read once. FIFOs, sockets
/// and devices found by walking are skipped, since reading one can hang; one
/// named on the command line is read, as asked.
fn expand(
    paths: &[PathBuf],
    verbose: bool,
    notes: &mut Vec<String>,
) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    for path in paths {
        if is_stdin(path) || !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        let walker = walkdir::WalkDir::new(path)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        let mut found = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(e) => {
                    let at = printable_path(e.path().unwrap_or(path));
                    match e.loop_ancestor() {
                        Some(ancestor) => notes.push(format!(
                            "warning: {at}: skipped: a symbolic link that loops back to {}",
                            printable_path(ancestor)
                        )),
                        None => return Err(format!("{at}: cannot list the directory: {e}")),
                    }
                    continue;
                }
            };
            let p = entry.path();
            if !entry.file_type().is_file() || p.extension().is_none_or(|x| x != "toml") {
                continue;
            }
            // Two links to one file read it once.
            let real = std::fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf());
            if seen.insert(real) {
                found.push(p.to_path_buf());
            }
        }
        // Only gtm profiles: each file's start says whether it is one.
        let looks: Vec<bool> = found.par_iter().map(|p| reads_like_profile(p)).collect();
        let walked = found.len();
        let mut kept = Vec::with_capacity(walked);
        for (p, profile) in found.into_iter().zip(looks) {
            if profile {
                kept.push(p);
            } else if verbose {
                notes.push(format!(
                    "skipped {}: not a gtm profile (no `version`, `acv`, `time_to_value`, `buyer`, `compliance` or `onboarding` before its first table)",
                    printable_path(&p)
                ));
            }
        }
        let mut found = kept;
        if found.is_empty() {
            let what = if walked == 0 {
                "no *.toml files in this directory".to_string()
            } else {
                let files = if walked == 1 { "file" } else { "files" };
                format!(
                    "no gtm profiles in this directory ({walked} other TOML {files}; --verbose names them)"
                )
            };
            return Err(format!("{}: {what}", printable_path(path)));
        }
        // Path order, component by component.
        found.sort();
        files.extend(found);
    }
    Ok(files)
}

/// Whether the file at `path` starts like a gtm profile. Only its start is
/// read (the keys that tell come before the first table); a file that
/// cannot be read is kept, so that reading it reports why.
fn reads_like_profile(path: &Path) -> bool {
    use std::io::Read;
    const HEAD: u64 = 16 * 1024;
    let mut head = Vec::new();
    match std::fs::File::open(path).and_then(|f| f.take(HEAD).read_to_end(&mut head)) {
        Ok(_) => profile::looks_like_profile(&String::from_utf8_lossy(&head)),
        Err(_) => true,
    }
}

/// How `path` is named in output: as the reader names it (standard input
/// by `--stdin-name`, or `<stdin>`), control characters escaped.
fn shown_name(path: &Path) -> String {
    if is_stdin(path) {
        input::stdin_name().to_string()
    } else {
        printable_path(path)
    }
}

/// Gives standard input the name `--stdin-name` asked for, if any.
fn name_stdin(name: Option<&str>) {
    if let Some(name) = name {
        input::name_stdin(name);
    }
}

/// Whether `path` is `-`, standard input.
fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

fn invalid_lines(failure: LoadFailure) -> Vec<(Option<usize>, String)> {
    match failure {
        LoadFailure::Input(e) => vec![e.detail()],
        LoadFailure::Problems(p) => p
            .problems
            .into_iter()
            .map(|p| {
                let mut message = match &p.key {
                    Some(key) => format!("`{key}`: {}", p.message),
                    None => p.message.clone(),
                };
                if let Some(help) = &p.help {
                    message.push_str(&format!(" ({help})"));
                }
                (p.location.map(|l| l.line), printable(&message).into_owned())
            })
            .collect(),
    }
}

fn check(
    paths: &[PathBuf],
    format: CheckFormat,
    opts: &GateOptions,
    verbose: bool,
    rules: &'static Rulebook,
) -> Outcome {
    if paths.iter().filter(|f| is_stdin(f)).count() > 1 {
        return Outcome::failed("`-` (standard input) can be given only once".to_string());
    }
    let known = check::all_ids(rules);
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
    let files = match expand(paths, verbose, &mut notes) {
        Ok(files) => files,
        Err(message) => return Outcome::failed(message),
    };
    let format = match format {
        CheckFormat::Text => GateFormat::Text,
        CheckFormat::Json => GateFormat::Json,
        CheckFormat::Github => GateFormat::Github,
        CheckFormat::Junit => GateFormat::Junit,
        CheckFormat::Gitlab => GateFormat::Gitlab,
    };
    // The checklist gate only runs when asked for, so only then is it a rule.
    let ran: Vec<&'static str> = known
        .into_iter()
        .filter(|id| opts.require_checklist || *id != check::CHECKLIST_INCOMPLETE)
        .collect();
    let opts = opts.clone();
    let width = text_options().width;
    Outcome {
        notes,
        stream: Some(Box::new(move |stdout| {
            check_stream(&files, format, &opts, &ran, width, rules, stdout)
        })),
        ..Outcome::default()
    }
}

/// Checks `files` a chunk at a time (in parallel within a chunk) and writes
/// each result as it comes, in file order, so memory stays flat however
/// many files there are. The exit status follows the counts.
fn check_stream(
    files: &[PathBuf],
    format: GateFormat,
    opts: &GateOptions,
    ran: &[&str],
    width: u16,
    rules: &Rulebook,
    stdout: &mut dyn Write,
) -> std::io::Result<Late> {
    enum Done {
        Judged(Box<Evaluation>, Verdict),
        Invalid(String, Vec<(Option<usize>, String)>),
    }
    let mut report = GateReport::new(format, opts, ran, width, Spool::new());
    for chunk in files.chunks(CHUNK) {
        let done: Vec<Done> = chunk
            .par_iter()
            .map(|file| match evaluate(file, rules) {
                Ok(e) => {
                    let verdict = check::judge(&e.profile, &e.assessment, rules, opts);
                    Done::Judged(Box::new(e), verdict)
                }
                Err(failure) => Done::Invalid(shown_name(file), invalid_lines(failure)),
            })
            .collect();
        for d in &done {
            let checked = match d {
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
    let status = if summary.invalid > 0 {
        exit::INVALID
    } else if summary.failed > 0 {
        exit::CHECK_FAILED
    } else {
        exit::SUCCESS
    };
    Ok(Late {
        status,
        ..Late::default()
    })
}

fn what_if(file: &Path, changes: &[Change], format: Format, rules: &Rulebook) -> Outcome {
    // Read once: the same text is scored as it is and again with the changes,
    // and standard input cannot be read twice.
    let input = match input::read(file, MAX_PROFILE_BYTES) {
        Ok(input) => input,
        Err(e) => return Outcome::failed(e.to_string()),
    };
    let before = match evaluate_text(input.name, &input.text, rules) {
        Ok(e) => e,
        Err(failure) => return Outcome::failed_with(failure.lines()),
    };
    let file = before.file.as_str();
    let changed = match whatif::apply(&input.text, changes) {
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
                            printable(&c.key),
                            printable(&c.value),
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
    let after = assess(&after, rules);
    let factors = whatif::changed_factors(&before.assessment, &after);
    let b = &before.assessment;
    let stdout = match format {
        Format::Text => render::whatif::text(
            &before.file,
            changes,
            b,
            &after,
            &factors,
            rules,
            &text_options(),
        ),
        Format::Json => render::whatif::json(&before.file, changes, b, &after, &factors),
        Format::Markdown => {
            render::whatif::markdown(&before.file, changes, b, &after, &factors, rules)
        }
    };
    Outcome::printed(stdout)
}

fn report(
    args: &[PathBuf],
    target: &Path,
    force: bool,
    verbose: bool,
    rules: &Rulebook,
) -> Outcome {
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
    if target.exists() && !force {
        let exists = std::io::Error::from(ErrorKind::AlreadyExists);
        return write_error(exists, target, "pass --force to replace it").into();
    }
    let mut out = Outcome::default();
    let files = match expand(args, verbose, &mut out.notes) {
        Ok(files) => files,
        Err(message) => return Outcome::failed(message),
    };
    let mut errors = Vec::new();
    let written = crate::write::write_atomically_with(target, force, |file| {
        report_stream(&files, markdown, rules, file, &mut errors)
    });
    if !errors.is_empty() {
        out.errors.extend(errors);
        out.status = exit::INVALID;
    }
    match written {
        Ok(Some(n)) => {
            let noun = if n == 1 { "profile" } else { "profiles" };
            out.notes
                .push(format!("wrote {} ({n} {noun})", printable_path(target)));
        }
        // No profile could be used: the errors say why, and nothing is written.
        Ok(None) => {}
        Err(e) => {
            let e = write_error(e, target, "pass --force to replace it");
            out.errors.push(format!("{e:#}"));
            out.status = exit::INVALID;
        }
    }
    out
}
