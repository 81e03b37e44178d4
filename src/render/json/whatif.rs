//! `gtm what-if --format json`: the changes, what changed, and both results.

use crate::engine::assess::Assessment;
use crate::engine::whatif::FactorChange;
use crate::profile::edit::Change;
use crate::render::Evaluated;
use serde::Serialize;

#[derive(Serialize)]
struct Report<'a> {
    schema_version: u32,
    file: &'a str,
    changes: Vec<JsonChange<'a>>,
    motion_changed: bool,
    changed_factors: Vec<JsonFactor<'a>>,
    before: super::Result<'a>,
    after: super::Result<'a>,
}

#[derive(Serialize)]
struct JsonChange<'a> {
    key: &'a str,
    value: &'a str,
}

#[derive(Serialize)]
struct JsonFactor<'a> {
    id: &'a str,
    before: Option<&'a str>,
    after: Option<&'a str>,
}

/// JSON: the changes, the changed factors, and both full results.
pub fn whatif(
    file: &str,
    changes: &[Change],
    before: &Assessment,
    after: &Assessment,
    factors: &[FactorChange],
) -> String {
    let result = |assessment| super::result(&Evaluated { file, assessment });
    super::to_string(&Report {
        schema_version: super::SCHEMA_VERSION,
        file,
        changes: changes
            .iter()
            .map(|c| JsonChange {
                key: &c.key,
                value: &c.value,
            })
            .collect(),
        motion_changed: before.motion != after.motion,
        changed_factors: factors
            .iter()
            .map(|f| JsonFactor {
                id: f.id,
                before: f.before.as_ref().map(|(v, _)| v.as_str()),
                after: f.after.as_ref().map(|(v, _)| v.as_str()),
            })
            .collect(),
        before: result(before),
        after: result(after),
    })
}
