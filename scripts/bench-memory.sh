#!/usr/bin/env bash
# Peak memory and wall time of every portfolio output on 10,000 and 100,000
# generated profiles in a directory: recommend (text, CSV, JSON, Markdown),
# check (every format) and report (HTML, Markdown). Memory should stay flat
# as the count grows: each streams, holding a chunk of profiles at a time.
# Needs GNU time (/usr/bin/time, Debian package `time`) and python3.
# Usage: scripts/bench-memory.sh [COUNTS...]   (default: 10000 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
counts=("${@:-10000 100000}")
read -r -a counts <<< "${counts[*]}"
cargo build --profile dist --locked --quiet
bin=$PWD/target/dist/gtm
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

python3 - "$root" "${counts[@]}" <<'PY'
import glob, os, re, sys
root, counts = sys.argv[1], [int(n) for n in sys.argv[2:]]
examples = [open(f).read() for f in sorted(glob.glob("profiles/*.toml"))]
for n in counts:
    d = os.path.join(root, str(n))
    os.makedirs(d)
    for i in range(n):
        text = re.sub(r'^name = ".*"', f'name = "Client {i}"', examples[i % len(examples)], count=1, flags=re.M)
        with open(os.path.join(d, f"client-{i:06d}.toml"), "w") as f:
            f.write(text)
PY

run() { # label, then the command; prints "label | wall | peak"
  local label=$1; shift
  local out
  /usr/bin/time -o "$root/time" -f "%e %M" "$@" > /dev/null 2>&1 || true
  out=$(tail -1 "$root/time")
  printf '%s|%s s|%s MB\n' "$label" "${out% *}" "$(( ${out#* } / 1024 ))"
}

for n in "${counts[@]}"; do
  dir=$root/$n
  for f in text csv json markdown; do run "recommend --format $f" "$bin" recommend "$dir" --format "$f"; done
  for f in text json github junit gitlab; do run "check --format $f" "$bin" check "$dir" --format "$f"; done
  for ext in html md; do run "report --out r.$ext" "$bin" report "$dir" --force --out "$root/r.$ext"; done
done > "$root/results"

python3 - "$root/results" "${counts[@]}" <<'PY'
import sys
lines = [l.rstrip("\n").split("|") for l in open(sys.argv[1])]
counts = sys.argv[2:]
per = len(lines) // len(counts)
head = "| command | " + " | ".join(f"{int(n):,} profiles" for n in counts) + " |"
print(head)
print("|---|" + "---:|" * len(counts))
for i in range(per):
    cells = [f"{lines[k * per + i][1]}, {lines[k * per + i][2]}" for k in range(len(counts))]
    print(f"| `gtm {lines[i][0]}` | " + " | ".join(cells) + " |")
PY
