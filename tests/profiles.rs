//! The shipped example profiles give the motions their documents assign them.

mod common;

use common::{gtm, text};
use serde_json::Value;

fn motion_of(file: &str) -> String {
    let out = gtm()
        .args(["recommend", file, "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{file}: {}", text(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["motion"].as_str().unwrap().to_string()
}

#[test]
fn the_documents_plg_examples_are_product_led() {
    for name in ["slack", "notion", "figma", "calendly"] {
        let motion = motion_of(&format!("profiles/{name}.toml"));
        assert!(
            ["self-serve", "plg"].contains(&motion.as_str()),
            "{name}: {motion}"
        );
    }
}

#[test]
fn the_documents_sales_led_examples_are_sales_led() {
    for name in ["salesforce", "workday", "snowflake", "servicenow"] {
        let motion = motion_of(&format!("profiles/{name}.toml"));
        assert!(
            ["sales-led", "enterprise"].contains(&motion.as_str()),
            "{name}: {motion}"
        );
    }
}

#[test]
fn every_example_meets_its_expectation_and_every_motion_has_one() {
    let mut motions = Vec::new();
    for entry in std::fs::read_dir("profiles").unwrap() {
        let path = entry.unwrap().path();
        let src = std::fs::read_to_string(&path).unwrap();
        let expected = src
            .lines()
            .skip_while(|l| *l != "[expect]")
            .find_map(|l| l.strip_prefix("motion = \""))
            .map(|m| m.trim_end_matches('"').to_string())
            .unwrap_or_else(|| panic!("{} has no [expect] motion", path.display()));
        let got = motion_of(path.to_str().unwrap());
        assert_eq!(got, expected, "{}", path.display());
        motions.push(got);
    }
    for m in ["self-serve", "plg", "hybrid", "sales-led", "enterprise"] {
        assert!(
            motions.iter().any(|g| g == m),
            "no example profile gives {m}"
        );
    }
}

#[test]
fn the_conflict_examples_show_conflicts() {
    for (name, id) in [
        ("vaultnote", "review-before-trial-at-low-acv"),
        ("modelforge", "self-serve-product-at-high-acv"),
    ] {
        let out = gtm()
            .args([
                "recommend",
                &format!("profiles/{name}.toml"),
                "--format",
                "json",
            ])
            .output()
            .unwrap();
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        let ids: Vec<&str> = v["conflicts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&id), "{name}: {ids:?}");
    }
}
