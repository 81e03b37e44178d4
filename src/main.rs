//! The `gtm` binary: parse the command line, run it, print, exit.

mod cli;
mod commands;
mod exit;
mod stdout;

use std::io::{self, Write};
use std::process::ExitCode;

use crate::exit::Status;
use clap::FromArgMatches;
use gtm_advisor::diagnostic::{printable, printable_lines};

/// Writes a diagnostic line to stderr. A closed or full stderr is not worth
/// dying for (`eprintln!` would panic, and panics abort): the exit status
/// still says what happened.
/// Control characters from input (a file name, a key) are shown escaped,
/// so a message can neither send escape sequences to the terminal nor start a
/// line of a CI log.
fn diagnose(line: std::fmt::Arguments<'_>) {
    let text = line.to_string();
    let _ = writeln!(io::stderr().lock(), "{}", printable_lines(&text));
}

/// A command line clap refused, or asked for help or the version. Help and
/// the version print as clap prints them; an error is shown with the
/// arguments it echoes escaped, and every line starting with clap's own
/// words, since an argument (a file name a glob picked up) may hold a line
/// break and a CI runner's command.
fn usage_error(e: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit();
    }
    let mut text = e.render().to_string();
    for arg in std::env::args_os().skip(1) {
        let raw = arg.to_string_lossy();
        for part in std::iter::once(&*raw).chain(raw.split_once('=').map(|(_, v)| v)) {
            let shown = printable(part);
            if shown != part && !part.is_empty() {
                text = text.replace(part, &shown);
            }
        }
    }
    let mut err = io::stderr().lock();
    for line in printable_lines(text.trim_end()).lines() {
        let clap_words = ["error:", "Usage:", "For more", "tip:", " ", "\t"];
        let indent = if line.is_empty() || clap_words.iter().any(|w| line.starts_with(w)) {
            ""
        } else {
            "  "
        };
        let _ = writeln!(err, "{indent}{line}");
    }
    Status::Invalid.into()
}

fn main() -> ExitCode {
    let matches = match cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(e) => return usage_error(&e),
    };
    let cli = cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let outcome = commands::run(&cli);
    for note in &outcome.notes {
        diagnose(format_args!("{note}"));
    }
    for error in &outcome.errors {
        diagnose(format_args!("error: {error}"));
    }
    let mut status = outcome.status;
    // A reader that goes away early (`gtm check dir | head -1`) cuts the
    // output short, never the decision: the rest runs, its messages reach
    // stderr and the exit status is the one it calls for.
    let mut stdout =
        io::BufWriter::with_capacity(1 << 16, stdout::Outlives::new(io::stdout().lock()));
    let written = stdout
        .write_all(outcome.stdout.as_bytes())
        .and_then(|()| match outcome.stream {
            Some(stream) => stream(&mut stdout),
            None => Ok(commands::Late::default()),
        })
        .and_then(|late| stdout.flush().map(|()| late));
    match written {
        Ok(late) => {
            for note in &late.notes {
                diagnose(format_args!("{note}"));
            }
            for error in &late.errors {
                diagnose(format_args!("error: {error}"));
            }
            status = status.and(late.status);
            if !late.errors.is_empty() {
                status = status.and(Status::Invalid);
            }
        }
        Err(e) if gtm_advisor::spool::is_spool_error(&e) => {
            diagnose(format_args!("error: {e}"));
            return Status::Invalid.into();
        }
        Err(e) => {
            diagnose(format_args!("error: cannot write to standard output: {e}"));
            return Status::Invalid.into();
        }
    }
    status.into()
}
