//! The PQL triggers through the library: each threshold at and around its
//! edge, the window's ends, exclusions and targets, activation and the
//! plan, who acts by motion; and, over generated events, that a signup
//! that is not activated never reaches a person and that the order of the
//! rows never changes the answer.

use gtm_advisor::motion::Motion;
use gtm_advisor::profile::pql::Pql;
use gtm_advisor::signals::read::rows;
use gtm_advisor::signals::{Columns, Tally, Trigger, Verdict, WhoActs, verdict};
use proptest::prelude::*;

const DAY: i64 = 86_400_000;
/// 2026-11-30T00:00:00Z, "now" in these tests.
const NOW: i64 = 1_796_083_200_000;

/// One event: ms, account, user, event, email, plan.
type Event<'a> = (i64, &'a str, &'a str, &'a str, &'a str, &'a str);

fn csv(events: &[Event<'_>]) -> String {
    let mut out = String::from("timestamp,account,user,event,email,plan\n");
    for (ts, a, u, e, email, plan) in events {
        out.push_str(&format!("{ts},{a},{u},{e},{email},{plan}\n"));
    }
    out
}

fn judge(pql: &Pql, motion: Motion, events: &[Event<'_>], as_of: i64) -> Verdict {
    let text = csv(events);
    let mut tally = Tally::new(pql, as_of);
    rows(text.as_bytes(), &Columns::default(), |r| match r {
        Ok(r) => tally.add(&r),
        Err(bad) => panic!("{bad:?}"),
    })
    .unwrap();
    verdict(tally, pql, motion)
}

fn fired(v: &Verdict, account: &str) -> Vec<Trigger> {
    v.accounts
        .iter()
        .find(|a| a.account == account)
        .map(|a| a.evidence.iter().map(|e| e.trigger).collect())
        .unwrap_or_default()
}

fn users(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("u{i}")).collect()
}

/// `n` users, each doing one thing, a minute apart from a day ago.
fn team(n: usize) -> Vec<(i64, String)> {
    users(n)
        .into_iter()
        .enumerate()
        .map(|(i, u)| (NOW - DAY + i as i64 * 60_000, u))
        .collect()
}

#[test]
fn team_and_active_users_fire_at_their_threshold_not_below() {
    let pql = Pql::default();
    for (n, team_usage, active) in [
        (2, false, false),
        (3, true, false),
        (9, true, false),
        (10, true, true),
    ] {
        let members = team(n);
        let mut events: Vec<Event<'_>> =
            vec![(NOW - 2 * DAY, "a", "u0", "project_created", "", "")];
        events.extend(
            members
                .iter()
                .map(|(ts, u)| (*ts, "a", u.as_str(), "page_viewed", "", "")),
        );
        let v = judge(&pql, Motion::Hybrid, &events, NOW);
        let f = fired(&v, "a");
        assert_eq!(
            f.contains(&Trigger::TeamUsage),
            team_usage,
            "{n} users: {f:?}"
        );
        assert_eq!(
            f.contains(&Trigger::ActiveUsers),
            active,
            "{n} users: {f:?}"
        );
        if team_usage {
            // It first held when the third user arrived (u0 came first,
            // with the activation).
            let e = &v.accounts[0].evidence[0];
            assert_eq!(
                (e.trigger, e.first_held),
                (Trigger::TeamUsage, NOW - DAY + 2 * 60_000)
            );
        }
    }
}

#[test]
fn the_nth_user_sets_when_a_user_trigger_first_held() {
    let pql = Pql {
        team_users: 3,
        ..Pql::default()
    };
    let events: Vec<Event<'_>> = vec![
        (NOW - 10 * DAY, "a", "x", "page_viewed", "", ""),
        (NOW - 9 * DAY, "a", "x", "page_viewed", "", ""),
        (NOW - 5 * DAY, "a", "y", "page_viewed", "", ""),
        (NOW - 3 * DAY, "a", "z", "page_viewed", "", ""),
        (NOW - DAY, "a", "w", "page_viewed", "", ""),
    ];
    let v = judge(&pql, Motion::Hybrid, &events, NOW);
    let e = &v.accounts[0].evidence[0];
    assert_eq!(
        (e.trigger, e.first_held, e.count),
        (Trigger::TeamUsage, NOW - 3 * DAY, 4)
    );
}

#[test]
fn the_window_holds_its_start_and_now_and_nothing_outside() {
    let pql = Pql {
        team_users: 2,
        ..Pql::default()
    };
    let start = NOW - 30 * DAY;
    for (second_at, counts) in [
        (start, true),
        (start - 1, false),
        (NOW, true),
        (NOW + 1, false),
    ] {
        let events: Vec<Event<'_>> = vec![
            (NOW - DAY, "a", "u1", "page_viewed", "", ""),
            (second_at, "a", "u2", "page_viewed", "", ""),
        ];
        let v = judge(&pql, Motion::Hybrid, &events, NOW);
        assert_eq!(
            fired(&v, "a").contains(&Trigger::TeamUsage),
            counts,
            "second user at {second_at}"
        );
    }
}

#[test]
fn activation_counts_from_before_the_window_and_gates_every_person() {
    let pql = Pql::default();
    let base: Vec<Event<'_>> = vec![(NOW - DAY, "a", "u1", "pricing_viewed", "", "")];
    let v = judge(&pql, Motion::Hybrid, &base, NOW);
    assert_eq!(fired(&v, "a"), [Trigger::Intent]);
    assert!(!v.accounts[0].activated);
    assert_eq!(v.accounts[0].who_acts, WhoActs::InProduct);
    let mut activated = base.clone();
    activated.push((NOW - 90 * DAY, "a", "u1", "project_created", "", ""));
    let v = judge(&pql, Motion::Hybrid, &activated, NOW);
    assert!(v.accounts[0].activated);
    assert_eq!(v.accounts[0].who_acts, WhoActs::SalesAssist);
    // An activation after "now" has not happened yet.
    let mut later = base.clone();
    later.push((NOW + DAY, "a", "u1", "project_created", "", ""));
    assert!(!judge(&pql, Motion::Hybrid, &later, NOW).accounts[0].activated);
}

#[test]
fn each_event_list_fires_on_one_event_with_its_count_and_first_time() {
    let pql = Pql::default();
    for (event, trigger) in [
        ("limit_reached", Trigger::UsageLimit),
        ("pricing_viewed", Trigger::Intent),
        ("security_questionnaire_started", Trigger::Intent),
        ("sso_requested", Trigger::EnterpriseNeed),
        ("second_team_created", Trigger::EnterpriseNeed),
    ] {
        let events: Vec<Event<'_>> = vec![
            (NOW - 3 * DAY, "a", "u1", event, "", ""),
            (NOW - 2 * DAY, "a", "u1", event, "", ""),
            (NOW - 40 * DAY, "a", "u1", event, "", ""),
        ];
        let v = judge(&pql, Motion::Hybrid, &events, NOW);
        let e = &v.accounts[0].evidence[0];
        assert_eq!(
            (e.trigger, e.count, e.first_held),
            (trigger, 2, NOW - 3 * DAY),
            "{event}"
        );
        assert_eq!(
            judge(&pql, Motion::Hybrid, &events[2..], NOW)
                .accounts
                .len(),
            0,
            "{event}"
        );
    }
}

#[test]
fn engaged_free_needs_a_free_plan_and_the_threshold() {
    let pql = Pql {
        engaged_events: 5,
        ..Pql::default()
    };
    let events = |n: usize, plan: &'static str| -> Vec<(i64, String, &'static str)> {
        (0..n)
            .map(|i| (NOW - DAY + i as i64, format!("u{i}"), plan))
            .collect()
    };
    for (n, plan, fires) in [
        (4, "free", false),
        (5, "free", true),
        (6, "free", true),
        (5, "paid", false),
        (5, "", false),
    ] {
        let made = events(n, plan);
        let rows: Vec<Event<'_>> = made
            .iter()
            .map(|(ts, _, p)| (*ts, "a", "u", "page_viewed", "", *p))
            .collect();
        let v = judge(&pql, Motion::Hybrid, &rows, NOW);
        assert_eq!(
            fired(&v, "a").contains(&Trigger::EngagedFree),
            fires,
            "{n} {plan}"
        );
        if fires {
            let e = v.accounts[0]
                .evidence
                .iter()
                .find(|e| e.trigger == Trigger::EngagedFree)
                .unwrap();
            assert_eq!(e.first_held, NOW - DAY + 4, "the fifth event");
        }
    }
    // The newest plan wins; at the same moment, paid wins.
    let mixed: Vec<Event<'_>> = (0..5)
        .map(|i| (NOW - DAY + i, "a", "u", "page_viewed", "", "free"))
        .chain([(NOW - 2 * DAY, "a", "u", "page_viewed", "", "paid")])
        .collect();
    assert!(fired(&judge(&pql, Motion::Hybrid, &mixed, NOW), "a").contains(&Trigger::EngagedFree));
    let tie: Vec<Event<'_>> = mixed
        .iter()
        .copied()
        .chain([(NOW - DAY + 4, "a", "u", "x", "", "paid")])
        .collect();
    assert!(!fired(&judge(&pql, Motion::Hybrid, &tie, NOW), "a").contains(&Trigger::EngagedFree));
}

#[test]
fn excluded_domains_never_count_and_targets_route_in_real_time() {
    let pql = Pql {
        team_users: 2,
        exclude_domains: vec!["ourco.com".into()],
        target_domains: vec!["bigcorp.com".into()],
        ..Pql::default()
    };
    let events: Vec<Event<'_>> = vec![
        (NOW - DAY, "a", "u1", "page_viewed", "ann@a.io", ""),
        (
            NOW - DAY,
            "a",
            "staff",
            "page_viewed",
            "help@EU.ourco.com",
            "",
        ),
        (NOW - DAY, "b", "u1", "page_viewed", "bob@notourco.com", ""),
        (NOW - DAY, "b", "u2", "page_viewed", "cy@b.io", ""),
        (NOW - DAY, "t", "u1", "page_viewed", "di@eu.bigcorp.com", ""),
    ];
    let v = judge(&pql, Motion::Hybrid, &events, NOW);
    assert_eq!(fired(&v, "a"), [], "staff are not a second user");
    assert_eq!(
        fired(&v, "b"),
        [Trigger::TeamUsage],
        "a lookalike domain is not excluded"
    );
    assert_eq!(v.rows.excluded, 1);
    let t = v.accounts.iter().find(|a| a.account == "t").unwrap();
    assert_eq!(fired(&v, "t"), [Trigger::AccountBased]);
    assert!(!t.activated);
    assert_eq!(
        t.who_acts,
        WhoActs::SalesAssist,
        "a target's first user is routed"
    );
    assert_eq!(t.domain.as_deref(), Some("eu.bigcorp.com"));
    assert_eq!(v.accounts[0].account, "t", "a person's accounts rank first");
}

#[test]
fn who_acts_follows_the_profiles_motion() {
    let pql = Pql::default();
    let events: Vec<Event<'_>> = vec![
        (NOW - 2 * DAY, "a", "u1", "project_created", "", ""),
        (NOW - DAY, "a", "u1", "limit_reached", "", ""),
        (NOW - DAY, "b", "u1", "project_created", "", ""),
        (NOW - DAY, "b", "u1", "pricing_viewed", "", ""),
    ];
    for (motion, a, b) in [
        (Motion::SelfServe, WhoActs::InProduct, WhoActs::InProduct),
        (Motion::Plg, WhoActs::LightTouch, WhoActs::InProduct),
        (Motion::Hybrid, WhoActs::SalesAssist, WhoActs::SalesAssist),
        (
            Motion::SalesLed,
            WhoActs::AccountExecutive,
            WhoActs::AccountExecutive,
        ),
        (
            Motion::Enterprise,
            WhoActs::AccountExecutive,
            WhoActs::AccountExecutive,
        ),
    ] {
        let v = judge(&pql, motion, &events, NOW);
        let who = |id: &str| {
            v.accounts
                .iter()
                .find(|x| x.account == id)
                .unwrap()
                .who_acts
        };
        assert_eq!((who("a"), who("b")), (a, b), "{motion}");
    }
}

fn arbitrary_events() -> impl Strategy<Value = Vec<(i64, u8, u8, u8, u8, u8)>> {
    prop::collection::vec(
        (0..45 * DAY, 0..12u8, 0..15u8, 0..8u8, 0..4u8, 0..3u8),
        1..400,
    )
}

const NAMES: [&str; 8] = [
    "page_viewed",
    "project_created",
    "limit_reached",
    "pricing_viewed",
    "sso_requested",
    "report_run",
    "second_team_created",
    "invite_sent",
];
const EMAILS: [&str; 4] = ["", "x@ourco.com", "y@bigcorp.com", "z@c.io"];
const PLANS: [&str; 3] = ["", "free", "paid"];

fn owned(
    raw: &[(i64, u8, u8, u8, u8, u8)],
) -> Vec<(
    i64,
    String,
    String,
    &'static str,
    &'static str,
    &'static str,
)> {
    raw.iter()
        .map(|(t, a, u, e, m, p)| {
            (
                NOW - t,
                format!("a{a}"),
                format!("u{u}"),
                NAMES[*e as usize],
                EMAILS[*m as usize],
                PLANS[*p as usize],
            )
        })
        .collect()
}

fn borrowed<'a>(
    o: &'a [(
        i64,
        String,
        String,
        &'static str,
        &'static str,
        &'static str,
    )],
) -> Vec<Event<'a>> {
    o.iter()
        .map(|(t, a, u, e, m, p)| (*t, a.as_str(), u.as_str(), *e, *m, *p))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn rows_in_any_order_give_the_same_answer(raw in arbitrary_events(), seed in any::<u64>()) {
        let pql = Pql {
            team_users: 2,
            active_users: 4,
            engaged_events: 6,
            exclude_domains: vec!["ourco.com".into()],
            target_domains: vec!["bigcorp.com".into()],
            ..Pql::default()
        };
        let o = owned(&raw);
        let sorted = {
            let mut s = o.clone();
            s.sort();
            s
        };
        let mut shuffled = o.clone();
        // A seeded Fisher-Yates, so a failure replays.
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let a = judge(&pql, Motion::Hybrid, &borrowed(&sorted), NOW);
        let b = judge(&pql, Motion::Hybrid, &borrowed(&shuffled), NOW);
        prop_assert_eq!(a.accounts, b.accounts);
        prop_assert_eq!(a.totals, b.totals);
    }

    #[test]
    fn the_tally_spread_over_workers_gives_one_tallys_answer(raw in arbitrary_events(), workers in 1..5usize) {
        let pql = Pql { team_users: 2, active_users: 3, engaged_events: 4, target_domains: vec!["bigcorp.com".into()], ..Pql::default() };
        let o = owned(&raw);
        let one = judge(&pql, Motion::Plg, &borrowed(&o), NOW);
        let text = csv(&borrowed(&o));
        let spread = gtm_advisor::signals::parallel::tally(&pql, NOW, Motion::Plg, workers, |add| {
            rows(text.as_bytes(), &Columns::default(), |r| add(&r.unwrap())).map(|_| ())
        })
        .unwrap();
        prop_assert_eq!(one, spread);
    }

    #[test]
    fn a_signup_that_is_not_activated_never_reaches_a_person(raw in arbitrary_events()) {
        let pql = Pql { team_users: 2, target_domains: vec!["bigcorp.com".into()], ..Pql::default() };
        let o = owned(&raw);
        for &motion in Motion::ALL {
            let v = judge(&pql, motion, &borrowed(&o), NOW);
            for a in &v.accounts {
                if !a.activated && !a.fired().contains(Trigger::AccountBased) {
                    prop_assert_eq!(a.who_acts, WhoActs::InProduct, "{} under {}", a.account, motion);
                }
                if motion == Motion::SelfServe {
                    prop_assert_eq!(a.who_acts, WhoActs::InProduct);
                }
            }
            // Ranked: every account for a person before any for the product.
            let people: Vec<bool> = v.accounts.iter().map(|a| a.who_acts.is_person()).collect();
            prop_assert!(people.windows(2).all(|w| w[0] >= w[1]));
        }
    }
}
