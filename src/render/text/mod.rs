//! Text output for a terminal: comfy-table tables and wrapped paragraphs.
//!
//! Colour is only ever added outside tables, so table widths stay exact.

mod compare;
mod diff;
mod explain;
mod portfolio;
mod pql;
mod rules;
mod whatif;

pub use compare::compare;
pub use diff::diff;
pub use explain::explain;
pub use portfolio::{portfolio, write_portfolio};
pub use pql::pql;
pub use rules::rulebook_list;
pub use whatif::whatif;

use comfy_table::{ContentArrangement, Table, presets};

use super::prose::{factor_rows, profile_reasoning, progress, reading_line};
use super::wrap::{wrap, wrap_into};
use super::{TextOptions, percent};
use crate::diagnostic::printable;
use crate::engine::assess::{Assessment, Conflict};
use crate::engine::checklist::ChecklistEntry;
use crate::motion::Motion;
use crate::rulebook::Rulebook;

const BOLD: &str = "\x1b[1m";
const CYAN: &str = "\x1b[36m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

fn paint(text: &str, codes: &str, opts: &TextOptions) -> String {
    if opts.colour {
        format!("{codes}{text}{RESET}")
    } else {
        text.to_string()
    }
}

/// A table in the house style, fitted to the terminal's width.
pub(super) fn table(opts: &TextOptions, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED.with_rounded_corners())
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(opts.width)
        .set_header(header.to_vec());
    t
}

/// "Motion for NAME: MOTION" and the motion's sales role. The line starts
/// with the tool's words, not the name, so a name cannot start a line that a
/// CI runner reads as a command.
fn headline(a: &Assessment, rules: &Rulebook, opts: &TextOptions) -> String {
    let info = rules.motion(a.motion);
    let mut out = format!(
        "Motion for {}: {}\n{}",
        paint(&printable(&a.name), BOLD, opts),
        paint(&info.name, &format!("{BOLD}{CYAN}"), opts),
        wrap(&info.sales_role, opts.width.into(), "", "")
    );
    if let Some(stale) = super::prose::broken_expectation(a, rules) {
        out.push('\n');
        out.push_str(&wrap(&stale, opts.width.into(), "Not as expected: ", "  "));
    }
    out
}

/// The headline, the reasoning and the readings: what every text result
/// starts with.
fn top(a: &Assessment, rules: &Rulebook, opts: &TextOptions) -> String {
    let width = usize::from(opts.width);
    let mut out = headline(a, rules, opts);
    out.push_str("\n\n");
    wrap_into(
        &mut out,
        &profile_reasoning(a, rules).join(" "),
        width,
        "Why: ",
        "     ",
    );
    out.push('\n');
    let readings: Vec<String> = (0..3)
        .map(|i| {
            format!(
                "{} {}",
                a.decision.readings[i].reading,
                reading_line(&a.decision, i)
            )
        })
        .collect();
    out.push_str(&wrap(
        &readings.join("; "),
        width,
        "Readings: ",
        "          ",
    ));
    out.push_str("\n\n");
    out
}

/// A short result for one profile: the headline, the reasoning and the
/// readings, then one line counting what the full result lists, and where
/// to read it (`file`, when the profile has one).
pub fn brief(a: &Assessment, rules: &Rulebook, opts: &TextOptions, file: Option<&str>) -> String {
    let width = usize::from(opts.width);
    let mut out = top(a, rules, opts);
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let line = format!(
        "{}, {} where the documents disagree, {}; checklist {}.",
        count(a.conflicts().len(), "conflict", "conflicts"),
        count(a.notes.len(), "note", "notes"),
        count(a.findings.len(), "finding", "findings"),
        progress(a)
    );
    wrap_into(&mut out, &line, width, "", "");
    out.push('\n');
    if let Some(file) = file {
        let file = printable(file);
        wrap_into(
            &mut out,
            &format!(
                "The full result: gtm recommend {file}; the reasoning step by step: gtm explain {file}"
            ),
            width,
            "",
            "  ",
        );
        out.push('\n');
    }
    out
}

/// The full result for one profile: headline, reasoning, readings,
/// conflicts, notes, evidence, segments, findings and checklist.
pub fn assessment(a: &Assessment, rules: &Rulebook, opts: &TextOptions) -> String {
    let mut out = top(a, rules, opts);
    out.push_str(&evidence_table(a, opts, false));
    out.push_str(&conflicts(&a.decision.conflicts, opts));
    out.push_str(&notes(a, opts, false));
    out.push_str(&segments(a, rules, opts));
    out.push_str(&findings(a, opts));
    out.push_str(&format!(
        "{} for {}, {}\n",
        paint("Checklist", BOLD, opts),
        rules.motion(a.motion).name,
        progress(a)
    ));
    out.push_str(&checklist_list(&a.checklist, opts, true));
    out
}

/// The evidence table with its source legend; with `why`, each row says
/// what the answer means.
fn evidence_table(a: &Assessment, opts: &TextOptions, why: bool) -> String {
    let width = usize::from(opts.width);
    let mut sources = Sources::default();
    let mut t = if why {
        table(
            opts,
            &["Answer", "Value", "Decides", "What it says, and where from"],
        )
    } else {
        table(opts, &["Answer", "Value", "Decides", "Source"])
    };
    for (f, [label, value, reading, source]) in a.factors.iter().zip(factor_rows(a)) {
        let last = if why {
            format!("{}\n({})", f.message, sources.short(&source))
        } else {
            sources.short(&source)
        };
        t.add_row(vec![label, value, reading, last]);
    }
    let mut out = t.to_string();
    out.push('\n');
    out.push_str(&sources.legend(width));
    out.push('\n');
    for line in super::prose::unanswered(a, false) {
        wrap_into(&mut out, &line, width, "", "");
        out.push('\n');
    }
    out.push('\n');
    out
}

/// Where the documents disagree about this profile; nothing when they
/// agree. `brief` gives each note's one-line summary (for the decision at
/// the top of `explain`), otherwise its full message and a blank line after.
fn notes(a: &Assessment, opts: &TextOptions, brief: bool) -> String {
    let width = usize::from(opts.width);
    if a.notes.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "{} ({})\n",
        paint("Where the documents disagree", BOLD, opts),
        a.notes.len()
    );
    for n in &a.notes {
        let text = if brief { &n.summary } else { &n.message };
        wrap_into(
            &mut out,
            &format!("{}: {text}", n.id),
            width,
            "  * ",
            "    ",
        );
        out.push('\n');
    }
    if !brief {
        out.push('\n');
    }
    out
}

/// Numbers the documents cited in a table, so each cell names only the
/// table and a short reference, with the full titles listed once below.
#[derive(Default)]
struct Sources {
    titles: Vec<String>,
}

impl Sources {
    /// "Table — Document" becomes "Table [n]".
    fn short(&mut self, citation: &str) -> String {
        let Some((table, title)) = citation.rsplit_once(" — ") else {
            return citation.to_string();
        };
        let n = match self.titles.iter().position(|t| t == title) {
            Some(i) => i + 1,
            None => {
                self.titles.push(title.to_string());
                self.titles.len()
            }
        };
        format!("{table} [{n}]")
    }

    fn legend(&self, width: usize) -> String {
        let titles: Vec<String> = self
            .titles
            .iter()
            .enumerate()
            .map(|(i, t)| format!("[{}] {t}", i + 1))
            .collect();
        wrap(&titles.join("; "), width, "Sources: ", "         ")
    }
}

/// Segments, the motion mix and the hand-offs; nothing without segments.
fn segments(a: &Assessment, rules: &Rulebook, opts: &TextOptions) -> String {
    if a.segments.is_empty() {
        return String::new();
    }
    let width = usize::from(opts.width);
    let mut out = format!("{} ({})\n", paint("Segments", BOLD, opts), a.segments.len());
    let mut t = table(opts, &["Segment", "ACV", "Share", "Readings", "Motion"]);
    for s in &a.segments {
        t.add_row(vec![
            printable(&s.name).into_owned(),
            s.acv.to_string(),
            percent(s.share),
            s.decision
                .readings
                .iter()
                .map(|r| r.value)
                .collect::<Vec<_>>()
                .join(", "),
            s.decision.motion.id().to_string(),
        ]);
    }
    if a.remainder_share > 0.0 {
        t.add_row(vec![
            "(rest, company-wide answers)".to_string(),
            a.acv.to_string(),
            percent(a.remainder_share),
            a.decision
                .readings
                .iter()
                .map(|r| r.value)
                .collect::<Vec<_>>()
                .join(", "),
            a.decision.motion.id().to_string(),
        ]);
    }
    out.push_str(&t.to_string());
    out.push('\n');
    wrap_into(
        &mut out,
        &super::prose::mix_sentence(a, rules),
        width,
        "Motion mix: ",
        "  ",
    );
    out.push('\n');
    wrap_into(
        &mut out,
        &super::prose::headline_sentence(a, rules),
        width,
        "Headline: ",
        "  ",
    );
    out.push('\n');
    for s in a
        .segments
        .iter()
        .filter(|s| !s.decision.conflicts.is_empty())
    {
        for c in &s.decision.conflicts {
            wrap_into(
                &mut out,
                &format!("{} ({}): {}", printable(&s.name), c.id, c.message),
                width,
                "  ! ",
                "    ",
            );
            out.push('\n');
        }
    }
    for h in &a.handoffs {
        out.push_str(&format!(
            "Hand-off from {} to {}:\n",
            rules.motion(h.from).name,
            rules.motion(h.to).name
        ));
        for (id, text, _) in &h.triggers {
            wrap_into(&mut out, &format!("{text} ({id})"), width, "  - ", "    ");
            out.push('\n');
        }
    }
    out.push('\n');
    out
}

/// A bold yellow heading with a count, for lists that need attention.
fn warning_heading(label: &str, count: usize, opts: &TextOptions) -> String {
    format!(
        "{} ({count})\n",
        paint(label, &format!("{BOLD}{YELLOW}"), opts)
    )
}

/// Practices the documents warn about; nothing when there are none.
fn findings(a: &Assessment, opts: &TextOptions) -> String {
    let width = usize::from(opts.width);
    if a.findings.is_empty() {
        return String::new();
    }
    let mut out = warning_heading(
        "Findings in the profile's practices",
        a.findings.len(),
        opts,
    );
    // Said once, so `error[...]` reads as a verdict on the practice, not as
    // a failure of the tool.
    wrap_into(
        &mut out,
        "What the documents warn against, given this motion. An error fails gtm check, \
         a warning only with --deny warnings.",
        width,
        "  ",
        "  ",
    );
    out.push('\n');
    for f in &a.findings {
        out.push_str(&format!("  {}[{}]\n", f.level.id(), f.id));
        wrap_into(&mut out, &f.message, width, "    ", "    ");
        out.push('\n');
        wrap_into(&mut out, &f.fix, width, "    Fix: ", "         ");
        out.push('\n');
    }
    out.push('\n');
    out
}

fn conflicts(list: &[Conflict], opts: &TextOptions) -> String {
    let width = usize::from(opts.width);
    if list.is_empty() {
        let mut out = wrap(
            "Conflicts: none; no conflict the documents describe applies to these answers.",
            width,
            "",
            "",
        );
        out.push_str("\n\n");
        return out;
    }
    let mut out = warning_heading("Conflicts", list.len(), opts);
    for c in list {
        out.push_str(&format!("  ! {}\n", paint(&c.id, YELLOW, opts)));
        wrap_into(&mut out, &c.message, width, "    ", "    ");
        out.push('\n');
        wrap_into(&mut out, &c.advice, width, "    Advice: ", "            ");
        out.push('\n');
        wrap_into(&mut out, &c.source, width, "    Source: ", "            ");
        out.push('\n');
    }
    out.push('\n');
    out
}

/// Items grouped by section, each id on its own line with the text wrapped below.
fn checklist_list(items: &[ChecklistEntry], opts: &TextOptions, with_done: bool) -> String {
    let width = usize::from(opts.width);
    let mut out = String::new();
    let mut section = "";
    for item in items {
        if item.section != section {
            section = &item.section;
            out.push_str(&format!("  {section}\n"));
        }
        let mark = match (with_done, item.done) {
            (false, _) => "-",
            (true, true) => "[x]",
            (true, false) => "[ ]",
        };
        out.push_str(&format!("    {mark} {}\n", item.id));
        let indent = " ".repeat(5 + mark.len());
        wrap_into(&mut out, &item.text, width, &indent, &indent);
        out.push('\n');
    }
    out
}

/// The checklist of one motion, without progress.
pub fn checklist(
    motion: Motion,
    items: &[ChecklistEntry],
    rules: &Rulebook,
    opts: &TextOptions,
) -> String {
    format!(
        "{} for {} ({} items)\n{}",
        paint("Checklist", BOLD, opts),
        rules.motion(motion).name,
        items.len(),
        checklist_list(items, opts, false)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_is_used_only_when_asked_and_never_inside_tables() {
        let rules = Rulebook::default_rules();
        let src = "version = 1\nname = \"C\"\nacv = 3000\ntime_to_value = \"5m\"\nbuyer = \"team\"\ncompliance = \"regulated\"\nonboarding = \"self-serve\"\n";
        let profile = crate::profile::parse(src, "c.toml", &rules).unwrap();
        let a = crate::engine::assess::assess(&profile, &rules);
        let plain = assessment(
            &a,
            &rules,
            &TextOptions {
                width: 80,
                colour: false,
            },
        );
        assert!(!plain.contains('\x1b'));
        let coloured = assessment(
            &a,
            &rules,
            &TextOptions {
                width: 80,
                colour: true,
            },
        );
        assert!(coloured.contains(BOLD) && coloured.contains(YELLOW));
        for line in coloured.lines().filter(|l| l.starts_with('│')) {
            assert!(
                !line.contains('\x1b'),
                "escape codes inside a table: {line}"
            );
        }
    }
}
