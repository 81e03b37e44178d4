//! Checks that a loaded rulebook decides soundly: every combination of
//! answers gets exactly one value of each reading, and every move keeps
//! DESIGN.md's one-step rule. A rulebook that fails is refused on load with
//! the rule it breaks, so no decision is ever made from it. Pure: no I/O.
//!
//! build.rs compiles this file too (`#[path]`), to check the built-in
//! rulebook before the crate builds: it may use only what build.rs provides
//! (`diagnostic`, `motion`, the profile's money and durations, `rulebook`,
//! `engine::validate`); moving it means updating build.rs.

use crate::diagnostic::{Location, Problem};
use crate::motion::Motion;
use crate::rulebook::Rulebook;

/// The one motion each band may move to (none for enterprise).
pub fn allowed_move(band: Motion) -> Option<Motion> {
    match band {
        Motion::SelfServe => Some(Motion::Plg),
        Motion::Plg | Motion::SalesLed => Some(Motion::Hybrid),
        Motion::Hybrid => Some(Motion::SalesLed),
        Motion::Enterprise => None,
    }
}

/// Every way the rulebook's tables could leave a decision undecided or move
/// it further than one step; empty when it is sound. `src` locates problems.
pub fn check(rules: &Rulebook, src: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    for table in &rules.readings {
        let Some(last) = table.rows.last() else {
            let at = Location::of(src, table.id.span().start);
            let message = format!(
                "the {} reading has no rows, so no answer gets a value (completeness rule: every combination of answers gets exactly one value)",
                table.id.get_ref()
            );
            problems.push(Problem::at(at, "readings", message));
            continue;
        };
        if !last.when.is_empty() || !last.any.is_empty() {
            let at = Location::of(src, last.value.span().start);
            let message = format!(
                "the last row of the {} reading (`{}`) has conditions, so answers that meet no row get no value (completeness rule: every combination of answers gets exactly one value)",
                table.id.get_ref(),
                last.value.get_ref()
            );
            problems.push(
                Problem::at(at, "readings", message)
                    .with_help("end each reading with a row without `when` or `any`: the value for everything else"),
            );
        }
    }
    for m in &rules.moves {
        let band = *m.band.get_ref();
        let Some(to) = &m.to else { continue };
        if allowed_move(band) != Some(*to.get_ref()) {
            let at = Location::of(src, to.span().start);
            let allowed = allowed_move(band).map_or_else(
                || "enterprise never moves".to_string(),
                |a| format!("from {band} the only move is to {a}"),
            );
            let message = format!(
                "move `{}` goes from {band} to {}; {allowed} (one-step rule: moves from self-serve, plg and sales-led go one step toward hybrid, and the only move from hybrid is to sales-led)",
                m.id.get_ref(),
                to.get_ref()
            );
            problems.push(Problem::at(at, "moves", message));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use crate::engine::load_rules;
    use crate::rulebook::DEFAULT_RULEBOOK;

    fn problems(from: &str, to: &str) -> Vec<String> {
        assert!(DEFAULT_RULEBOOK.contains(from), "{from}");
        let src = DEFAULT_RULEBOOK.replacen(from, to, 1);
        load_rules(&src, "r.toml")
            .unwrap_err()
            .problems
            .into_iter()
            .map(|p| p.message)
            .collect()
    }

    #[test]
    fn the_built_in_rulebook_is_sound() {
        load_rules(DEFAULT_RULEBOOK, "rulebook.toml").unwrap_or_else(|e| panic!("{e}"));
    }

    #[test]
    fn a_move_of_two_steps_is_refused_naming_the_rule() {
        let ps = problems(
            "id = \"plg-top-down\"\nband = \"plg\"\nto = \"hybrid\"",
            "id = \"plg-top-down\"\nband = \"plg\"\nto = \"sales-led\"",
        );
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert!(
            ps[0].contains("move `plg-top-down` goes from plg to sales-led"),
            "{}",
            ps[0]
        );
        assert!(ps[0].contains("one-step rule"), "{}", ps[0]);
    }

    #[test]
    fn a_move_away_from_hybrid_toward_product_is_refused() {
        let ps = problems(
            "band = \"hybrid\"\nto = \"sales-led\"",
            "band = \"hybrid\"\nto = \"plg\"",
        );
        assert!(
            ps[0].contains("from hybrid the only move is to sales-led"),
            "{ps:?}"
        );
    }

    #[test]
    fn a_reading_that_leaves_answers_undecided_is_refused() {
        let ps = problems(
            "value = \"bottom-up\"\n",
            "value = \"bottom-up\"\nwhen = [{ key = \"buyer\", values = [\"individual\", \"team\"] }]\n",
        );
        assert_eq!(ps.len(), 1, "{ps:?}");
        assert!(ps[0].contains("completeness rule"), "{}", ps[0]);
    }
}
