//! Exit statuses, as DESIGN.md defines them, and the rule for combining
//! them. Scripts and CI systems rely on these numbers.

use std::process::ExitCode;

/// How a run ended, from best to worst: when several things happened, the
/// worst one is the status (see [`Status::and`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord)]
pub enum Status {
    /// Success, or a check that passed: 0.
    #[default]
    Success,
    /// A check that failed: 1.
    CheckFailed,
    /// A usage error or invalid input: 2.
    Invalid,
    /// Interrupted by the user: 130.
    Interrupted,
}

impl Status {
    /// The number the process exits with.
    pub fn code(self) -> u8 {
        match self {
            Status::Success => 0,
            Status::CheckFailed => 1,
            Status::Invalid => 2,
            Status::Interrupted => 130,
        }
    }

    /// Both statuses at once: the worse of the two. An input that could not
    /// be used outweighs a failed check (the gate could not see everything),
    /// and an interruption outweighs both.
    #[must_use]
    pub fn and(self, other: Status) -> Status {
        self.max(other)
    }
}

impl From<Status> for ExitCode {
    fn from(status: Status) -> ExitCode {
        ExitCode::from(status.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Status::*;

    #[test]
    fn statuses_match_the_design() {
        let codes = [Success, CheckFailed, Invalid, Interrupted].map(|s| s.code());
        assert_eq!(codes, [0, 1, 2, 130]);
    }

    #[test]
    fn the_worse_status_wins_whatever_the_order() {
        let all = [Success, CheckFailed, Invalid, Interrupted];
        for a in all {
            for b in all {
                let worse = if a.code() >= b.code() { a } else { b };
                assert_eq!(a.and(b), worse, "{a:?} and {b:?}");
                assert_eq!(a.and(b), b.and(a));
            }
        }
        assert_eq!(CheckFailed.and(Invalid), Invalid);
        assert_eq!(Success.and(CheckFailed), CheckFailed);
    }
}
