//! What a what-if changed: the answers whose value or reading differs
//! between the assessment before and the one after. Pure: no I/O.

use super::assess::{Assessment, Factor};

/// An answer that differs between two assessments.
#[derive(Debug, Clone, PartialEq)]
pub struct FactorChange {
    /// Factor id.
    pub id: &'static str,
    /// Label for tables.
    pub label: String,
    /// The answer and what it decides before, or `None` when it was unanswered.
    pub before: Option<(String, String)>,
    /// The answer and what it decides after.
    pub after: Option<(String, String)>,
}

/// The factors that changed, in the order the assessments list them.
pub fn changed_factors(before: &Assessment, after: &Assessment) -> Vec<FactorChange> {
    let mut ids: Vec<&'static str> = before.factors.iter().map(|f| f.id).collect();
    for f in &after.factors {
        if !ids.contains(&f.id) {
            ids.push(f.id);
        }
    }
    ids.into_iter()
        .filter_map(|id| {
            let b = before.factors.iter().find(|f| f.id == id);
            let a = after.factors.iter().find(|f| f.id == id);
            let pair = |f: Option<&Factor>| f.map(|f| (f.value.clone(), f.reading.clone()));
            let label = a.or(b).map(|f| f.label.to_string()).unwrap_or_default();
            (pair(b) != pair(a)).then(|| FactorChange {
                id,
                label,
                before: pair(b),
                after: pair(a),
            })
        })
        .collect()
}
