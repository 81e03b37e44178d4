//! Each finding about current practices fires in the motions the documents
//! aim it at, and stays silent in the others, with the same practice
//! answered the same way. The motions are written here by hand from the
//! documents, not read from the rulebook, so a rulebook that widened or
//! narrowed a finding's reach would fail.

use gtm_advisor::{Motion, Rulebook, assess, profile};

/// One hand-written profile per motion, its answers typical of that motion.
const BASES: &[(Motion, &str)] = &[
    (
        Motion::SelfServe,
        "acv = \"$480\"\ntime_to_value = \"5 minutes\"\nbuyer = \"individual\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n",
    ),
    (
        Motion::Plg,
        "acv = \"$3,000\"\ntime_to_value = \"1 hour\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n",
    ),
    (
        Motion::Hybrid,
        "acv = \"$24,000\"\ntime_to_value = \"2 days\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"guided\"\n",
    ),
    (
        Motion::SalesLed,
        "acv = \"$100,000\"\ntime_to_value = \"2 months\"\nbuyer = \"committee\"\ncompliance = \"regulated\"\nonboarding = \"implementation\"\n",
    ),
    (
        Motion::Enterprise,
        "acv = \"$700,000\"\ntime_to_value = \"6 months\"\nbuyer = \"committee\"\ncompliance = \"regulated\"\nonboarding = \"custom\"\n",
    ),
];

/// A finding, the practice that triggers it, and the motions it is for.
struct Reach {
    finding: &'static str,
    practice: &'static str,
    /// Why these motions, from the documents.
    why: &'static str,
    fires_in: &'static [Motion],
}

const REACH: &[Reach] = &[
    Reach {
        finding: "ae-commission-on-self-serve",
        practice: "ae_commission_on_self_serve = true",
        why: "Common pitfalls (Sales-led vs PLG): AE commission on self-serve revenue; a self-serve-only company has no account executives",
        fires_in: &[
            Motion::Plg,
            Motion::Hybrid,
            Motion::SalesLed,
            Motion::Enterprise,
        ],
    },
    Reach {
        finding: "one-funnel-two-motions",
        practice: "separate_funnels = false",
        why: "Common pitfalls (Sales-led vs PLG): one funnel for two motions; only hybrid runs two",
        fires_in: &[Motion::Hybrid],
    },
    Reach {
        finding: "sales-contacts-every-signup",
        practice: "sales_contacts_all_signups = true",
        why: "Mistake 4 (PLG 2026): sales calling every signup breaks a product-led start; sales-led starts with sales",
        fires_in: &[Motion::SelfServe, Motion::Plg, Motion::Hybrid],
    },
    Reach {
        finding: "pricing-hidden",
        practice: "pricing_public = false",
        why: "Keep product strong (PLG 2026): public pricing where buyers decide from the page; sales-led deals are negotiated",
        fires_in: &[Motion::SelfServe, Motion::Plg, Motion::Hybrid],
    },
    Reach {
        finding: "no-pql-criteria",
        practice: "pql_defined = false",
        why: "The PQL model (PLG 2026): sales needs product-qualified leads in a hybrid motion",
        fires_in: &[Motion::Hybrid],
    },
];

fn findings(body: &str, rules: &Rulebook) -> (Motion, Vec<String>) {
    let text = format!("version = 1\nname = \"Case\"\n{body}");
    let p = profile::parse(&text, "case.toml", rules).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let a = assess(&p, rules);
    (a.motion, a.findings.iter().map(|f| f.id.clone()).collect())
}

#[test]
fn each_base_profile_lands_on_its_motion() {
    let rules = Rulebook::default_rules();
    for (motion, body) in BASES {
        assert_eq!(findings(body, &rules).0, *motion, "{body}");
    }
}

#[test]
fn a_finding_fires_only_in_the_motions_it_is_for() {
    let rules = Rulebook::default_rules();
    for reach in REACH {
        for (motion, body) in BASES {
            let body = format!("{body}\n[practices]\n{}\n", reach.practice);
            let (got, ids) = findings(&body, &rules);
            assert_eq!(got, *motion, "the practice moved the motion: {body}");
            let fired = ids.iter().any(|id| id == reach.finding);
            assert_eq!(
                fired,
                reach.fires_in.contains(motion),
                "{} in {}: fired {fired} ({})\n{body}",
                reach.finding,
                motion.id(),
                reach.why
            );
        }
    }
}

#[test]
fn the_better_practice_fires_nothing() {
    let rules = Rulebook::default_rules();
    let better = "ae_commission_on_self_serve = false\nseparate_funnels = true\nsales_contacts_all_signups = false\npricing_public = true\npql_defined = true\n";
    for (motion, body) in BASES {
        let body = format!("{body}\n[practices]\n{better}");
        let (_, ids) = findings(&body, &rules);
        assert!(ids.is_empty(), "{}: {ids:?}", motion.id());
    }
}
