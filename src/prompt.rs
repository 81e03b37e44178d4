//! The interview's prompts on a real terminal, drawn with dialoguer's theme.
//!
//! dialoguer's own prompts ignore Esc in text input and Ctrl-D everywhere, and
//! a select hides the cursor until it returns. These prompts read keys with
//! `read_key_raw`, so Esc and Ctrl-C stop the interview and Ctrl-D ends it,
//! at every question, and the cursor is shown again before any return.

use std::fmt;
use std::io;

use console::{Key, Term, style};
use dialoguer::theme::{ColorfulTheme, Theme};
use gtm_advisor::interview::{Ask, Check, Choice, Stop};
use gtm_advisor::render::text::wrap;
use unicode_width::UnicodeWidthStr;

/// Prompts on standard error, reading keys from the terminal.
pub struct Terminal {
    term: Term,
    theme: ColorfulTheme,
}

/// Formats one theme element into a string.
fn draw(f: impl FnOnce(&mut String) -> fmt::Result) -> String {
    let mut out = String::new();
    // Writing into a String cannot fail.
    let _ = f(&mut out);
    out
}

impl Terminal {
    /// Prompts on this process's standard error.
    pub fn new() -> Terminal {
        Terminal {
            term: Term::stderr(),
            theme: ColorfulTheme::default(),
        }
    }

    /// The next key, or why the interview must stop.
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

    /// Writes a line; a terminal that cannot be written to ends the interview.
    fn line(&self, text: &str) -> Result<(), Stop> {
        self.term.write_line(text).map_err(|_| Stop::EndOfInput)
    }

    fn read_line(&self) -> Result<String, Stop> {
        let mut typed = String::new();
        loop {
            match self.key()? {
                Key::Enter => return Ok(typed),
                Key::Backspace if typed.pop().is_some() => {
                    let _ = self.term.clear_chars(1);
                }
                Key::Char(c) if !c.is_control() => {
                    typed.push(c);
                    let _ = self.term.write_str(c.encode_utf8(&mut [0; 4]));
                }
                _ => {}
            }
        }
    }

    fn select(&self, choices: &[Choice], selected: usize) -> Result<usize, Stop> {
        let width = choices.iter().map(|c| c.id.width()).max().unwrap_or(0);
        // Each item must fit on one line of the terminal: the list is redrawn
        // by clearing as many lines as it has items, so an item the terminal
        // wrapped would leave a stale line behind. Meanings are cut to fit.
        let columns = usize::from(self.term.size().1);
        let room = columns.saturating_sub(width + 2 + ITEM_MARGIN);
        let items: Vec<String> = choices
            .iter()
            .map(|c| {
                let pad = width - c.id.width();
                format!(
                    "{}{}  {}",
                    c.id,
                    " ".repeat(pad),
                    style(fit(c.meaning, room)).dim()
                )
                .trim_end()
                .to_string()
            })
            .collect();
        let mut selected = selected.min(items.len().saturating_sub(1));
        loop {
            for (i, item) in items.iter().enumerate() {
                self.line(&draw(|f| {
                    self.theme.format_select_prompt_item(f, item, i == selected)
                }))?;
            }
            let key = self.key();
            let _ = self.term.clear_last_lines(items.len());
            match key? {
                Key::ArrowUp | Key::BackTab | Key::Char('k') => {
                    selected = (selected + items.len() - 1) % items.len();
                }
                Key::ArrowDown | Key::Tab | Key::Char('j') => {
                    selected = (selected + 1) % items.len()
                }
                Key::Home => selected = 0,
                Key::End => selected = items.len() - 1,
                Key::Enter | Key::Char(' ') => return Ok(selected),
                _ => {}
            }
        }
    }
}

/// Columns a list item's marker and indent take before its text.
const ITEM_MARGIN: usize = 4;

/// `text` cut to `room` display columns, ending in `…` when cut.
fn fit(text: &str, room: usize) -> String {
    if text.width() <= room {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w + 1 > room {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

impl Ask for Terminal {
    fn help(&mut self, text: &str) {
        let width = usize::from(self.term.size().1).clamp(40, 100);
        // Wrapped before styling, so escape codes do not count toward the width.
        for line in wrap(text, width, "  ", "  ").lines() {
            let _ = self
                .term
                .write_line(&format!("  {}", style(line.trim_start()).dim()));
        }
    }

    fn text(&mut self, prompt: &str, default: Option<&str>, check: Check) -> Result<String, Stop> {
        loop {
            let head = draw(|f| self.theme.format_input_prompt(f, prompt, default));
            self.term.write_str(&head).map_err(|_| Stop::EndOfInput)?;
            let typed = self.read_line();
            let _ = self.term.clear_line();
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
            match check(answer) {
                Ok(value) => {
                    self.line(&draw(|f| {
                        self.theme.format_input_prompt_selection(f, prompt, &value)
                    }))?;
                    return Ok(value);
                }
                Err(why) => self.line(&draw(|f| self.theme.format_error(f, &why)))?,
            }
        }
    }

    fn choose(&mut self, prompt: &str, choices: &[Choice], default: usize) -> Result<usize, Stop> {
        self.line(&draw(|f| self.theme.format_select_prompt(f, prompt)))?;
        let _ = self.term.hide_cursor();
        let picked = self.select(choices, default);
        // Shown again before anything else happens, whatever the outcome.
        let _ = self.term.show_cursor();
        let _ = self.term.clear_last_lines(1);
        match picked {
            Ok(i) => {
                let id = choices.get(i).map_or("", |c| c.id);
                self.line(&draw(|f| {
                    self.theme.format_select_prompt_selection(f, prompt, id)
                }))?;
                Ok(i)
            }
            Err(stop) => {
                self.line(&draw(|f| self.theme.format_select_prompt(f, prompt)))?;
                Err(stop)
            }
        }
    }

    fn confirm(&mut self, prompt: &str, default: bool) -> Result<bool, Stop> {
        let head = draw(|f| self.theme.format_confirm_prompt(f, prompt, Some(default)));
        self.term.write_str(&head).map_err(|_| Stop::EndOfInput)?;
        let answer = loop {
            match self.key() {
                Ok(Key::Char('y' | 'Y')) => break Ok(true),
                Ok(Key::Char('n' | 'N')) => break Ok(false),
                Ok(Key::Enter) => break Ok(default),
                Ok(_) => {}
                Err(stop) => break Err(stop),
            }
        };
        let _ = self.term.clear_line();
        match answer {
            Ok(yes) => {
                self.line(&draw(|f| {
                    self.theme
                        .format_confirm_prompt_selection(f, prompt, Some(yes))
                }))?;
                Ok(yes)
            }
            Err(stop) => {
                self.line(&head)?;
                Err(stop)
            }
        }
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
}
