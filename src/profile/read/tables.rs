//! The optional tables: `[signals]`, `[practices]`, `[checklist]`,
//! `[expect]` and `[check]`.

use super::{PRACTICE_KEYS, Reader, SIGNAL_KEYS, join};
use crate::diagnostic::nearest;
use crate::profile::{KnownFindings, Practices, Signals};
use toml::de::DeTable;

impl Reader<'_> {
    pub(super) fn signals(&mut self, table: &DeTable<'_>) -> Signals {
        self.signals_at("signals", table)
    }

    pub(super) fn signals_at(&mut self, prefix: &str, table: &DeTable<'_>) -> Signals {
        let mut s = Signals::default();
        for (key, value) in table.iter() {
            let path = join(prefix, key.get_ref());
            self.remember(&path, key.span());
            let flag = match key.get_ref().as_ref() {
                "individual_value" => &mut s.individual_value,
                "viral_loops" => &mut s.viral_loops,
                "instrumented" => &mut s.instrumented,
                "integration_heavy" => &mut s.integration_heavy,
                "organic_demand" => &mut s.organic_demand,
                "developer_audience" => &mut s.developer_audience,
                "segment" => {
                    s.segment = self.choice(&path, value);
                    continue;
                }
                "switching_cost" => {
                    s.switching_cost = self.choice(&path, value);
                    continue;
                }
                _ => {
                    self.unknown_key(prefix, key, SIGNAL_KEYS);
                    continue;
                }
            };
            *flag = self.boolean(&path, value);
        }
        s
    }

    pub(super) fn practices(&mut self, table: &DeTable<'_>) -> Practices {
        let mut p = Practices::default();
        for (key, value) in table.iter() {
            let path = join("practices", key.get_ref());
            self.remember(&path, key.span());
            let flag = match key.get_ref().as_ref() {
                "motion" => {
                    p.motion = self.choice(&path, value);
                    continue;
                }
                "free_trial" => &mut p.free_trial,
                "pricing_public" => &mut p.pricing_public,
                "demo_required" => &mut p.demo_required,
                "sales_contacts_all_signups" => &mut p.sales_contacts_all_signups,
                "ae_commission_on_self_serve" => &mut p.ae_commission_on_self_serve,
                "separate_funnels" => &mut p.separate_funnels,
                "pql_defined" => &mut p.pql_defined,
                _ => {
                    self.unknown_key("practices", key, PRACTICE_KEYS);
                    continue;
                }
            };
            *flag = self.boolean(&path, value);
        }
        p
    }

    pub(super) fn checklist(&mut self, table: &DeTable<'_>) -> Vec<String> {
        let mut done = Vec::new();
        for (key, value) in table.iter() {
            let path = join("checklist", key.get_ref());
            self.remember(&path, key.span());
            if key.get_ref() != "done" {
                self.unknown_key("checklist", key, &["done"]);
                continue;
            }
            // Ids the rulebook no longer has stay in the list: the assessment
            // warns about them (naming the nearest id) instead of refusing the
            // profile, so a rulebook update never breaks a saved profile.
            let mut seen = std::collections::HashSet::new();
            for (id, _) in self.list_of_ids(&path, value) {
                if seen.insert(id.clone()) {
                    done.push(id);
                }
            }
        }
        done
    }

    pub(super) fn expect(&mut self, table: &DeTable<'_>) -> Option<crate::motion::Motion> {
        let mut motion = None;
        for (key, value) in table.iter() {
            let path = join("expect", key.get_ref());
            self.remember(&path, key.span());
            if key.get_ref() == "motion" {
                motion = self.choice(&path, value);
            } else {
                self.unknown_key("expect", key, &["motion"]);
            }
        }
        motion
    }

    pub(super) fn check(&mut self, table: &DeTable<'_>, rules: &impl KnownFindings) -> Vec<String> {
        let known = rules.finding_ids();
        let mut allow = Vec::new();
        for (key, value) in table.iter() {
            let path = join("check", key.get_ref());
            self.remember(&path, key.span());
            if key.get_ref() != "allow" {
                self.unknown_key("check", key, &["allow"]);
                continue;
            }
            for (id, span) in self.list_of_ids(&path, value) {
                if known.contains(&id.as_str()) {
                    allow.push(id);
                    continue;
                }
                if self.full() {
                    self.more += 1;
                    continue;
                }
                let suggestion = nearest(&id, known.iter().copied());
                let message = format!(
                    "`{}` is not a finding id; allowed: {}",
                    crate::diagnostic::echo(&id),
                    known.join(", ")
                );
                let problem = self.problem(span, &path, message);
                if let Some(s) = suggestion {
                    problem.help = Some(format!("did you mean \"{s}\"?"));
                }
            }
        }
        allow
    }
}
