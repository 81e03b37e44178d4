//! Driving `gtm` in a real pseudo-terminal (expectrl), for the tests that
//! type into the interview or measure what a terminal shows.

use std::time::Duration;

use expectrl::process::unix::WaitStatus;
use expectrl::session::OsSession;
use expectrl::{Eof, Expect};

/// A `gtm` process on a pseudo-terminal.
pub type Pty = OsSession;

/// Waits for `prompt`, then types `keys`.
pub fn answer(p: &mut Pty, prompt: &str, keys: &str) {
    p.expect(prompt)
        .unwrap_or_else(|e| panic!("waiting for {prompt:?}: {e}"));
    // Let the prompt finish drawing so keys are read as keys.
    std::thread::sleep(Duration::from_millis(50));
    p.send(keys).unwrap();
}

/// Reads everything left and returns the exit status.
pub fn finish(mut p: Pty) -> (String, i32) {
    let rest = p
        .expect(Eof)
        .map(|c| String::from_utf8_lossy(c.as_bytes()).into_owned())
        .unwrap_or_default();
    match p.get_process().wait().unwrap() {
        WaitStatus::Exited(_, code) => (rest, code),
        other => panic!("gtm did not exit normally: {other:?}"),
    }
}
