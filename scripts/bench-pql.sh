#!/usr/bin/env bash
# gtm pql beside DuckDB on the same generated events: wall time and peak
# memory of `gtm pql PROFILE EVENTS --format json` and of DuckDB running the
# query `gtm pql PROFILE --sql duckdb` prints, on one CSV file, each run
# three times (the median is shown); then checks the two answers agree
# account by account.
# Needs GNU time (/usr/bin/time, Debian package `time`) and python3 with
# duckdb (pip install duckdb).
# Usage: scripts/bench-pql.sh [EVENTS] [ACCOUNTS]   (default: 5000000 20000)
set -euo pipefail
cd "$(dirname "$0")/.."
events=${1:-5000000}
accounts=${2:-20000}
cargo build --profile dist --locked --quiet
cargo build --release --locked --quiet --example gen_events
bin=$PWD/target/dist/gtm
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
profile=examples/crewbook.toml

target/release/examples/gen_events --events "$events" --accounts "$accounts" --seed 1 > "$root/events.csv"
"$bin" pql "$profile" --sql duckdb > "$root/query.sql"
cat > "$root/duck.py" <<'PY'
import duckdb, json, sys
con = duckdb.connect()
con.execute("SET TimeZone = 'UTC'")
con.execute("CREATE VIEW events AS SELECT * FROM read_csv('%s')" % sys.argv[1])
cur = con.execute(open(sys.argv[2]).read())
names = [d[0] for d in cur.description]
json.dump([dict(zip(names, r)) for r in cur.fetchall()], open(sys.argv[3], "w"))
PY

measure() { # label, then the command; prints a table row: label, median wall, its peak
  local label=$1; shift
  for _ in 1 2 3; do
    /usr/bin/time -o "$root/time" -f "%e %M" "$@" > /dev/null
    tail -1 "$root/time"
  done | sort -n | sed -n 2p | { read -r wall kb; printf '| %s | %s s | %s MB |\n' "$label" "$wall" "$(( kb / 1024 ))"; }
}

size=$(( $(stat -c %s "$root/events.csv") / 1000000 ))
echo "$events events over $accounts accounts, $size MB of CSV; $(nproc) cores"
echo
echo "| run | wall (median of 3) | peak memory |"
echo "|---|---:|---:|"
measure "gtm pql (reads the file twice: no --as-of)" "$bin" pql "$profile" "$root/events.csv" --format json
measure "gtm pql --as-of (reads it once)" "$bin" pql "$profile" "$root/events.csv" --format json --as-of 2026-11-30T23:59:59Z
measure "DuckDB running gtm pql --sql duckdb" python3 "$root/duck.py" "$root/events.csv" "$root/query.sql" "$root/duck.json"

"$bin" pql "$profile" "$root/events.csv" --format json > "$root/native.json"
python3 - "$root/native.json" "$root/duck.json" <<'PY'
import json, sys
from datetime import datetime
native, duck = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
ids = ["account-based", "team-usage", "active-users", "usage-limit", "intent", "enterprise-need", "engaged-free"]
def ms(text):
    return round(datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)
rows = []
for a in native["accounts"]:
    held = {t["id"]: ms(t["first_held"]) for t in a["triggers"]}
    row = {k: a[k] for k in ("account", "domain", "activated", "users", "events", "who_acts")}
    row["triggers"] = ",".join(t["id"] for t in a["triggers"])
    for i in ids:
        row[i.replace("-", "_") + "_at"] = held.get(i)
    rows.append(row)
same = len(rows) == len(duck) and all(r == d for r, d in zip(rows, duck))
print()
print(f"{len(rows)} accounts fired; the native run and DuckDB agree account by account: {'yes' if same else 'NO'}")
sys.exit(0 if same else 1)
PY
