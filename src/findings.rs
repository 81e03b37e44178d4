//! Lint: a profile's practices and signals against the documents' pitfalls,
//! as the rulebook's `[[findings]]` rules describe them. Pure: no I/O.

use crate::motion::Motion;
use crate::profile::Profile;
use crate::rulebook::{KeyCondition, Level, Rulebook};

/// One thing a profile does that the documents warn about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Stable kebab-case id.
    pub id: String,
    /// Error or warning.
    pub level: Level,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub fix: String,
    /// The citation.
    pub source: String,
    /// The profile line it concerns, when the profile has that key.
    pub line: Option<usize>,
}

fn holds(cond: &KeyCondition, profile: &Profile, recommended: Motion) -> bool {
    let answer = profile.answer(cond.key.get_ref());
    if cond.differs_from_recommendation {
        return answer.is_some_and(|a| a != recommended.id());
    }
    match (&cond.values, answer) {
        (Some(values), Some(a)) => values.iter().any(|v| v == a),
        _ => false,
    }
}

/// Every finding rule that fires for `profile` when `recommended` is the motion.
pub fn lint(profile: &Profile, recommended: Motion, rules: &Rulebook) -> Vec<Finding> {
    rules
        .findings
        .iter()
        .filter(|r| r.motions.is_empty() || r.motions.contains(&recommended))
        .filter(|r| r.when.iter().all(|c| holds(c, profile, recommended)))
        .filter(|r| r.any.is_empty() || r.any.iter().any(|c| holds(c, profile, recommended)))
        .map(|r| {
            let current = profile
                .practices
                .motion
                .map_or("none", |m| rules.motion(m).name.as_str());
            let fill = |text: &str| {
                text.replace("{current}", current)
                    .replace("{recommended}", &rules.motion(recommended).name)
            };
            let mut message = fill(&r.message);
            if r.when.iter().any(|c| c.differs_from_recommendation) {
                if let Some(switch) = profile.practices.motion.and_then(|from| {
                    rules
                        .switching
                        .iter()
                        .find(|s| s.from.contains(&from) && s.to.contains(&recommended))
                }) {
                    message.push_str(&format!(
                        " Switching means {}; it pays off when {} ({}).",
                        switch.cost,
                        switch.when,
                        rules.cite(&switch.source)
                    ));
                }
            }
            Finding {
                id: r.id.get_ref().clone(),
                level: r.level,
                message,
                fix: fill(&r.fix),
                source: rules.cite(&r.source),
                line: profile.line_of(r.line.get_ref()),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::parse;

    const BASE: &str = "version = 1\nname = \"T\"\nacv = \"$20k\"\ntime_to_value = \"3 days\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"guided\"\n";

    fn ids(extra: &str) -> Vec<String> {
        let rules = Rulebook::default_rules();
        let p = parse(&format!("{BASE}{extra}"), "t.toml", &rules).unwrap();
        let motion = crate::assess(&p, &rules).motion;
        lint(&p, motion, &rules).into_iter().map(|f| f.id).collect()
    }

    /// (rule id, a profile tail that triggers it, a close tail that does not)
    const CASES: &[(&str, &str, &str)] = &[
        (
            "free-trial-uninstrumented",
            "[signals]\ninstrumented = false\n[practices]\nfree_trial = true\n",
            "[signals]\ninstrumented = true\n[practices]\nfree_trial = true\n",
        ),
        (
            "ae-commission-on-self-serve",
            "[practices]\nae_commission_on_self_serve = true\n",
            "[practices]\nae_commission_on_self_serve = false\n",
        ),
        (
            "one-funnel-two-motions",
            "[practices]\nseparate_funnels = false\n",
            "[practices]\nseparate_funnels = true\n",
        ),
        (
            "sales-contacts-every-signup",
            "[practices]\nsales_contacts_all_signups = true\n",
            "[practices]\nsales_contacts_all_signups = false\n",
        ),
        (
            "demo-required-to-start",
            "[practices]\ndemo_required = true\n",
            "[practices]\ndemo_required = false\n",
        ),
        (
            "pricing-hidden",
            "[practices]\npricing_public = false\n",
            "[practices]\npricing_public = true\n",
        ),
        (
            "no-pql-criteria",
            "[practices]\npql_defined = false\n",
            "[practices]\npql_defined = true\n",
        ),
        (
            "motion-mismatch",
            "[practices]\nmotion = \"sales-led\"\n",
            "[practices]\nmotion = \"hybrid\"\n",
        ),
    ];

    #[test]
    fn each_rule_fires_on_its_pattern_only() {
        for (id, triggers, clean) in CASES {
            assert!(
                ids(triggers).iter().any(|i| i == id),
                "{id} did not fire on {triggers:?}"
            );
            assert!(
                !ids(clean).iter().any(|i| i == id),
                "{id} fired on {clean:?}"
            );
        }
    }

    #[test]
    fn plg_against_the_facts() {
        let plg = "[practices]\nmotion = \"plg\"\n";
        let with = |from: &str, to: &str, tail: &str| {
            let rules = Rulebook::default_rules();
            let p = parse(
                &format!("{}{tail}", BASE.replace(from, to)),
                "t.toml",
                &rules,
            )
            .unwrap();
            let motion = crate::assess(&p, &rules).motion;
            lint(&p, motion, &rules)
                .into_iter()
                .map(|f| f.id)
                .collect::<Vec<_>>()
        };
        assert!(
            with("\"guided\"", "\"implementation\"", plg)
                .contains(&"plg-despite-long-implementation".to_string())
        );
        assert!(
            !with("\"guided\"", "\"self-serve\"", plg)
                .contains(&"plg-despite-long-implementation".to_string())
        );
        assert!(
            with("\"team\"", "\"committee\"", plg)
                .contains(&"plg-despite-many-stakeholders".to_string())
        );
        assert!(
            !with("\"team\"", "\"individual\"", plg)
                .contains(&"plg-despite-many-stakeholders".to_string())
        );
        let integration = format!("{plg}[signals]\nintegration_heavy = true\n");
        assert!(with("", "", &integration).contains(&"plg-despite-high-complexity".to_string()));
        assert!(!with("", "", plg).contains(&"plg-despite-high-complexity".to_string()));
    }

    #[test]
    fn product_signals_ignored_by_a_sales_only_motion() {
        let sales = "[practices]\nmotion = \"sales-led\"\n";
        for signal in [
            "organic_demand = true",
            "developer_audience = true",
            "segment = \"smb\"",
        ] {
            let found = ids(&format!("{sales}[signals]\n{signal}\n"));
            assert!(
                found.contains(&"product-signals-ignored".to_string()),
                "{signal}"
            );
        }
        assert!(
            !ids(&format!("{sales}[signals]\norganic_demand = false\n"))
                .contains(&"product-signals-ignored".to_string())
        );
        assert!(
            !ids("[practices]\nmotion = \"hybrid\"\n[signals]\norganic_demand = true\n")
                .contains(&"product-signals-ignored".to_string())
        );
    }

    #[test]
    fn findings_point_at_their_line_and_explain_switching() {
        let rules = Rulebook::default_rules();
        let p = parse(
            &format!("{BASE}[practices]\nmotion = \"sales-led\"\n"),
            "t.toml",
            &rules,
        )
        .unwrap();
        let found = lint(&p, Motion::Hybrid, &rules);
        let f = found.iter().find(|f| f.id == "motion-mismatch").unwrap();
        assert_eq!(f.line, Some(9));
        assert!(f.message.contains("Sales-led today"), "{}", f.message);
        assert!(
            f.message.contains("coordinating two motions"),
            "{}",
            f.message
        );
        assert!(f.fix.contains("Hybrid (product-led sales)"), "{}", f.fix);
    }
}
