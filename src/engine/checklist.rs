//! Checklist items per motion, with the items the profile's facts rule out
//! left out and the profile's progress marked. Pure: no I/O.

use crate::motion::Motion;
use crate::profile::Profile;
use crate::rulebook::{ChecklistItem, DoneWhen, Rulebook, Text};

use super::readings::Context;

/// One checklist item as it applies to a profile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChecklistEntry {
    /// Stable kebab-case id.
    pub id: Text,
    /// Group heading, e.g. `assess` or `hybrid`.
    pub section: Text,
    /// What to do.
    pub text: Text,
    /// Whether the profile lists it in `[checklist] done`.
    pub done: bool,
    /// The citation.
    pub source: Text,
}

/// The rulebook's items of `motion` that the context's facts leave in.
pub fn applying<'r>(
    rules: &'r Rulebook,
    motion: Motion,
    ctx: Option<&Context<'_>>,
) -> impl Iterator<Item = &'r ChecklistItem> {
    rules
        .checklist
        .iter()
        .filter(move |item| item.motions.contains(&motion))
        .filter(move |item| ctx.is_none_or(|c| c.all_and_any(&item.when, &item.any)))
}

/// The ids `profile` has done: those in its `[checklist] done`, then those
/// its tables show done (`done_when`), such as a valid `[pql]`.
pub fn done_ids(profile: &Profile, rules: &Rulebook) -> Vec<String> {
    let mut done = profile.checklist_done.clone();
    for item in &rules.checklist {
        let shown = match item.done_when {
            Some(DoneWhen::Pql) => profile.pql.is_some(),
            None => false,
        };
        if shown && !done.iter().any(|d| d == item.id.get_ref()) {
            done.push(item.id.get_ref().to_string());
        }
    }
    done
}

/// The checklist of `motion`, in rulebook order. With a profile's context,
/// items whose conditions its facts rule out are left out; without one
/// (`gtm checklist MOTION`) every item of the motion is listed. Ids in
/// `done` are marked done.
pub fn for_motion(
    rules: &Rulebook,
    motion: Motion,
    ctx: Option<&Context<'_>>,
    done: &[String],
) -> Vec<ChecklistEntry> {
    applying(rules, motion, ctx)
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
    use crate::engine::readings::Facts;
    use crate::motion::{Buyer, Compliance, Onboarding};
    use crate::profile::{Money, Signals};

    fn ids(items: &[ChecklistEntry]) -> Vec<&str> {
        items.iter().map(|i| i.id.as_str()).collect()
    }

    #[test]
    fn every_motion_has_its_own_checklist() {
        let rules = Rulebook::default_rules();
        for &motion in Motion::ALL {
            let items = for_motion(&rules, motion, None, &[]);
            assert!(items.len() >= 9, "{motion}: {}", items.len());
            assert!(items.iter().all(|i| !i.done));
        }
        let hybrid = for_motion(&rules, Motion::Hybrid, None, &[]);
        for id in [
            "define-pql-criteria",
            "write-expansion-playbook",
            "keep-self-serve-available",
            "set-usage-triggers",
            "plan-customer-success",
        ] {
            assert!(ids(&hybrid).contains(&id), "{id}");
        }
        let plg = for_motion(&rules, Motion::Plg, None, &[]);
        assert!(ids(&plg).contains(&"keep-investing-in-product"));
        let self_serve = for_motion(&rules, Motion::SelfServe, None, &[]);
        assert!(!ids(&self_serve).contains(&"plan-sales-assist"));
        let sales = for_motion(&rules, Motion::SalesLed, None, &[]);
        assert!(ids(&sales).contains(&"plan-cac-payback"));
        assert!(!ids(&sales).contains(&"define-pql-criteria"));
        let enterprise = for_motion(&rules, Motion::Enterprise, None, &[]);
        for id in [
            "plan-named-accounts",
            "prepare-review-package",
            "negotiate-multi-year-contracts",
            "assign-dedicated-customer-success",
            "run-product-demo",
            "write-sales-playbook",
        ] {
            assert!(ids(&enterprise).contains(&id), "{id}");
        }
    }

    #[test]
    fn items_the_facts_rule_out_are_left_out() {
        let rules = Rulebook::default_rules();
        let facts = Facts {
            acv: Money::from_dollars(20_000).unwrap(),
            time_to_value: 86_400.0,
            buyer: Buyer::Team,
            compliance: Compliance::ReviewBeforeTrial,
            onboarding: Onboarding::Guided,
            signals: Signals::default(),
        };
        let ctx = Context::of(&facts);
        let hybrid = for_motion(&rules, Motion::Hybrid, Some(&ctx), &[]);
        assert!(!ids(&hybrid).contains(&"keep-self-serve-available"));
        let sales = for_motion(&rules, Motion::SalesLed, Some(&ctx), &[]);
        assert!(!ids(&sales).contains(&"build-demo-and-trial"));
        assert!(ids(&sales).contains(&"build-demo-and-sandbox"));
    }

    #[test]
    fn done_items_are_marked() {
        let rules = Rulebook::default_rules();
        let items = for_motion(
            &rules,
            Motion::Plg,
            None,
            &["measure-time-to-value".to_string()],
        );
        let done: Vec<_> = items
            .iter()
            .filter(|i| i.done)
            .map(|i| i.id.as_str())
            .collect();
        assert_eq!(done, ["measure-time-to-value"]);
    }
}
