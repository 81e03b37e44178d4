//! Standard output that outlives its reader. When the reader goes away (a
//! closed pipe: `gtm check dir | head -1`), what is left to write is dropped
//! instead of failing, so a streamed result still runs to its end: the exit
//! status and the messages on stderr say what was decided, not that the
//! reader stopped listening.

use std::io::{self, ErrorKind, Write};

/// A writer that treats a closed pipe as a reader that has seen enough.
pub struct Outlives<W> {
    inner: W,
    gone: bool,
}

impl<W: Write> Outlives<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Outlives<W> {
        Outlives { inner, gone: false }
    }

    /// What a write's result means: a closed pipe is the reader leaving,
    /// and every write after it is dropped.
    fn outlive<T>(&mut self, result: io::Result<T>, dropped: T) -> io::Result<T> {
        match result {
            Err(e) if e.kind() == ErrorKind::BrokenPipe => {
                self.gone = true;
                Ok(dropped)
            }
            other => other,
        }
    }
}

impl<W: Write> Write for Outlives<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.gone {
            return Ok(buf.len());
        }
        let written = self.inner.write(buf);
        self.outlive(written, buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.gone {
            return Ok(());
        }
        let flushed = self.inner.flush();
        self.outlive(flushed, ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Accepts `room` bytes, then reports a closed pipe.
    struct Pipe {
        room: usize,
        got: Vec<u8>,
    }

    impl Write for Pipe {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            if self.got.len() >= self.room {
                return Err(ErrorKind::BrokenPipe.into());
            }
            let n = buf.len().min(self.room - self.got.len());
            self.got.extend_from_slice(&buf[..n]);
            Ok(n)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_closed_pipe_drops_the_rest_and_other_errors_still_fail() {
        let mut out = Outlives::new(Pipe {
            room: 4,
            got: Vec::new(),
        });
        out.write_all(b"abcdefgh").unwrap();
        out.write_all(b"more").unwrap();
        out.flush().unwrap();
        assert_eq!(out.inner.got, b"abcd");

        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        assert!(Outlives::new(Full).write_all(b"x").is_err());
    }
}
