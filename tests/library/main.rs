//! The library from inside, without the binary: the engine's properties
//! over the exhaustive grid, the table-driven cases, the findings, the
//! fuzzing of the reader and renderers, and the interview's flow driven by
//! scripted answers; the shipped second-opinion rulebooks' edges, properties
//! and comparisons.

#[path = "../support/mod.rs"]
mod support;

mod cases;
mod findings;
mod fuzz;
mod interview_flow;
mod layers;
mod properties;
mod shipped;
mod signals;
