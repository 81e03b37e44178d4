//! Checklist items per motion, with the profile's progress marked.

use crate::motion::Motion;
use crate::rulebook::Rulebook;

/// One checklist item as it applies to a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistEntry {
    /// Stable kebab-case id.
    pub id: String,
    /// Group heading, e.g. `assess` or `hybrid`.
    pub section: String,
    /// What to do.
    pub text: String,
    /// Whether the profile lists it in `[checklist] done`.
    pub done: bool,
    /// The citation.
    pub source: String,
}

/// The checklist of `motion`, in rulebook order; ids in `done` are marked done.
pub fn for_motion(rules: &Rulebook, motion: Motion, done: &[String]) -> Vec<ChecklistEntry> {
    rules
        .checklist
        .iter()
        .filter(|item| item.motions.contains(&motion))
        .map(|item| ChecklistEntry {
            id: item.id.get_ref().clone(),
            section: item.section.clone(),
            text: item.text.clone(),
            done: done.iter().any(|d| d == item.id.get_ref()),
            source: rules.cite(&item.source),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_motion_has_its_own_checklist() {
        let rules = Rulebook::default_rules();
        for &motion in Motion::ALL {
            let items = for_motion(&rules, motion, &[]);
            assert!(items.len() >= 8, "{motion}: {}", items.len());
            assert!(items.iter().all(|i| !i.done));
        }
        let hybrid: Vec<_> = for_motion(&rules, Motion::Hybrid, &[])
            .into_iter()
            .map(|i| i.id)
            .collect();
        assert!(hybrid.contains(&"define-pql-criteria".to_string()));
        let sales: Vec<_> = for_motion(&rules, Motion::SalesLed, &[])
            .into_iter()
            .map(|i| i.id)
            .collect();
        assert!(!sales.contains(&"define-pql-criteria".to_string()));
    }

    #[test]
    fn done_items_are_marked() {
        let rules = Rulebook::default_rules();
        let items = for_motion(&rules, Motion::Plg, &["measure-time-to-value".to_string()]);
        let done: Vec<_> = items
            .iter()
            .filter(|i| i.done)
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(done, ["measure-time-to-value"]);
    }
}
