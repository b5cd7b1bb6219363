#!/usr/bin/env bash
# BI-reader check (issue 6, item 3): builds a lake from data-samples/ with the README's run
# command, exports Spark's view of every gold table (GoldReference), then opens every gold table
# with delta-rs and DuckDB (delta extension from PyPI, offline) in pytest and compares.
#   .ci/bi.sh                     # BI_LAKE_SOURCE=auto: the real run once `run` is built, else a fixture lake
#   BI_LAKE_SOURCE=fixture .ci/bi.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
venv="$root/.venv-bi"
if [ ! -x "$venv/bin/pytest" ] || ! cmp -s bench/bi/requirements.txt "$venv/.requirements"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check -r bench/bi/requirements.txt
  cp bench/bi/requirements.txt "$venv/.requirements"
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
source="${BI_LAKE_SOURCE:-auto}"
if [ "$source" = auto ]; then
  # Until the run command lands the lake comes from the fixture writer (same Delta writer).
  if grep -q "not built yet" pipelines/src/main/java/com/dispatch/quality/cli/RunCommand.java; then
    source=fixture
  else
    source=run
  fi
fi
echo "bi: lake from $source" >&2
if [ "$source" = run ]; then
  ./quality run --landing data-samples --lake "$tmp/lake" --out "$tmp/out" >"$tmp/run.log" 2>&1 \
    || { tail -50 "$tmp/run.log"; exit 1; }
else
  bench/java.sh com.dispatch.quality.bench.BiFixtureLake "$tmp/lake" >"$tmp/run.log" 2>&1 \
    || { tail -50 "$tmp/run.log"; exit 1; }
fi
bench/java.sh com.dispatch.quality.bench.GoldReference "$tmp/lake" "$tmp/gold-reference.json" >"$tmp/ref.log" 2>&1 \
  || { tail -50 "$tmp/ref.log"; exit 1; }
# gold/sla_watchlist (issue 12): watch runs one hour before three breached deadlines of the samples'
# ground truth (a wage line, a case rule, a roster rule; distinct days, as a run replaces its day),
# so the warning-effectiveness query has warned breaches to find.
as_ofs="$(python3 - data-samples/_ground_truth/sla_breaches.csv <<'PY'
import csv, datetime, sys
picked, days = [], set()
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
for group in (("WAGE_ON_TIME",), ("COMPLAINT_PLAN_2WD", "INJURY_PLAN_24H", "DISPUTE_PLAN_24H"), ("INSURANCE_30D", "CONTRACT_BY_START")):
    for r in sorted(rows, key=lambda r: r["deadline_at"]):
        at = datetime.datetime.fromisoformat(r["deadline_at"]) - datetime.timedelta(hours=1)
        if r["rule"] in group and at.date() not in days:
            days.add(at.date()); picked.append(at.isoformat()); break
print(" ".join(picked))
PY
)"
[ -n "$as_ofs" ] || { echo "bi: no breached deadline to watch before" >&2; exit 1; }
for as_of in $as_ofs; do
  ./quality watch --lake "$tmp/lake" --as-of "$as_of" --out "$tmp/out" >>"$tmp/watch.log" 2>&1 \
    || { tail -50 "$tmp/watch.log"; exit 1; }
done
echo "bi: watch runs as of $as_ofs" >&2
bench/java.sh com.dispatch.quality.bench.WatchlistReference "$tmp/lake" "$tmp/watchlist-reference.json" \
  >"$tmp/wref.log" 2>&1 || { tail -50 "$tmp/wref.log"; exit 1; }
BI_LAKE="$tmp/lake" BI_REFERENCE="$tmp/gold-reference.json" BI_WATCHLIST_REFERENCE="$tmp/watchlist-reference.json" \
  "$venv/bin/pytest" -q bench/bi
