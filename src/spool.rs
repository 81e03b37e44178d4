//! Report bodies held out of memory until they can be written.
//!
//! A portfolio report starts with totals or a table of every profile, so its
//! long per-profile sections cannot go out as they are made. A [`Spool`]
//! keeps them in an anonymous temporary file (no name, removed by the
//! system when closed), so memory stays flat however many profiles there
//! are, and copies them out later, whole or one section at a time in any
//! order. Where no temporary file can be made, it keeps them in memory.

use std::fmt;
use std::fs::File;
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};

/// A failure of the temporary file itself (a full or read-only temporary
/// folder), kept apart from failures of the output it is on its way to, so
/// the message blames the right place.
#[derive(Debug)]
pub struct SpoolError(io::Error);

impl fmt::Display for SpoolError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the temporary file that holds the output until it is complete could not be \
             written ({}); free space in the system's temporary folder or point TMPDIR at \
             another one",
            self.0
        )
    }
}

impl std::error::Error for SpoolError {}

/// Whether `error` came from a spool's temporary file rather than from the
/// output the spool was feeding.
pub fn is_spool_error(error: &io::Error) -> bool {
    error
        .get_ref()
        .is_some_and(|inner| inner.is::<SpoolError>())
}

/// Marks a failure of the temporary file as such.
fn spooled(error: io::Error) -> io::Error {
    if is_spool_error(&error) {
        error
    } else {
        io::Error::new(error.kind(), SpoolError(error))
    }
}

/// Where a spooled section starts and how long it is, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    start: u64,
    len: u64,
}

/// Bytes written now, read back later.
pub struct Spool {
    store: Store,
    written: u64,
}

enum Store {
    Disk(BufWriter<File>),
    Memory(Vec<u8>),
}

impl Default for Spool {
    fn default() -> Spool {
        Spool::new()
    }
}

impl Spool {
    /// An empty spool, on disk where the system gives a temporary file.
    pub fn new() -> Spool {
        let store = match tempfile::tempfile() {
            Ok(file) => Store::Disk(BufWriter::with_capacity(1 << 16, file)),
            Err(_) => Store::Memory(Vec::new()),
        };
        Spool { store, written: 0 }
    }

    /// An empty spool in memory, for small outputs and tests.
    pub fn in_memory() -> Spool {
        Spool {
            store: Store::Memory(Vec::new()),
            written: 0,
        }
    }

    /// Appends one section and says where it is.
    pub fn section(&mut self, text: &str) -> io::Result<Section> {
        let start = self.written;
        self.write_all(text.as_bytes())?;
        Ok(Section {
            start,
            len: text.len() as u64,
        })
    }

    /// Everything written, in order.
    pub fn copy_all(self, out: &mut dyn Write) -> io::Result<()> {
        let whole = Section {
            start: 0,
            len: self.written,
        };
        let mut reader = self.reader()?;
        reader.copy(whole, out)
    }

    /// A reader of the sections, to copy them out in any order.
    pub fn reader(self) -> io::Result<SpoolReader> {
        Ok(match self.store {
            Store::Disk(writer) => {
                let file = writer.into_inner().map_err(|e| spooled(e.into_error()))?;
                SpoolReader::Disk(file)
            }
            Store::Memory(bytes) => SpoolReader::Memory(bytes),
        })
    }
}

impl Write for Spool {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = match &mut self.store {
            Store::Disk(w) => w.write(buf).map_err(spooled)?,
            Store::Memory(v) => v.write(buf)?,
        };
        self.written += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.store {
            Store::Disk(w) => w.flush().map_err(spooled),
            Store::Memory(_) => Ok(()),
        }
    }
}

/// A reader whose failures are the temporary file's.
struct Blame<R> {
    inner: R,
}

impl<R: Read> Read for Blame<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        self.inner.read(buf).map_err(spooled)
    }
}

/// A finished spool, read back section by section.
pub enum SpoolReader {
    /// On disk.
    Disk(File),
    /// In memory.
    Memory(Vec<u8>),
}

impl SpoolReader {
    /// Copies one section to `out`.
    pub fn copy(&mut self, section: Section, out: &mut dyn Write) -> io::Result<()> {
        match self {
            SpoolReader::Disk(file) => {
                file.seek(SeekFrom::Start(section.start)).map_err(spooled)?;
                // A failed read is the temporary file's; a failed write is
                // the output's, and is reported as such.
                let mut reading = Blame {
                    inner: (&*file).take(section.len),
                };
                let copied = io::copy(&mut reading, out)?;
                if copied == section.len {
                    Ok(())
                } else {
                    Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "the temporary file holding the report was cut short",
                    ))
                }
            }
            SpoolReader::Memory(bytes) => {
                let start = usize::try_from(section.start).unwrap_or(usize::MAX);
                let end = start.saturating_add(usize::try_from(section.len).unwrap_or(usize::MAX));
                match bytes.get(start..end) {
                    Some(slice) => out.write_all(slice),
                    None => Err(io::Error::new(
                        io::ErrorKind::UnexpectedEof,
                        "a report section outside what was written",
                    )),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_come_back_whole_and_in_any_order() {
        for mut spool in [Spool::new(), Spool::in_memory()] {
            let a = spool.section("first\n").unwrap();
            let b = spool.section("").unwrap();
            let c = spool.section("third, longer\n").unwrap();
            let mut reader = spool.reader().unwrap();
            let mut out = Vec::new();
            for s in [c, a, b, a] {
                reader.copy(s, &mut out).unwrap();
            }
            assert_eq!(
                String::from_utf8(out).unwrap(),
                "third, longer\nfirst\nfirst\n"
            );
        }
        let mut spool = Spool::new();
        write!(spool, "one ").unwrap();
        spool.section("two").unwrap();
        let mut out = Vec::new();
        spool.copy_all(&mut out).unwrap();
        assert_eq!(out, b"one two");
    }

    /// A full temporary folder is named as such, not as a failure of the
    /// output (Linux's `/dev/full` fails every write with "no space").
    #[cfg(target_os = "linux")]
    #[test]
    fn a_full_temporary_folder_is_named_as_the_cause() {
        let full = File::options().write(true).open("/dev/full").unwrap();
        let mut spool = Spool {
            store: Store::Disk(BufWriter::with_capacity(16, full)),
            written: 0,
        };
        let error = spool.section(&"x".repeat(64)).unwrap_err();
        assert!(is_spool_error(&error), "{error}");
        assert!(error.to_string().contains("TMPDIR"), "{error}");
        // An output that fails on its own is not blamed on the spool.
        assert!(!is_spool_error(&io::Error::other(
            "the output's own failure"
        )));
    }
}
