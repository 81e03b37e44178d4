#!/usr/bin/env bash
# Whole-process timing of gtm on hostile input, as a user would time it:
# a 1 MiB unknown checklist id, a 1 MiB unknown key, 1 MiB of table headers, thirty levels of links
# with two links each, a rulebook with 600 extra checklist items, and 300
# profiles whose reader stops after one line. Needs hyperfine (Debian:
# apt-get install hyperfine). Prints a Markdown table of medians.
# Needs python3 too.
# Usage: scripts/bench-hostile.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile dist --locked --quiet
bin=$PWD/target/dist/gtm
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

base=profiles/tracewise.toml
python3 - "$base" "$dir" <<'PY'
import sys
base, out = open(sys.argv[1]).read(), sys.argv[2]
long = "x" * 1_000_000
open(f"{out}/long-id.toml", "w").write(base.replace("done = [", f'done = ["{long}", ', 1))
open(f"{out}/long-key.toml", "w").write(f"{long} = 1\n" + base)
headers = "".join(f"[a{i}.b.c.d.e.f]\n" for i in range(60_000))
open(f"{out}/headers.toml", "w").write(base + headers[: 1_000_000 - len(base)])
PY

mkdir -p "$dir/tangle/l30"
for i in $(seq 0 29); do
  mkdir -p "$dir/tangle/l$i"
  ln -s "$dir/tangle/l$((i + 1))" "$dir/tangle/l$i/a"
  ln -s "$dir/tangle/l$((i + 1))" "$dir/tangle/l$i/b"
done
cp "$base" "$dir/tangle/l30/gtm.toml"

"$bin" rules > "$dir/big-rules.toml"
for i in $(seq 1 600); do
  printf '\n[[checklist]]\nid = "extra-%s"\nsection = "assess"\nmotions = ["plg"]\ntext = "More."\nsource = { doc = "plg-2026", section = "Implementation checklist" }\n' "$i" >> "$dir/big-rules.toml"
done

mkdir -p "$dir/many"
for i in $(seq 1 300); do cp profiles/acme-analytics.toml "$dir/many/c$i.toml"; done

hyperfine -N --warmup 3 --runs 20 --ignore-failure --export-json "$dir/h.json" \
  -n "1 MiB unknown id in [checklist] done" "$bin recommend $dir/long-id.toml" \
  -n "1 MiB unknown key, check" "$bin check $dir/long-key.toml" \
  -n "30 levels of two links each, check" "$bin check $dir/tangle/l0" \
  -n "rulebook with 600 extra items, refused" "$bin check $base --rules $dir/big-rules.toml" \
  -n "1 MiB of nested table headers, check" "$bin check $dir/headers.toml" > /dev/null
hyperfine --warmup 1 --runs 10 --ignore-failure --export-json "$dir/p.json" \
  -n "300 profiles, check piped to head -1" "bash -c 'set -o pipefail; $bin check $dir/many | head -1'" > /dev/null
python3 - "$dir/h.json" "$dir/p.json" <<'PY'
import json, sys
print("| input | median | max |")
print("|---|---:|---:|")
for path in sys.argv[1:]:
    for r in json.load(open(path))["results"]:
        print(f"| {r['command']} | {r['median'] * 1000:.1f} ms | {max(r['times']) * 1000:.1f} ms |")
PY
