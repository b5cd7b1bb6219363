#!/usr/bin/env bash
# A real Spark cluster (issue 6, item 4): starts a standalone master and one worker on
# 127.0.0.1 from the pyspark package matching the project's Spark version, submits the monthly
# job with spark-submit --master spark://127.0.0.1:<port> and the shaded application jar on
# data-samples/ into one lake, runs the same job in local mode into another lake (same --as-of),
# and compares the gold rows (run_id and as_of excluded). Stops what it started.
#   .ci/cluster.sh                       # CLUSTER_JOB=auto: the real `run` once built, else the fixture writer
#   CLUSTER_PORT=7177 CLUSTER_JOB=fixture .ci/cluster.sh
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
spark_version="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml)"
port="${CLUSTER_PORT:-7077}"
ui_port="${CLUSTER_UI_PORT:-8980}"
as_of="${CLUSTER_AS_OF:-2026-03-01T00:00:00+08:00}"
venv="$root/.venv-cluster"
if [ ! -x "$venv/bin/spark-submit" ] || [ "$("$venv/bin/python" -c 'import pyspark; print(pyspark.__version__)')" != "$spark_version" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "pyspark==$spark_version"
fi
spark_home="$("$venv/bin/python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')"
export SPARK_HOME="$spark_home" SPARK_LOCAL_IP=127.0.0.1 SPARK_MASTER_HOST=127.0.0.1
flags="$(sed -n 's:.*<jvm.flags>\(.*\)</jvm.flags>.*:\1:p' pom.xml)"

app="$root/pipelines/target/quality-pipelines-app.jar"
if [ ! -f "$app" ] || [ -n "$(find pom.xml domain/pom.xml pipelines/pom.xml reports/pom.xml domain/src/main pipelines/src/main reports/src/main -newer "$app" -print -quit)" ]; then
  echo "cluster: building the application jar (mvn package -DskipTests) ..." >&2
  mvn -q -B package -DskipTests >&2
fi

job="${CLUSTER_JOB:-auto}"
if [ "$job" = auto ]; then
  if grep -q "not built yet" pipelines/src/main/java/com/dispatch/quality/cli/RunCommand.java; then job=fixture; else job=run; fi
fi

tmp="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
mkdir -p "$tmp/logs" "$tmp/work"

"$spark_home/bin/spark-class" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port "$ui_port" >"$tmp/logs/master.log" 2>&1 &
pids+=($!)
"$spark_home/bin/spark-class" org.apache.spark.deploy.worker.Worker \
  --host 127.0.0.1 --cores 2 --memory 4g --webui-port $((ui_port + 1)) --work-dir "$tmp/work" \
  "spark://127.0.0.1:$port" >"$tmp/logs/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  grep -q "Successfully registered with master" "$tmp/logs/worker.log" 2>/dev/null && break
  sleep 1
done
grep -q "Successfully registered with master" "$tmp/logs/worker.log" \
  || { echo "cluster: worker did not register"; tail -30 "$tmp/logs/master.log" "$tmp/logs/worker.log"; exit 1; }
echo "cluster: master spark://127.0.0.1:$port with 1 worker (Spark $spark_version from pyspark)" >&2

submit() {  # submit <main class> <primary jar> [extra jars] -- args...
  local cls="$1" jar="$2" jars="$3"; shift 4
  "$spark_home/bin/spark-submit" --master "spark://127.0.0.1:$port" --deploy-mode client \
    --class "$cls" ${jars:+--jars "$jars"} \
    --driver-memory 2g --executor-memory 2g --total-executor-cores 2 \
    --conf "spark.driver.extraJavaOptions=$flags" --conf "spark.executor.extraJavaOptions=$flags" \
    --conf spark.sql.shuffle.partitions=8 --conf spark.ui.enabled=false \
    "$jar" "$@"
}

start=$(date +%s)
if [ "$job" = run ]; then
  submit com.dispatch.quality.cli.QualityCli "$app" "" -- \
    run --landing "$root/data-samples" --lake "$tmp/lake-cluster" --out "$tmp/out-cluster" --as-of "$as_of" \
    >"$tmp/logs/cluster-run.log" 2>&1 || { tail -60 "$tmp/logs/cluster-run.log"; exit 1; }
  ./quality run --landing "$root/data-samples" --lake "$tmp/lake-local" --out "$tmp/out-local" --as-of "$as_of" \
    >"$tmp/logs/local-run.log" 2>&1 || { tail -60 "$tmp/logs/local-run.log"; exit 1; }
else
  # Until `run` lands: the fixture gold writer (production DeltaIO writer, app jar on the cluster).
  bench/java.sh --build
  (cd pipelines/target/test-classes && jar cf "$tmp/bench.jar" com/dispatch/quality/bench)
  submit com.dispatch.quality.bench.BiFixtureLake "$tmp/bench.jar" "$app" -- "$tmp/lake-cluster" \
    >"$tmp/logs/cluster-run.log" 2>&1 || { tail -60 "$tmp/logs/cluster-run.log"; exit 1; }
  bench/java.sh com.dispatch.quality.bench.BiFixtureLake "$tmp/lake-local" \
    >"$tmp/logs/local-run.log" 2>&1 || { tail -60 "$tmp/logs/local-run.log"; exit 1; }
fi
# The master must have launched executors on the worker for the job: otherwise nothing ran there.
grep -h "Launching executor" "$tmp/logs/master.log" >&2 \
  || { echo "cluster: the master launched no executor: the job did not run on the cluster"; exit 1; }
echo "cluster: job '$job' on the cluster and locally took $(( $(date +%s) - start )) s" >&2
bench/java.sh com.dispatch.quality.bench.GoldCompare "$tmp/lake-cluster" "$tmp/lake-local" 2>"$tmp/logs/compare.err" \
  || { tail -30 "$tmp/logs/compare.err"; exit 1; }
