//! The scoring properties DESIGN.md requires, checked over the whole input
//! space with proptest: pure cases, monotone, deterministic, explainable.
//! Also: no input text, however hostile, makes the reader panic.

use std::collections::BTreeMap;

use gtm_advisor::flip::flip_points;
use gtm_advisor::motion::{Buyer, Compliance, Onboarding, Segment, SwitchingCost};
use gtm_advisor::profile::{self, Duration, Money, Practices, Signals};
use gtm_advisor::render::{Evaluated, json};
use gtm_advisor::score::Facts;
use gtm_advisor::{Motion, Profile, Rulebook, assess};
use proptest::prelude::*;
use proptest::sample::select;

fn rules() -> &'static Rulebook {
    static RULES: std::sync::OnceLock<Rulebook> = std::sync::OnceLock::new();
    RULES.get_or_init(Rulebook::default_rules)
}

fn minutes(m: f64) -> Duration {
    format!("{m} minutes").parse().expect("positive minutes")
}

#[allow(clippy::too_many_arguments)]
fn profile(
    acv: f64,
    ttv_minutes: f64,
    buyer: Buyer,
    compliance: Compliance,
    onboarding: Onboarding,
    signals: Signals,
) -> Profile {
    Profile {
        name: "P".into(),
        acv: Money::new(acv).unwrap(),
        time_to_value: minutes(ttv_minutes),
        buyer,
        compliance,
        onboarding,
        signals,
        practices: Practices::default(),
        checklist_done: Vec::new(),
        expect_motion: None,
        check_allow: Vec::new(),
        segments: Vec::new(),
        locations: BTreeMap::new(),
    }
}

fn acv() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.0..2_000_000.0f64,
        select(vec![
            0.0, 999.99, 1000.0, 4999.99, 5000.0, 50000.0, 50000.01, 250000.0, 250000.01, 1e9
        ]),
    ]
}

fn ttv() -> impl Strategy<Value = f64> {
    prop_oneof![
        0.5..600_000.0f64,
        select(vec![
            9.99, 10.0, 29.99, 30.0, 1439.0, 1440.0, 10079.0, 10080.0
        ])
    ]
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    select(vec![None, Some(true), Some(false)])
}

fn signals() -> impl Strategy<Value = Signals> {
    (
        (flag(), flag(), flag(), flag()),
        (flag(), flag()),
        select(vec![
            None,
            Some(Segment::Smb),
            Some(Segment::MidMarket),
            Some(Segment::Enterprise),
        ]),
        select(vec![
            None,
            Some(SwitchingCost::Low),
            Some(SwitchingCost::High),
        ]),
    )
        .prop_map(|((a, b, c, d), (e, f), segment, switching_cost)| Signals {
            individual_value: a,
            viral_loops: b,
            instrumented: c,
            integration_heavy: d,
            organic_demand: e,
            developer_audience: f,
            segment,
            switching_cost,
        })
}

fn any_profile() -> impl Strategy<Value = Profile> {
    (
        acv(),
        ttv(),
        select(Buyer::ALL.to_vec()),
        select(Compliance::ALL.to_vec()),
        select(Onboarding::ALL.to_vec()),
        signals(),
    )
        .prop_map(|(a, t, b, c, o, s)| profile(a, t, b, c, o, s))
}

fn motion(p: &Profile) -> Motion {
    assess(p, rules()).motion
}

/// The weight the engine gave a factor, 0 when unanswered.
fn weight(p: &Profile, id: &str) -> f64 {
    assess(p, rules())
        .factors
        .iter()
        .find(|f| f.id == id)
        .map_or(0.0, |f| f.weight)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn product_pure_facts_give_self_serve_or_plg(
        ttv in 1.0..59.0f64,
        buyer in select(vec![Buyer::Individual, Buyer::Team]),
        low in 0.0..999.99f64,
        mid in 1000.0..4999.99f64,
    ) {
        let p = |acv| profile(acv, ttv, buyer, Compliance::None, Onboarding::SelfServe, Signals::default());
        prop_assert_eq!(motion(&p(low)), Motion::SelfServe);
        prop_assert_eq!(motion(&p(mid)), Motion::Plg);
    }

    #[test]
    fn sales_pure_facts_give_sales_led_or_enterprise(
        days in 7.0..365.0f64,
        buyer in select(vec![Buyer::Committee, Buyer::Executive]),
        compliance in select(vec![Compliance::ReviewBeforeTrial, Compliance::Regulated]),
        onboarding in select(vec![Onboarding::Implementation, Onboarding::Custom]),
        mid in 50000.01..250000.0f64,
        high in 250000.01..1e9f64,
    ) {
        let p = |acv| profile(acv, days * 1440.0, buyer, compliance, onboarding, Signals::default());
        prop_assert_eq!(motion(&p(mid)), Motion::SalesLed);
        prop_assert_eq!(motion(&p(high)), Motion::Enterprise);
    }

    #[test]
    fn balanced_facts_in_the_middle_band_give_hybrid(days in 1.0..6.99f64, acv in 5000.0..50000.0f64) {
        let p = profile(acv, days * 1440.0, Buyer::Team, Compliance::Light, Onboarding::Guided, Signals::default());
        prop_assert_eq!(motion(&p), Motion::Hybrid);
    }

    #[test]
    fn a_more_sales_heavy_core_answer_never_gives_an_earlier_motion(
        p in any_profile(),
        more_acv in 0.0..1e6f64,
        longer in 1.0..100.0f64,
        step in 0usize..4,
    ) {
        let before = motion(&p);
        let mut q = p.clone();
        q.acv = Money::new(p.acv.dollars() + more_acv).unwrap();
        prop_assert!(motion(&q) >= before, "higher ACV");
        let mut q = p.clone();
        q.time_to_value = minutes(p.time_to_value.minutes() * longer);
        prop_assert!(motion(&q) >= before, "longer time to value");
        let mut q = p.clone();
        q.buyer = Buyer::ALL[(p.buyer.rank() + step).min(3)];
        prop_assert!(motion(&q) >= before, "buyer {:?} -> {:?}", p.buyer, q.buyer);
        let mut q = p.clone();
        q.compliance = Compliance::ALL[(p.compliance.rank() + step).min(3)];
        prop_assert!(motion(&q) >= before, "compliance");
        let mut q = p.clone();
        q.onboarding = Onboarding::ALL[(p.onboarding.rank() + step).min(3)];
        prop_assert!(motion(&q) >= before, "onboarding");
    }

    #[test]
    fn a_signal_answer_that_leans_more_toward_sales_never_gives_an_earlier_motion(
        p in any_profile(),
        q_signals in signals(),
        which in 0usize..8,
    ) {
        // Change exactly one signal of p to q's answer for it.
        let mut q = p.clone();
        let s = &mut q.signals;
        let id = match which {
            0 => { s.individual_value = q_signals.individual_value; "individual_value" }
            1 => { s.viral_loops = q_signals.viral_loops; "viral_loops" }
            2 => { s.instrumented = q_signals.instrumented; "instrumented" }
            3 => { s.integration_heavy = q_signals.integration_heavy; "integration_heavy" }
            4 => { s.organic_demand = q_signals.organic_demand; "organic_demand" }
            5 => { s.developer_audience = q_signals.developer_audience; "developer_audience" }
            6 => { s.segment = q_signals.segment; "segment" }
            _ => { s.switching_cost = q_signals.switching_cost; "switching_cost" }
        };
        let (wp, wq) = (weight(&p, id), weight(&q, id));
        if wq >= wp {
            prop_assert!(motion(&q) >= motion(&p), "{}: {} -> {}", id, wp, wq);
        } else {
            prop_assert!(motion(&q) <= motion(&p), "{}: {} -> {}", id, wp, wq);
        }
    }

    #[test]
    fn results_are_deterministic(p in any_profile()) {
        let (a, b) = (assess(&p, rules()), assess(&p, rules()));
        prop_assert_eq!(&a, &b);
        let render = |a| json::assessment(&Evaluated { file: "p.toml", assessment: a });
        prop_assert_eq!(render(&a), render(&b));
    }

    #[test]
    fn results_are_explainable(p in any_profile()) {
        let a = assess(&p, rules());
        let ids: Vec<&str> = a.factors.iter().map(|f| f.id).collect();
        prop_assert_eq!(&ids[..5], &["acv", "time_to_value", "buyer", "compliance", "onboarding"]);
        prop_assert_eq!(a.factors.len() - 5 + a.unanswered.len(), 8);
        for f in &a.factors {
            prop_assert!(f.source.contains(" — "), "{} has no citation", f.id);
            prop_assert!(!f.why.is_empty());
        }
        let m = a.margin.expect("some change of lean always moves the motion");
        prop_assert!(m.points >= 0.0 && m.points.is_finite());
        prop_assert_ne!(m.motion, a.motion);
        prop_assert!((a.motion.rank() as isize - a.acv_band.rank() as isize).abs() <= 1, "more than one step from the band");
    }

    #[test]
    fn the_fast_motion_agrees_with_the_full_assessment(p in any_profile()) {
        prop_assert_eq!(gtm_advisor::score::motion_of(&Facts::from(&p), rules()), motion(&p));
    }

    #[test]
    fn acv_flip_points_match_a_brute_force_scan(p in any_profile()) {
        let facts = Facts::from(&p);
        let at = |acv: f64| gtm_advisor::score::motion_of(&Facts { acv, ..facts }, rules());
        let flips: Vec<_> = flip_points(&facts, rules()).into_iter().filter(|f| f.change == "acv").collect();
        let money = |f: &gtm_advisor::flip::FlipPoint| f.to.parse::<Money>().unwrap().dollars();
        // Every reported flip gives its motion, and the ACV a dollar short of it does not.
        for f in &flips {
            prop_assert_eq!(at(money(f)), f.motion);
            let before = if f.raise { money(f) - 1.0 } else { money(f) + 1.0 };
            prop_assert_ne!(at(before), f.motion);
        }
        // Every change of motion on a $100 grid is bracketed by a reported flip.
        let here = facts.acv;
        let grid: Vec<f64> = (0..=3_000).map(|i| f64::from(i) * 100.0).collect();
        for w in grid.windows(2) {
            let (a, b) = (w[0], w[1]);
            if at(a) == at(b) {
                continue;
            }
            let found = if a >= here {
                flips.iter().any(|f| f.raise && money(f) > a && money(f) <= b && f.motion == at(b))
            } else if b <= here {
                flips.iter().any(|f| !f.raise && money(f) >= a && money(f) < b && f.motion == at(a))
            } else {
                true // the current ACV sits inside this step
            };
            prop_assert!(found, "no flip point between ${} and ${} (current ${})", a, b, here);
        }
    }

    #[test]
    fn the_reader_never_panics_on_any_text(text in ".{0,400}") {
        let _ = profile::parse(&text, "fuzz.toml", rules());
    }

    #[test]
    fn the_reader_never_panics_on_mangled_profiles(
        key in select(vec!["acv", "time_to_value", "buyer", "name", "version", "segment", "done"]),
        value in prop_oneof![
            "[-+]?[0-9_.eE]{1,12}".prop_map(|s| s),
            "\"[ -~]{0,20}\"".prop_map(|s| s),
            Just("[1, \"a\", {x = 1}]".to_string()),
            Just("{ a = [ [ ] ] }".to_string()),
            Just("1979-05-27T07:32:00Z".to_string()),
        ],
    ) {
        let src = "version = 1\nname = \"N\"\nacv = 1\ntime_to_value = \"1h\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"guided\"\n[signals]\nsegment = \"smb\"\n[checklist]\ndone = []\n";
        let mangled: String = src
            .lines()
            .map(|l| if l.starts_with(&format!("{key} =")) { format!("{key} = {value}") } else { l.to_string() })
            .collect::<Vec<_>>()
            .join("\n");
        let _ = profile::parse(&mangled, "fuzz.toml", rules());
    }

    #[test]
    fn money_prints_what_it_reads(dollars in 0u64..10_000_000_000) {
        let m = Money::new(dollars as f64).unwrap();
        prop_assert_eq!(m.to_string().parse::<Money>().unwrap(), m);
    }
}
