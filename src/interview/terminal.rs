//! The interview's prompts on a real terminal: dialoguer's `Select` and
//! `Confirm` with its colourful theme, and a small line editor for text.
//!
//! Text from answers (typed, or pre-filled from a profile by `--from`) is
//! drawn through `printable`, so it cannot send escape sequences or reorder
//! a line. Everything drawn is folded to the terminal's width at word boundaries
//! first, so the terminal never wraps a line itself: a prompt is redrawn by
//! clearing the lines it was drawn on, and a line the terminal had wrapped
//! would leave its first half behind.
//!
//! The one part of the library that draws on a terminal: it prints to
//! stderr, where dialoguer draws, and reads keys from it.
//!
//! Hand-written, where dialoguer cannot do what the interview needs:
//! - Text answers. dialoguer's `Input` ignores Esc and Ctrl-D (the interview
//!   stops on both), moves the cursor one column per character (Backspace
//!   after a CJK character or an emoji leaves half of it on screen), and
//!   clears only the last line of a prompt that spans several. The editor
//!   below redraws the answer after each Backspace, measured in display
//!   columns.
//! - Fitting list items. dialoguer decides that an item wrapped by counting
//!   its bytes, escape codes included, so each item is cut to fit in both
//!   bytes and columns.

#![allow(clippy::print_stderr)]

use std::io;
use std::sync::atomic::{AtomicBool, Ordering};

pub use super::fit::fold;
use super::fit::{fit, fit_bytes, rows_of};
use super::flow::{Ask, Stop};
use super::questions::{BACK, BACK_TYPED, Check, Choice};
use crate::diagnostic::printable;
use console::{Key, Term, style};
use dialoguer::theme::{ColorfulTheme, Theme};
use dialoguer::{Confirm, Select};
use unicode_width::UnicodeWidthStr;

/// Set while a dialoguer prompt reads keys, and left set once one returned
/// because of Ctrl-C: dialoguer reads keys with the terminal's signals on, so
/// Ctrl-C there raises SIGINT *and* makes the prompt return an error. The
/// interview then stops in order (keeping answers a failed save left), and
/// the signal handler must stand aside.
static PROMPT_OWNS_CTRL_C: AtomicBool = AtomicBool::new(false);

/// Whether a Ctrl-C belongs to a prompt, which handles it itself.
pub fn prompt_owns_ctrl_c() -> bool {
    PROMPT_OWNS_CTRL_C.load(Ordering::SeqCst)
}

/// How a dialoguer prompt ended.
enum Ended<T> {
    /// With an answer.
    Answer(T),
    /// With Esc or `q`; dialoguer cleared what it drew.
    Quit,
    /// With Ctrl-C; what it drew is still on screen.
    CtrlC,
    /// The terminal went away.
    Gone,
}

/// Runs a dialoguer prompt and says how it ended.
fn dialog<T>(run: impl FnOnce() -> dialoguer::Result<Option<T>>) -> Ended<T> {
    PROMPT_OWNS_CTRL_C.store(true, Ordering::SeqCst);
    let outcome = run();
    let _ = Term::stderr().show_cursor();
    if let Err(dialoguer::Error::IO(e)) = &outcome {
        if e.kind() == io::ErrorKind::Interrupted {
            // Left set: the signal raised with this error is still to come.
            return Ended::CtrlC;
        }
    }
    PROMPT_OWNS_CTRL_C.store(false, Ordering::SeqCst);
    match outcome {
        Ok(Some(value)) => Ended::Answer(value),
        Ok(None) => Ended::Quit,
        Err(_) => Ended::Gone,
    }
}

/// The width of the terminal the interview runs in (its standard error),
/// in columns; a terminal that reports something absurdly small still gets
/// readable lines.
pub fn columns() -> usize {
    usize::from(Term::stderr().size().1).max(20)
}

/// Prompts on standard error, reading keys from the terminal.
pub struct Terminal {
    term: Term,
    theme: ColorfulTheme,
    /// The why-it-matters line of the question on screen, shown again
    /// with the keys when `?` is typed.
    help: String,
}

/// What `?` or `help` at a text prompt shows after the question's own line.
const KEYS: &str = "Enter keeps the answer offered; `<` goes back one question (`← back` in a list); Esc or Ctrl-C stops without saving.";

/// Formats one theme element into a string.
fn draw(f: impl FnOnce(&mut String) -> std::fmt::Result) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = f(&mut out);
    out
}

/// Columns the theme's marks take before a prompt (`? `, `✔ `, `✘ `).
const MARK: usize = 2;

/// Columns kept free after a text prompt for the start of the answer.
const TYPING_ROOM: usize = 12;

/// Columns a list item's marker (`❯ `) takes before its text.
const ITEM_MARGIN: usize = 2;

impl Default for Terminal {
    fn default() -> Terminal {
        Terminal::new()
    }
}

impl Terminal {
    /// Prompts on this process's standard error.
    pub fn new() -> Terminal {
        Terminal {
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
            help: String::new(),
        }
    }

    fn columns(&self) -> usize {
        columns()
    }

    /// Writes `text` as lines folded to the terminal's width, followed by a
    /// blank line.
    pub fn say(&self, text: &str) {
        let _ = self.term.write_line(&fold(text, self.columns(), 0));
        let _ = self.term.write_line("");
    }

    /// The next key for the text editor, or why the interview must stop.
    /// Read raw, so Ctrl-C arrives as a key instead of a signal.
    fn key(&self) -> Result<Key, Stop> {
        if !self.term.is_term() {
            return Err(Stop::EndOfInput);
        }
        match self.term.read_key_raw() {
            Ok(Key::Escape | Key::CtrlC) => Err(Stop::Interrupted),
            Ok(Key::Char('\u{4}')) => Err(Stop::EndOfInput),
            Ok(key) => Ok(key),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Err(Stop::Interrupted),
            Err(_) => Err(Stop::EndOfInput),
        }
    }

    /// Writes `text` and a newline; a terminal that cannot be written to
    /// ends the interview.
    fn line(&self, text: &str) -> Result<(), Stop> {
        self.term.write_line(text).map_err(|_| Stop::EndOfInput)
    }

    /// Clears the `rows` rows the cursor's line and those above it take,
    /// leaving the cursor at the start of the first.
    fn clear_rows(&self, rows: usize) {
        let _ = self.term.clear_line();
        if rows > 1 {
            let _ = self.term.clear_last_lines(rows - 1);
        }
    }

    /// `prompt` folded so that, after the theme's mark, every line fits with
    /// `reserve` columns to spare on its last.
    fn fold_prompt(&self, prompt: &str, reserve: usize) -> String {
        fold(prompt, self.columns().saturating_sub(reserve), MARK)
    }

    /// The line reporting an answer: `✔ prompt · value`, with `· value` on
    /// a line of its own when it does not fit after the prompt.
    fn answered(&self, prompt: &str, value: &str) -> String {
        let columns = self.columns();
        let mut prompt = self.fold_prompt(prompt, 0);
        let last = prompt.rsplit('\n').next().unwrap_or("");
        // The theme writes ` · ` between the prompt and the value.
        let value = if MARK + last.width() + 3 + value.width() <= columns {
            value.to_string()
        } else {
            prompt.push_str("\n ");
            fold(value, columns, MARK + 2)
        };
        draw(|f| self.theme.format_input_prompt_selection(f, &prompt, &value))
    }

    /// Reads one line of text after `head`, which is already on screen.
    /// Returns what was typed and how many rows head and answer now take.
    fn read_line(&self, head: &str) -> (Result<String, Stop>, usize) {
        let columns = self.columns();
        let mut typed = String::new();
        loop {
            let rows = rows_of(head, &printable(&typed), columns);
            match self.key() {
                Err(stop) => return (Err(stop), rows),
                Ok(Key::Enter) => return (Ok(typed), rows),
                Ok(Key::Backspace) if typed.pop().is_some() => {
                    // Redrawn whole: the deleted character may take two
                    // columns, or sit at the end of a row above.
                    self.clear_rows(rows);
                    let _ = self.term.write_str(head);
                    let _ = self.term.write_str(&printable(&typed));
                }
                Ok(Key::Char(c)) if !c.is_control() => {
                    typed.push(c);
                    let _ = self.term.write_str(&printable(c.encode_utf8(&mut [0; 4])));
                }
                Ok(_) => {}
            }
        }
    }

    /// The items of a list, each cut to one line of the terminal.
    fn items(&self, choices: &[Choice]) -> Vec<String> {
        let width = choices.iter().map(|c| c.id.width()).max().unwrap_or(0);
        // An item longer than the terminal would be wrapped by it, and the
        // redraw would leave a line behind. dialoguer tells by counting an
        // item's bytes against the terminal's columns, so the cut counts
        // both: columns for what shows, bytes for what dialoguer counts.
        let columns = self.columns();
        let room = columns.saturating_sub(ITEM_MARGIN + 1);
        choices
            .iter()
            .map(|c| {
                let id = format!("{}{}  ", c.id, " ".repeat(width - c.id.width()));
                let meaning = fit(c.meaning, room.saturating_sub(id.width()));
                let dimmed = format!("{id}{}", style(&meaning).dim());
                // The dimming's escape codes count as bytes: where they
                // would cost words of the meaning, the meaning goes plain.
                let item = if dimmed.len() <= columns {
                    dimmed
                } else {
                    format!(
                        "{id}{}",
                        fit_bytes(&meaning, columns.saturating_sub(id.len()))
                    )
                };
                item.trim_end().to_string()
            })
            .collect()
    }
}

impl Ask for Terminal {
    fn help(&mut self, text: &str) {
        self.help = text.to_string();
        // A blank line first, so the line reads as the next question's and
        // not as a comment on the answer above it.
        let _ = self.term.write_line("");
        let width = self.columns().min(100);
        // Wrapped before styling, so escape codes do not count toward the width.
        for line in fold(text, width, 2).lines() {
            let _ = self
                .term
                .write_line(&format!("  {}", style(line.trim_start()).dim()));
        }
    }

    fn text(
        &mut self,
        prompt: &str,
        default: Option<&str>,
        check: Check<'_>,
    ) -> Result<String, Stop> {
        // A default can come from a profile (`--from`): shown escaped, so it
        // cannot reorder or restyle the line; Enter still takes it as it is.
        let shown = default.map(printable);
        // ` (default) › ` after the prompt, then room to start typing.
        let reserve = shown.as_ref().map_or(3, |d| d.width() + 6) + TYPING_ROOM;
        let folded = self.fold_prompt(prompt, reserve);
        loop {
            let head = draw(|f| self.theme.format_input_prompt(f, &folded, shown.as_deref()));
            self.term.write_str(&head).map_err(|_| Stop::EndOfInput)?;
            let (typed, rows) = self.read_line(&head);
            self.clear_rows(rows);
            let typed = match typed {
                Ok(t) => t,
                Err(stop) => {
                    self.line(&head)?;
                    return Err(stop);
                }
            };
            let answer = if typed.trim().is_empty() {
                default.unwrap_or("")
            } else {
                &typed
            };
            // `?` (or `help`) is a question about the question, not an answer.
            if matches!(answer.trim(), "?" | "help" | "Help" | "HELP") {
                let help = format!("{} {KEYS}", self.help);
                for line in fold(&help, self.columns().min(100), 2).lines() {
                    self.line(&format!("  {}", line.trim_start()))?;
                }
                continue;
            }
            match check(answer) {
                // Going back is no answer: nothing is recorded for it.
                Ok(value) if value == BACK_TYPED => return Ok(value),
                Ok(value) => {
                    self.line(&self.answered(prompt, &printable(&value)))?;
                    return Ok(value);
                }
                Err(why) => {
                    let why = fold(&printable(&why), self.columns(), MARK);
                    self.line(&draw(|f| self.theme.format_error(f, &why)))?;
                }
            }
        }
    }

    fn choose(&mut self, prompt: &str, choices: &[Choice], default: usize) -> Result<usize, Stop> {
        // ` ›` after the prompt.
        let folded = self.fold_prompt(prompt, 2);
        let items = self.items(choices);
        let picked = dialog(|| {
            Select::with_theme(&self.theme)
                .with_prompt(&folded)
                .items(&items)
                .default(default.min(items.len().saturating_sub(1)))
                .report(false)
                .interact_on_opt(&self.term)
        });
        let stop = match picked {
            Ended::Answer(i) => {
                let id = choices.get(i).map_or("", |c| c.id);
                // Going back is no answer: nothing is recorded for it.
                if id != BACK.id {
                    self.line(&self.answered(prompt, id))?;
                }
                return Ok(i);
            }
            Ended::Quit => Stop::Interrupted,
            Ended::CtrlC => {
                // The list is still drawn; it goes unless dialoguer paged it.
                let drawn = folded.lines().count() + items.len();
                if drawn < usize::from(self.term.size().0) {
                    let _ = self.term.clear_last_lines(drawn);
                }
                Stop::Interrupted
            }
            Ended::Gone => Stop::EndOfInput,
        };
        self.line(&draw(|f| self.theme.format_select_prompt(f, &folded)))?;
        Err(stop)
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, Stop> {
        // ` (y/n) › yes` after the prompt.
        let folded = self.fold_prompt(prompt, 14);
        let rows = folded.lines().count();
        let answer = dialog(|| {
            Confirm::with_theme(&self.theme)
                .with_prompt(&folded)
                .default(default)
                .report(false)
                .interact_on_opt(&self.term)
        });
        let stop = match answer {
            Ended::Answer(yes) => {
                // dialoguer cleared the prompt's last line; the lines above
                // it are cleared here.
                if rows > 1 {
                    let _ = self.term.clear_last_lines(rows - 1);
                }
                self.line(&self.answered(prompt, if yes { "yes" } else { "no" }))?;
                return Ok(yes);
            }
            // Esc leaves the prompt's lines above its last; Ctrl-C leaves
            // them all, the cursor after the last.
            Ended::Quit | Ended::CtrlC => {
                self.clear_rows(rows);
                Stop::Interrupted
            }
            Ended::Gone => Stop::EndOfInput,
        };
        self.line(&draw(|f| {
            self.theme.format_confirm_prompt(f, &folded, Some(default))
        }))?;
        Err(stop)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meanings_are_cut_to_the_room_left() {
        assert_eq!(fit("a small team decides", 40), "a small team decides");
        let cut = fit("a top-down buyer who is not the user", 12);
        assert_eq!(cut, "a top-down …");
        assert!(cut.width() <= 12);
        assert_eq!(fit("漢字漢字", 5), "漢字…");
        assert_eq!(fit("anything", 0), "…");
    }

    #[test]
    fn items_are_cut_to_a_byte_budget_on_a_character_boundary() {
        assert_eq!(fit_bytes("short", 10), "short");
        let cut = fit_bytes("漢字漢字", 8);
        assert!(cut.len() <= 8, "{cut}");
        assert_eq!(cut, "漢…");
        assert_eq!(fit_bytes("a top-down…", 9), "a top-…");
        assert_eq!(fit_bytes("ab…cd", 6), "ab…");
    }

    #[test]
    fn prompts_fold_at_words_and_cut_only_words_wider_than_a_line() {
        let folded = fold(
            "Annual contract value per customer (USD, e.g. 12000, $12k, 1.5M)",
            40,
            2,
        );
        for line in folded.lines() {
            assert!(line.width() <= 38, "{line:?}");
        }
        assert_eq!(
            folded,
            "Annual contract value per customer\n  (USD, e.g. 12000, $12k, 1.5M)"
        );
        let path = fold("/a/very/long/path/without/any/spaces/at/all", 20, 2);
        assert!(path.lines().all(|l| l.width() <= 20), "{path:?}");
        assert_eq!(
            path.replace("\n  ", ""),
            "/a/very/long/path/without/any/spaces/at/all"
        );
    }

    #[test]
    fn rows_count_wrapped_lines_and_a_row_filled_exactly() {
        assert_eq!(rows_of("? Name: ", "", 60), 1);
        assert_eq!(rows_of("? Name: ", &"x".repeat(52), 60), 1);
        assert_eq!(rows_of("? Name: ", &"x".repeat(53), 60), 2);
        assert_eq!(rows_of("? Annual\n  value: ", "漢字", 10), 3);
    }
}
