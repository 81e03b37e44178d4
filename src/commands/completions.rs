//! `gtm completions SHELL`: a completion script for the shell.

use clap_complete::Shell;

use super::outcome::Outcome;

/// Runs `gtm completions`.
pub fn run(shell: Shell) -> Outcome {
    let mut buffer = Vec::new();
    clap_complete::generate(shell, &mut crate::cli::command(), "gtm", &mut buffer);
    Outcome::printed(String::from_utf8_lossy(&buffer).into_owned())
}
