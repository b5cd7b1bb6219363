#!/usr/bin/env bash
# Watch-run benchmark (issue 12: `watch` at 100k employees <= 20 s on this machine). For one scale:
# generates 3 months (2025-10 .. 2025-12, seed 7, clients = employees / 400) into
# bench/work/watch-<scale>/landing, ingests them once, then times in fresh JVMs (./quality's flags):
#   watch  `quality watch --lake … --as-of 2025-12-15T10:00 --out …` (twice; the second is reported)
#   floor  WatchFloor: the same pruned silver inputs opened and counted, no rule, no write
# and writes bench/results/<date>-watch-<scale>.json (wall seconds, ratio watch / floor, rows listed).
#   bench/watch.sh --scale 10k | 100k      [--reuse: keep the generated landing zone and lake]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scale=""; reuse=false
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --reuse) reuse=true; shift ;;
    *) echo "usage: bench/watch.sh --scale 10k|100k [--reuse]" >&2; exit 2 ;;
  esac
done
case "$scale" in 10k) n=10000 ;; 100k) n=100000 ;; 1m) n=1000000 ;; *) echo "scale: 10k | 100k | 1m" >&2; exit 2 ;; esac
export QUALITY_HEAP="${QUALITY_HEAP:-8g}"
work="bench/work/watch-$scale"
as_of="2025-12-15T10:00:00"
if ! $reuse || [ ! -d "$work/lake" ]; then
  rm -rf "$work"; mkdir -p "$work"
  ./quality generate --clients $((n / 400)) --employees "$n" --months 3 --start-month 2025-10 --seed 7 \
    --out "$work/landing" >"$work/generate.log" 2>&1
  ./quality ingest --landing "$work/landing" --lake "$work/lake" >"$work/ingest.log" 2>&1
fi
bench/java.sh --build
timed() {  # timed <name> <cmd...>: wall seconds of one JVM
  local name="$1"; shift
  local t0 t1; t0=$(date +%s.%N)
  "$@" >"$work/$name.log" 2>&1 || { tail -30 "$work/$name.log" >&2; exit 1; }
  t1=$(date +%s.%N); python3 -c "print(round($t1 - $t0, 2))"
}
timed watch-warmup ./quality watch --lake "$work/lake" --as-of "$as_of" --out "$work/out" >/dev/null
watch_s=$(timed watch ./quality watch --lake "$work/lake" --as-of "$as_of" --out "$work/out")
floor_s=$(timed floor bench/java.sh com.dispatch.quality.bench.WatchFloor "$work/lake" "$as_of")
listed=$(grep -E '^watch .* (OVERDUE|CRITICAL_90|WARN_75|WARN_50) ' "$work/watch.log" | awk '{s += $5} END {print s}')
inner=$(grep -E 'computed in' "$work/watch.log" || true)
mkdir -p bench/results
out="bench/results/$(date -u +%Y-%m-%d)-watch-$scale.json"
python3 - "$out" <<PY
import json, subprocess, sys
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
json.dump({"scale": "$scale", "employees": $n, "as_of": "$as_of", "commit": commit,
           "watch_wall_s": $watch_s, "floor_wall_s": $floor_s, "ratio_watch_to_floor": round($watch_s / $floor_s, 2),
           "rows_listed": int("${listed:-0}"), "inner": "$inner", "limit_s": 20,
           "load_average": open("/proc/loadavg").read().split()[:3]},
          open(sys.argv[1], "w"), indent=2)
print(open(sys.argv[1]).read())
PY
