#!/usr/bin/env bash
# A/B of `quality metrics` of one month on copies of one lake, in one run: A_ARGS / B_ARGS add CLI
# arguments to one side (e.g. B_ARGS="--conf spark.quality.smallInputBytes=100000000000"),
# alternating A and B for N rounds in fresh JVMs (./quality's flags, QUALITY_HEAP, default 8g) so
# that load hits both alike. Each side writes into its own hard-linked copy of the lake (Delta
# never rewrites a file in place, so the copies cost no disk), and the two sides' gold is compared
# row by row at the end (GoldCompare). Saves bench/results/<date>-<HHMM>-ab-metrics.json: wall
# and CPU seconds of every run, medians, the per-phase line, and the gold comparison.
#   bench/ab-metrics.sh <lake> <yyyy-MM> <as_of> [rounds=1]
#   e.g. bench/ab-metrics.sh bench/work/1m/lake 2026-07 2026-10-01T00:00:00+08:00
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lake="$(cd "$1" && pwd)"; month="$2"; as_of="$3"; rounds="${4:-1}"
export QUALITY_HEAP="${QUALITY_HEAP:-8g}"
work="$root/bench/work/ab-metrics"; rm -rf "$work"; mkdir -p "$work" "$root/bench/results"
cp -al "$lake" "$work/lake-A"; cp -al "$lake" "$work/lake-B"
: >"$work/rows.txt"
# shellcheck source=bench/ab-lib.sh
. "$root/bench/ab-lib.sh"
side() {  # side <A|B> <round> <dir> <args...>: one metrics run on the side's own lake copy
  local lake_copy="$work/lake-$1" d="$3"; shift 3
  /usr/bin/time -f "%U %S" -o "$d/time" "$root/quality" metrics --lake "$lake_copy" --month "$month" \
    --as-of "$as_of" "$@" >"$d/log" 2>&1 || { tail -20 "$d/log" >&2; exit 1; }
}
side_done() {
  local d="$3"
  echo "$1|$2|$AB_WALL|$(awk '{print $1 + $2}' "$d/time")|$(grep -m1 '^metrics: input' "$d/log")|$(grep -m1 '^metrics of ' "$d/log")" \
    | tee -a "$work/rows.txt"
}
ab_each "$rounds" side
gold=$("$root/bench/java.sh" com.dispatch.quality.bench.GoldCompare "$work/lake-A" "$work/lake-B" 2>&1 | grep -v WARN | tail -14 || true)
echo "$gold"
out="$root/bench/results/$(date -u +%F-%H%M)-ab-metrics.json"
python3 - "$work/rows.txt" "$out" "$lake" "$month" "$as_of" "$gold" <<'PY'
import json, os, statistics, sys
rows = [dict(zip(["side", "round", "wall_s", "cpu_s", "settings", "phase"], l.rstrip("\n").split("|"))) for l in open(sys.argv[1])]
res = {"lake": sys.argv[3], "month": sys.argv[4], "as_of": sys.argv[5], "A_ARGS": os.environ.get("A_ARGS", ""),
       "B_ARGS": os.environ.get("B_ARGS", ""), "load": open("/proc/loadavg").read().split()[:3], "runs": rows,
       "gold_compare": sys.argv[6], "gold_identical": "gold identical" in sys.argv[6]}
for side in "AB":
    res[side] = {k: statistics.median(float(r[k]) for r in rows if r["side"] == side) for k in ("wall_s", "cpu_s")}
json.dump(res, open(sys.argv[2], "w"), indent=1, ensure_ascii=False)
print(json.dumps({k: res[k] for k in ("A", "B", "gold_identical", "load")}))
PY
echo "saved $out"
