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
    // `gtm init clients/acme.toml` in a fresh folder makes `clients/`, as
    // `mkdir -p` would; a parent that exists but is not a folder is refused
    // by the write below, with its name.
    let mut notes = Vec::new();
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        if std::fs::symlink_metadata(parent).is_err() {
            if let Err(e) = std::fs::create_dir_all(parent) {
                return Outcome::failed(format!(
                    "{}: cannot create the folder for {}: {e}",
                    printable_path(parent),
                    printable_path(file)
                ));
            }
            notes.push(format!("created folder {}", printable_path(parent)));
        }
    }
    // Written whole or not at all, and never over an existing file (the
    // final link refuses one atomically), with an ordinary file mode.
    let written = write_atomically(file, STARTER, false);
    match written.map_err(|e| write_error(e, file, "choose another name, or remove it first")) {
        Ok(()) => {
            let file = printable_path(file);
            notes.push(format!(
                "wrote {file}; edit its answers, then run `gtm recommend {file}`"
            ));
            Outcome {
                notes,
                ..Outcome::default()
            }
        }
        Err(e) => e.into(),
    }
}
