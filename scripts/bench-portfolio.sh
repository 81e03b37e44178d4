#!/usr/bin/env bash
# Portfolio scale: wall time and peak memory of `gtm recommend DIR` on 1,000,
# 5,000 and 10,000 generated profiles, in each output format, and as JSON
# sorted by name (which scores every profile twice, see CONTRIBUTING.md, Speed).
# Needs GNU time (/usr/bin/time, Debian package `time`).
# Usage: scripts/bench-portfolio.sh [RUNS]   (best of RUNS, default 5)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
cargo build --profile dist --locked --quiet
bin=$PWD/target/dist/gtm
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

examples=(profiles/*.toml)
for n in 1000 5000 10000; do
  mkdir -p "$root/$n"
  for i in $(seq 1 "$n"); do
    src=${examples[$((i % ${#examples[@]}))]}
    sed "s/^name = \".*\"/name = \"Client $i\"/" "$src" > "$root/$n/client-$i.toml"
  done
done

echo "| profiles | format | wall (best of $runs) | peak memory |"
echo "|---:|---|---:|---:|"
for n in 1000 5000 10000; do
  for format in text csv json "json --sort name"; do
    best=""
    mem=""
    for _ in $(seq 1 "$runs"); do
      out=$( { /usr/bin/time -f "%e %M" "$bin" recommend "$root/$n" --format $format > /dev/null; } 2>&1 )
      t=${out% *}
      m=${out#* }
      if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; mem=$m; fi
    done
    echo "| $n | $format | ${best} s | $((mem / 1024)) MB |"
  done
done
