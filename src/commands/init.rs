//! `gtm init`: a commented starter profile, written to a new file (never
//! over an existing one) or printed with `-`.

use std::path::Path;

use gtm_advisor::diagnostic::printable_path;
use gtm_advisor::profile::STARTER;

use super::input::is_stdin;
use super::outcome::{Outcome, write_error};
use super::write::write_atomically;

/// Runs `gtm init FILE`.
pub fn run(file: &Path) -> Outcome {
    if is_stdin(file) {
        return Outcome::printed(STARTER.to_string());
    }
    // Written whole or not at all, and never over an existing file (the
    // final link refuses one atomically), with an ordinary file mode.
    let written = write_atomically(file, STARTER, false);
    match written.map_err(|e| write_error(e, file, "choose another name, or remove it first")) {
        Ok(()) => {
            let file = printable_path(file);
            Outcome {
                notes: vec![format!(
                    "wrote {file}; edit its answers, then run `gtm recommend {file}`"
                )],
                ..Outcome::default()
            }
        }
        Err(e) => e.into(),
    }
}
