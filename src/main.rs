//! The `gtm` binary: parse the command line, run it, print, exit.

#![allow(clippy::print_stderr)]

mod app;
mod cli;
mod interactive;
mod prompt;
mod write;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::FromArgMatches;
use gtm_advisor::exit;

fn main() -> ExitCode {
    let matches = cli::command().get_matches();
    let cli = cli::Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit());
    let outcome = app::run(&cli);
    for note in &outcome.notes {
        eprintln!("{note}");
    }
    for error in &outcome.errors {
        eprintln!("error: {error}");
    }
    // A reader that goes away early (`gtm rules | head`) is not an error.
    let mut stdout = io::stdout().lock();
    let written = std::iter::once(&outcome.stdout)
        .chain(&outcome.stdout_parts)
        .try_for_each(|part| stdout.write_all(part.as_bytes()))
        .and_then(|()| stdout.flush());
    if let Err(e) = written {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write to standard output: {e}");
            return exit::code(exit::INVALID);
        }
    }
    exit::code(outcome.status)
}
