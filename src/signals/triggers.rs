//! The PQL triggers and who acts on them: ids, their order, where each comes
//! from, and the routing rule by motion. Data and one pure function.

use crate::motion::Motion;

/// One PQL trigger. The order of [`Trigger::ALL`] is the order everything
/// lists them in, the SQL's `triggers` column included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Trigger {
    /// A user from a target account (`target_domains`).
    AccountBased,
    /// Several users in one company (`team_users`).
    TeamUsage,
    /// A workspace crossing `active_users`.
    ActiveUsers,
    /// A usage limit hit (`limit_events`).
    UsageLimit,
    /// A pricing page, a security questionnaire (`intent_events`).
    Intent,
    /// SSO, a second team, a security review (`enterprise_events`).
    EnterpriseNeed,
    /// High engagement on a free plan (`engaged_events`).
    EngagedFree,
}

impl Trigger {
    /// Every trigger, in listing order.
    pub const ALL: [Trigger; 7] = [
        Trigger::AccountBased,
        Trigger::TeamUsage,
        Trigger::ActiveUsers,
        Trigger::UsageLimit,
        Trigger::Intent,
        Trigger::EnterpriseNeed,
        Trigger::EngagedFree,
    ];

    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            Trigger::AccountBased => "account-based",
            Trigger::TeamUsage => "team-usage",
            Trigger::ActiveUsers => "active-users",
            Trigger::UsageLimit => "usage-limit",
            Trigger::Intent => "intent",
            Trigger::EnterpriseNeed => "enterprise-need",
            Trigger::EngagedFree => "engaged-free",
        }
    }

    /// Where the trigger comes from: document, section and the row or
    /// sentence, as the rulebook cites.
    pub fn source(self) -> &'static str {
        match self {
            Trigger::AccountBased => "The hybrid reality: account-based trigger — Sales-led vs PLG",
            Trigger::TeamUsage => {
                "The PQL model: multiple users in one company — Product-Led vs Sales-Led in 2026"
            }
            Trigger::ActiveUsers => "The hybrid reality: usage trigger — Sales-led vs PLG",
            Trigger::UsageLimit => {
                "The PQL model: hitting usage limits — Product-Led vs Sales-Led in 2026"
            }
            Trigger::Intent => "The hybrid reality: intent trigger — Sales-led vs PLG",
            Trigger::EnterpriseNeed => "The hybrid reality: the good pattern — Sales-led vs PLG",
            Trigger::EngagedFree => {
                "The PQL model: high engagement, low conversion — Product-Led vs Sales-Led in 2026"
            }
        }
    }

    /// The `[pql]` key that sets it.
    pub fn key(self) -> &'static str {
        match self {
            Trigger::AccountBased => "target_domains",
            Trigger::TeamUsage => "team_users",
            Trigger::ActiveUsers => "active_users",
            Trigger::UsageLimit => "limit_events",
            Trigger::Intent => "intent_events",
            Trigger::EnterpriseNeed => "enterprise_events",
            Trigger::EngagedFree => "engaged_events",
        }
    }

    /// Its bit in a [`Fired`] set.
    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// A set of triggers, as bits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Fired(u8);

impl Fired {
    /// Adds a trigger.
    pub fn insert(&mut self, t: Trigger) {
        self.0 |= t.bit();
    }

    /// Whether it holds `t`.
    pub fn contains(self, t: Trigger) -> bool {
        self.0 & t.bit() != 0
    }

    /// How many it holds.
    pub fn len(self) -> usize {
        self.0.count_ones() as usize
    }

    /// Whether it holds none.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Its triggers, in listing order.
    pub fn iter(self) -> impl Iterator<Item = Trigger> {
        Trigger::ALL.into_iter().filter(move |t| self.contains(*t))
    }

    /// The trigger the next step answers: a target account first (it is
    /// routed in real time), then the signals of an enterprise need and of
    /// intent (the good pattern: contact after such a signal), then usage.
    pub fn lead(self) -> Option<Trigger> {
        LEAD_ORDER.into_iter().find(|t| self.contains(*t))
    }
}

/// Which trigger leads when several fired (see [`Fired::lead`]).
const LEAD_ORDER: [Trigger; 7] = [
    Trigger::AccountBased,
    Trigger::EnterpriseNeed,
    Trigger::Intent,
    Trigger::UsageLimit,
    Trigger::ActiveUsers,
    Trigger::TeamUsage,
    Trigger::EngagedFree,
];

/// Who acts on an account's signals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum WhoActs {
    /// The product itself: a prompt, an upgrade screen. Never a person.
    InProduct,
    /// A light sales touch (PLG's team and limit triggers).
    LightTouch,
    /// A sales-assist rep (hybrid).
    SalesAssist,
    /// The account's account executive (sales-led, enterprise).
    AccountExecutive,
}

impl WhoActs {
    /// The stable id.
    pub fn id(self) -> &'static str {
        match self {
            WhoActs::InProduct => "in-product",
            WhoActs::LightTouch => "light-touch",
            WhoActs::SalesAssist => "sales-assist",
            WhoActs::AccountExecutive => "account-executive",
        }
    }

    /// Whether a person acts.
    pub fn is_person(self) -> bool {
        self != WhoActs::InProduct
    }
}

/// Who acts on `fired` for an account under `motion`.
///
/// An account that is not activated is never routed to a person, whatever
/// fires: the documents' bad pattern is sales cold-calling signups. The one
/// exception is a target account's user (`account-based`), which Sales-led
/// vs PLG routes to sales in real time. Self-serve has no person to route
/// to; PLG brings one in only for a team or a limit, as the PQL model's
/// "team plan" and "upgrade conversation" rows, and for a target account.
pub fn who_acts(motion: Motion, fired: Fired, activated: bool) -> WhoActs {
    let target = fired.contains(Trigger::AccountBased);
    if fired.is_empty() || (!activated && !target) {
        return WhoActs::InProduct;
    }
    match motion {
        Motion::SelfServe => WhoActs::InProduct,
        Motion::Plg => {
            if target || fired.contains(Trigger::TeamUsage) || fired.contains(Trigger::UsageLimit) {
                WhoActs::LightTouch
            } else {
                WhoActs::InProduct
            }
        }
        Motion::Hybrid => WhoActs::SalesAssist,
        Motion::SalesLed | Motion::Enterprise => WhoActs::AccountExecutive,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ts: &[Trigger]) -> Fired {
        let mut f = Fired::default();
        ts.iter().for_each(|t| f.insert(*t));
        f
    }

    #[test]
    fn a_signup_that_is_not_activated_never_reaches_a_person() {
        let all = set(&Trigger::ALL[1..]);
        for &motion in Motion::ALL {
            assert_eq!(who_acts(motion, all, false), WhoActs::InProduct, "{motion}");
            let target = set(&[Trigger::AccountBased]);
            let expected = motion != Motion::SelfServe;
            assert_eq!(
                who_acts(motion, target, false).is_person(),
                expected,
                "{motion}"
            );
        }
    }

    #[test]
    fn who_acts_follows_the_motion() {
        let intent = set(&[Trigger::Intent]);
        let team = set(&[Trigger::TeamUsage]);
        assert_eq!(who_acts(Motion::SelfServe, team, true), WhoActs::InProduct);
        assert_eq!(who_acts(Motion::Plg, intent, true), WhoActs::InProduct);
        assert_eq!(who_acts(Motion::Plg, team, true), WhoActs::LightTouch);
        assert_eq!(who_acts(Motion::Hybrid, intent, true), WhoActs::SalesAssist);
        assert_eq!(
            who_acts(Motion::SalesLed, intent, true),
            WhoActs::AccountExecutive
        );
        assert_eq!(
            who_acts(Motion::Enterprise, intent, true),
            WhoActs::AccountExecutive
        );
        assert_eq!(
            who_acts(Motion::Hybrid, Fired::default(), true),
            WhoActs::InProduct
        );
    }

    #[test]
    fn triggers_list_in_one_order() {
        let f = set(&[Trigger::EngagedFree, Trigger::AccountBased, Trigger::Intent]);
        let ids: Vec<_> = f.iter().map(Trigger::id).collect();
        assert_eq!(ids, ["account-based", "intent", "engaged-free"]);
        assert_eq!(f.len(), 3);
    }
}
