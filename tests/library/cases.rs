//! Cases written from the two documents' tables, each naming the row it
//! follows, including every case issue 11 found model 1 getting wrong. A
//! reader of the documents should sign each expected motion and conflict.

use gtm_advisor::{Motion, Rulebook, assess, profile};

struct Case {
    /// What the case is, and the row of the documents it follows.
    why: &'static str,
    /// The profile's answers (without `version` and `name`).
    body: &'static str,
    motion: Motion,
    /// The conflicts that must be reported (exactly these).
    conflicts: &'static [&'static str],
}

const CASES: &[Case] = &[
    Case {
        why: "ACV framework: under $1K, self-serve only",
        body: "acv = \"$500\"\ntime_to_value = \"5 minutes\"\nbuyer = \"individual\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n",
        motion: Motion::SelfServe,
        conflicts: &[],
    },
    Case {
        why: "ACV framework: $1K-$5K, product-led",
        body: "acv = \"$3k\"\ntime_to_value = \"5 minutes\"\nbuyer = \"individual\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n",
        motion: Motion::Plg,
        conflicts: &[],
    },
    Case {
        why: "The Sales-Assist Zone: $5K-$50K with days to value and setup is hybrid",
        body: "acv = \"$20k\"\ntime_to_value = \"3 days\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"guided\"\n",
        motion: Motion::Hybrid,
        conflicts: &[],
    },
    Case {
        why: "ACV framework $50K-$250K and When each motion fits (committee, implementation): sales-led",
        body: "acv = \"$100k\"\ntime_to_value = \"2 months\"\nbuyer = \"committee\"\ncompliance = \"regulated\"\nonboarding = \"implementation\"\n",
        motion: Motion::SalesLed,
        conflicts: &[],
    },
    Case {
        why: "ACV framework: over $250K, enterprise sales",
        body: "acv = \"$1M\"\ntime_to_value = \"3 months\"\nbuyer = \"executive\"\ncompliance = \"review-before-trial\"\nonboarding = \"custom\"\n",
        motion: Motion::Enterprise,
        conflicts: &[],
    },
    Case {
        why: "Issue 11: a $4K security-training product sold to an executive after a security review; Mistake 1 (can't bypass procurement) moves it one step to hybrid",
        body: "acv = \"$4k\"\ntime_to_value = \"2 hours\"\nbuyer = \"executive\"\ncompliance = \"review-before-trial\"\nonboarding = \"self-serve\"\n",
        motion: Motion::Hybrid,
        conflicts: &["plg-needs-help", "plg-top-down"],
    },
    Case {
        why: "Issue 11: a $12K mid-market whiteboard; the Sales-Assist Zone says pure PLG leaves money on the table",
        body: "acv = \"$12k\"\ntime_to_value = \"5 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[signals]\nviral_loops = true\nsegment = \"mid-market\"\n",
        motion: Motion::Hybrid,
        conflicts: &[],
    },
    Case {
        why: "Issue 11: a $45K product that sells itself stays in the Sales-Assist Zone",
        body: "acv = \"$45k\"\ntime_to_value = \"20 minutes\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"self-serve\"\n[signals]\norganic_demand = true\n",
        motion: Motion::Hybrid,
        conflicts: &[],
    },
    Case {
        why: "Issue 11: a $30K developer tool; The Sales-Assist Zone, not PLG",
        body: "acv = \"$30k\"\ntime_to_value = \"15 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[signals]\ndeveloper_audience = true\n",
        motion: Motion::Hybrid,
        conflicts: &[],
    },
    Case {
        why: "Issue 11: $300K bought by a committee is enterprise sales (ACV framework: named accounts)",
        body: "acv = \"$300k\"\ntime_to_value = \"6 weeks\"\nbuyer = \"committee\"\ncompliance = \"review-before-trial\"\nonboarding = \"implementation\"\n",
        motion: Motion::Enterprise,
        conflicts: &[],
    },
    Case {
        why: "Issue 11: $150K bought by a committee is sales-led (ACV framework $50K-$250K)",
        body: "acv = \"$150k\"\ntime_to_value = \"1 week\"\nbuyer = \"committee\"\ncompliance = \"light\"\nonboarding = \"guided\"\n",
        motion: Motion::SalesLed,
        conflicts: &[],
    },
    Case {
        why: "Issue 11: instrumented is a practice and decides nothing (tracked)",
        body: "acv = \"$4.9k\"\ntime_to_value = \"20 minutes\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"self-serve\"\n[signals]\ninstrumented = true\n",
        motion: Motion::Plg,
        conflicts: &[],
    },
    Case {
        why: "Issue 11: instrumented is a practice and decides nothing (untracked)",
        body: "acv = \"$4.9k\"\ntime_to_value = \"20 minutes\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"self-serve\"\n[signals]\ninstrumented = false\n",
        motion: Motion::Plg,
        conflicts: &[],
    },
    Case {
        why: "Signals you should be sales-led (top-down adoption) below $1K: one step up to product-led, with the conflict",
        body: "acv = \"$800\"\ntime_to_value = \"10 minutes\"\nbuyer = \"committee\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n",
        motion: Motion::Plg,
        conflicts: &["self-serve-top-down"],
    },
    Case {
        why: "Common mistakes, Mistake 1 (long implementation) below $1K: one step up, with the conflict",
        body: "acv = \"$800\"\ntime_to_value = \"20 minutes\"\nbuyer = \"individual\"\ncompliance = \"none\"\nonboarding = \"implementation\"\n",
        motion: Motion::Plg,
        conflicts: &["self-serve-needs-sales"],
    },
    Case {
        why: "ACV framework: under $1K there is no sales role even when setup takes a few steps",
        body: "acv = \"$800\"\ntime_to_value = \"2 hours\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"guided\"\n",
        motion: Motion::SelfServe,
        conflicts: &[],
    },
    Case {
        why: "ACV framework $1K-$5K: a single buyer clears an approval alone and the price cannot pay for a sales touch",
        body: "acv = \"$3k\"\ntime_to_value = \"10 minutes\"\nbuyer = \"individual\"\ncompliance = \"regulated\"\nonboarding = \"self-serve\"\n",
        motion: Motion::Plg,
        conflicts: &["plg-individual-holds"],
    },
    Case {
        why: "FAQ (hybrid is the better start when unsure): a $3K product with setup bought by a team",
        body: "acv = \"$3k\"\ntime_to_value = \"2 days\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"guided\"\n",
        motion: Motion::Hybrid,
        conflicts: &[],
    },
    Case {
        why: "Signals you should be PLG-first, all of them, at $3K",
        body: "acv = \"$3k\"\ntime_to_value = \"5 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[signals]\nviral_loops = true\nindividual_value = true\n",
        motion: Motion::Plg,
        conflicts: &[],
    },
    Case {
        why: "Signals you should be sales-led (integration-heavy) at $3K with a team buying",
        body: "acv = \"$3k\"\ntime_to_value = \"30 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[signals]\nintegration_heavy = true\n",
        motion: Motion::Hybrid,
        conflicts: &[],
    },
    Case {
        why: "The Sales-Assist Zone (CAC too high for deal size): needs sales under $25K stays hybrid, with the conflict",
        body: "acv = \"$24,999.99\"\ntime_to_value = \"4 weeks\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"implementation\"\n",
        motion: Motion::Hybrid,
        conflicts: &["hybrid-holds"],
    },
    Case {
        why: "When each motion fits (sales-led from $25K): needs sales at $25K moves to sales-led",
        body: "acv = \"$25k\"\ntime_to_value = \"4 weeks\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"implementation\"\n",
        motion: Motion::SalesLed,
        conflicts: &[],
    },
    Case {
        why: "When each motion fits: weeks to value at $50K is sales-led",
        body: "acv = \"$50k\"\ntime_to_value = \"3 weeks\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"guided\"\n",
        motion: Motion::SalesLed,
        conflicts: &[],
    },
    Case {
        why: "ACV framework edge: $50,000 is not over $50K, so a product that sells itself is hybrid",
        body: "acv = \"$50,000\"\ntime_to_value = \"10 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n",
        motion: Motion::Hybrid,
        conflicts: &[],
    },
    Case {
        why: "Switching motions (sales CAC too high: add self-serve): over $50K without pull stays sales-led, with the conflict",
        body: "acv = \"$50,000.01\"\ntime_to_value = \"10 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n",
        motion: Motion::SalesLed,
        conflicts: &["sales-led-holds"],
    },
    Case {
        why: "The hybrid reality (PLG into mid-market): a $90K product that sells itself bottom-up with developer pull lands with the product",
        body: "acv = \"$90k\"\ntime_to_value = \"30 minutes\"\nbuyer = \"individual\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[signals]\ndeveloper_audience = true\n",
        motion: Motion::Hybrid,
        conflicts: &["sales-led-lands-with-product"],
    },
    Case {
        why: "Model 2.1 (a segment label never outvotes the facts): a team buying in an enterprise segment, with organic demand, lands a $90K deal with the product",
        body: "acv = \"$90k\"\ntime_to_value = \"30 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[signals]\norganic_demand = true\nsegment = \"enterprise\"\n",
        motion: Motion::Hybrid,
        conflicts: &["sales-led-lands-with-product"],
    },
    Case {
        why: "Model 2.1: an $80K self-serve product with viral loops sold to a team in an enterprise segment lands with the product",
        body: "acv = \"$80k\"\ntime_to_value = \"15 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[signals]\nviral_loops = true\nsegment = \"enterprise\"\n",
        motion: Motion::Hybrid,
        conflicts: &["sales-led-lands-with-product"],
    },
    Case {
        why: "Model 2.1 (Mistake 2): a $150K regulated committee purchase with organic demand is sales-led, and the pull is a conflict",
        body: "acv = \"$150k\"\ntime_to_value = \"3 weeks\"\nbuyer = \"committee\"\ncompliance = \"regulated\"\nonboarding = \"implementation\"\n[signals]\norganic_demand = true\n",
        motion: Motion::SalesLed,
        conflicts: &["pull-at-sales-price"],
    },
    Case {
        why: "Model 2.1: a $120K product that needs a review before trial and has no pull has no pull conflict",
        body: "acv = \"$120k\"\ntime_to_value = \"2 weeks\"\nbuyer = \"committee\"\ncompliance = \"review-before-trial\"\nonboarding = \"implementation\"\n",
        motion: Motion::SalesLed,
        conflicts: &[],
    },
    Case {
        why: "Model 2.1: an enterprise-labelled team purchase at $2K stays product-led",
        body: "acv = \"$2k\"\ntime_to_value = \"15 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[signals]\nsegment = \"enterprise\"\n",
        motion: Motion::Plg,
        conflicts: &[],
    },
    Case {
        why: "Signals you should be sales-led (enterprise target): pull alone does not land a $90K deal a committee decides",
        body: "acv = \"$90k\"\ntime_to_value = \"30 minutes\"\nbuyer = \"committee\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[signals]\norganic_demand = true\nsegment = \"enterprise\"\n",
        motion: Motion::SalesLed,
        conflicts: &["sales-led-holds"],
    },
    Case {
        why: "When each motion fits: $200K with implementation and a committee is sales-led even with organic demand, which model 2.1 reports as a conflict",
        body: "acv = \"$200k\"\ntime_to_value = \"2 weeks\"\nbuyer = \"committee\"\ncompliance = \"review-before-trial\"\nonboarding = \"implementation\"\n[signals]\norganic_demand = true\n",
        motion: Motion::SalesLed,
        conflicts: &["pull-at-sales-price"],
    },
    Case {
        why: "ACV framework edge: $250,000 is sales-led",
        body: "acv = \"$250,000\"\ntime_to_value = \"2 months\"\nbuyer = \"committee\"\ncompliance = \"regulated\"\nonboarding = \"custom\"\n",
        motion: Motion::SalesLed,
        conflicts: &[],
    },
    Case {
        why: "ACV framework edge: $250,000.01 is enterprise sales",
        body: "acv = \"$250,000.01\"\ntime_to_value = \"2 months\"\nbuyer = \"committee\"\ncompliance = \"regulated\"\nonboarding = \"custom\"\n",
        motion: Motion::Enterprise,
        conflicts: &[],
    },
    Case {
        why: "Segment by customer type (enterprise: sales-led with a product demo): a $400K product with instant value stays enterprise, with the conflict",
        body: "acv = \"$400k\"\ntime_to_value = \"10 minutes\"\nbuyer = \"team\"\ncompliance = \"light\"\nonboarding = \"self-serve\"\n",
        motion: Motion::Enterprise,
        conflicts: &["enterprise-holds"],
    },
    Case {
        why: "Common mistakes, Mistake 2 (SMB segment significant) at $2K: product-led",
        body: "acv = \"$2k\"\ntime_to_value = \"10 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[signals]\nsegment = \"smb\"\n",
        motion: Motion::Plg,
        conflicts: &[],
    },
    Case {
        why: "ACV framework edge: $999.99 is self-serve only",
        body: "acv = \"$999.99\"\ntime_to_value = \"5 minutes\"\nbuyer = \"individual\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n",
        motion: Motion::SelfServe,
        conflicts: &[],
    },
    Case {
        why: "ACV framework edge: $4,999.99 is product-led, $5,000 starts the Sales-Assist Zone",
        body: "acv = \"$4,999.99\"\ntime_to_value = \"5 minutes\"\nbuyer = \"individual\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n",
        motion: Motion::Plg,
        conflicts: &[],
    },
    Case {
        why: "The Sales-Assist Zone edge: $5,000 with a product that sells itself is hybrid",
        body: "acv = \"$5,000\"\ntime_to_value = \"5 minutes\"\nbuyer = \"individual\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n",
        motion: Motion::Hybrid,
        conflicts: &[],
    },
    Case {
        why: "Signals you should be sales-led (security reviews required before trial) at $30K: sales-led",
        body: "acv = \"$30k\"\ntime_to_value = \"1 hour\"\nbuyer = \"team\"\ncompliance = \"review-before-trial\"\nonboarding = \"guided\"\n",
        motion: Motion::SalesLed,
        conflicts: &[],
    },
    Case {
        why: "The Sales-Assist Zone: a regulated $10K product bought by one person stays hybrid, with the conflict",
        body: "acv = \"$10k\"\ntime_to_value = \"10 minutes\"\nbuyer = \"individual\"\ncompliance = \"regulated\"\nonboarding = \"self-serve\"\n",
        motion: Motion::Hybrid,
        conflicts: &["hybrid-holds"],
    },
    Case {
        why: "The hybrid reality (PLG into mid-market, sales-led for enterprise): 70% teams at $2K, 30% enterprise deals at $180K",
        body: "acv = \"$2k\"\ntime_to_value = \"10 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[signals]\nviral_loops = true\n[[segments]]\nname = \"Teams\"\nacv = \"$2k\"\nshare = 0.7\n[[segments]]\nname = \"Enterprise\"\nacv = \"$180k\"\nshare = 0.3\nbuyer = \"committee\"\ncompliance = \"review-before-trial\"\nonboarding = \"implementation\"\n[segments.signals]\nsegment = \"enterprise\"\n",
        motion: Motion::Hybrid,
        conflicts: &[],
    },
    Case {
        why: "Segments: 90% of revenue product-led and 10% sales-led is product-led (the median dollar)",
        body: "acv = \"$2k\"\ntime_to_value = \"10 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n[[segments]]\nname = \"Teams\"\nacv = \"$2k\"\nshare = 0.9\n[[segments]]\nname = \"Enterprise\"\nacv = \"$180k\"\nshare = 0.1\nbuyer = \"committee\"\ncompliance = \"review-before-trial\"\nonboarding = \"implementation\"\n",
        motion: Motion::Plg,
        conflicts: &[],
    },
];

#[test]
fn every_case_from_the_documents_tables_holds() {
    assert!(CASES.len() >= 30, "{}", CASES.len());
    let rules = Rulebook::default_rules();
    let mut wrong = Vec::new();
    for case in CASES {
        let src = format!("version = 1\nname = \"Case\"\n{}", case.body);
        let p = profile::parse(&src, "case.toml", &rules)
            .unwrap_or_else(|e| panic!("{}: {e}", case.why));
        let a = assess(&p, &rules);
        let conflicts: Vec<&str> = a.conflicts().iter().map(|c| c.id.as_str()).collect();
        if a.motion != case.motion || conflicts != case.conflicts {
            wrong.push(format!(
                "{}: got {} with conflicts {conflicts:?}, expected {} with {:?}",
                case.why, a.motion, case.motion, case.conflicts
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// Model 2.1's `near-line` note: within 10% of a line, with answers that
/// point across it, the result says so and is contested; the motion keeps
/// to the line.
#[test]
fn near_a_line_the_result_names_the_motion_across_it() {
    let rules = Rulebook::default_rules();
    let profile = |body: &str| {
        gtm_advisor::profile::parse(
            &format!("version = 1\nname = \"N\"\n{body}"),
            "n.toml",
            &rules,
        )
        .unwrap()
    };
    let team = "acv = \"$5,200\"\ntime_to_value = \"15 minutes\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"self-serve\"\n";
    let a = gtm_advisor::assess(&profile(team), &rules);
    assert_eq!(a.motion, Motion::Hybrid, "the motion keeps to the line");
    let note = a
        .notes
        .iter()
        .find(|n| n.id == "near-line")
        .expect("a near-line note");
    assert!(
        note.message.contains("Product-led (PLG)"),
        "{}",
        note.message
    );
    assert!(
        note.message.contains("$200 from the $5,000 line"),
        "{}",
        note.message
    );
    assert_eq!(a.confidence.id(), "contested");
    let summary = gtm_advisor::engine::assess::summarize(&profile(team), &rules);
    assert_eq!(
        summary.confidence.id(),
        "contested",
        "the portfolio row agrees"
    );
    // Guided onboarding does not sell itself: no note.
    let guided = team.replace("self-serve", "guided");
    let a = gtm_advisor::assess(&profile(&guided), &rules);
    assert!(a.notes.iter().all(|n| n.id != "near-line"), "{:?}", a.notes);
    // Far from any line: no note.
    let far = team.replace("$5,200", "$12,000");
    let a = gtm_advisor::assess(&profile(&far), &rules);
    assert!(a.notes.iter().all(|n| n.id != "near-line"));
    // Just below a line, a product that needs sales bought top-down points up.
    let below = "acv = \"$23,000\"\ntime_to_value = \"3 weeks\"\nbuyer = \"committee\"\ncompliance = \"regulated\"\nonboarding = \"implementation\"\n";
    let a = gtm_advisor::assess(&profile(below), &rules);
    assert_eq!(a.motion, Motion::Hybrid);
    let note = a
        .notes
        .iter()
        .find(|n| n.id == "near-line")
        .expect("a near-line note");
    assert!(note.message.contains("Sales-led"), "{}", note.message);
}
