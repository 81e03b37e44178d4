//! The `gtm` binary from outside, as a user or a CI system runs it: exit
//! codes, stdout and stderr of every command, on good and bad input.
//! One test binary, so it is linked once; each file is one area.

#[path = "../support/mod.rs"]
mod support;

mod bad_input;
mod check;
mod commands;
mod docs;
mod edges;
mod history;
mod portfolio;
mod pql;
mod profiles;
mod report;
mod shell;
mod snapshots;
mod whatif;
