//! `gtm interview` (and bare `gtm` on a terminal): ask, show the result,
//! offer to save. The only command that talks with a person while it runs,
//! so it prints as it goes instead of returning its text.

#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use console::Term;
use gtm_advisor::diagnostic::{printable, printable_path};
use gtm_advisor::engine::assess::practice_matters;
use gtm_advisor::interview::{self, Ask, Stop};
use gtm_advisor::profile::{self, MAX_PROFILE_BYTES};
use gtm_advisor::{assess, render};

use crate::exit::Status;

use super::context::Context;
use super::input;
use super::outcome::Outcome;
use super::write::write_atomically;
use gtm_advisor::interview::terminal::{Terminal, columns, fold, prompt_owns_ctrl_c};

/// Where `gtm interview` offers to save when neither `--save` nor `--from`
/// names a file: the name `gtm init` and `gtm check` use.
pub const DEFAULT_SAVE: &str = "gtm.toml";

const NEEDS_A_TERMINAL: &str = "`gtm interview` asks its questions in a terminal, and stdin, stdout or stderr is not one here (a pipe, a file or CI). To write a profile without one, run `gtm init FILE` and edit it; to evaluate a profile, run `gtm recommend FILE`.";

/// Whether stdin, stdout and stderr are all terminals.
pub fn attended() -> bool {
    std::io::stdin().is_terminal()
        && std::io::stdout().is_terminal()
        && std::io::stderr().is_terminal()
}

fn stopped(stop: Stop) -> Outcome {
    let message = match stop {
        Stop::Interrupted => "Interview stopped; nothing was saved.",
        Stop::EndOfInput => "End of input; interview stopped and nothing was saved.",
    };
    Outcome {
        notes: vec![message.to_string()],
        status: Status::Interrupted,
        ..Outcome::default()
    }
}

/// Restores the cursor and exits 130 on a Ctrl-C that arrives while no key is
/// being read. A Ctrl-C in a list or a yes/no question raises the signal too,
/// but that prompt returns and stops the interview in order (a failed save's
/// answers are then printed), so the handler stands aside.
fn install_interrupt_handler() {
    let _ = ctrlc::set_handler(|| {
        if prompt_owns_ctrl_c() {
            return;
        }
        let term = Term::stderr();
        let _ = term.show_cursor();
        let _ = term.write_line("\nInterview stopped; nothing was saved.");
        std::process::exit(i32::from(Status::Interrupted.code()));
    });
}

/// Runs the interview.
pub fn run(save: Option<&Path>, from: Option<&Path>, ctx: &Context) -> Outcome {
    let rules = ctx.rules;
    let from_path = from;
    if !attended() {
        return Outcome::failed(NEEDS_A_TERMINAL.to_string());
    }
    let from = match from {
        None => None,
        Some(file) => match input::read(file, MAX_PROFILE_BYTES, ctx.stdin_name) {
            Err(e) => return Outcome::failed(e.to_string()),
            Ok(text) => match profile::parse(&text.text, &text.name, rules) {
                Ok(p) => Some(p),
                Err(problems) => return Outcome::failed(problems.to_string()),
            },
        },
    };
    install_interrupt_handler();
    let mut ask = Terminal::new();
    ask.say(
        "A few questions about your product. Enter keeps the answer offered, `<` goes back, `?` explains a question, Esc or Ctrl-C stops without saving.",
    );
    // A practice question is asked when the answers so far are not yet a
    // profile, or when the motion they give reads it.
    let practice_matters = |a: &interview::Answers, key: &str| {
        profile::parse(&a.to_toml(), "<interview>", rules)
            .ok()
            .is_none_or(|p| practice_matters(&p, key, rules))
    };
    let answers = match interview::run(&mut ask, from.as_ref(), &practice_matters) {
        Ok(a) => a,
        Err(stop) => return stopped(stop),
    };
    let text = answers.to_toml();
    let profile = match profile::parse(&text, "<interview>", rules) {
        Ok(p) => p,
        Err(problems) => {
            // Every answer is checked as it is typed, so this should not
            // happen; if it does, the answers are printed, never lost.
            print!("{text}");
            let _ = std::io::stdout().flush();
            return Outcome::failed(folded(&format!(
                "the answers above do not make a valid profile, so they were not saved; copy them into a file and fix what this says: {problems}"
            )));
        }
    };
    // The result kept short, so the motion is on screen when the save
    // question comes; the full result is a command away.
    let assessment = assess(&profile, rules);
    let result = render::text::brief(&assessment, rules, &ctx.text, None);
    println!();
    print!("{result}");
    println!(
        "{}",
        folded(&format!(
            "The checklist for this motion: gtm checklist {}; the full result: gtm recommend FILE once saved.",
            assessment.motion.id()
        ))
    );
    println!();
    println!(
        "{}",
        folded(&format!(
            "Result: {} for {}.",
            rules.motion(assessment.motion).name,
            printable(&assessment.name)
        ))
    );
    let _ = std::io::stdout().flush();

    // Revisiting a profile saves it back where it came from (after asking).
    let from_file = from_path.filter(|p| !input::is_stdin(p));
    let mut outcome = save_answers(&mut ask, &text, save, from_file);
    for note in &mut outcome.notes {
        *note = folded(note);
    }
    outcome
}

/// `text` folded to the width of the terminal the interview runs in, so the
/// terminal does not split a word.
fn folded(text: &str) -> String {
    fold(text, columns(), 0)
}

/// Saves the answers where the person says, asking again after a failed
/// save (a missing folder, a read-only place, a file that appeared
/// meanwhile). If they give up after a failure, the profile is printed on
/// stdout: answers a person asked to save are never thrown away.
fn save_answers(
    ask: &mut dyn Ask,
    text: &str,
    save: Option<&Path>,
    from: Option<&Path>,
) -> Outcome {
    let mut given = save.map(Path::to_path_buf);
    let offered = from.map_or_else(|| DEFAULT_SAVE.to_string(), |f| f.display().to_string());
    let mut failed = false;
    loop {
        let question = if failed {
            "Save them somewhere else?"
        } else {
            "Save these answers as a profile?"
        };
        let target = match choose_target(ask, given.take(), question, &offered) {
            Ok(Some(target)) => target,
            Ok(None) if !failed => {
                return Outcome {
                    notes: vec![
                        "Not saved. Run `gtm interview` again whenever you like.".to_string(),
                    ],
                    ..Outcome::default()
                };
            }
            Err(stop) if !failed => return stopped(stop),
            Ok(None) | Err(_) => return printed_instead(text),
        };
        let shown = printable_path(&target.path);
        match write_atomically(&target.path, text, target.overwrite) {
            Ok(()) => {
                return Outcome {
                    notes: vec![format!(
                        "Saved {shown}. Evaluate it with `gtm recommend {shown}`; revisit it with `gtm interview --from {shown}`."
                    )],
                    ..Outcome::default()
                };
            }
            Err(e) => {
                eprintln!(
                    "{}",
                    folded(&format!(
                        "error: {shown}: cannot save: {e}; your answers are kept"
                    ))
                );
                failed = true;
                // A file that appeared since the question: ask about replacing it.
                if e.kind() == std::io::ErrorKind::AlreadyExists {
                    given = Some(target.path);
                }
            }
        }
    }
}

/// The profile on stdout, after a save that failed and was not retried.
fn printed_instead(text: &str) -> Outcome {
    print!("{text}");
    let _ = std::io::stdout().flush();
    Outcome {
        notes: vec![
            "Not saved: the profile is printed above; copy it into a file, and check it with `gtm recommend FILE`."
                .to_string(),
        ],
        status: Status::Invalid,
        ..Outcome::default()
    }
}

/// A file to save to, and whether the person agreed to replace it.
struct Target {
    path: PathBuf,
    overwrite: bool,
}

/// Asks whether (`question`) and where to save; an existing file needs an
/// explicit yes. A given path that cannot be a file (a directory) is
/// reported and another asked for.
fn choose_target(
    ask: &mut dyn Ask,
    mut given: Option<PathBuf>,
    question: &str,
    offered: &str,
) -> Result<Option<Target>, Stop> {
    if let Some(path) = &given {
        if let Err(problem) = check_path(&path.display().to_string()) {
            eprintln!("{}", folded(&format!("error: {}", printable(&problem))));
            given = None;
        }
    }
    if given.is_none() && !ask.confirm(question, true)? {
        return Ok(None);
    }
    loop {
        let path = match given.take() {
            Some(path) => path,
            None => PathBuf::from(ask.text("Save to", Some(offered), &check_path)?),
        };
        if path.extension().is_none_or(|e| e != "toml") {
            // Directory walks (`gtm check DIR`) read only `.toml` files.
            eprintln!(
                "{}",
                folded(&format!(
                    "warning: {} does not end in .toml, so `gtm check DIR` and `gtm recommend DIR` will not find it",
                    printable_path(&path)
                ))
            );
        }
        // The path's own entry, not what a link points to: a dangling link
        // is there, and saving "beside" it would fail again and again.
        let Ok(there) = std::fs::symlink_metadata(&path) else {
            return Ok(Some(Target {
                path,
                overwrite: false,
            }));
        };
        let question = if there.file_type().is_symlink() {
            format!(
                "{} is a symbolic link. Replace the link with the profile?",
                printable_path(&path)
            )
        } else if !there.is_file() {
            format!(
                "{} exists and is not a regular file. Replace it with the profile?",
                printable_path(&path)
            )
        } else {
            format!("{} already exists. Replace it?", printable_path(&path))
        };
        if ask.confirm(&question, false)? {
            return Ok(Some(Target {
                path,
                overwrite: true,
            }));
        }
        if !ask.confirm("Save under another name?", true)? {
            return Ok(None);
        }
    }
}

fn check_path(text: &str) -> Result<String, String> {
    let path = Path::new(text.trim());
    if text.trim().is_empty() {
        Err("give a file name, e.g. gtm.toml".to_string())
    } else if path.is_dir() {
        Err(format!(
            "{} is a directory; give a file name",
            printable_path(path)
        ))
    } else {
        Ok(text.trim().to_string())
    }
}
