#!/usr/bin/env bash
# Tests the Airflow DAG in a real, pinned Airflow 3: builds .venv-airflow (once; reused while the
# pins are unchanged), puts Spark's own spark-submit (pyspark = the pom's Spark version) on PATH,
# and runs pytest on dags/tests with a throw-away AIRFLOW_HOME and SQLite.
#
#   .ci/airflow.sh                 parse, graph, schedule and publish tests
#   QUALITY_E2E=1 .ci/airflow.sh   also the whole DAG with dag.test() on data-samples/
#                                  (needs pipelines/target/quality-pipelines-app.jar: mvn package)
#   .ci/airflow.sh --refreeze      re-resolve from the three pins and rewrite .ci/airflow-constraints.txt
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

AIRFLOW_VERSION=3.3.2
SPARK_PROVIDER_VERSION=6.3.4
# The watch DAG's end-to-end test delivers its digest to a real SMTP server on 127.0.0.1.
AIOSMTPD_VERSION=1.4.6
# spark-submit comes from the pyspark distribution of the Spark version in pom.xml. It lives in its
# own --target folder: the Spark provider depends on pyspark-client 4.x, whose `pyspark` Python
# package would otherwise overwrite pyspark 3.5's files in the same site-packages.
PYSPARK_VERSION="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' pom.xml)"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
venv="${AIRFLOW_VENV:-$root/.venv-airflow}"  # AIRFLOW_VENV: reuse one venv across clones
constraints="$root/.ci/airflow-constraints.txt"

pins="airflow=$AIRFLOW_VERSION provider=$SPARK_PROVIDER_VERSION pyspark=$PYSPARK_VERSION python=$("$PYTHON" -V 2>&1)"
pins="$pins constraints=$(sha256sum "$constraints" | cut -c1-16)"
refreeze=false
if [ "${1:-}" = "--refreeze" ]; then refreeze=true; shift; fi

t0=$(date +%s)
if $refreeze || [ ! -f "$venv/.pins" ] || [ "$(cat "$venv/.pins")" != "$pins" ]; then
  echo "airflow.sh: installing Airflow $AIRFLOW_VERSION, apache-spark provider $SPARK_PROVIDER_VERSION, pyspark $PYSPARK_VERSION into $venv"
  rm -rf "$venv"
  "$PYTHON" -m venv "$venv"
  if $refreeze; then
    "$venv/bin/pip" install -q "apache-airflow==$AIRFLOW_VERSION" \
      "apache-airflow-providers-apache-spark==$SPARK_PROVIDER_VERSION" pytest
    "$venv/bin/pip" check
    {
      sed -n '1,/^# Regenerate/p' "$constraints"
      "$venv/bin/pip" freeze --exclude-editable
    } > "$constraints.new"
    mv "$constraints.new" "$constraints"
    pins="${pins% constraints=*} constraints=$(sha256sum "$constraints" | cut -c1-16)"
  else
    "$venv/bin/pip" install -q -c "$constraints" "apache-airflow==$AIRFLOW_VERSION" \
      "apache-airflow-providers-apache-spark==$SPARK_PROVIDER_VERSION" pytest
  fi
  "$venv/bin/pip" install -q --no-deps --target "$venv/spark" "pyspark==$PYSPARK_VERSION"
  echo "$pins" > "$venv/.pins"
fi
# Test-only, installed apart from the pins so an existing venv is extended rather than rebuilt.
if ! "$venv/bin/python" -c "import aiosmtpd" 2>/dev/null; then
  "$venv/bin/pip" install -q -c "$constraints" "aiosmtpd==$AIOSMTPD_VERSION"
fi
t1=$(date +%s)
echo "airflow.sh: environment ready in $((t1 - t0)) s"

export SPARK_HOME="$venv/spark/pyspark"
export PATH="$SPARK_HOME/bin:$venv/bin:$PATH"
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
AIRFLOW_HOME="$(mktemp -d -t airflow-home.XXXXXX)"
export AIRFLOW_HOME
trap 'rm -rf "$AIRFLOW_HOME"' EXIT
export AIRFLOW__CORE__DAGS_FOLDER="$root/dags"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="sqlite:///$AIRFLOW_HOME/airflow.db"
export AIRFLOW__LOGGING__BASE_LOG_FOLDER="$AIRFLOW_HOME/logs"

if [ "${QUALITY_E2E:-}" = "1" ]; then
  # The end-to-end test must run, not skip, when asked for.
  [ -f pipelines/target/quality-pipelines-app.jar ] || {
    echo "airflow.sh: QUALITY_E2E=1 but pipelines/target/quality-pipelines-app.jar is missing (mvn package)" >&2
    exit 1
  }
  spark-submit --version 2>&1 | grep -q "version $PYSPARK_VERSION" || {
    echo "airflow.sh: spark-submit on PATH is not Spark $PYSPARK_VERSION" >&2
    exit 1
  }
  # dag.test() records its run in the metadata DB.
  airflow db migrate > "$AIRFLOW_HOME/db-migrate.log" 2>&1 || { cat "$AIRFLOW_HOME/db-migrate.log" >&2; exit 1; }
fi

python -m pytest -p no:cacheprovider -rs "$root/dags/tests" "$@"
t2=$(date +%s)
echo "airflow.sh: tests took $((t2 - t1)) s"
