//! The layout keeps data flowing one way (CONTRIBUTING.md, "Layout"): each layer of
//! the library imports only the layers below it. Read from the source, not
//! run: a test module inside a file may use anything, so everything from
//! the first `#[cfg(test)]` on is left out.

use std::path::Path;

/// Every `crate::NAME` a file's code (before its tests) names.
fn layers_named(file: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(file).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap();
    let mut named: Vec<String> = code
        .match_indices("crate::")
        .map(|(i, _)| {
            code[i + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect()
        })
        .collect();
    named.sort();
    named.dedup();
    named
}

/// The `.rs` files of a layer: a folder, and its `NAME.rs` beside it if any.
fn files_of(layer: &str) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![Path::new("src").join(layer)];
    let beside = Path::new("src").join(format!("{layer}.rs"));
    if beside.exists() {
        files.push(beside);
    }
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                files.push(path);
            }
        }
    }
    assert!(!files.is_empty(), "no files for layer {layer}");
    files
}

#[test]
fn each_layer_imports_only_the_layers_below_it() {
    // What each layer may use besides itself, bottom to top.
    let allowed: &[(&str, &[&str])] = &[
        ("diagnostic", &[]),
        ("motion", &["diagnostic"]),
        ("profile", &["diagnostic", "motion"]),
        (
            "rulebook",
            &["diagnostic", "motion", "profile", "builtin_rulebook"],
        ),
        ("engine", &["diagnostic", "motion", "profile", "rulebook"]),
        // The signal system reads events against the profile's criteria;
        // it never decides a motion (the command passes it one).
        ("signals", &["diagnostic", "motion", "profile"]),
        // The interview produces a profile: it never calls the engine.
        ("interview", &["diagnostic", "motion", "profile", "render"]),
        (
            "render",
            &[
                "diagnostic",
                "motion",
                "profile",
                "rulebook",
                "engine",
                "signals",
                "spool",
            ],
        ),
    ];
    let mut wrong = Vec::new();
    for (layer, may) in allowed {
        for file in files_of(layer) {
            for named in layers_named(&file) {
                if named != *layer && !may.contains(&named.as_str()) {
                    wrong.push(format!("{} uses crate::{named}", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the data flow:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn renderers_judge_nothing() {
    // The gate's verdict is the engine's; a renderer shows it.
    for file in files_of("render") {
        let text = std::fs::read_to_string(&file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap();
        for call in ["judge(", "decide(", "decide_profile(", "assess("] {
            assert!(
                !code.contains(call),
                "{} calls {call}: renderers only render",
                file.display()
            );
        }
    }
}
