#!/usr/bin/env bash
# Side-by-side monthly ingest of two builds on the same lake (for a change measured after the
# three-scale table was taken). Both builds ingest month 13 into identical copies of one lake
# that already holds months 1-12, one after the other in the same run, so the ratio is
# meaningful on a noisy machine.
#
#   bench/ab-ingest.sh <repo A> <repo B> <scale>     e.g. bench/ab-ingest.sh /tmp/old . 1m
#
# Each repo must be a checkout of this project; its ./quality builds its own jar. The landing
# zones come from bench/run.sh's layout of <repo B>/bench/work/<scale> (run that first, or
# --reuse its generated data). Prints and saves bench/results/<date>-<scale>-ab-ingest.json.
set -euo pipefail
[ $# -eq 3 ] || { sed -n '2,11p' "$0"; exit 2; }
a="$(cd "$1" && pwd)"; b="$(cd "$2" && pwd)"; scale="$3"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
w="$b/bench/work/$scale"
[ -d "$w/staging" ] || { echo "no generated data in $w/staging: run bench/run.sh --scale $scale first" >&2; exit 2; }
export QUALITY_HEAP="${QUALITY_HEAP:-8g}"
ab="$w/ab"
rm -rf "$ab"; mkdir -p "$ab"
python3 "$root/bench/layout.py" "$w/staging" "$ab" >"$ab/layout.json"

wall() { # wall <log> <cmd...>: prints the wall seconds of one command
  local t0 t1; t0=$(date +%s.%N)
  "${@:2}" >"$1" 2>&1 || { echo "failed: ${*:2}; see $1" >&2; tail -20 "$1" >&2; exit 1; }
  t1=$(date +%s.%N); python3 -c "print(round($t1 - $t0, 1))"
}

echo "ab: building both jars ..." >&2
(cd "$a" && ./quality --version >/dev/null) && (cd "$b" && ./quality --version >/dev/null)
echo "ab: months 1-12 into one lake with B ..." >&2
hist=$(wall "$ab/history.log" "$b/quality" ingest --landing "$ab/landing" --lake "$ab/lake")
cp -al "$ab/incr/." "$ab/landing/"
cp -a "$ab/lake" "$ab/lake-a"; mv "$ab/lake" "$ab/lake-b"
echo "ab: month 13, A then B ..." >&2
ta=$(wall "$ab/month-a.log" "$a/quality" ingest --landing "$ab/landing" --lake "$ab/lake-a")
tb=$(wall "$ab/month-b.log" "$b/quality" ingest --landing "$ab/landing" --lake "$ab/lake-b")
ca="$(git -C "$a" rev-parse --short HEAD)"; cb="$(git -C "$b" rev-parse --short HEAD)"
mkdir -p "$root/bench/results"
out="$root/bench/results/$(date +%F)-$scale-ab-ingest.json"
python3 - "$out" "$scale" "$ca" "$cb" "$hist" "$ta" "$tb" <<'EOF'
import json, sys
out, scale, ca, cb, hist, ta, tb = sys.argv[1:]
r = {"scale": scale, "history_ingest_seconds_B": float(hist),
     "month13_ingest_seconds": {"A " + ca: float(ta), "B " + cb: float(tb)},
     "B_vs_A": round(float(tb) / float(ta), 2)}
print(json.dumps(r))
json.dump(r, open(out, "w"), indent=1)
print("saved", out)
EOF
