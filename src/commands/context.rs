//! What every command needs, resolved once before any work: the rulebook
//! (`--rules` or the built-in one), how text output looks here (width,
//! colour), and the name standard input goes by (`--stdin-name`).

use std::path::Path;

use gtm_advisor::diagnostic::{printable, short};
use gtm_advisor::engine::load_rules;
use gtm_advisor::profile::MAX_PROFILE_BYTES;
use gtm_advisor::render::{Surroundings, TextOptions};
use gtm_advisor::rulebook::DEFAULT_RULEBOOK;
use gtm_advisor::{Rulebook, ShippedRulebook};

use super::input;
use super::outcome::problem_lines;
use crate::cli::{Cli, ColorWhen, Command, Lazy};

/// The name used for standard input in messages and JSON, unless
/// `--stdin-name` gives another.
pub const STDIN_NAME: &str = "<stdin>";

/// The resolved settings of one run. Everything in it lives as long as the
/// process, so a streamed result can take a copy without borrowing.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    /// The rulebook every decision is made against.
    pub rules: &'static Rulebook,
    /// The rulebook's TOML text, as `gtm rules` prints it.
    pub rules_text: &'static str,
    /// The shipped rulebook's name, when `--rules` named one or was not
    /// given; `None` for a rulebook file.
    pub shipped: Option<&'static str>,
    /// Width and colour of text output on this standard output.
    pub text: TextOptions,
    /// What standard input is called in messages and output, control
    /// characters escaped.
    pub stdin_name: &'static str,
}

impl Context {
    /// Resolves the command line's settings; the messages say why the
    /// `--rules` file cannot be used.
    ///
    /// The rulebook is leaked rather than freed (some 1,200 small
    /// allocations) just before the process exits, so a streamed portfolio
    /// can borrow it without a copy.
    pub fn resolve(cli: &Cli) -> Result<Context, Vec<String>> {
        if stdin_name(cli).is_some() && !reads_stdin(cli) {
            // Given without `-`, it would name nothing; say so rather
            // than ignore it.
            return Err(vec![
                "--stdin-name names a profile read from standard input, and no `-` was given; \
                 add `-` (e.g. `git show :gtm.toml | gtm check - --stdin-name gtm.toml`) or \
                 drop --stdin-name"
                    .to_string(),
            ]);
        }
        let stdin_name = match stdin_name(cli) {
            Some(name) => leak(printable(name).into_owned()),
            None => STDIN_NAME,
        };
        let (rules, rules_text, shipped) = match rules_file(cli) {
            // The text is only printed by `gtm rules`; no need to copy it.
            None => (Rulebook::default_rules(), DEFAULT_RULEBOOK, Some("default")),
            Some(path) if !is_path(path) => {
                let name = path.to_string_lossy();
                let shipped = ShippedRulebook::named(&name).ok_or_else(|| {
                    vec![format!(
                        "--rules {}: no shipped rulebook has that name; the shipped ones are {} \
                         (`gtm rules --list` says what each is), and a file needs a path with a \
                         `/` or a name ending `.toml` (e.g. ./{})",
                        printable(&short(&name)),
                        ShippedRulebook::names().join(", "),
                        printable(&short(&name)),
                    )]
                })?;
                (shipped.load(), shipped.text, Some(shipped.name))
            }
            Some(path) => {
                let input = input::read(path, MAX_PROFILE_BYTES, stdin_name).map_err(|e| {
                    vec![match e {
                        input::InputError::NotFound { path } => format!(
                            "{path}: no such rulebook; check the path, or start one from the built-in rulebook with `gtm rules > {path}`"
                        ),
                        e => e.to_string(),
                    }]
                })?;
                let rules = load_rules(&input.text, &input.name).map_err(|e| problem_lines(&e))?;
                (rules, leak(input.text), None)
            }
        };
        Ok(Context {
            rules: Box::leak(Box::new(rules)),
            rules_text,
            shipped,
            text: text_options(cli.color),
            stdin_name,
        })
    }
}

/// Whether a `--rules` value is a file rather than a shipped rulebook's
/// name: it holds a `/` (or the platform's separator), ends `.toml`, or is
/// `-` (standard input). A path wins over a name only then, so a stray file
/// called `kbcm-2019` cannot shadow the shipped rulebook.
fn is_path(value: &Path) -> bool {
    let text = value.to_string_lossy();
    input::is_stdin(value)
        || text.contains('/')
        || text.contains(std::path::MAIN_SEPARATOR)
        || text.ends_with(".toml")
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

/// The `--rules` file the command names, if any.
fn rules_file(cli: &Cli) -> Option<&Path> {
    let arg = match cli.command.as_ref()? {
        Command::Interview(Lazy(a)) => &a.rulebook,
        Command::Recommend(Lazy(a)) => &a.rulebook,
        Command::Explain(Lazy(a)) => &a.rulebook,
        Command::WhatIf(Lazy(a)) => &a.rulebook,
        Command::Report(Lazy(a)) => &a.rulebook,
        Command::Compare(Lazy(a)) => &a.rulebook,
        Command::Diff(Lazy(a)) => &a.rulebook,
        Command::Pql(Lazy(a)) => &a.rulebook,
        Command::Checklist(Lazy(a)) => &a.rulebook,
        Command::Check(Lazy(a)) => &a.rulebook,
        Command::Schema(a) => &a.rulebook,
        Command::Rules(Lazy(a)) => &a.rulebook,
        Command::Completions(_) | Command::Man(_) | Command::Init(_) => return None,
    };
    arg.rules.as_deref()
}

/// The `--stdin-name` the command was given, if any.
fn stdin_name(cli: &Cli) -> Option<&str> {
    let arg = match cli.command.as_ref()? {
        Command::Recommend(Lazy(a)) => &a.stdin,
        Command::Explain(Lazy(a)) => &a.stdin,
        Command::WhatIf(Lazy(a)) => &a.stdin,
        Command::Compare(Lazy(a)) => &a.stdin,
        Command::Check(Lazy(a)) => &a.stdin,
        Command::Pql(Lazy(a)) => &a.stdin,
        _ => return None,
    };
    arg.stdin_name.as_deref()
}

/// Whether the command reads anything from standard input (`-` as a
/// profile or as the `--rules` file).
fn reads_stdin(cli: &Cli) -> bool {
    let dash = |p: &Path| input::is_stdin(p);
    let profiles = match cli.command.as_ref() {
        Some(Command::Recommend(Lazy(a))) => a.files.iter().any(|f| dash(f)),
        Some(Command::Explain(Lazy(a))) => dash(&a.file),
        Some(Command::WhatIf(Lazy(a))) => dash(&a.file),
        Some(Command::Compare(Lazy(a))) => dash(&a.file),
        Some(Command::Diff(Lazy(a))) => dash(&a.old) || dash(&a.new),
        Some(Command::Pql(Lazy(a))) => dash(&a.profile) || a.events.iter().any(|f| dash(f)),
        Some(Command::Check(Lazy(a))) => a.paths.iter().any(|f| dash(f)),
        _ => false,
    };
    profiles || rules_file(cli).is_some_and(dash)
}

/// Text options for this process's standard output; `--color` has the
/// last word on colour.
fn text_options(color: ColorWhen) -> TextOptions {
    use std::io::IsTerminal;
    let var = |name| std::env::var(name).ok();
    let (columns, no_color, clicolor_force, term) = (
        var("COLUMNS"),
        var("NO_COLOR"),
        var("CLICOLOR_FORCE"),
        var("TERM"),
    );
    let terminal = std::io::stdout().is_terminal();
    let detected = TextOptions::detect(Surroundings {
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
    });
    match color {
        ColorWhen::Auto => detected,
        ColorWhen::Always => TextOptions {
            colour: true,
            ..detected
        },
        ColorWhen::Never => TextOptions {
            colour: false,
            ..detected
        },
    }
}
