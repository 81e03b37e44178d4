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
    let mut status = outcome.status;
    let mut stdout = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = stdout
        .write_all(outcome.stdout.as_bytes())
        .and_then(|()| match outcome.stream {
            Some(stream) => stream(&mut stdout),
            None => Ok(Vec::new()),
        })
        .and_then(|late| stdout.flush().map(|()| late));
    match written {
        Ok(late) => {
            for error in &late {
                eprintln!("error: {error}");
            }
            if !late.is_empty() {
                status = exit::INVALID;
            }
        }
        // A reader that goes away early (`gtm rules | head`) is not an error.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("error: cannot write to standard output: {e}");
            return exit::code(exit::INVALID);
        }
    }
    exit::code(status)
}
