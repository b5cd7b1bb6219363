"""The DAG folder parses cleanly, cheaply, and without touching a database or a connection."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pytest

from conftest import DAGS_DIR


def _forbidden(what):
    def fail(*args, **kwargs):
        raise AssertionError(f"{what} called while parsing the DAG folder")

    return fail


def test_every_dag_file_imports_without_errors(dagbag):
    assert dagbag.import_errors == {}
    dag_files = sorted(p.name for p in DAGS_DIR.glob("*.py"))
    loaded_files = sorted({Path(d.fileloc).name for d in dagbag.dags.values()})
    assert loaded_files == dag_files


def test_file_name_is_the_dag_id(dagbag):
    for dag_id, dag in dagbag.dags.items():
        assert Path(dag.fileloc).stem == dag_id


def test_parsing_reads_no_variable_connection_or_database_and_is_quick(dagbag):
    """The DAG processor re-parses the file every few seconds: it must stay cheap and offline.

    Requesting `dagbag` first means Airflow and the provider are already imported, as in a
    long-running DAG processor, so the time measured is the file's own.
    """
    import sqlalchemy.engine
    from airflow.dag_processing.dagbag import DagBag
    from airflow.sdk import BaseHook, Variable

    with (
        mock.patch.object(Variable, "get", _forbidden("Variable.get")),
        mock.patch.object(BaseHook, "get_connection", _forbidden("BaseHook.get_connection")),
        mock.patch.object(sqlalchemy.engine.Engine, "connect", _forbidden("Engine.connect")),
        mock.patch.object(sqlalchemy.engine.Engine, "raw_connection", _forbidden("Engine.raw_connection")),
    ):
        bag = DagBag(str(DAGS_DIR))
    assert bag.import_errors == {}
    assert "service_quality_monthly" in bag.dags
    assert "service_quality_watch" in bag.dags
    assert len(bag.dagbag_stats) == len(list(DAGS_DIR.glob("*.py")))
    for stat in bag.dagbag_stats:
        assert stat.duration.total_seconds() < 2, stat


def test_dag_is_documented_and_time_zone_aware(dag):
    assert dag.doc_md and "service_quality_monthly" in dag.doc_md
    assert str(dag.timezone.name) == "Asia/Shanghai"
    assert dag.catchup is False
    assert dag.max_active_runs == 2
    assert dag.dagrun_timeout is not None


def test_every_task_retries_with_exponential_backoff(dag):
    for t in dag.tasks:
        assert t.retries >= 1, t.task_id
        assert t.retry_exponential_backoff, t.task_id


@pytest.mark.parametrize("field", ["application", "application_args", "spark_conn_id", "main_class", "spark_conf_json"])
def test_spark_steps_take_locations_and_settings_from_templates(dag, field):
    """No path, connection or Spark setting is fixed at parse time: each is a Jinja template."""
    for task_id in ("ingest_landing", "compute_metrics", "render_reports"):
        value = getattr(dag.get_task(task_id), field)
        values = value if isinstance(value, list) else [value]
        assert any("{{" in v for v in values), (task_id, field, value)
        assert field in type(dag.get_task(task_id)).template_fields
