#!/usr/bin/env bash
# Signed against unsigned report throughput (issue 13: "2,500 signed PDFs at 1M still render at
# >= the PDFs/s that the speed issue reaches"). For one scale: generates one month (2025-07, seed
# 7, clients = employees / 400) into bench/work/signed-<scale>/, ingests it and computes its
# metrics once, makes a throw-away PKCS#12 key with keytool (password only in this process's
# environment), then renders every client's PDF through bench/reports.sh, unsigned and signed,
# alternating for --rounds rounds on the same lake, and writes bench/results/<date>-signed-<scale>.json
# (whole-command and rendering-alone PDFs/s of each round, the medians, the ratio signed/unsigned).
#   bench/signed-reports.sh --scale 10k|100k|1m [--rounds N] [--reuse]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scale="" rounds=1 reuse=false
while [ $# -gt 0 ]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --reuse) reuse=true; shift ;;
    *) echo "usage: bench/signed-reports.sh --scale 10k|100k|1m [--rounds N] [--reuse]" >&2; exit 2 ;;
  esac
done
case "$scale" in 10k) n=10000 ;; 100k) n=100000 ;; 1m) n=1000000 ;; *) echo "scale: 10k | 100k | 1m" >&2; exit 2 ;; esac
export QUALITY_HEAP="${QUALITY_HEAP:-8g}"
work="bench/work/signed-$scale"
month=2025-07
if ! $reuse || [ ! -d "$work/lake/gold" ]; then
  rm -rf "$work"; mkdir -p "$work"
  echo "signed-reports: generating $n employees, $((n / 400)) clients, $month"
  ./quality generate --clients $((n / 400)) --employees "$n" --months 1 --start-month "$month" --seed 7 \
    --out "$work/landing" >"$work/generate.log" 2>&1
  echo "signed-reports: ingest"
  ./quality ingest --landing "$work/landing" --lake "$work/lake" >"$work/ingest.log" 2>&1
  echo "signed-reports: metrics"
  ./quality metrics --lake "$work/lake" --month "$month" --as-of "2025-10-01 00:00:00" >"$work/metrics.log" 2>&1
fi

key="$(mktemp -d -t bench-key.XXXXXX)"
trap 'rm -rf "$key"' EXIT
QUALITY_SIGN_PASSWORD="$(openssl rand -hex 24)"
export QUALITY_SIGN_PASSWORD
keytool -J-Dfile.encoding=UTF-8 -genkeypair -alias seal -keyalg RSA -keysize 2048 -sigalg SHA256withRSA \
  -dname "CN=bench,O=bench,C=CN" -validity 2 -storetype PKCS12 -keystore "$key/bench.p12" \
  -storepass:env QUALITY_SIGN_PASSWORD >/dev/null 2>&1

: >"$work/rounds.txt"
for r in $(seq 1 "$rounds"); do
  for side in unsigned signed; do
    args=(); [ "$side" = signed ] && args=(--sign-keystore "$key/bench.p12" --sign-alias seal)
    echo "signed-reports: round $r, $side"
    bench/reports.sh --lake "$work/lake" --month "$month" --out "$work/out-$side" ${args[@]+"${args[@]}"} \
      >"$work/report-$side-$r.log" 2>&1 || { tail -30 "$work/report-$side-$r.log" >&2; exit 1; }
    whole=$(grep -o 'whole command [0-9.]* s = [0-9.]* PDFs/s' "$work/report-$side-$r.log" | awk '{print $3, $6}')
    render=$(grep -o 'render [0-9.]* s ([0-9.]* PDFs/s)' "$work/report-$side-$r.log" | tail -1 | tr -d '(' | awk '{print $2, $4}')
    pdfs=$(( $(wc -l < "$work/out-$side/$month/manifest.csv") - 1 ))
    signed_rows=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "signer") c = i } NR > 1 && c && $c != "" { s++ } END { print s + 0 }' \
      "$work/out-$side/$month/manifest.csv")
    echo "$side $r $pdfs $signed_rows $whole $render" | tee -a "$work/rounds.txt"
  done
done

mkdir -p bench/results
out="bench/results/$(date -u +%Y-%m-%d)-signed-$scale.json"
python3 - "$out" "$work/rounds.txt" <<PY
import json, statistics, subprocess, sys
commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
rounds = []
for line in open(sys.argv[2]):
    side, r, pdfs, signed, whole_s, whole_rate, render_s, render_rate = line.split()
    rounds.append({"side": side, "round": int(r), "pdfs": int(pdfs), "signed_in_manifest": int(signed),
                   "whole_s": float(whole_s), "whole_pdfs_per_s": float(whole_rate),
                   "render_s": float(render_s), "render_pdfs_per_s": float(render_rate)})
# The reference: PDFs/s of the newest bench/run.sh result at this scale (the speed issue's figure).
import glob, re
ref_file = max((f for f in glob.glob("bench/results/*-$scale.json")
                if re.fullmatch(r"\d{4}-\d{2}-\d{2}-$scale\.json", f.split("/")[-1])), default=None)
reference = json.load(open(ref_file)).get("pdfs_per_second") if ref_file else None
med = lambda side, k: statistics.median(x[k] for x in rounds if x["side"] == side)
summary = {s: {"whole_pdfs_per_s": med(s, "whole_pdfs_per_s"), "render_pdfs_per_s": med(s, "render_pdfs_per_s")}
           for s in ("unsigned", "signed")}
json.dump({"scale": "$scale", "employees": $n, "clients": $n // 400, "month": "$month", "commit": commit,
           "rounds": rounds, "median": summary,
           "ratio_signed_to_unsigned_whole": round(summary["signed"]["whole_pdfs_per_s"] / summary["unsigned"]["whole_pdfs_per_s"], 3),
           "speed_issue_reference_pdfs_per_s": reference, "speed_issue_reference_file": ref_file,
           "load_average": open("/proc/loadavg").read().split()[:3]}, open(sys.argv[1], "w"), indent=2)
print(open(sys.argv[1]).read())
PY
