//! What every command returns to main: text for stdout (whole, or streamed
//! as it is produced), messages for stderr and the exit status. Commands
//! print nothing themselves, so main stays the only edge.

use std::io::{ErrorKind, Write};
use std::path::Path;

use crate::exit::Status;
use gtm_advisor::diagnostic::{FileProblems, printable_path};

/// Standard output that is produced while it is written, for results too
/// large to hold: it writes to the given stream and says how it ended.
pub type Stream = Box<dyn FnOnce(&mut dyn Write) -> std::io::Result<Late>>;

/// How a [`Stream`] ended: the inputs it could not use, and the exit status
/// its results call for (the larger of this and the command's own wins;
/// any error makes it 2).
#[derive(Debug, Default)]
pub struct Late {
    /// Notes for standard error that are not errors (files a walk skipped).
    pub notes: Vec<String>,
    /// Messages for standard error, without the "error: " prefix.
    pub errors: Vec<String>,
    /// The exit status the results call for.
    pub status: Status,
    /// How many profiles could not be used (files a walk found not to be
    /// profiles are not counted), for the totals that would otherwise leave
    /// them out without a word.
    pub unread: usize,
}

/// What a command produced.
#[derive(Default)]
pub struct Outcome {
    /// Text for standard output.
    pub stdout: String,
    /// More standard output, written after `stdout`; any error it returns
    /// is reported like those in `errors` and makes the exit status 2.
    pub stream: Option<Stream>,
    /// Messages for standard error, one per entry, without the "error: " prefix.
    pub errors: Vec<String>,
    /// Notes for standard error that are not errors.
    pub notes: Vec<String>,
    /// The exit status.
    pub status: Status,
}

impl Outcome {
    /// Success, with `stdout` to print.
    pub fn printed(stdout: String) -> Outcome {
        Outcome {
            stdout,
            ..Outcome::default()
        }
    }

    /// A single error and exit status 2.
    pub fn failed(message: String) -> Outcome {
        Outcome::failed_with(vec![message])
    }

    /// Several errors and exit status 2.
    pub fn failed_with(errors: Vec<String>) -> Outcome {
        Outcome {
            errors,
            status: Status::Invalid,
            ..Outcome::default()
        }
    }
}

impl From<anyhow::Error> for Outcome {
    /// A failure at the edge: the message with its whole chain of causes
    /// (`FILE: cannot write: Permission denied`), and exit status 2.
    fn from(error: anyhow::Error) -> Outcome {
        Outcome::failed(format!("{error:#}"))
    }
}

/// A failed write with the file named: a file that exists gets
/// `exists_hint` (what to do instead), any other failure says the file
/// could not be written and why. A failure of the temporary file the output
/// waited in is named as that.
pub fn write_error(error: std::io::Error, path: &Path, exists_hint: &str) -> anyhow::Error {
    let shown = printable_path(path);
    if gtm_advisor::spool::is_spool_error(&error) {
        // The temporary folder failed, not the file: blame it.
        anyhow::Error::new(error)
    } else if error.kind() == ErrorKind::AlreadyExists {
        anyhow::anyhow!("{shown}: already exists and was left untouched; {exists_hint}")
    } else {
        anyhow::Error::new(error).context(format!("{shown}: cannot write"))
    }
}

/// One message per problem, so each gets its own "error:" prefix.
pub fn problem_lines(problems: &FileProblems) -> Vec<String> {
    problems
        .problems
        .iter()
        .map(|p| FileProblems::new(&problems.file, vec![p.clone()]).to_string())
        .collect()
}
