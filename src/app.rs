//! Runs one parsed command line: reads inputs, calls the engine and the
//! renderers, and returns the text for stdout, the messages for stderr and
//! the exit status. It prints nothing itself, so main stays the only edge.

use std::fs::OpenOptions;
use std::io::{ErrorKind, Write};
use std::path::Path;

use gtm_advisor::diagnostic::FileProblems;
use gtm_advisor::input::{self, InputError};
use gtm_advisor::profile::{self, MAX_PROFILE_BYTES, STARTER};
use gtm_advisor::render::{self, Evaluated, Format, TextOptions};
use gtm_advisor::rulebook::DEFAULT_RULEBOOK;
use gtm_advisor::{Assessment, Rulebook, assess, checklist, exit};

use clap::CommandFactory;

use crate::cli::{Cli, Command};

/// What a command produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Text for standard output.
    pub stdout: String,
    /// Messages for standard error, one per entry, without the "error: " prefix.
    pub errors: Vec<String>,
    /// Notes for standard error that are not errors.
    pub notes: Vec<String>,
    /// The exit status.
    pub status: u8,
}

impl Outcome {
    /// A single error and exit status 2.
    pub fn failed(message: String) -> Outcome {
        Outcome {
            errors: vec![message],
            status: exit::INVALID,
            ..Outcome::default()
        }
    }
}

/// The rulebook named by `--rules`, or the built-in one, with its TOML text.
fn load_rules(cli: &Cli) -> Result<(Rulebook, String), Vec<String>> {
    match &cli.rules {
        None => Ok((Rulebook::default_rules(), DEFAULT_RULEBOOK.to_string())),
        Some(path) => {
            let name = path.display().to_string();
            let input = input::read(&name, MAX_PROFILE_BYTES).map_err(|e| vec![e.to_string()])?;
            let rules = Rulebook::parse(&input.text, &input.name).map_err(|e| problem_lines(&e))?;
            Ok((rules, input.text))
        }
    }
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

fn evaluate(arg: &str, rules: &Rulebook) -> Result<(String, Assessment), LoadFailure> {
    let input = input::read(arg, MAX_PROFILE_BYTES).map_err(LoadFailure::Input)?;
    let profile = profile::parse(&input.text, &input.name, rules).map_err(LoadFailure::Problems)?;
    Ok((input.name, assess(&profile, rules)))
}

/// Text options for this process's standard output.
pub fn text_options() -> TextOptions {
    use std::io::IsTerminal;
    let var = |name| std::env::var(name).ok();
    TextOptions::detect(
        std::io::stdout().is_terminal(),
        var("COLUMNS").as_deref(),
        var("NO_COLOR").as_deref(),
        var("TERM").as_deref(),
    )
}

/// Runs the command and reports what it produced.
pub fn run(cli: &Cli) -> Outcome {
    let (rules, rules_text) = match load_rules(cli) {
        Ok(loaded) => loaded,
        Err(errors) => {
            return Outcome {
                errors,
                status: exit::INVALID,
                ..Outcome::default()
            };
        }
    };
    let Some(command) = &cli.command else {
        if crate::interactive::attended() {
            return crate::interactive::run(None, None, &rules);
        }
        let help = Cli::command().render_long_help().to_string();
        return Outcome {
            errors: Vec::new(),
            notes: vec![help],
            status: exit::INVALID,
            ..Outcome::default()
        };
    };
    match command {
        Command::Interview { save, from } => {
            crate::interactive::run(save.as_deref(), from.as_deref(), &rules)
        }
        Command::Recommend { files, format } => recommend(files, (*format).into(), &rules),
        Command::Explain { file, format } => explain(file, (*format).into(), &rules),
        Command::Checklist { motion, format } => {
            let items = checklist::for_motion(&rules, *motion, &[]);
            let stdout = match Format::from(*format) {
                Format::Text => render::text::checklist(*motion, &items, &rules, &text_options()),
                Format::Json => render::json::checklist(*motion, &items, &rules),
                Format::Markdown => render::markdown::checklist(*motion, &items, &rules),
            };
            Outcome {
                stdout,
                ..Outcome::default()
            }
        }
        Command::Init { file } => init(file),
        Command::Rules { format } => {
            let stdout = match Format::from(*format) {
                Format::Text => rules_text,
                Format::Json => render::json::rulebook(&rules),
                Format::Markdown => render::markdown::rulebook(&rules),
            };
            Outcome {
                stdout,
                ..Outcome::default()
            }
        }
    }
}

fn recommend(files: &[String], format: Format, rules: &Rulebook) -> Outcome {
    let mut out = Outcome::default();
    if files.iter().filter(|f| *f == "-").count() > 1 {
        return Outcome::failed("`-` (standard input) can be given only once".to_string());
    }
    let mut results = Vec::new();
    for file in files {
        match evaluate(file, rules) {
            Ok(result) => results.push(result),
            Err(LoadFailure::Input(e)) => out.errors.push(e.to_string()),
            Err(LoadFailure::Problems(p)) => out.errors.extend(problem_lines(&p)),
        }
    }
    if !out.errors.is_empty() {
        out.status = exit::INVALID;
    }
    if results.is_empty() {
        return out;
    }
    let evaluated: Vec<Evaluated<'_>> = results
        .iter()
        .map(|(file, assessment)| Evaluated { file, assessment })
        .collect();
    out.stdout = if files.len() == 1 {
        let one = &evaluated[0];
        match format {
            Format::Text => render::text::assessment(one.assessment, rules, &text_options()),
            Format::Json => render::json::assessment(one),
            Format::Markdown => render::markdown::assessment(one.assessment, rules),
        }
    } else {
        match format {
            Format::Text => render::text::portfolio(&evaluated, rules, &text_options()),
            Format::Json => render::json::assessments(&evaluated),
            Format::Markdown => render::markdown::portfolio(&evaluated, rules),
        }
    };
    out
}

fn explain(file: &str, format: Format, rules: &Rulebook) -> Outcome {
    match evaluate(file, rules) {
        Ok((name, a)) => {
            let stdout = match format {
                Format::Text => render::text::explain(&a, rules, &text_options()),
                Format::Json => render::json::assessment(&Evaluated {
                    file: &name,
                    assessment: &a,
                }),
                Format::Markdown => render::markdown::explain(&a, rules),
            };
            Outcome {
                stdout,
                ..Outcome::default()
            }
        }
        Err(LoadFailure::Input(e)) => Outcome::failed(e.to_string()),
        Err(LoadFailure::Problems(p)) => Outcome {
            errors: problem_lines(&p),
            status: exit::INVALID,
            ..Outcome::default()
        },
    }
}

fn init(file: &str) -> Outcome {
    if file == "-" {
        return Outcome {
            stdout: STARTER.to_string(),
            ..Outcome::default()
        };
    }
    // create_new refuses an existing file atomically, so nothing is ever overwritten.
    let written = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(Path::new(file))
        .and_then(|mut f| {
            let result = f.write_all(STARTER.as_bytes()).and_then(|()| f.sync_all());
            if result.is_err() {
                // Leave no half-written profile behind; the file is ours, we just created it.
                let _ = std::fs::remove_file(file);
            }
            result
        });
    match written {
        Ok(()) => Outcome {
            notes: vec![format!(
                "wrote {file}; edit its answers, then run `gtm recommend {file}`"
            )],
            ..Outcome::default()
        },
        Err(e) if e.kind() == ErrorKind::AlreadyExists => Outcome::failed(format!(
            "{file}: already exists and was left untouched; choose another name, or remove it first"
        )),
        Err(e) => Outcome::failed(format!("{file}: cannot write: {e}")),
    }
}
