//! Exit statuses, as DESIGN.md defines them. Scripts rely on these numbers.

use std::process::ExitCode;

/// Success, or a check that passed.
pub const SUCCESS: u8 = 0;
/// A check that failed.
pub const CHECK_FAILED: u8 = 1;
/// A usage error or invalid input.
pub const INVALID: u8 = 2;
/// Interrupted by the user.
pub const INTERRUPTED: u8 = 130;

/// Converts a status to an [`ExitCode`].
pub fn code(status: u8) -> ExitCode {
    ExitCode::from(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_match_the_design() {
        assert_eq!(
            (SUCCESS, CHECK_FAILED, INVALID, INTERRUPTED),
            (0, 1, 2, 130)
        );
    }
}
