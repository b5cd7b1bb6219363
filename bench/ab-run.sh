#!/usr/bin/env bash
# A/B of the README's monthly job on the same data, in one run: `./quality run` of a landing zone
# by two checkouts (e.g. a worktree of the commit before a change, and this one), alternating A
# and B for N rounds so that load on the machine hits both alike. Each run gets a fresh lake, the
# same --as-of, and Spark's event log; the script prints and saves (bench/results/<date>-ab-run.json)
# wall time, CPU time, peak RSS, Spark jobs/stages/tasks (event log), and the per-phase Spark jobs
# and Delta commits the CLI prints; then compares the gold tables of the last A and B lakes row by row.
#   bench/ab-run.sh /work/base . [rounds=2] [landing=data-samples] [-- extra run args, e.g. --no-reports]
# A_ARGS / B_ARGS add arguments to one side only, so one checkout can be compared with itself under
# two settings, e.g. B_ARGS="--conf spark.sql.adaptive.enabled=false" bench/ab-run.sh . .
# A_JAVA_OPTS / B_JAVA_OPTS do the same for JVM options (QUALITY_JAVA_OPTS of that side's runs).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
a="$(cd "$1" && pwd)"; b="$(cd "$2" && pwd)"; shift 2
rounds="${1:-2}"; [ $# -gt 0 ] && shift
landing="$(cd "${1:-$here/data-samples}" && pwd)"; [ $# -gt 0 ] && shift
[ "${1:-}" = "--" ] && shift
extra=("$@")
asof="2026-12-01T21:50:32.548284Z"
work="$here/bench/work/ab-run"; rm -rf "$work"; mkdir -p "$work" "$here/bench/results"
summary="$here/../shared/tools/eventlog-summary.py"; [ -f "$summary" ] || summary=/work/shared/tools/eventlog-summary.py
for r in $(seq 1 "$rounds"); do
  for side in A B; do
    repo=$a; side_args=${A_ARGS:-}; side_opts=${A_JAVA_OPTS:-}
    [ $side = B ] && { repo=$b; side_args=${B_ARGS:-}; side_opts=${B_JAVA_OPTS:-}; }
    d="$work/$side-$r"; mkdir -p "$d/ev"
    (cd "$repo" && ./quality --help >/dev/null 2>&1 || true)   # builds the jar outside the timing
    s=$(date +%s.%N)
    (cd "$repo" && QUALITY_JAVA_OPTS="$side_opts -Dspark.eventLog.enabled=true -Dspark.eventLog.dir=file://$d/ev" \
      /usr/bin/time -f "%U %S %M" -o "$d/time" ./quality run --landing "$landing" --lake "$d/lake" --out "$d/out" \
      --as-of "$asof" "${extra[@]}" $side_args > "$d/log" 2>&1)
    e=$(date +%s.%N)
    python3 - "$side" "$r" "$s" "$e" "$d" "$repo" "$summary" >> "$work/rows.jsonl" <<'PY'
import json, os, re, subprocess, sys
side, r, s, e, d, repo, summary = sys.argv[1:]
u, sy, rss = open(f"{d}/time").read().split()[-3:]
ev = json.loads(subprocess.run(["python3", summary, "--json", f"{d}/ev"], capture_output=True, text=True).stdout)
log = open(f"{d}/log").read()
phases = {m.group(1): m.group(2) for m in re.finditer(r"^(ingest|metrics of [^:]+): (.*)$", log, re.M)}
commit = subprocess.run(["git", "-C", repo, "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
print(json.dumps({"side": side, "args": os.environ.get(side + "_ARGS", ""), "java_opts": os.environ.get(side + "_JAVA_OPTS", ""), "round": int(r), "commit": commit, "wall_s": round(float(e) - float(s), 1),
                  "cpu_s": round(float(u) + float(sy), 1), "peak_rss_mb": int(rss) // 1024,
                  "jobs": ev.get("jobs"), "stages": ev.get("stages"), "tasks": ev.get("tasks"), "phases": phases}))
PY
    tail -1 "$work/rows.jsonl"
  done
done
gold=$("$here/bench/java.sh" com.dispatch.quality.bench.GoldCompare "$work/A-$rounds/lake" "$work/B-$rounds/lake" 2>&1 | grep -v WARN | tail -20 || true)
echo "$gold"
out="$here/bench/results/$(date +%F-%H%M)-ab-run.json"
python3 - "$work/rows.jsonl" "$gold" "$landing" "$out" "$(uptime)" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
res = {"landing": sys.argv[3], "gold_compare": sys.argv[2], "load": sys.argv[5].split("load average:")[-1].strip(), "runs": rows}
for side in "AB":
    w = [x["wall_s"] for x in rows if x["side"] == side]; c = [x["cpu_s"] for x in rows if x["side"] == side]
    res[side] = {"commit": next(x["commit"] for x in rows if x["side"] == side),
                 "args": next(x["args"] for x in rows if x["side"] == side),
                 "java_opts": next(x.get("java_opts", "") for x in rows if x["side"] == side), "wall_median_s": statistics.median(w),
                 "cpu_median_s": statistics.median(c)}
res["B/A wall"] = round(res["B"]["wall_median_s"] / res["A"]["wall_median_s"], 2)
json.dump(res, open(sys.argv[4], "w"), indent=1, ensure_ascii=False)
print(json.dumps({k: res[k] for k in ("A", "B", "B/A wall", "gold_compare", "load")}, ensure_ascii=False))
PY
echo "saved $out"
