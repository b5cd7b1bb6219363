#!/usr/bin/env bash
# Benchmark harness (issue 6). For one scale, in one run:
#   1. generates 13 months with the project's generator (seed 7, clients = employees / 400) into
#      bench/work/<scale>/staging and lays out landing zones per month from its files;
#   2. times, each in its own JVM like the real commands (./quality's flags, driver heap
#      QUALITY_HEAP, default 8g): ingest of months 1-12 (history), ingest of month 13 (the
#      monthly increment), metrics of month 13 with 12 months in the lake, ingest + metrics of
#      month 1 alone in an empty lake, ingest of months 1-3 + metrics of month 3, reports of
#      month 13 for all clients; at 10k and 100k also `quality run --no-reports` of months 1-6's
#      files with metrics of month 6 (issue 10's "six months' ingest + one month of metrics");
#   3. times the peers side by side: Spark alone reading month 13's CSV files and writing plain
#      Parquet (and months 1-6's, the floor of that run), and DuckDB computing settlement_quality
#      of month 13 from the CSVs;
#   4. records wall time, max RSS, input rows/s per stage, the ratios, the files each metrics
#      run scanned (ScanReport), and whether DuckDB's counts equal gold's; writes
#      bench/results/<date>-<scale>.json and regenerates the table in docs/performance.md.
#
#   bench/run.sh --scale 10k            (10k | 100k | 1m; --all runs the three)
#   bench/run.sh --scale 10k --reuse    (keep generated data from an earlier run)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

scales=()
reuse=false
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scales+=("$2"); shift 2 ;;
    --all) scales=(10k 100k 1m); shift ;;
    --reuse) reuse=true; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ ${#scales[@]} -gt 0 ] || { echo "usage: bench/run.sh --scale 10k|100k|1m [--all] [--reuse]" >&2; exit 2; }

export QUALITY_HEAP="${QUALITY_HEAP:-8g}"
seed=7
months=13

echo "bench: building (jar + test classes) ..." >&2
mvn -q -B package -DskipTests >&2
bench/java.sh --build

# run_stage <name> <dir> <cmd...>: wall seconds and max RSS of one JVM, logged per stage. A
# failed stage is recorded as failed and the run goes on (the JSON says which stages failed).
run_stage() {
  local name="$1" dir="$2"; shift 2
  local t0 t1
  echo "bench: [$name] $*" >&2
  t0=$(date +%s.%N)
  if ! /usr/bin/time -f "%M" -o "$dir/$name.rss" "$@" >"$dir/$name.log" 2>&1; then
    echo "bench: stage $name failed; last lines of $dir/$name.log:" >&2
    tail -40 "$dir/$name.log" >&2
    echo "failed" >"$dir/$name.status"
    return 1
  fi
  t1=$(date +%s.%N)
  echo "ok" >"$dir/$name.status"
  python3 -c "print(round($t1 - $t0, 3))" >"$dir/$name.wall"
  echo "bench: [$name] $(cat "$dir/$name.wall") s, max RSS $(( $(tail -1 "$dir/$name.rss") / 1024 )) MB" >&2
}

# CSV records under a directory (physical lines minus one header per file; quoted newlines
# make this a slight over-count, identical for the pipeline and its peers).
count_rows() {
  find "$1" -name '*.csv' -print0 | xargs -0 -r awk 'FNR > 1 { n++ } END { print n + 0 }'
}

for scale in "${scales[@]}"; do
  case "$scale" in
    10k) employees=10000 ;;
    100k) employees=100000 ;;
    1m) employees=1000000 ;;
    *) echo "unknown scale $scale (10k, 100k, 1m)" >&2; exit 2 ;;
  esac
  clients=$((employees / 400))
  w="$root/bench/work/$scale"
  t="$w/timing"
  if ! $reuse || [ ! -f "$w/staging/.complete" ]; then
    rm -rf "$w"
    mkdir -p "$w/timing"
    run_stage generate "$t" ./quality generate --employees "$employees" --clients "$clients" \
      --months "$months" --seed "$seed" --out "$w/staging"
    touch "$w/staging/.complete"
  else
    rm -rf "$w/landing" "$w/landing-m1" "$w/landing-m3" "$w/landing-m6" "$w/incr" "$w/lake" "$w/lake-m1" "$w/lake-m3" \
      "$w/lake-m6" "$w/out" "$w/floor" "$w/floor-m6" "$w"/*.json "$w"/*.jsonl
    mkdir -p "$t"; find "$t" -type f ! -name 'generate.*' -delete
  fi

  # Landing zones from the generator's files: a file belongs to the month named in its path
  # (yyyy-MM); files without a month (reference data) go into every landing zone.
  python3 bench/layout.py "$w/staging" "$w" >"$w/layout.json"
  m1="$(python3 -c "import json,sys; print(json.load(open('$w/layout.json'))['first_month'])")"
  m3="$(python3 -c "import json,sys; print(json.load(open('$w/layout.json'))['third_month'])")"
  m13="$(python3 -c "import json,sys; print(json.load(open('$w/layout.json'))['last_month'])")"
  m6="$(python3 -c "import json,sys; print(json.load(open('$w/layout.json'))['sixth_month'])")"
  # as_of three months after the month: every generated fact has happened, nothing is pending.
  as_of() { python3 -c "import sys; y, m = map(int, sys.argv[1].split('-')); m += 3; y += (m - 1) // 12; m = (m - 1) % 12 + 1; print(f'{y:04d}-{m:02d}-01T00:00:00+08:00')" "$1"; }
  rows_hist=$(count_rows "$w/landing")
  rows_m13=$(count_rows "$w/incr")
  rows_m1=$(count_rows "$w/landing-m1")
  rows_m3=$(count_rows "$w/landing-m3")
  rows_m6=$(count_rows "$w/landing-m6")

  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  run_stage ingest_history "$t" ./quality ingest --landing "$w/landing" --lake "$w/lake" || true
  cp -al "$w/incr/." "$w/landing/"
  scan_opts="-Dspark.sql.queryExecutionListeners=com.dispatch.quality.bench.ScanReport"
  QUALITY_JAVA_OPTS="$scan_opts -Dbench.scanReport=$w/scan-ingest-month.jsonl" \
    run_stage ingest_month "$t" bench/java.sh com.dispatch.quality.cli.QualityCli ingest --landing "$w/landing" --lake "$w/lake" || true
  QUALITY_JAVA_OPTS="$scan_opts -Dbench.scanReport=$w/scan-m13.jsonl" \
    run_stage metrics_m13 "$t" bench/java.sh com.dispatch.quality.cli.QualityCli metrics --lake "$w/lake" --month "$m13" --as-of "$(as_of "$m13")" || true
  run_stage ingest_m1 "$t" ./quality ingest --landing "$w/landing-m1" --lake "$w/lake-m1" || true
  QUALITY_JAVA_OPTS="$scan_opts -Dbench.scanReport=$w/scan-m1.jsonl" \
    run_stage metrics_m1 "$t" bench/java.sh com.dispatch.quality.cli.QualityCli metrics --lake "$w/lake-m1" --month "$m1" --as-of "$(as_of "$m1")" || true
  # Month 3 with two months before it: like month 13 it has a whole previous month (the scorecard's
  # M-1) and more of its quarter, but 10 months less history. m13 / m3 isolates growth with history.
  run_stage ingest_m3 "$t" ./quality ingest --landing "$w/landing-m3" --lake "$w/lake-m3" || true
  QUALITY_JAVA_OPTS="$scan_opts -Dbench.scanReport=$w/scan-m3.jsonl" \
    run_stage metrics_m3 "$t" bench/java.sh com.dispatch.quality.cli.QualityCli metrics --lake "$w/lake-m3" --month "$m3" --as-of "$(as_of "$m3")" || true
  run_stage report "$t" ./quality report --lake "$w/lake" --month "$m13" --out "$w/out" || true
  run_stage floor_parquet "$t" bench/java.sh com.dispatch.quality.bench.CsvToParquetFloor "$w/incr" "$w/floor" || true
  run_stage duckdb "$t" bench/java.sh com.dispatch.quality.bench.DuckDbSettlementQuality \
    "$w/landing" "$m13" "$w/duckdb-settlement-quality.json" "$w/incr/settlement/**/*.csv" || true
  if [ "$scale" != 1m ]; then
    run_stage run_m6 "$t" ./quality run --landing "$w/landing-m6" --lake "$w/lake-m6" --month "$m6" \
      --as-of "$(as_of "$m6")" --no-reports || true
    run_stage floor_m6 "$t" bench/java.sh com.dispatch.quality.bench.CsvToParquetFloor "$w/landing-m6" "$w/floor-m6" || true
  fi
  load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
  bench/java.sh com.dispatch.quality.bench.GoldReference "$w/lake" "$w/gold-m13.json" "$m13" >"$t/gold_reference.log" 2>&1 || true

  pdfs=$( (find "$w/out" -name '*.pdf' 2>/dev/null || true) | wc -l)
  python3 bench/results.py --scale "$scale" --employees "$employees" --clients "$clients" --work "$w" \
    --month1 "$m1" --month13 "$m13" --rows-history "$rows_hist" --rows-month "$rows_m13" --rows-m1 "$rows_m1" --rows-m3 "$rows_m3" --rows-m6 "$rows_m6" --month3 "$m3" \
    --pdfs "$pdfs" --heap "$QUALITY_HEAP" --load-before "$load_before" --load-after "$load_after"
done
python3 bench/results.py --render-docs
