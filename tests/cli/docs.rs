//! The docs stay true: every `console` block in README.md, CONTRIBUTING.md
//! and docs/ is run as written and its output compared, and the annotated
//! profile in docs/profile.md is held to the JSON Schema.
//!
//! A `console` block is a list of `$ COMMAND` lines, each followed by what
//! it prints (stdout and stderr, as a terminal shows them). Each block runs
//! in a scratch directory holding a copy of `profiles/`, `examples/` and
//! `tests/fixtures/`, its commands one after another (so `gtm init x.toml`
//! then `gtm recommend x.toml` works), by `sh` with this build's `gtm` first
//! on PATH, no `COLUMNS`, no colour. Every command must exit 0 as `sh` runs
//! it: an example that shows a failure says so (`|| echo "exit status $?"`).
//! In the expected output, a line `...` (indented or not) stands for any
//! number of lines.
//! Blocks in other languages (`sh` for set-up, `text` for a transcript of
//! the interview, which needs a terminal) are not run.
//!
//! After a change to what the tool prints, `GTM_BLESS=1 cargo test --test
//! cli docs::` writes the new output into every example that has no `...`
//! line and whose command still exits 0; read the diff before committing.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::support::text;

/// The Markdown files whose examples are run.
fn documents() -> Vec<String> {
    let mut files = vec!["README.md".to_string(), "CONTRIBUTING.md".to_string()];
    let mut docs: Vec<String> = std::fs::read_dir("docs")
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .filter(|p| p.ends_with(".md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// One command of a `console` block and the lines it should print.
struct Example {
    line: usize,
    command: String,
    expected: Vec<String>,
}

/// The `console` blocks of `markdown`, each a list of examples.
fn console_blocks(markdown: &str) -> Vec<Vec<Example>> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<Example>> = None;
    for (i, line) in markdown.lines().enumerate() {
        let fence = line.trim_start().starts_with("```");
        match &mut current {
            None if fence && line.trim_start().trim_start_matches('`') == "console" => {
                current = Some(Vec::new());
            }
            None => {}
            Some(_) if fence => blocks.push(current.take().unwrap()),
            Some(examples) => match line.strip_prefix("$ ") {
                Some(command) => examples.push(Example {
                    line: i + 1,
                    command: command.to_string(),
                    expected: Vec::new(),
                }),
                None => {
                    let last = examples
                        .last_mut()
                        .unwrap_or_else(|| panic!("line {}: output before any `$ ` line", i + 1));
                    last.expected.push(line.to_string());
                }
            },
        }
    }
    assert!(current.is_none(), "a console block is not closed");
    blocks
}

/// Whether `actual` matches `expected`, where a line `...` in `expected`
/// matches any number of lines. Trailing spaces do not count.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.trim() == "..." => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(a, more)| a.trim_end() == first.trim_end() && matches(rest, more)),
    }
}

/// Copies the files the examples read into `dir`.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for from in ["profiles", "tests/fixtures", "examples"] {
        let to = dir.path().join(from);
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(from).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
    dir
}

/// Runs `command` with `sh` in `dir`: exit status and what it printed.
fn shell(dir: &Path, command: &str) -> (i32, String) {
    let gtm = assert_cmd::cargo::cargo_bin!("gtm");
    let path = format!(
        "{}:{}",
        gtm.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!("exec 2>&1\n{command}"))
        .current_dir(dir)
        .env("PATH", path)
        .env_remove("COLUMNS")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("TERM")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    (out.status.code().unwrap_or(-1), text(&out.stdout))
}

#[test]
fn every_console_example_in_the_docs_prints_what_it_shows() {
    let bless = std::env::var_os("GTM_BLESS").is_some();
    let mut ran = 0;
    let mut wrong = Vec::new();
    for file in documents() {
        let markdown = std::fs::read_to_string(&file).unwrap();
        let mut blessed: Vec<(usize, usize, Vec<String>)> = Vec::new();
        for block in console_blocks(&markdown) {
            let dir = scratch();
            for example in block {
                let (status, printed) = shell(dir.path(), &example.command);
                let lines: Vec<&str> = printed.lines().collect();
                ran += 1;
                let wildcard = example.expected.iter().any(|l| l.trim() == "...");
                if bless && status == 0 && !wildcard && !matches(&example.expected, &lines) {
                    let new = lines.iter().map(|l| l.trim_end().to_string()).collect();
                    blessed.push((example.line, example.expected.len(), new));
                    continue;
                }
                if status != 0 || !matches(&example.expected, &lines) {
                    wrong.push(format!(
                        "{file}:{}: `{}` (exit {status}) printed:\n{printed}\nexpected:\n{}\n",
                        example.line,
                        example.command,
                        example.expected.join("\n")
                    ));
                }
            }
        }
        if !blessed.is_empty() {
            let mut all: Vec<String> = markdown.lines().map(str::to_string).collect();
            // From the bottom up, so earlier line numbers stay right.
            for (line, old, new) in blessed.into_iter().rev() {
                all.splice(line..line + old, new);
            }
            std::fs::write(&file, all.join("\n") + "\n").unwrap();
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(
        ran >= 10,
        "only {ran} examples found: are the blocks marked `console`?"
    );
}

#[test]
fn the_matcher_takes_dots_for_any_lines_and_nothing_else() {
    let expected = |lines: &[&str]| lines.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    assert!(matches(
        &expected(&["a", "...", "d"]),
        &["a", "b", "c", "d"]
    ));
    assert!(matches(&expected(&["a", "...", "b"]), &["a", "b"]));
    assert!(!matches(&expected(&["a", "...", "d"]), &["a", "b", "c"]));
    assert!(!matches(&expected(&["a", "b"]), &["a", "b", "c"]));
    assert!(!matches(&expected(&["a", "x"]), &["a", "b"]));
}

/// Every key name in a JSON Schema's `properties`, as dotted paths
/// (`signals.viral_loops`; array items add nothing).
fn schema_keys(schema: &Value, prefix: &str, into: &mut Vec<String>) {
    if let Some(properties) = schema.get("properties").and_then(Value::as_object) {
        for (key, sub) in properties {
            let path = format!("{prefix}{key}");
            into.push(path.clone());
            schema_keys(sub, &format!("{path}."), into);
        }
    }
    if let Some(items) = schema.get("items") {
        schema_keys(items, prefix, into);
    }
}

#[test]
fn the_profile_reference_shows_every_key_the_schema_knows_and_is_valid() {
    let doc = std::fs::read_to_string("docs/profile.md").unwrap();
    let mut blocks = doc
        .split("```toml\n")
        .skip(1)
        .map(|b| b.split("```").next().unwrap());
    let annotated = blocks
        .next()
        .expect("docs/profile.md has an annotated profile");
    let segments = blocks.next().expect("docs/profile.md shows segments");
    let profile = format!("{annotated}\n{segments}");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("annotated.toml");
    std::fs::write(&file, &profile).unwrap();
    let out = crate::support::gtm()
        .args(["recommend", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));

    let out = crate::support::gtm().arg("schema").output().unwrap();
    let schema: Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut keys = Vec::new();
    schema_keys(&schema, "", &mut keys);
    assert!(keys.len() > 30, "{keys:?}");
    let shown: toml::Table = profile.parse().unwrap();
    let mut in_doc = Vec::new();
    collect_toml_keys(&toml::Value::Table(shown), "", &mut in_doc);
    // A segment's `[segments.signals]` takes the same keys as `[signals]`,
    // which the annotated profile shows once.
    let shown = |k: &String| {
        in_doc.contains(k)
            || k.strip_prefix("segments.")
                .is_some_and(|k| k.starts_with("signals.") && in_doc.iter().any(|d| d == k))
    };
    let missing: Vec<&String> = keys.iter().filter(|k| !shown(k)).collect();
    let unknown: Vec<&String> = in_doc.iter().filter(|k| !keys.contains(k)).collect();
    assert!(
        missing.is_empty() && unknown.is_empty(),
        "docs/profile.md and `gtm schema` differ: not shown {missing:?}; not in the schema {unknown:?}"
    );
}

fn collect_toml_keys(value: &toml::Value, prefix: &str, into: &mut Vec<String>) {
    match value {
        toml::Value::Table(table) => {
            for (key, sub) in table {
                let path = format!("{prefix}{key}");
                if !into.contains(&path) {
                    into.push(path.clone());
                }
                collect_toml_keys(sub, &format!("{path}."), into);
            }
        }
        toml::Value::Array(items) => {
            for item in items {
                if item.is_table() {
                    collect_toml_keys(item, prefix, into);
                }
            }
        }
        _ => {}
    }
}

/// The anchor GitHub gives a heading: lower case, punctuation other than
/// `-` and `_` dropped, spaces made hyphens.
fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The anchors of the headings of `markdown`, outside code blocks.
fn anchors(markdown: &str) -> Vec<String> {
    let mut fenced = false;
    let mut found = Vec::new();
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        } else if !fenced && line.starts_with('#') {
            found.push(anchor(line.trim_start_matches('#')));
        }
    }
    found
}

#[test]
fn every_link_between_the_docs_reaches_a_file_and_a_heading() {
    let mut broken = Vec::new();
    for file in documents() {
        let markdown = std::fs::read_to_string(&file).unwrap();
        let dir = Path::new(&file).parent().unwrap();
        for (i, line) in markdown.lines().enumerate() {
            for part in line.split("](").skip(1) {
                let Some(target) = part.split(')').next() else {
                    continue;
                };
                if target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
                let linked = if path.is_empty() {
                    Path::new(&file).to_path_buf()
                } else {
                    dir.join(path)
                };
                let Ok(text) = std::fs::read_to_string(&linked) else {
                    broken.push(format!("{file}:{}: {target}: no such file", i + 1));
                    continue;
                };
                if !fragment.is_empty() && !anchors(&text).iter().any(|a| a == fragment) {
                    broken.push(format!("{file}:{}: {target}: no such heading", i + 1));
                }
            }
        }
    }
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

/// Every file under `dir`, recursively.
fn files_under(dir: &Path, into: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, into);
        } else if path.extension().is_some_and(|x| x == "rs") {
            into.push(path);
        }
    }
}

#[test]
fn every_test_the_reliability_page_names_exists() {
    let page = std::fs::read_to_string("docs/reliability.md").unwrap();
    let mut sources = Vec::new();
    files_under(Path::new("tests"), &mut sources);
    files_under(Path::new("src"), &mut sources);
    let code: String = sources
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    let named: Vec<&str> = page
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|w| {
            w.matches('_').count() >= 3 && w.chars().all(|c| c.is_ascii_lowercase() || c == '_')
        })
        .collect();
    assert!(named.len() >= 10, "{named:?}");
    for test in named {
        assert!(
            code.contains(&format!("fn {test}()")),
            "docs/reliability.md names `{test}`, which no test defines"
        );
    }
}
