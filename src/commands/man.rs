//! `gtm man`: gtm(1) and one page per command (gtm-recommend(1), ...),
//! each with its options and its examples, printed or installed.

use std::path::Path;

use crate::exit::Status;
use clap_mangen::Man;
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};
use gtm_advisor::diagnostic::{echo, printable_path};

use super::outcome::{Outcome, write_error};
use super::write::{not_regular, write_atomically};

/// `gtm man`: one page on stdout (gtm(1), or one command's), or with
/// `--out DIR` every page written into DIR.
pub fn run(command: Option<&str>, out: Option<&Path>, force: bool) -> Outcome {
    let pages = pages();
    let Some(dir) = out else {
        let wanted = command.map_or_else(|| "gtm".to_string(), |c| format!("gtm-{c}"));
        return match pages.into_iter().find(|p| p.name == wanted) {
            Some(page) => Outcome::printed(page.roff),
            None => Outcome::failed(format!(
                "no command `{}`; `gtm --help` lists the commands",
                echo(command.unwrap_or_default())
            )),
        };
    };
    if let Err(e) = std::fs::create_dir_all(dir) {
        let e = anyhow::Error::new(e).context(format!("{}: cannot create", printable_path(dir)));
        return e.into();
    }
    let mut outcome = Outcome::default();
    let mut written = 0;
    for page in &pages {
        let path = dir.join(format!("{}.1", page.name));
        if let Some(e) = not_regular(&path).filter(|_| force) {
            outcome
                .errors
                .push(format!("{}: {e}", printable_path(&path)));
            continue;
        }
        match write_atomically(&path, &page.roff, force) {
            Ok(()) => written += 1,
            Err(e) => {
                let e = write_error(e, &path, "pass --force to replace it");
                outcome.errors.push(format!("{e:#}"));
            }
        }
    }
    if !outcome.errors.is_empty() {
        outcome.status = Status::Invalid;
    }
    outcome.notes.push(format!(
        "wrote {written} of {} man pages into {}; add it to MANPATH, or use a directory already there, then `man gtm`",
        pages.len(),
        printable_path(dir)
    ));
    outcome
}

/// One rendered page.
pub struct Page {
    /// Its name, e.g. `gtm-recommend` (the file is NAME.1).
    pub name: String,
    /// The roff source.
    pub roff: String,
}

/// gtm(1), then a page for each command, in the order `gtm --help` lists them.
pub fn pages() -> Vec<Page> {
    // `gtm help` has no page of its own: gtm(1) and `--help` cover it.
    let mut root = crate::cli::command().disable_help_subcommand(true);
    root.build();
    let version = root.get_version().unwrap_or_default().to_string();
    let version_str: &'static str = Box::leak(version.clone().into_boxed_str());
    let mut pages = vec![page(root.clone(), "gtm", &version, true)];
    for sub in root.get_subcommands() {
        // clap keeps names as 'static text; these few live until exit.
        let name: &'static str = Box::leak(format!("gtm-{}", sub.get_name()).into_boxed_str());
        let cmd = sub
            .clone()
            .name(name)
            .bin_name(format!("gtm {}", sub.get_name()))
            .version(version_str);
        pages.push(page(cmd, name, &version, false));
    }
    pages
}

/// The synopsis with every option's value named (`[--format FORMAT]`),
/// which clap_mangen's leaves out, and the positional arguments last.
fn synopsis(cmd: &clap::Command, name: &str) -> Roff {
    let mut parts: Vec<Inline> = vec![bold(name.replace("gtm-", "gtm "))];
    for arg in cmd.get_arguments().filter(|a| !a.is_hide_set()) {
        let value = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map(|v| v.to_string())
            .filter(|_| arg.get_action().takes_values());
        let flag = match (arg.get_short(), arg.get_long()) {
            (Some(short), Some(long)) => Some(format!("-{short}|--{long}")),
            (None, Some(long)) => Some(format!("--{long}")),
            (Some(short), None) => Some(format!("-{short}")),
            (None, None) => None,
        };
        let Some(flag) = flag else { continue };
        parts.push(roman(" ["));
        parts.push(bold(flag));
        if let Some(value) = value {
            parts.push(roman(" "));
            parts.push(italic(value));
        }
        parts.push(roman("]"));
    }
    for arg in cmd.get_positionals().filter(|a| !a.is_hide_set()) {
        let value = arg
            .get_value_names()
            .and_then(|names| names.first())
            .map_or_else(|| arg.get_id().to_string(), |v| v.to_string());
        let many = matches!(arg.get_num_args(), Some(r) if r.max_values() > 1);
        let (open, close) = if arg.is_required_set() {
            ("", "")
        } else {
            ("[", "]")
        };
        parts.push(roman(format!(" {open}")));
        parts.push(italic(value));
        parts.push(roman(format!("{}{close}", if many { "..." } else { "" })));
    }
    if cmd.has_subcommands() {
        parts.push(roman(" ["));
        parts.push(italic("COMMAND"));
        parts.push(roman("]"));
    }
    let mut roff = Roff::new();
    roff.control("SH", ["SYNOPSIS"]);
    roff.text(parts);
    roff
}

/// A page in the usual order: name, synopsis, description, options, the
/// commands (for gtm(1)), examples and notes kept as written (clap_mangen
/// would fill them into one paragraph), and the version.
fn page(cmd: clap::Command, name: &str, version: &str, root: bool) -> Page {
    let after = cmd
        .get_after_long_help()
        .or_else(|| cmd.get_after_help())
        .map(ToString::to_string);
    let man = Man::new(cmd.clone())
        .title(name.to_uppercase())
        .source(format!("gtm {version}"));
    let mut out = Vec::new();
    // Rendering into memory cannot fail.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    out.extend(synopsis(&cmd, name).to_roff().into_bytes());
    let _ = man.render_description_section(&mut out);
    let _ = man.render_options_section(&mut out);
    if root {
        let _ = man.render_subcommands_section(&mut out);
    }
    let mut roff = Roff::new();
    if let Some(text) = after {
        roff.control("SH", ["EXAMPLES"]);
        // No filling: each example stays on its own line, aligned.
        roff.control("nf", []);
        for line in text.lines().filter(|l| *l != "Examples:") {
            roff.text([roman(line)]);
        }
        roff.control("fi", []);
    }
    if !root {
        roff.control("SH", ["SEE ALSO"]);
        roff.text([roman("gtm(1)")]);
    }
    out.extend(roff.to_roff().into_bytes());
    let _ = man.render_version_section(&mut out);
    Page {
        name: name.to_string(),
        roff: String::from_utf8_lossy(&out).into_owned(),
    }
}
