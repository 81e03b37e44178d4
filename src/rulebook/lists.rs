//! Every condition and every citation of a rulebook, each in one fixed
//! order: what loading walks to resolve keys and fill in citations, and
//! what tests walk to check them all.
//!
//! build.rs compiles this file too (through `rulebook/mod.rs`).

use super::{Condition, Rulebook, Source};

impl Rulebook {
    /// Every condition, in the same fixed order as `conditions_mut`.
    pub(super) fn conditions(&self) -> Vec<&Condition> {
        let mut out: Vec<&Condition> = Vec::new();
        for t in &self.readings {
            for r in &t.rows {
                out.extend(r.when.iter().chain(&r.any));
            }
        }
        for m in &self.moves {
            out.extend(m.when.iter().chain(&m.any).chain(&m.conflict_when));
        }
        for c in &self.conflicts {
            out.extend(c.when.iter().chain(&c.any));
        }
        if let Some(n) = &self.near_line {
            out.extend(n.above_when.iter().chain(&n.below_when));
        }
        for n in &self.notes {
            out.extend(n.when.iter().chain(&n.any));
        }
        for i in &self.checklist {
            out.extend(i.when.iter().chain(&i.any));
        }
        for f in &self.findings {
            out.extend(f.when.iter().chain(&f.any));
        }
        out
    }

    /// Every condition, in one fixed order.
    pub(super) fn conditions_mut(&mut self) -> Vec<&mut Condition> {
        let mut out: Vec<&mut Condition> = Vec::new();
        for t in &mut self.readings {
            for r in &mut t.rows {
                out.extend(r.when.iter_mut().chain(r.any.iter_mut()));
            }
        }
        for m in &mut self.moves {
            out.extend(
                m.when
                    .iter_mut()
                    .chain(m.any.iter_mut())
                    .chain(m.conflict_when.iter_mut()),
            );
        }
        for c in &mut self.conflicts {
            out.extend(c.when.iter_mut().chain(c.any.iter_mut()));
        }
        if let Some(n) = &mut self.near_line {
            out.extend(n.above_when.iter_mut().chain(n.below_when.iter_mut()));
        }
        for n in &mut self.notes {
            out.extend(n.when.iter_mut().chain(n.any.iter_mut()));
        }
        for i in &mut self.checklist {
            out.extend(i.when.iter_mut().chain(i.any.iter_mut()));
        }
        for f in &mut self.findings {
            out.extend(f.when.iter_mut().chain(f.any.iter_mut()));
        }
        out
    }

    /// Every citation, in one fixed order, to fill in what it reads as.
    pub(super) fn sources_mut(&mut self) -> Vec<&mut Source> {
        let mut out = vec![&mut self.acv.source];
        out.extend(self.origin.as_mut().map(|o| &mut o.source));
        for t in &mut self.readings {
            out.extend(t.rows.iter_mut().map(|r| &mut r.source));
        }
        out.extend(self.moves.iter_mut().map(|m| &mut m.source));
        out.extend(self.conflicts.iter_mut().map(|c| &mut c.source));
        if let Some(n) = &mut self.near_line {
            out.extend(n.sources.iter_mut());
        }
        for n in &mut self.notes {
            out.extend(n.sources.iter_mut());
        }
        for e in &mut self.evidence {
            out.extend(e.rows.iter_mut().map(|r| &mut r.source));
        }
        out.extend(self.checklist.iter_mut().map(|i| &mut i.source));
        out.extend(self.findings.iter_mut().map(|f| &mut f.source));
        out.extend(self.switching.iter_mut().map(|s| &mut s.source));
        out.extend(self.handoffs.iter_mut().map(|h| &mut h.source));
        out
    }

    /// Every citation in the rulebook, for tests that check them all.
    pub fn sources(&self) -> Vec<&Source> {
        let mut out = vec![&self.acv.source];
        out.extend(self.origin.as_ref().map(|o| &o.source));
        for t in &self.readings {
            out.extend(t.rows.iter().map(|r| &r.source));
        }
        out.extend(self.moves.iter().map(|m| &m.source));
        out.extend(self.conflicts.iter().map(|c| &c.source));
        if let Some(n) = &self.near_line {
            out.extend(&n.sources);
        }
        for n in &self.notes {
            out.extend(&n.sources);
        }
        for e in &self.evidence {
            out.extend(e.rows.iter().map(|r| &r.source));
        }
        out.extend(self.checklist.iter().map(|i| &i.source));
        out.extend(self.findings.iter().map(|f| &f.source));
        out.extend(self.switching.iter().map(|s| &s.source));
        out.extend(self.handoffs.iter().map(|h| &h.source));
        out
    }
}
