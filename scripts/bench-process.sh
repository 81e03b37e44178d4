#!/usr/bin/env bash
# Whole-process timing of `gtm recommend`: one profile, and 1,000 profiles in
# one call. Needs hyperfine (Debian: apt-get install hyperfine).
# Usage: scripts/bench-process.sh [N]   (N profiles for the portfolio run, default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
cargo build --release --locked --quiet
bin=target/release/gtm
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

# N variations of the example profiles: every file is distinct and valid.
examples=(profiles/*.toml)
for i in $(seq 1 "$n"); do
  src=${examples[$((i % ${#examples[@]}))]}
  sed "s/^name = \".*\"/name = \"Client $i\"/" "$src" > "$dir/client-$i.toml"
done
"$bin" recommend "$dir"/client-*.toml > /dev/null

files=$(printf "$dir/client-%s.toml " $(seq 1 "$n"))
hyperfine --warmup 5 --shell=none --style none --export-markdown "$dir/report.md" \
  -n "gtm recommend (1 profile, text)" "$bin recommend profiles/acme-analytics.toml" \
  -n "gtm recommend (1 profile, json)" "$bin recommend profiles/acme-analytics.toml --format json" \
  -n "gtm recommend ($n profiles, text)" "$bin recommend $files" \
  -n "gtm recommend ($n profiles, json)" "$bin recommend $files --format json" > /dev/null
cat "$dir/report.md"
