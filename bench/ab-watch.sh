#!/usr/bin/env bash
# A/B of `quality watch` on one lake in one run: A_ARGS / B_ARGS add CLI arguments to one side
# (e.g. B_ARGS="--conf spark.quality.smallInputBytes=0"), alternating A and B for N rounds in fresh
# JVMs so that load hits both alike; saves bench/results/<date>-<HHMM>-ab-watch.json (wall and CPU
# seconds of every run, medians, and the "computed in" line) and checks both sides list the same rows.
#   bench/ab-watch.sh <lake> <as_of> [rounds=2]      e.g. bench/work/watch-100k/lake 2025-12-15T10:00:00
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lake="$1"; as_of="$2"; rounds="${3:-2}"
work="$root/bench/work/ab-watch"; rm -rf "$work"; mkdir -p "$work" "$root/bench/results"
: >"$work/rows.txt"
# shellcheck source=bench/ab-lib.sh
. "$root/bench/ab-lib.sh"
side() {  # side <A|B> <round> <dir> <args...>: one watch run
  local d="$3"; shift 3
  /usr/bin/time -f "%U %S" -o "$d/time" "$root/quality" watch --lake "$lake" --as-of "$as_of" --out "$d/out" "$@" \
    >"$d/log" 2>&1 || { tail -20 "$d/log" >&2; exit 1; }
}
side_done() {
  local d="$3" digest
  digest=$(find "$d/out" -name digest.csv | head -1)
  echo "$1 $2 $AB_WALL $(awk '{print $1 + $2}' "$d/time") $(sort "$digest" | sha256sum | cut -c1-16) $(grep -o 'computed in [0-9.]* s' "$d/log" | awk '{print $3}')" \
    | tee -a "$work/rows.txt"
}
ab_each "$rounds" side
out="$root/bench/results/$(date -u +%F-%H%M)-ab-watch.json"
python3 - "$work/rows.txt" "$out" "$lake" "$as_of" <<'PY'
import json, os, statistics, sys
rows = [dict(zip(["side", "round", "wall_s", "cpu_s", "digest_sha", "computed_s"], l.split())) for l in open(sys.argv[1])]
res = {"lake": sys.argv[3], "as_of": sys.argv[4], "A_ARGS": os.environ.get("A_ARGS", ""), "B_ARGS": os.environ.get("B_ARGS", ""),
       "load": open("/proc/loadavg").read().split()[:3], "runs": rows,
       "same_rows": len({r["digest_sha"] for r in rows}) == 1}
for side in "AB":
    res[side] = {k: statistics.median(float(r[k]) for r in rows if r["side"] == side) for k in ("wall_s", "cpu_s", "computed_s")}
json.dump(res, open(sys.argv[2], "w"), indent=1)
print(json.dumps({k: res[k] for k in ("A", "B", "same_rows", "load")}))
PY
echo "saved $out"
