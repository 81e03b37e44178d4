#!/usr/bin/env bash
# Whole-process timing of `gtm recommend`: one profile against a hello-world
# Rust binary built with the same optimisations as the dist profile,
# and 1,000 profiles in one call. Needs hyperfine (Debian: apt-get install
# hyperfine) and python3 to print the ratio.
# Usage: scripts/bench-process.sh [N]   (N profiles for the portfolio run, default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
cargo build --profile dist --locked --quiet
bin=target/dist/gtm
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# The yardstick: hello world, same edition and the same optimisations as
# gtm's dist profile.
mkdir -p "$dir/hello/src"
cat > "$dir/hello/Cargo.toml" <<'TOML'
[package]
name = "hello"
version = "0.1.0"
edition = "2024"

[profile.release]
lto = true
codegen-units = 1
strip = true
panic = "abort"
TOML
echo 'fn main() { println!("Hello, world!"); }' > "$dir/hello/src/main.rs"
cargo build --quiet --release --manifest-path "$dir/hello/Cargo.toml" --target-dir "$dir/hello/target"
hello=$dir/hello/target/release/hello

# N variations of the example profiles: every file is distinct and valid.
examples=(profiles/*.toml)
for i in $(seq 1 "$n"); do
  src=${examples[$((i % ${#examples[@]}))]}
  sed "s/^name = \".*\"/name = \"Client $i\"/" "$src" > "$dir/client-$i.toml"
done
"$bin" recommend "$dir"/client-*.toml > /dev/null

hyperfine -N --warmup 100 --runs 1000 --export-json "$dir/one.json" \
  -n "hello world" "$hello" \
  -n "gtm recommend (1 profile, text)" "$bin recommend profiles/acme-analytics.toml" > /dev/null
python3 - "$dir/one.json" <<'PY'
import json, sys
hello, gtm = json.load(open(sys.argv[1]))["results"]
print("| command | median | min |")
print("|---|---:|---:|")
for r in (hello, gtm):
    print(f"| {r['command']} | {r['median'] * 1000:.2f} ms | {r['min'] * 1000:.2f} ms |")
print(f"| ratio | {gtm['median'] / hello['median']:.2f}x | {gtm['min'] / hello['min']:.2f}x |")
PY

files=$(printf "$dir/client-%s.toml " $(seq 1 "$n"))
hyperfine --warmup 3 --shell=none --style none --export-markdown "$dir/report.md" \
  -n "gtm recommend ($n profiles, text)" "$bin recommend $files" \
  -n "gtm recommend ($n profiles, json)" "$bin recommend $files --format json" > /dev/null
cat "$dir/report.md"
