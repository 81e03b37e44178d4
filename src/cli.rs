//! The command line: clap definitions only. Nothing here reads files or scores.

use std::path::PathBuf;

use clap::builder::TypedValueParser;
use clap::{ArgMatches, Args, FromArgMatches, Parser, Subcommand, ValueEnum};
use gtm_advisor::Motion;
use gtm_advisor::render::gate::GateFormat;
use gtm_advisor::render::{Format, RecommendFormat};

const ABOUT: &str = "Recommends a go-to-market motion for a B2B software product";

const LONG_ABOUT: &str = "\
Recommends a go-to-market motion for a B2B software product: self-serve only,
product-led (PLG), hybrid (product-led sales), sales-led or enterprise sales.

It reads a profile (a small TOML file with your ACV, time to value, buyer,
compliance burden and onboarding needs), decides it with the decision tables
of two source documents (an ACV band, three readings of the answers, and a
move table), and prints the motion, the reasoning, any conflicts, where the
documents disagree, and an implementation checklist.";

const EXAMPLES: &str = "\
Examples:
  gtm                                on a terminal: the interview (same as `gtm interview`)
  gtm interview --save acme.toml     answer questions, see the result, save the profile
  gtm init acme.toml                 write a starter profile to edit
  gtm recommend acme.toml            the recommendation, with reasons and checklist
  gtm recommend clients/*.toml       one row per client, and a count per motion
  gtm recommend acme.toml --format json
  gtm explain acme.toml              the band, readings, move, conflicts and sources
  gtm checklist hybrid               the checklist of one motion
  gtm rules                          the rulebook in use

Exit status: 0 success, 1 check failed, 2 usage error or invalid input, 130 interrupted.";

/// The `gtm` command line.
#[derive(Debug, Parser)]
#[command(name = "gtm", version, about = ABOUT, long_about = LONG_ABOUT, after_help = EXAMPLES)]
#[command(propagate_version = true)]
pub struct Cli {
    /// What to do; without one, the interview on a terminal, this help otherwise.
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Colour in text output: `auto` on a terminal (and never with NO_COLOR
    /// set), `always` (also through a pipe, e.g. to `less -R`), `never`.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

/// When to colour text output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorWhen {
    /// On a terminal, unless NO_COLOR is set (CLICOLOR_FORCE forces it).
    #[default]
    Auto,
    /// Always, even when standard output is not a terminal.
    Always,
    /// Never.
    Never,
}

/// `--verbose`, on the commands that walk directories.
#[derive(Debug, Clone, Copy, Default, Args)]
pub struct WalkArg {
    /// Name on stderr each file a directory walk skipped (TOML files that are
    /// not gtm profiles, such as Cargo.toml).
    #[arg(short, long)]
    pub verbose: bool,
}

/// `--stdin-name NAME`, on the commands that read a profile from `-`.
#[derive(Debug, Clone, Default, Args)]
pub struct StdinArg {
    /// The name to give a profile read from standard input (`-`) in every
    /// message and output, e.g. the file a hook piped in.
    #[arg(long, value_name = "NAME", value_parser = clap::builder::NonEmptyStringValueParser::new())]
    pub stdin_name: Option<String>,
}

/// `--rules FILE`, on the commands that read a rulebook (not on
/// `completions`, `man` or `init`, which do not).
#[derive(Debug, Clone, Default, Args)]
pub struct RulesArg {
    /// Decide with another rulebook: a shipped second opinion by name
    /// (`gtm rules --list`: default, dimension-table, kbcm-2019, janz-2019),
    /// or your own file, given as a path with a `/` or ending `.toml`
    /// (`gtm rules > my-rules.toml` prints the built-in one to copy).
    #[arg(long, value_name = "NAME|FILE")]
    pub rules: Option<PathBuf>,
}

/// Orders for a portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SortKey {
    /// By motion, from self-serve to enterprise, then by name.
    Motion,
    /// By ACV, lowest first.
    Acv,
    /// By name.
    Name,
}

/// Finding levels that `--deny` can make fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DenyLevel {
    /// Warnings fail the check too.
    Warnings,
    /// A motion that differs from the baseline's (`--baseline`,
    /// `--baseline-ref`) fails the check.
    MotionChanged,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Answer a few questions, see the recommendation, and save the answers as a profile.
    Interview(Lazy<InterviewArgs>),

    /// Recommend a motion for one or more profiles.
    Recommend(Lazy<RecommendArgs>),

    /// Show how the recommendation was reached: band, readings, move, flip points.
    Explain(Lazy<ExplainArgs>),

    /// Show what changed answers would do to the result; never writes the file.
    #[command(name = "what-if")]
    WhatIf(Lazy<WhatIfArgs>),

    /// Write a client report: HTML (inline CSS and SVG) or Markdown.
    Report(Lazy<ReportArgs>),

    /// Decide a profile by every shipped rulebook: where published advice splits.
    Compare(Lazy<CompareArgs>),

    /// Show what a change to a profile did to the advice.
    Diff(Lazy<DiffArgs>),

    /// Run the profile's PQL criteria on usage events: who to contact, why, who acts.
    Pql(Lazy<PqlArgs>),

    /// Print the implementation checklist of one motion.
    Checklist(Lazy<ChecklistArgs>),

    /// Check profiles in CI: valid, `[expect] motion` met, no error-level finding.
    Check(Lazy<CheckArgs>),

    /// Print a JSON Schema of the profile format, for editors that check TOML as you type.
    #[command(after_help = "\
Examples:
  gtm schema > gtm-profile.schema.json

Then point your editor at it, e.g. with a first line in the profile (Taplo,
Even Better TOML):  #:schema ./gtm-profile.schema.json")]
    Schema(SchemaArgs),

    /// Print a shell completion script (commands, options, motion ids, formats).
    Completions(Lazy<CompletionsArgs>),

    /// Print a man page (roff), or write one per command with --out.
    #[command(after_help = "\
Examples:
  gtm man | man -l -                          read gtm(1) now
  gtm man recommend | man -l -                read gtm-recommend(1)
  gtm man --out ~/.local/share/man/man1       install gtm.1 and gtm-COMMAND.1, then `man gtm`")]
    Man(Lazy<ManArgs>),

    /// Write a commented starter profile that evaluates as it is.
    Init(Lazy<InitArgs>),

    /// Print the rulebook in use: bands, readings, moves, checklist, sources.
    Rules(Lazy<RulesArgs>),
}

/// A subcommand's arguments, built only when that subcommand runs: clap then
/// builds one subcommand's arguments instead of all fifteen, which is most of
/// its start-up time. Help, completions and the man page still see them all.
#[derive(Debug)]
pub struct Lazy<T>(pub T);

impl<T: Args> Args for Lazy<T> {
    fn augment_args(cmd: clap::Command) -> clap::Command {
        cmd.defer(keeping_about::<T>)
    }

    fn augment_args_for_update(cmd: clap::Command) -> clap::Command {
        cmd.defer(keeping_about::<T>)
    }

    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }
}

/// The arguments of `T`, keeping the subcommand's own description (the
/// variant's doc comment) rather than the arguments struct's.
fn keeping_about<T: Args>(cmd: clap::Command) -> clap::Command {
    let about = cmd.get_about().cloned();
    let long_about = cmd.get_long_about().cloned();
    let mut cmd = T::augment_args(cmd);
    if let Some(about) = about {
        cmd = cmd.about(about);
    }
    match long_about {
        Some(long) => cmd.long_about(long),
        None => cmd.long_about(None::<&'static str>),
    }
}

impl<T: FromArgMatches> FromArgMatches for Lazy<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Lazy)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
}

/// The arguments of `gtm interview`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm interview
  gtm interview --save acme.toml
  gtm interview --from acme.toml     revisit: Enter keeps each earlier answer

Keys: arrows (or j/k) move in a list, Enter accepts, Esc or Ctrl-C stops
without saving, Ctrl-D ends the input. An existing file is only replaced after
you answer yes. Needs a terminal; elsewhere use `gtm init` and `gtm recommend`.")]
pub struct InterviewArgs {
    /// Save the profile to this file instead of asking where.
    #[arg(long, value_name = "FILE")]
    pub save: Option<PathBuf>,

    /// Start from this profile's answers.
    #[arg(long, value_name = "FILE")]
    pub from: Option<PathBuf>,

    #[command(flatten)]
    pub rulebook: RulesArg,
}

/// The arguments of `gtm recommend`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm recommend acme.toml
  gtm recommend acme.toml --brief             the motion, why, and a count of the rest
  gtm recommend clients/                      every profile under clients/, by path
  gtm recommend clients/ --sort motion
  gtm recommend clients/*.toml --format json > portfolio.json
  gtm recommend clients/ --format csv > portfolio.csv
  cat acme.toml | gtm recommend -

One profile prints the full recommendation; several (or a directory) print one
row each and a count per motion (JSON: one array). A file that cannot be read
is reported on stderr and makes the exit status 2; the others are still
evaluated.")]
pub struct RecommendArgs {
    /// Profile files, or directories (every gtm profile under them); `-` reads one from standard input.
    #[arg(required = true, value_name = "FILE|DIR")]
    pub files: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = RecommendFormat::Text)]
    pub format: RecommendFormat,

    /// Order of a portfolio's rows (default: as given, directories in path order).
    #[arg(long, value_enum, value_name = "KEY")]
    pub sort: Option<SortKey>,

    /// For one profile, a short result: the motion, why, the readings and a
    /// count of the rest (text only; a portfolio is short already).
    #[arg(short, long)]
    pub brief: bool,

    #[command(flatten)]
    pub walk: WalkArg,

    #[command(flatten)]
    pub stdin: StdinArg,

    #[command(flatten)]
    pub rulebook: RulesArg,
}

/// The arguments of `gtm explain`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm explain acme.toml
  gtm explain acme.toml --format markdown > why.md")]
pub struct ExplainArgs {
    /// The profile file; `-` reads it from standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    #[command(flatten)]
    pub stdin: StdinArg,

    #[command(flatten)]
    pub rulebook: RulesArg,
}

/// The arguments of `gtm compare`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm compare acme.toml
  gtm compare acme.toml --format markdown >> report.md
  gtm rules --list                    what each rulebook is and where it comes from

Each shipped rulebook keeps the default's readings and moves and draws the
ACV lines where its source does. Splits are told against the default, or
against the rulebook --rules names.")]
pub struct CompareArgs {
    /// The profile file; `-` reads it from standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    #[command(flatten)]
    pub stdin: StdinArg,

    #[command(flatten)]
    pub rulebook: RulesArg,
}

/// The arguments of `gtm pql`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm pql gtm.toml events.csv
  gtm pql gtm.toml export.ndjson.gz --preset segment
  gtm pql gtm.toml events.csv --map account=org_id,user=member_id
  gtm pql gtm.toml events.csv --format csv > pql-accounts.csv      for a CRM import
  gtm pql gtm.toml --sql snowflake --table analytics.events      the same criteria as SQL

The criteria come from the profile's [pql] table (the documents' defaults where
it has none) and who acts from its recommended motion. Events are CSV with a
header or JSON lines, gzip or plain, one event per row: timestamp (RFC 3339 or
Unix seconds or milliseconds), account, user, event, and optionally email and
plan (free or paid). Rows need not be sorted. docs/pql.md has the details.

Exit status: 0 when the criteria ran; 2 when an input cannot be read, has no
usable row, or (with --strict) has a bad row.")]
pub struct PqlArgs {
    /// The profile whose [pql] criteria and motion to use; `-` reads it from standard input.
    #[arg(value_name = "PROFILE")]
    pub profile: PathBuf,

    /// Usage event files: CSV or JSON lines, gzip-compressed or not; `-` reads standard input.
    #[arg(value_name = "EVENTS", required_unless_present = "sql")]
    pub events: Vec<PathBuf>,

    /// Read the field names of this vendor's documented export.
    #[arg(long, value_enum, value_name = "VENDOR")]
    pub preset: Option<gtm_advisor::signals::Preset>,

    /// Where a part of the event is: ROLE=FIELD, roles timestamp, account,
    /// user, event, email, plan; a dotted FIELD reaches into JSON objects.
    /// Repeat it or separate pairs with commas.
    #[arg(long, value_name = "ROLE=FIELD")]
    pub map: Vec<String>,

    /// "Now": events after it do not count and the window ends there
    /// (RFC 3339 or Unix time). Default: the newest event.
    #[arg(long, value_name = "TIME")]
    pub as_of: Option<String>,

    /// A bad row is an error (exit status 2) instead of a warning.
    #[arg(long)]
    pub strict: bool,

    /// Show only the first N accounts (text and Markdown).
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = gtm_advisor::render::PqlFormat::Text)]
    pub format: gtm_advisor::render::PqlFormat,

    /// Print the criteria as one SQL query for this engine instead of reading events.
    #[arg(long, value_enum, value_name = "DIALECT", conflicts_with = "events")]
    pub sql: Option<gtm_advisor::signals::sql::Dialect>,

    /// The events table the SQL reads (with --sql).
    #[arg(long, value_name = "NAME", default_value = "events", requires = "sql")]
    pub table: String,

    #[command(flatten)]
    pub stdin: StdinArg,

    #[command(flatten)]
    pub rulebook: RulesArg,
}

/// The arguments of `gtm diff`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm diff old.toml gtm.toml
  git show main:gtm.toml | gtm diff - gtm.toml
  gtm diff old.toml gtm.toml --format markdown     a pull-request comment

Exit status: 0 when the motion is the same, 1 when it changed, 2 when a file
cannot be read or is not a valid profile.")]
pub struct DiffArgs {
    /// The profile before the change; `-` reads it from standard input.
    #[arg(value_name = "OLD")]
    pub old: PathBuf,

    /// The profile after the change; `-` reads it from standard input.
    #[arg(value_name = "NEW")]
    pub new: PathBuf,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    #[command(flatten)]
    pub rulebook: RulesArg,
}

/// The arguments of `gtm whatif`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm what-if acme.toml --set acv=60k
  gtm what-if acme.toml --set buyer=committee --set compliance=review-before-trial
  gtm what-if acme.toml --set signals.viral_loops=true --format json
  gtm what-if acme.toml --set signals.segment=      an empty value removes the answer

Any profile key can be set; values are checked exactly as in a profile file.")]
pub struct WhatIfArgs {
    /// The profile file; `-` reads it from standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// A changed answer, KEY=VALUE; repeat for more.
    #[arg(long = "set", value_name = "KEY=VALUE", required = true)]
    pub set: Vec<gtm_advisor::profile::edit::Change>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,

    #[command(flatten)]
    pub stdin: StdinArg,

    #[command(flatten)]
    pub rulebook: RulesArg,
}

/// The arguments of `gtm report`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm report acme.toml --out acme-report.html
  gtm report clients/ --out portfolio.html       every profile under clients/
  gtm report acme.toml --out acme-report.md      Markdown, by the extension
  gtm report clients/ --out portfolio.html --force
  gtm report acme.toml --out acme.html --title \"Acme: go-to-market review\" --author \"Jo Reyes\"
  gtm report acme.toml --out - --format markdown | pandoc -o acme.docx

The report is written for the client: no profile keys, ids or commands. The
HTML page is self-contained (no scripts, nothing fetched) and prints well,
each profile on its own page. An existing file is only replaced with --force.")]
pub struct ReportArgs {
    /// Profile files, or directories (every gtm profile under them).
    #[arg(required = true, value_name = "FILE|DIR")]
    pub files: Vec<PathBuf>,

    /// Where to write: a .html (or .htm) or .md (or .markdown) file, or `-`
    /// for standard output.
    #[arg(long, value_name = "PATH")]
    pub out: PathBuf,

    /// The report's format; by default from the extension of --out (HTML for `-`).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<ReportFormat>,

    /// The report's heading (default: "Go-to-market motion: NAME").
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Who prepared the report, printed under the heading.
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,

    /// The date printed under the heading (default: today, or
    /// SOURCE_DATE_EPOCH when set); `--date ''` prints none.
    #[arg(long, value_name = "DATE")]
    pub date: Option<String>,

    /// Usage events for a "Signals" section in each profile that has a
    /// [pql] table: CSV or JSON lines, gzip or plain (as `gtm pql` reads them).
    #[arg(long, value_name = "FILE")]
    pub events: Vec<PathBuf>,

    /// With --events: read this vendor's export fields (as `gtm pql --preset`).
    #[arg(long, value_enum, value_name = "VENDOR", requires = "events")]
    pub preset: Option<gtm_advisor::signals::Preset>,

    /// With --events: where a part of the event is, ROLE=FIELD (as `gtm pql --map`).
    #[arg(long, value_name = "ROLE=FIELD", requires = "events")]
    pub map: Vec<String>,

    /// Replace PATH if it exists.
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub walk: WalkArg,

    #[command(flatten)]
    pub rulebook: RulesArg,
}

/// The formats of `gtm report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// A self-contained HTML page.
    Html,
    /// A Markdown document.
    Markdown,
}

/// The arguments of `gtm checklist`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm checklist hybrid
  gtm checklist sales-led --format markdown

Mark items done in a profile with `[checklist] done = [\"id\", ...]`.")]
pub struct ChecklistArgs {
    /// The motion.
    #[arg(value_name = "MOTION", value_parser = motion_parser())]
    pub motion: Motion,

    /// Output format: `text` a list for a terminal, `json` the items as JSON
    /// (ids, sections, sources), `markdown` a list to paste into a document.
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true)]
    pub format: Format,

    #[command(flatten)]
    pub rulebook: RulesArg,
}

/// The arguments of `gtm check`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm check                                      checks gtm.toml in this folder
  gtm check profiles/ --deny warnings
  gtm check gtm.toml --format github             annotations on the right line in GitHub Actions
  gtm check gtm.toml --format junit > gtm.xml    test report for GitLab, Jenkins and others
  gtm check gtm.toml --format gitlab > gl-code-quality.json
  gtm check gtm.toml --allow pricing-hidden --require-checklist

A directory means every gtm profile under it, in path order; other TOML files
(Cargo.toml, pyproject.toml) are skipped, and --verbose names them. A profile
passes when it is valid, its `[expect] motion` (if any) is the recommendation,
and no error-level finding remains; `[check] allow = [...]` in a profile
silences findings like --allow. Exit status: 0 all passed, 1 a check failed,
2 a file could not be read or is invalid (every other file is still checked).")]
pub struct CheckArgs {
    /// Profile files, or directories (every gtm profile under them); `-` reads one from standard input.
    #[arg(value_name = "FILE|DIR", default_value = "gtm.toml")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = GateFormat::Text)]
    pub format: GateFormat,

    /// Make these findings fail the check too: `warnings`, or
    /// `motion-changed` (with --baseline or --baseline-ref).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub deny: Vec<DenyLevel>,

    /// Compare with this earlier version of the profile: a changed motion is
    /// a `motion-changed` notice (one profile only).
    #[arg(long, value_name = "FILE", conflicts_with = "baseline_ref")]
    pub baseline: Option<PathBuf>,

    /// Compare with the same file as it is at this git revision (e.g.
    /// `origin/main`), read with `git show REF:PATH`.
    #[arg(long, value_name = "REF")]
    pub baseline_ref: Option<String>,

    /// Silence a finding by id; repeat for more.
    #[arg(long, value_name = "ID")]
    pub allow: Vec<String>,

    /// Fail while any checklist item of the recommended motion is not done.
    #[arg(long)]
    pub require_checklist: bool,

    /// Print nothing on standard output and no notes: the exit status alone
    /// says what the gate decided (a file or folder that cannot be read is
    /// still named on standard error).
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,

    #[command(flatten)]
    pub walk: WalkArg,

    #[command(flatten)]
    pub stdin: StdinArg,

    #[command(flatten)]
    pub rulebook: RulesArg,
}

/// The arguments of `gtm schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    #[command(flatten)]
    pub rulebook: RulesArg,
}

/// The arguments of `gtm man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (e.g. `recommend`); gtm(1) without one.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,

    /// Write every page (gtm.1 and gtm-COMMAND.1 for each command) into DIR
    /// instead of printing one.
    #[arg(long, value_name = "DIR", conflicts_with = "command")]
    pub out: Option<PathBuf>,

    /// Replace pages that already exist in DIR.
    #[arg(long, requires = "out")]
    pub force: bool,
}

/// The arguments of `gtm completions`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm completions bash > ~/.local/share/bash-completion/completions/gtm
  gtm completions zsh > ~/.zfunc/_gtm          (with fpath+=(~/.zfunc) before compinit)
  gtm completions fish > ~/.config/fish/completions/gtm.fish
  gtm completions powershell >> $PROFILE
  gtm completions elvish >> ~/.config/elvish/rc.elv")]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The arguments of `gtm init`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm init                 writes gtm.toml
  gtm init clients/acme.toml
  gtm init - > acme.toml   prints it instead

An existing file is never overwritten.")]
pub struct InitArgs {
    /// Where to write it (`-` for standard output).
    #[arg(value_name = "FILE", default_value = "gtm.toml")]
    pub file: PathBuf,
}

/// The arguments of `gtm rules`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  gtm rules > my-rules.toml      a copy to edit; then use it with --rules my-rules.toml
  gtm rules --format markdown    the rules as readable tables
  gtm rules --list               the shipped rulebooks: default and three second opinions
  gtm rules --rules kbcm-2019    one of them, whole")]
pub struct RulesArgs {
    /// List the shipped rulebooks (name, source, one line each) instead of
    /// printing one.
    #[arg(long)]
    pub list: bool,

    /// Output format: `text` is the rulebook's TOML (to copy and edit), `json`
    /// the same data as JSON, `markdown` readable tables.
    #[arg(long, value_enum, default_value_t = Format::Text, hide_possible_values = true)]
    pub format: Format,

    #[command(flatten)]
    pub rulebook: RulesArg,
}

fn motion_parser() -> MotionParser {
    MotionParser
}

/// Reads a motion loosely ([`Motion::parse_loose`]: `PLG`, `Hybrid`,
/// `sales led`, `product-led`) while help and completions offer the ids.
#[derive(Clone, Copy)]
struct MotionParser;

impl TypedValueParser for MotionParser {
    type Value = Motion;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Motion, clap::Error> {
        let text = value.to_string_lossy();
        Motion::parse_loose(&text).map_err(|e| {
            let mut err = clap::Error::new(clap::error::ErrorKind::InvalidValue).with_cmd(cmd);
            if let Some(arg) = arg {
                err.insert(
                    clap::error::ContextKind::InvalidArg,
                    clap::error::ContextValue::String(arg.to_string()),
                );
            }
            err.insert(
                clap::error::ContextKind::InvalidValue,
                clap::error::ContextValue::String(
                    gtm_advisor::diagnostic::printable(&e.found).into_owned(),
                ),
            );
            err.insert(
                clap::error::ContextKind::ValidValue,
                clap::error::ContextValue::Strings(
                    Motion::IDS.iter().map(|s| s.to_string()).collect(),
                ),
            );
            err
        })
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        Some(Box::new(
            Motion::IDS
                .iter()
                .map(|id| clap::builder::PossibleValue::new(*id)),
        ))
    }
}

/// The command line, with the rulebook's revision in `--version`.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    // Computed once per process; clap keeps a 'static reference to it.
    let version: &'static str = Box::leak(
        format!(
            "{} (rulebook {})",
            env!("CARGO_PKG_VERSION"),
            gtm_advisor::rulebook::default_revision()
        )
        .into_boxed_str(),
    );
    Cli::command().version(version)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed() {
        Cli::command().debug_assert();
        command().debug_assert();
    }
}
