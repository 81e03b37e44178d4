//! How text output looks where it goes: width and colour, decided once
//! from the terminal and the environment (`COLUMNS`, `NO_COLOR`,
//! `CLICOLOR_FORCE`, `TERM`).

/// How text output should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Total width in columns.
    pub width: u16,
    /// Whether to use ANSI colour.
    pub colour: bool,
}

/// What the environment says about a text output's looks; see
/// [`TextOptions::detect`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Surroundings<'a> {
    /// Whether stdout is a terminal.
    pub terminal: bool,
    /// The terminal's width in columns, when stdout is one and says.
    pub terminal_width: Option<u16>,
    /// `COLUMNS`.
    pub columns: Option<&'a str>,
    /// `NO_COLOR`.
    pub no_color: Option<&'a str>,
    /// `CLICOLOR_FORCE`.
    pub clicolor_force: Option<&'a str>,
    /// `TERM`.
    pub term: Option<&'a str>,
}

impl TextOptions {
    /// Options from the environment. Width: `COLUMNS` if set (the user's
    /// word), else the terminal's own width when stdout is a terminal, else
    /// 80; kept within 40..=240. Colour: never with `NO_COLOR` set to
    /// anything; always with `CLICOLOR_FORCE` set (and not `0`); otherwise
    /// only on a terminal that is not `TERM=dumb`.
    pub fn detect(env: Surroundings<'_>) -> TextOptions {
        let set = |v: Option<&str>| v.is_some_and(|v| !v.is_empty());
        let width = env
            .columns
            .and_then(|c| c.trim().parse::<u16>().ok())
            .or(env.terminal_width.filter(|_| env.terminal))
            .map_or(80, |w| w.clamp(40, 240));
        let colour = if set(env.no_color) {
            false
        } else if set(env.clicolor_force) && env.clicolor_force != Some("0") {
            true
        } else {
            env.terminal && env.term != Some("dumb")
        };
        TextOptions { width, colour }
    }
}

impl Default for TextOptions {
    fn default() -> TextOptions {
        TextOptions {
            width: 80,
            colour: false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_and_width_follow_the_environment() {
        let on_terminal = Surroundings {
            terminal: true,
            term: Some("xterm"),
            ..Surroundings::default()
        };
        let detect = TextOptions::detect;
        assert!(detect(on_terminal).colour);
        assert!(!detect(Surroundings::default()).colour, "not a terminal");
        let no_color = |v| Surroundings {
            no_color: Some(v),
            ..on_terminal
        };
        assert!(!detect(no_color("1")).colour);
        assert!(
            detect(no_color("")).colour,
            "an empty NO_COLOR does not count"
        );
        let dumb = Surroundings {
            term: Some("dumb"),
            ..on_terminal
        };
        assert!(!detect(dumb).colour);
        let forced = |v| Surroundings {
            clicolor_force: Some(v),
            ..Surroundings::default()
        };
        assert!(detect(forced("1")).colour, "CLICOLOR_FORCE off a terminal");
        assert!(!detect(forced("0")).colour);
        assert!(
            !detect(Surroundings {
                no_color: Some("1"),
                ..forced("1")
            })
            .colour,
            "NO_COLOR wins"
        );
        let width = |columns, terminal_width, terminal| {
            detect(Surroundings {
                columns,
                terminal_width,
                terminal,
                ..Surroundings::default()
            })
            .width
        };
        assert_eq!(width(None, None, false), 80);
        assert_eq!(width(Some("120"), None, false), 120);
        assert_eq!(width(Some("10"), None, false), 40);
        assert_eq!(width(Some("wide"), None, false), 80);
        assert_eq!(
            width(None, Some(132), true),
            132,
            "the terminal's own width"
        );
        assert_eq!(
            width(None, Some(132), false),
            80,
            "only when stdout is the terminal"
        );
        assert_eq!(width(Some("100"), Some(132), true), 100, "COLUMNS wins");
    }
}
