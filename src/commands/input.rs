//! Reading one input: a profile file or standard input (`-`), refusing
//! what cannot be a profile before it is parsed: too large, not UTF-8, a
//! directory, a missing path. (Directories are walked in `walk.rs`.)

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use gtm_advisor::diagnostic::{Location, printable_path};

/// Text read from a file or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The name to show: the path as given, or `<stdin>`.
    pub name: String,
    /// The whole text.
    pub text: String,
}

/// Why an input could not be read.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    /// The path does not exist.
    #[error(
        "{path}: no such file; check the path, or create a starter profile with `gtm init {path}`"
    )]
    NotFound {
        /// The path as given.
        path: String,
    },
    /// The path is a directory.
    #[error("{path}: is a directory; pass the profile files inside it, e.g. `{}/*.toml`", path.trim_end_matches('/'))]
    IsDirectory {
        /// The path as given.
        path: String,
    },
    /// Larger than the limit.
    #[error(
        "{path}: larger than {limit} bytes; a profile is a few dozen lines, so this is not one"
    )]
    TooLarge {
        /// The path as given.
        path: String,
        /// The limit in bytes.
        limit: usize,
    },
    /// Standard input held nothing (it was empty, or closed).
    #[error(
        "{path}: nothing on standard input (it is empty or closed); pipe a profile in, e.g. `cat gtm.toml | gtm check -`"
    )]
    EmptyStdin {
        /// The name standard input goes by.
        path: String,
    },
    /// Not UTF-8 text.
    #[error("{path}:{location}: not UTF-8 text (invalid byte here); save the file as UTF-8")]
    NotUtf8 {
        /// The path as given.
        path: String,
        /// Where the first invalid byte is.
        location: Location,
    },
    /// Any other I/O failure.
    #[error("{path}: cannot read: {source}")]
    Io {
        /// The path as given.
        path: String,
        /// The underlying error.
        source: io::Error,
    },
}

impl InputError {
    /// The line the problem is on, if any, and the message without the path.
    pub fn detail(&self) -> (Option<usize>, String) {
        let text = self.to_string();
        let path = match self {
            InputError::NotFound { path }
            | InputError::IsDirectory { path }
            | InputError::TooLarge { path, .. }
            | InputError::NotUtf8 { path, .. }
            | InputError::EmptyStdin { path }
            | InputError::Io { path, .. } => path,
        };
        let line = match self {
            InputError::NotUtf8 { location, .. } => Some(location.line),
            _ => None,
        };
        let rest = text.strip_prefix(path.as_str()).unwrap_or(&text);
        let rest = rest
            .trim_start_matches(|c: char| c == ':' || c.is_ascii_digit())
            .trim_start();
        (line, rest.to_string())
    }
}

/// Reads `path` (or `-` for standard input, named `stdin_name`), refusing
/// more than `limit` bytes.
/// The name it gives the input (in `Input::name` and every error) shows
/// control characters escaped and bytes that are not UTF-8 as `\xff`, so a
/// file name cannot reach a terminal or a CI log as escape sequences or as the
/// start of a line.
pub fn read(path: &Path, limit: usize, stdin_name: &str) -> Result<Input, InputError> {
    if is_stdin(path) {
        // A closed standard input reads as empty; either way there is no
        // profile to judge, and saying so beats "missing key" eight times.
        let input = read_from(stdin_name, io::stdin().lock(), limit, 0)?;
        if input.text.trim().is_empty() {
            return Err(InputError::EmptyStdin {
                path: stdin_name.to_string(),
            });
        }
        return Ok(input);
    }
    let shown = printable_path(path);
    let arg: &str = &shown;
    let io_error = |source: io::Error| match source.kind() {
        io::ErrorKind::NotFound => InputError::NotFound {
            path: arg.to_string(),
        },
        _ => InputError::Io {
            path: arg.to_string(),
            source,
        },
    };
    // Open first and ask the open file its size: one lookup of the path, and
    // the size lets the read below take one call instead of a doubling series.
    let file = File::open(path).map_err(io_error)?;
    let metadata = file.metadata().map_err(io_error)?;
    if metadata.is_dir() {
        return Err(InputError::IsDirectory {
            path: arg.to_string(),
        });
    }
    // Refuse large regular files without reading them; `read_from` still caps
    // anything whose size the file system does not know (pipes, devices).
    if metadata.len() > limit as u64 {
        return Err(InputError::TooLarge {
            path: arg.to_string(),
            limit,
        });
    }
    let expected = usize::try_from(metadata.len()).unwrap_or(limit);
    read_from(arg, file, limit, expected)
}

/// Reads at most `limit` bytes (one more, to tell that there were more),
/// starting with room for `expected` bytes.
fn read_from(
    name: &str,
    source: impl Read,
    limit: usize,
    expected: usize,
) -> Result<Input, InputError> {
    let mut bytes = Vec::with_capacity(expected.min(limit) + 1);
    source
        .take(limit as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| match source.kind() {
            // Reading a directory on some platforms fails here rather than at metadata.
            io::ErrorKind::IsADirectory => InputError::IsDirectory {
                path: name.to_string(),
            },
            _ => InputError::Io {
                path: name.to_string(),
                source,
            },
        })?;
    if bytes.len() > limit {
        return Err(InputError::TooLarge {
            path: name.to_string(),
            limit,
        });
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Input {
            name: name.to_string(),
            text,
        }),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // The prefix up to `valid` is UTF-8 by definition.
            let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
            Err(InputError::NotUtf8 {
                path: name.to_string(),
                location: Location::of(prefix, prefix.len()),
            })
        }
    }
}

/// How `path` is named in output: as the reader names it (standard input
/// by `--stdin-name`, or `<stdin>`), control characters escaped.
pub fn shown_name(path: &Path, stdin_name: &str) -> String {
    if is_stdin(path) {
        stdin_name.to_string()
    } else {
        printable_path(path)
    }
}

/// Whether `path` is `-`, standard input.
pub fn is_stdin(path: &Path) -> bool {
    path == Path::new("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_encoding_are_checked() {
        let ok = read_from("x", &b"a = 1\n"[..], 10, 0).unwrap();
        assert_eq!(ok.text, "a = 1\n");
        assert!(matches!(
            read_from("x", &[b'a'; 11][..], 10, 0),
            Err(InputError::TooLarge { .. })
        ));
        let err = read_from("x", &b"a\nb\xff"[..], 10, 0).unwrap_err();
        match err {
            InputError::NotUtf8 { location, .. } => {
                assert_eq!(location, Location { line: 2, column: 2 })
            }
            other => panic!("{other}"),
        }
    }

    #[test]
    fn missing_files_and_directories_are_named() {
        let err = read(Path::new("/no/such/file.toml"), 10, "<stdin>").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("/no/such/file.toml: no such file"),
            "{err}"
        );
        let err = read(Path::new("/"), 10, "<stdin>").unwrap_err();
        assert!(matches!(err, InputError::IsDirectory { .. }), "{err}");
    }
}
