//! The `gtm` binary: parse the command line, run it, print, exit.

mod cli;
mod commands;
mod exit;

use std::io::{self, Write};
use std::process::ExitCode;

use crate::exit::Status;
use clap::FromArgMatches;
use gtm_advisor::diagnostic::printable_lines;

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

fn main() -> ExitCode {
    let matches = cli::command().get_matches();
    let cli = cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let outcome = commands::run(&cli);
    for note in &outcome.notes {
        diagnose(format_args!("{note}"));
    }
    for error in &outcome.errors {
        diagnose(format_args!("error: {error}"));
    }
    let mut status = outcome.status;
    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = stdout
        .write_all(outcome.stdout.as_bytes())
        .and_then(|()| match outcome.stream {
            Some(stream) => stream(&mut stdout),
            None => Ok(commands::Late::default()),
        })
        .and_then(|late| stdout.flush().map(|()| late));
    match written {
        Ok(late) => {
            for error in &late.errors {
                diagnose(format_args!("error: {error}"));
            }
            status = status.and(late.status);
            if !late.errors.is_empty() {
                status = status.and(Status::Invalid);
            }
        }
        // A reader that goes away early (`gtm rules | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            diagnose(format_args!("error: cannot write to standard output: {e}"));
            return Status::Invalid.into();
        }
    }
    status.into()
}
