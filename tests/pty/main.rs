//! The interview in a real pseudo-terminal, typed key by key. (The tests
//! that measure a terminal's width are a binary of their own, `terminal`,
//! so no other pseudo-terminal is being set up while they run.)

#[path = "../support/mod.rs"]
mod support;

mod interview;
