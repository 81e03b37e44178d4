//! Hostile-size inputs: profiles of 128 KiB, 256 KiB, 512 KiB and just under
//! the 1 MiB limit, in the shapes that once made reading slow (thousands of
//! unknown keys, tables, segments, ids in a list). Each is read and checked
//! as `gtm recommend` does; time should grow in step with size.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use gtm_advisor::{Rulebook, profile};
use std::hint::black_box;
use std::time::Duration;

const CORE: &str = "version = 1\nname = \"Big\"\nacv = 12000\ntime_to_value = \"1 day\"\nbuyer = \"team\"\ncompliance = \"none\"\nonboarding = \"guided\"\n";

/// `prefix`, then `unit(0)`, `unit(1)`... while the whole (with `suffix`)
/// stays within `size` bytes.
fn fill(prefix: &str, unit: impl Fn(usize) -> String, size: usize, suffix: &str) -> String {
    let mut out = String::from(prefix);
    for i in 0.. {
        let next = unit(i);
        if out.len() + next.len() + suffix.len() > size {
            break;
        }
        out.push_str(&next);
    }
    out + suffix
}

fn shapes(size: usize) -> Vec<(&'static str, String)> {
    vec![
        (
            "unknown-keys",
            fill(CORE, |i| format!("k{i} = 1\n"), size, ""),
        ),
        ("tables", fill(CORE, |i| format!("[t{i}]\n"), size, "")),
        (
            "segments",
            fill(
                CORE,
                |i| format!("[[segments]]\nname = \"S{i}\"\nacv = 1000\nshare = 0.0001\n"),
                size,
                "",
            ),
        ),
        (
            "checklist-ids",
            fill(
                &format!("{CORE}[checklist]\ndone = ["),
                |i| format!("\"id-{i}\", "),
                size,
                "]\n",
            ),
        ),
        (
            "comments",
            fill(CORE, |_| format!("# {}\n", "x".repeat(70)), size, ""),
        ),
    ]
}

fn bench(c: &mut Criterion) {
    let rules = Rulebook::default_rules();
    let mut group = c.benchmark_group("read_large_profile");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(2));
    for kib in [128, 256, 512, 1024] {
        for (shape, text) in shapes(kib * 1024) {
            assert!(text.len() <= profile::MAX_PROFILE_BYTES);
            group.bench_with_input(
                BenchmarkId::new(shape, format!("{kib}KiB")),
                &text,
                |b, t| b.iter(|| black_box(profile::parse(black_box(t), "big.toml", &rules))),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
