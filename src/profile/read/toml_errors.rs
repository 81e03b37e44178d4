//! Problems the TOML parser found, said so a person can fix them: which
//! key is set twice and where it was first set, where nesting goes too deep.

use crate::diagnostic::{Location, Problem};

/// The problem for text the TOML parser refused, in the parser's words
/// except where those leave out what a person needs to fix it: which key is
/// set twice and where it was first set, and where nesting goes too deep
/// (the parser gives no position for that).
pub(super) fn toml_problem(src: &str, message: &str, start: Option<usize>) -> Problem {
    const FORMAT_HELP: &str =
        "see the profile format in docs/profile.md, or run `gtm init` for a starter profile";
    if message == "duplicate key" {
        if let Some(problem) = start.and_then(|at| duplicate_key(src, at)) {
            return problem;
        }
    }
    if message.contains("recursion") || message.contains("recurse") {
        let at = start.map_or_else(
            || Location {
                line: deepest_line(src),
                column: 1,
            },
            |at| Location::of(src, at),
        );
        return Problem::at(
            at,
            "",
            "this is not valid TOML for a profile: keys, tables or arrays are nested too deeply",
        )
        .with_help("a profile needs at most two levels of tables, as in `[segments.signals]`, and arrays of plain values");
    }
    Problem::at(
        Location::of(src, start.unwrap_or(0)),
        "",
        format!("this is not valid TOML: {message}"),
    )
    .with_help(FORMAT_HELP)
}

/// The key (or table header) set a second time at byte `at`, with the line
/// where it was first set. Tables are told apart by their header's line, so
/// each `[[segments]]` is its own table.
pub(super) fn duplicate_key(src: &str, at: usize) -> Option<Problem> {
    let rest = src.get(at..)?;
    let key: String = match rest.chars().next()? {
        q @ ('"' | '\'') => {
            let end = rest[1..].find(q)? + 1;
            rest[1..end].to_string()
        }
        _ => rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-'))
            .collect(),
    };
    if key.is_empty() {
        return None;
    }
    let here = Location::of(src, at);
    let lines: Vec<&str> = src.lines().take(here.line).collect();
    let header = |line: &str| {
        let t = line.trim();
        (t.starts_with('[') && !t.starts_with("[[")).then(|| {
            t.trim_start_matches('[')
                .split(']')
                .next()
                .unwrap_or_default()
                .split('.')
                .map(str::trim)
                .collect::<Vec<_>>()
                .join(".")
        })
    };
    let shown = crate::diagnostic::printable(&key).into_owned();
    let this_line = lines.get(here.line - 1)?;
    if let Some(table) = header(this_line) {
        let first = lines[..here.line - 1]
            .iter()
            .position(|l| header(l).as_deref() == Some(&table))?;
        return Some(
            Problem::at(
                here,
                "",
                format!(
                    "the table [{}] appears twice: first on line {}, again here",
                    crate::diagnostic::echo(&table),
                    first + 1
                ),
            )
            .with_help(format!(
                "put all of [{}]'s keys under its first header and delete this one",
                crate::diagnostic::echo(&table)
            )),
        );
    }
    // The table this key is in starts after the last header above it.
    let table_start = lines[..here.line - 1]
        .iter()
        .rposition(|l| l.trim_start().starts_with('['))
        .map_or(0, |i| i + 1);
    let defines = |line: &str| {
        let t = line.trim_start();
        let t = t.strip_prefix(['"', '\'']).map_or(t, |unquoted| unquoted);
        t.strip_prefix(key.as_str()).is_some_and(|after| {
            after
                .trim_start_matches(['"', '\'', ' ', '\t'])
                .starts_with(['=', '.'])
        })
    };
    let first = (table_start..here.line - 1).find(|&i| defines(lines[i]))?;
    Some(
        Problem::at(
            here,
            &shown,
            format!("set twice: first on line {}, again here", first + 1),
        )
        .with_help(
            "a key can be set once in each table; keep the value you mean and delete the other",
        ),
    )
}

/// The line with the most nesting marks (`.`, `[`, `{`), where a
/// too-deeply-nested value most likely is.
pub(super) fn deepest_line(src: &str) -> usize {
    src.lines()
        .enumerate()
        .max_by_key(|(i, l)| (l.matches(['.', '[', '{']).count(), std::cmp::Reverse(*i)))
        .map_or(1, |(i, _)| i + 1)
}
