#!/usr/bin/env bash
# Times the rendering of every client's monthly PDF (issue 4 throughput) on an existing lake
# whose gold tables for the month are computed, through the production CLI (./quality report).
#   bench/reports.sh --lake bench/work/lake-100k --month 2026-01 [--threads N] [--limit N] [--out DIR]
#                    [--sign-keystore FILE --sign-alias A]   (password: QUALITY_SIGN_PASSWORD)
# Prints PDFs/second twice: for the whole command (JVM, Spark session, gold read, rendering) and
# for the rendering alone (as the command reports it), plus pages and bytes written.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lake="" month="" threads="$(nproc)" limit=0 out="$root/bench/work/reports-out" sign=()
while [ $# -gt 0 ]; do
  case "$1" in
    --lake) lake="$2"; shift 2 ;;
    --month) month="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --limit) limit="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --sign-keystore|--sign-alias) sign+=("$1" "$2"); shift 2 ;;
    -h|--help) sed -n '2,7p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1" >&2; exit 2 ;;
  esac
done
[ -n "$lake" ] && [ -n "$month" ] || { echo "usage: bench/reports.sh --lake <uri> --month yyyy-MM [--threads N] [--limit N]" >&2; exit 2; }

mkdir -p "$out"
rm -rf "${out:?}/$month"
log="$out/report-$month.log"
start=$(date +%s.%N)
"$root/quality" report --lake "$lake" --month "$month" --out "$out" --threads "$threads" \
  --limit "$limit" --progress-every 100 ${sign[@]+"${sign[@]}"} | tee "$log"
end=$(date +%s.%N)

manifest="$out/$month/manifest.csv"
pdfs=$(( $(wc -l < "$manifest") - 1 ))
pages=$(awk -F, 'NR > 1 { p += $3 } END { print p }' "$manifest")
bytes=$(du -cb "$out/$month"/*.pdf | tail -1 | cut -f1)
render_line=$(grep -o 'render [0-9.]* s ([0-9.]* PDFs/s)' "$log" | tail -1 || true)
awk -v s="$start" -v e="$end" -v n="$pdfs" -v p="$pages" -v b="$bytes" -v t="$threads" -v r="$render_line" 'BEGIN {
  w = e - s
  printf "bench/reports: %d PDFs (%d clients + overview), %d pages, %.1f MB, %d threads\n", n, n - 1, p, b / 1e6, t
  printf "bench/reports: whole command %.1f s = %.2f PDFs/s; %s\n", w, n / w, r
}'
