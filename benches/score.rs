//! Parse + score of one profile, the work `gtm recommend` does per file;
//! loading the built-in rulebook; and a portfolio's rows.

use criterion::{Criterion, criterion_group, criterion_main};
use gtm_advisor::{Rulebook, assess, profile};
use std::hint::black_box;

const PROFILE: &str = include_str!("../profiles/acme-analytics.toml");

fn bench(c: &mut Criterion) {
    let rules = Rulebook::default_rules();
    c.bench_function("parse_and_score_one_profile", |b| {
        b.iter(|| {
            let p = profile::parse(black_box(PROFILE), "acme.toml", &rules).expect("valid profile");
            black_box(assess(&p, &rules))
        })
    });
    c.bench_function("load_default_rulebook", |b| {
        b.iter(|| black_box(Rulebook::default_rules()))
    });

    // A portfolio's work without the disk: 1,000 distinct profile texts, each
    // parsed, scored and reduced to its table row, on all cores as `gtm
    // recommend DIR` does.
    let texts: Vec<String> = (0..1000)
        .map(|i| PROFILE.replace("Acme Analytics", &format!("Client {i}")))
        .collect();
    c.bench_function("portfolio_of_1000_profiles", |b| {
        b.iter(|| {
            use rayon::prelude::*;
            let rows: Vec<_> = texts
                .par_iter()
                .map(|t| {
                    let p = profile::parse(t, "client.toml", &rules).expect("valid profile");
                    let s = gtm_advisor::engine::assess::summarize(&p, &rules);
                    gtm_advisor::render::Row::summary("client.toml", &p, &s)
                })
                .collect();
            black_box(rows)
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
