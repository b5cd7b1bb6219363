"""The whole DAG in a real Airflow (dag.test) with spark-submit, on data-samples/, for one month.

Slow and needs the built app jar and a spark-submit on PATH: it runs only with QUALITY_E2E=1
(.ci/airflow.sh sets it once the jar exists). Variables and the Spark connection come from
AIRFLOW_VAR_* / AIRFLOW_CONN_* environment variables, the way an operator could set them.
"""

from __future__ import annotations

import json
import os
import shutil

import pendulum
import pytest

from conftest import REPO_ROOT

APP_JAR = REPO_ROOT / "pipelines" / "target" / "quality-pipelines-app.jar"
MONTH = os.environ.get("QUALITY_E2E_MONTH", "2025-09")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(os.environ.get("QUALITY_E2E") != "1", reason="set QUALITY_E2E=1 to run the DAG end to end"),
    pytest.mark.skipif(not APP_JAR.is_file(), reason=f"{APP_JAR} not built (mvn -pl pipelines -am package)"),
    pytest.mark.skipif(shutil.which("spark-submit") is None, reason="spark-submit not on PATH"),
]


@pytest.fixture
def airflow_config(tmp_path, monkeypatch):
    lake, out, delivery, internal = tmp_path / "lake", tmp_path / "out", tmp_path / "delivery", tmp_path / "internal"
    variables = {
        "QUALITY_APP_JAR": str(APP_JAR),
        "QUALITY_LANDING_URI": str(REPO_ROOT / "data-samples"),
        "QUALITY_LAKE_URI": str(lake),
        "QUALITY_OUT_URI": str(out),
        "QUALITY_PUBLISH_URI": str(delivery),
        "QUALITY_INTERNAL_PUBLISH_URI": str(internal),
        "QUALITY_SPARK_CONF": json.dumps({"spark.driver.memory": "3g", "spark.sql.shuffle.partitions": "8"}),
    }
    for key, value in variables.items():
        monkeypatch.setenv(f"AIRFLOW_VAR_{key}", value)
    monkeypatch.setenv(
        "AIRFLOW_CONN_SPARK_DEFAULT",
        json.dumps({"conn_type": "spark", "host": "local[2]", "extra": {"deploy-mode": "client"}}),
    )
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    return lake, out, delivery, internal


def test_dag_run_for_a_sample_month_writes_gold_tables_and_pdfs(dag, airflow_config):
    lake, out, delivery, internal = airflow_config
    # A failure should fail the test now, not after the production backoff. The DAG object is shared
    # by the whole session (conftest), so the production retries are put back afterwards.
    saved = {task.task_id: task.retries for task in dag.tasks}
    for task in dag.tasks:
        task.retries = 0
    try:
        run = dag.test(
            logical_date=pendulum.datetime(2026, 1, 5, 3, tz="Asia/Shanghai"),
            run_conf={"month": MONTH, "as_of": "2025-11-01T00:00:00+08:00"},
        )
    finally:
        for task in dag.tasks:
            task.retries = saved[task.task_id]

    assert str(run.state) == "success", run
    settlement = lake / "gold" / "settlement_quality"
    assert (settlement / "_delta_log").is_dir()
    assert (settlement / f"month={MONTH}").is_dir()
    assert (lake / "gold" / "client_scorecard" / f"month={MONTH}").is_dir()
    pdfs = sorted((out / MONTH).glob("*.pdf"))
    assert pdfs, f"no PDF in {out / MONTH}"
    assert (out / MONTH / "manifest.csv").is_file()
    # SPEC §5: each client's folder holds its own PDF only; the overview is internal.
    clients = [p.stem for p in pdfs if p.name != "_overview.pdf"]
    assert clients
    for client in clients:
        assert sorted(p.name for p in (delivery / client).rglob("*") if p.is_file()) == [f"{client}.pdf"]
    assert sorted(p.name for p in (internal / MONTH).iterdir()) == ["_overview.pdf", "manifest.csv"]
