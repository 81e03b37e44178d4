//! The signal system: a profile's PQL criteria (`[pql]`) run on usage
//! events, and the same criteria as SQL for a warehouse.
//!
//! Bottom to top: [`time`] and [`columns`] say how an event is written,
//! [`read`] turns CSV or JSON lines (gzip or not) into rows, [`tally`] keeps
//! each account's running state, [`verdict`] decides which [`triggers`]
//! fired and who acts ([`parallel`] spreads the tally over the cores), and
//! [`sql`] writes the query that does what `tally` and `verdict` do. No
//! English prose here: the renderers word the evidence.

pub mod columns;
pub mod parallel;
pub mod read;
pub mod sql;
pub mod tally;
pub mod time;
pub mod triggers;
pub mod verdict;

pub use columns::{Columns, Preset, Role};
pub use tally::Tally;
pub use triggers::{Trigger, WhoActs};
pub use verdict::{AccountSignals, Evidence, Verdict, verdict};
