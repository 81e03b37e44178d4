//! The streaming aggregation: each event updates its account's running
//! state, and nothing else is kept, so memory grows with accounts and
//! distinct users, never with events.
//!
//! What counts (docs/pql.md says the same for users): an event at or before
//! "now" (`as_of`) and not by a user of an excluded domain; the window is
//! `as_of - window ..= as_of`. Activation, the plan and the domain look at
//! every counted event up to "now"; the triggers look at the window.

use std::collections::BinaryHeap;
use std::hash::{Hash, Hasher};

use hashbrown::{Equivalent, HashMap};

use super::read::{Plan, Row};
use crate::profile::pql::{Pql, domain_matches};

/// How the rows went.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RowCounts {
    /// Rows read, good and bad.
    pub read: u64,
    /// Bad rows, skipped.
    pub skipped: u64,
    /// Rows by a user of an excluded domain.
    pub excluded: u64,
    /// Rows after "now".
    pub after: u64,
    /// Rows before the window (they still count for activation, plan and domain).
    pub before: u64,
    /// Rows that carried a plan (whether or not they counted).
    pub with_plan: u64,
}

impl RowCounts {
    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: &RowCounts) {
        self.read += other.read;
        self.skipped += other.skipped;
        self.excluded += other.excluded;
        self.after += other.after;
        self.before += other.before;
        self.with_plan += other.with_plan;
    }
}

/// What one kind of event did in an account's window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KindTally {
    /// How many such events.
    pub count: u64,
    /// The first one's time.
    pub first: i64,
}

impl Default for KindTally {
    fn default() -> KindTally {
        KindTally {
            count: 0,
            first: i64::MAX,
        }
    }
}

impl KindTally {
    fn add(&mut self, ts: i64) {
        self.count += 1;
        self.first = self.first.min(ts);
    }
}

/// The kinds of event the criteria name, as bits of a mask.
pub(super) const ACTIVATION: u8 = 1;
pub(super) const LIMIT: u8 = 2;
pub(super) const INTENT: u8 = 4;
pub(super) const ENTERPRISE: u8 = 8;

/// One account's running state.
#[derive(Debug, Default)]
pub struct AccountTally {
    /// The first domain in byte order among its counted events' emails.
    pub domain: Option<Box<[u8]>>,
    /// An activation event happened by "now".
    pub activated: bool,
    /// The newest plan seen: time × 2, plus 1 for paid (so a tie goes to paid).
    pub plan_key: Option<i64>,
    /// Events in the window.
    pub events: u64,
    /// Users active in the window.
    pub users: u32,
    /// The first window event by a target domain's user.
    pub target_first: Option<i64>,
    /// Limit, intent and enterprise events in the window.
    pub limit: KindTally,
    /// See `limit`.
    pub intent: KindTally,
    /// See `limit`.
    pub enterprise: KindTally,
    /// The earliest `engaged_events` window times (a max-heap).
    pub earliest: BinaryHeap<i64>,
}

impl AccountTally {
    /// On a free plan, by the newest event that said.
    pub fn is_free(&self) -> bool {
        self.plan_key.is_some_and(|k| k & 1 == 0)
    }
}

/// A user of one account: the key of [`Tally::users`]. One table for every
/// account's users (not one per account) keeps each event to one lookup.
#[derive(Debug, PartialEq, Eq)]
pub struct UserKey {
    /// The account's index.
    pub account: u32,
    /// The user id.
    pub user: Box<[u8]>,
}

/// A [`UserKey`] borrowed from a row, to look one up without allocating.
struct UserRef<'a>(u32, &'a [u8]);

impl Hash for UserKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        UserRef(self.account, &self.user).hash(state);
    }
}

impl Hash for UserRef<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u32(self.0);
        state.write(self.1);
    }
}

impl Equivalent<UserKey> for UserRef<'_> {
    fn equivalent(&self, key: &UserKey) -> bool {
        self.0 == key.account && self.1 == &*key.user
    }
}

/// The running state of every account.
pub struct Tally<'p> {
    pql: &'p Pql,
    as_of: i64,
    start: i64,
    kinds: HashMap<Box<[u8]>, u8>,
    index: HashMap<Box<[u8]>, u32>,
    /// Each account's users active in the window, with their first event in it.
    pub users: HashMap<UserKey, i64>,
    /// Account ids, by index.
    pub names: Vec<Box<[u8]>>,
    /// Account states, by index.
    pub accounts: Vec<AccountTally>,
    /// How the rows went.
    pub counts: RowCounts,
    scratch: Vec<u8>,
}

/// The lowercase domain of `email` (after its last `@`) into `out`; false
/// when it has none.
fn domain_of(email: &[u8], out: &mut Vec<u8>) -> bool {
    out.clear();
    let Some(at) = email.iter().rposition(|b| *b == b'@') else {
        return false;
    };
    out.extend(email[at + 1..].iter().map(u8::to_ascii_lowercase));
    !out.is_empty()
}

impl<'p> Tally<'p> {
    /// An empty tally of `pql`'s criteria with "now" at `as_of` (ms).
    pub fn new(pql: &'p Pql, as_of: i64) -> Tally<'p> {
        let mut kinds: HashMap<Box<[u8]>, u8> = HashMap::new();
        for (list, bit) in [
            (&pql.activation_events, ACTIVATION),
            (&pql.limit_events, LIMIT),
            (&pql.intent_events, INTENT),
            (&pql.enterprise_events, ENTERPRISE),
        ] {
            for name in list {
                *kinds.entry(name.as_bytes().into()).or_default() |= bit;
            }
        }
        Tally {
            pql,
            as_of,
            start: as_of.saturating_sub(pql.window_ms()),
            kinds,
            index: HashMap::new(),
            users: HashMap::new(),
            names: Vec::new(),
            accounts: Vec::new(),
            counts: RowCounts::default(),
            scratch: Vec::new(),
        }
    }

    /// "Now" and the window's start, in ms.
    pub fn bounds(&self) -> (i64, i64) {
        (self.as_of, self.start)
    }

    /// Counts a bad row.
    pub fn skip(&mut self) {
        self.counts.read += 1;
        self.counts.skipped += 1;
    }

    /// Adds one event.
    pub fn add(&mut self, row: &Row<'_>) {
        self.counts.read += 1;
        self.counts.with_plan += u64::from(row.plan.is_some());
        if row.ts > self.as_of {
            self.counts.after += 1;
            return;
        }
        let has_domain = row.email.is_some_and(|e| domain_of(e, &mut self.scratch));
        if has_domain
            && self
                .pql
                .exclude_domains
                .iter()
                .any(|d| domain_matches(&self.scratch, d))
        {
            self.counts.excluded += 1;
            return;
        }
        let id = match self.index.get(row.account) {
            Some(id) => *id as usize,
            None => {
                let id = self.accounts.len();
                self.index.insert(row.account.into(), id as u32);
                self.names.push(row.account.into());
                self.accounts.push(AccountTally::default());
                id
            }
        };
        let kind = self.kinds.get(row.event).copied().unwrap_or(0);
        let a = &mut self.accounts[id];
        if has_domain
            && a.domain
                .as_deref()
                .is_none_or(|d| self.scratch.as_slice() < d)
        {
            a.domain = Some(self.scratch.as_slice().into());
        }
        a.activated |= kind & ACTIVATION != 0;
        if let Some(plan) = row.plan {
            let key = row.ts * 2 + i64::from(plan == Plan::Paid);
            a.plan_key = Some(a.plan_key.map_or(key, |k| k.max(key)));
        }
        if row.ts < self.start {
            self.counts.before += 1;
            return;
        }
        a.events += 1;
        match self.users.get_mut(&UserRef(id as u32, row.user)) {
            Some(first) => *first = (*first).min(row.ts),
            None => {
                a.users += 1;
                let key = UserKey {
                    account: id as u32,
                    user: row.user.into(),
                };
                self.users.insert(key, row.ts);
            }
        }
        if has_domain
            && self
                .pql
                .target_domains
                .iter()
                .any(|d| domain_matches(&self.scratch, d))
        {
            a.target_first = Some(a.target_first.map_or(row.ts, |t| t.min(row.ts)));
        }
        if kind & LIMIT != 0 {
            a.limit.add(row.ts);
        }
        if kind & INTENT != 0 {
            a.intent.add(row.ts);
        }
        if kind & ENTERPRISE != 0 {
            a.enterprise.add(row.ts);
        }
        let keep = self.pql.engaged_events as usize;
        if a.earliest.len() < keep {
            a.earliest.push(row.ts);
        } else if a.earliest.peek().is_some_and(|latest| row.ts < *latest) {
            a.earliest.pop();
            a.earliest.push(row.ts);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subdomains_match_and_lookalikes_do_not() {
        assert!(domain_matches(b"acme.com", "acme.com"));
        assert!(domain_matches(b"eu.acme.com", "acme.com"));
        assert!(!domain_matches(b"notacme.com", "acme.com"));
        assert!(!domain_matches(b"acme.com.evil.io", "acme.com"));
        let mut out = Vec::new();
        assert!(domain_of(b"Ann@EU.Acme.com", &mut out));
        assert_eq!(out, b"eu.acme.com");
        assert!(!domain_of(b"ann", &mut out));
        assert!(!domain_of(b"ann@", &mut out));
        assert!(domain_of(b"a@b@acme.com", &mut out));
        assert_eq!(out, b"acme.com");
    }
}
