//! Parse + score of one profile, the work `gtm recommend` does per file.

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
}

criterion_group!(benches, bench);
criterion_main!(benches);
