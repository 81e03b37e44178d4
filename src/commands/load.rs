//! From a path to a decided profile: read, validate, assess, and the
//! failures on the way; one file alone, many in parallel, or a portfolio
//! streamed a chunk at a time so memory never holds all of it.

use gtm_advisor::diagnostic::{FileProblems, Problem, printable, short};
use gtm_advisor::engine::assess::{Detail, assess_with};
use gtm_advisor::profile::{self, MAX_PROFILE_BYTES};
use gtm_advisor::render::{Evaluated, Row};
use gtm_advisor::{Assessment, Profile};
use rayon::prelude::*;

use super::context::Context;
use super::input::{self, InputError};
use super::outcome::{Late, Outcome, problem_lines};
use super::walk::{Target, Walk};
use crate::exit::Status;

/// How many profiles a streamed portfolio decides at once, in parallel,
/// before writing them: enough to keep the cores busy, few enough that
/// memory does not grow with the portfolio.
pub const CHUNK: usize = 256;

/// Why one profile could not be evaluated.
pub enum LoadFailure {
    /// The file could not be read.
    Input(InputError),
    /// The file was read but is not a valid profile.
    Problems(FileProblems),
    /// A file a directory walk found that is not a gtm profile at all
    /// (Cargo.toml, pyproject.toml): skipped, not an error.
    NotProfile,
}

impl LoadFailure {
    /// One message per problem, for standard error.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadFailure::Input(e) => vec![e.to_string()],
            LoadFailure::Problems(p) => problem_lines(p),
            LoadFailure::NotProfile => Vec::new(),
        }
    }

    /// Whether this is a walked file that is not a gtm profile.
    pub fn not_profile(&self) -> bool {
        matches!(self, LoadFailure::NotProfile)
    }

    /// Each problem as its line (if known) and its message without the
    /// file, as the gate's reports list them.
    pub fn by_line(self) -> Vec<(Option<usize>, String)> {
        match self {
            LoadFailure::Input(e) => vec![e.detail()],
            LoadFailure::NotProfile => Vec::new(),
            LoadFailure::Problems(p) => p
                .problems
                .into_iter()
                .map(|p| {
                    let mut message = match &p.key {
                        Some(key) => format!("`{}`: {}", short(key), p.message),
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
}

/// A profile read, validated and scored.
pub struct Evaluation {
    /// The name it is shown by.
    pub file: String,
    /// The profile as read.
    pub profile: Profile,
    /// What the engine made of it.
    pub assessment: Assessment,
}

impl Evaluation {
    /// The evaluation as the renderers take it.
    pub fn view(&self) -> Evaluated<'_> {
        Evaluated {
            file: &self.file,
            assessment: &self.assessment,
        }
    }
}

/// Reads, validates and fully assesses the profile at `arg`.
pub fn evaluate(arg: &Target, ctx: &Context) -> Result<Evaluation, LoadFailure> {
    evaluate_with(arg, ctx, Detail::Full)
}

/// [`evaluate`], working out only as much as `detail` asks for.
pub fn evaluate_with(
    arg: &Target,
    ctx: &Context,
    detail: Detail,
) -> Result<Evaluation, LoadFailure> {
    let (file, profile) = load(arg, ctx)?;
    let assessment = assess_with(&profile, ctx.rules, detail);
    Ok(Evaluation {
        file,
        profile,
        assessment,
    })
}

/// Reads and validates one profile: the name it is shown by, and the
/// profile. A walked file is first asked, from its whole text, whether it
/// is a gtm profile at all.
fn load(arg: &Target, ctx: &Context) -> Result<(String, Profile), LoadFailure> {
    let input =
        input::read(&arg.path, MAX_PROFILE_BYTES, ctx.stdin_name).map_err(LoadFailure::Input)?;
    if !profile::looks_like_profile(&input.text) {
        if arg.walked.is_some() {
            return Err(LoadFailure::NotProfile);
        }
        // Named on purpose but something else (`gtm check Cargo.toml`): one
        // message that says so, not one per missing key. An empty file
        // falls through to the reader, which says what it lacks.
        if !input.text.trim().is_empty() {
            return Err(LoadFailure::Problems(FileProblems::new(
                &input.name,
                vec![Problem {
                    location: None,
                    key: None,
                    message: "this is not a gtm profile: it sets none of version, acv, \
                              time_to_value, buyer, compliance or onboarding before its first \
                              [table]"
                        .to_string(),
                    help: Some(
                        "name a profile instead, or write one with `gtm init FILE`".to_string(),
                    ),
                }],
            )));
        }
    }
    let profile =
        profile::parse(&input.text, &input.name, ctx.rules).map_err(LoadFailure::Problems)?;
    Ok((input.name, profile))
}

/// A profile's portfolio row, decided without the full explanation.
pub fn summarize(arg: &Target, ctx: &Context) -> Result<Row, LoadFailure> {
    let (file, profile) = load(arg, ctx)?;
    let summary = gtm_advisor::engine::assess::summarize(&profile, ctx.rules);
    Ok(Row::summary(&file, &profile, &summary))
}

/// Validates and scores a profile already read; `file` names it in messages.
pub fn evaluate_text(file: String, text: &str, ctx: &Context) -> Result<Evaluation, LoadFailure> {
    let profile = profile::parse(text, &file, ctx.rules).map_err(LoadFailure::Problems)?;
    let assessment = gtm_advisor::assess(&profile, ctx.rules);
    Ok(Evaluation {
        file,
        profile,
        assessment,
    })
}

/// `work` on every file, in parallel when there is more than one (starting
/// the thread pool costs about a millisecond, which one profile does not
/// repay), results in file order.
pub fn each_file<T: Send>(files: &[Target], work: impl Fn(&Target) -> T + Sync + Send) -> Vec<T> {
    if files.len() > 1 {
        files.par_iter().map(work).collect()
    } else {
        files.iter().map(work).collect()
    }
}

/// The successes, in order; each failure's messages go to `out`, with
/// status 2, and the walk's notes and errors after them (see [`Walk::finish`]).
pub fn successes<T>(
    results: Vec<Result<T, LoadFailure>>,
    walk: &Walk,
    verbose: bool,
    out: &mut Outcome,
) -> Vec<T> {
    let mut good = Vec::new();
    let mut not_profile = Vec::with_capacity(results.len());
    for result in results {
        not_profile.push(matches!(&result, Err(f) if f.not_profile()));
        match result {
            Ok(t) => good.push(t),
            Err(failure) => out.errors.extend(failure.lines()),
        }
    }
    let (notes, errors) = walk.finish(&not_profile, verbose);
    out.notes.extend(notes);
    out.errors.extend(errors);
    if !out.errors.is_empty() {
        out.status = Status::Invalid;
    }
    good
}

/// Decides `files` a chunk at a time (in parallel within a chunk), giving
/// each result to `each` in file order; a file that cannot be used adds its
/// messages to the errors returned. Memory holds one chunk, never the
/// portfolio.
pub fn stream_files<T: Send>(
    walk: &Walk,
    verbose: bool,
    detail: Detail,
    ctx: &Context,
    work: impl Fn(Evaluation) -> T + Sync,
    mut each: impl FnMut(T) -> std::io::Result<()>,
) -> std::io::Result<Late> {
    let mut late = Late::default();
    let mut not_profile = Vec::with_capacity(walk.targets.len());
    for chunk in walk.targets.chunks(CHUNK) {
        let done: Vec<Result<T, LoadFailure>> = chunk
            .par_iter()
            .map(|f| evaluate_with(f, ctx, detail).map(&work))
            .collect();
        for result in done {
            not_profile.push(matches!(&result, Err(f) if f.not_profile()));
            match result {
                Ok(t) => each(t)?,
                Err(failure) => {
                    late.unread += usize::from(!failure.not_profile());
                    late.errors.extend(failure.lines());
                }
            }
        }
    }
    let (notes, errors) = walk.finish(&not_profile, verbose);
    late.notes.extend(notes);
    late.errors.extend(errors);
    Ok(late)
}
