//! The founder's interview: the questions (data), the answers and the
//! profile text they become, the prompting loop, and the terminal it runs
//! on. It produces a profile and nothing else: it never calls the engine
//! (the command passes in whether a practice question can matter).
//!
//! A prompt layer implements [`Ask`]: [`terminal::Terminal`] draws with
//! dialoguer's theme, and tests drive the same flow with scripted answers.
//! Answers are checked with the parsers profile files use, and the saved
//! text is read back with the profile reader, so an interview and
//! `gtm recommend` on the saved file always agree.

pub mod answers;
mod fit;
pub mod flow;
pub mod questions;
pub mod terminal;

pub use answers::{Answers, SegmentText};
pub use flow::{Ask, Stop, run};
pub use questions::{
    BACK, BACK_TYPED, CORE, Check, Choice, Field, OPTIONAL, OPTIONAL_GATE, Question, SEGMENTS_GATE,
    check_for, choices_for,
};
