"""Task graph and the month / as_of each run resolves to."""

from __future__ import annotations

import json
import re
from types import SimpleNamespace

import pendulum
import pytest

from conftest import REPO_ROOT

SH = "Asia/Shanghai"
SPARK_TASKS = ("ingest_landing", "compute_metrics", "render_reports")


class _Vars:
    """Stands in for the `var` template accessor: Variables the operator set, else the template's default."""

    def __init__(self, values):
        self.value = self
        self._values = values

    def get(self, key, default=None):
        if key in self._values:
            return self._values[key]
        if default is None:
            raise KeyError(key)
        return default

    def __getattr__(self, key):
        if key.startswith("_"):
            raise AttributeError(key)
        return self.get(key)


VARIABLES = {
    "quality_app_jar": "/opt/quality/quality-pipelines-app.jar",
    "quality_landing_uri": "s3a://landing/",
    "quality_lake_uri": "s3a://lake/",
    "quality_out_uri": "/srv/reports",
}


def _run(logical_date=None, run_after=None):
    return SimpleNamespace(logical_date=logical_date, run_after=run_after or logical_date)


def _render(dag, task_id, field, dag_run, params=None, variables=VARIABLES):
    task = dag.get_task(task_id)
    context = {"params": {"month": None, "as_of": None, **(params or {})}, "dag_run": dag_run, "var": _Vars(variables)}
    return task.render_template(getattr(task, field), context, jinja_env=dag.get_template_env())


def _scheduled_logical_dates(dag, first, count):
    from airflow.serialization.encoders import coerce_to_core_timetable
    from airflow.timetables.base import TimeRestriction

    timetable = coerce_to_core_timetable(dag.timetable)
    restriction = TimeRestriction(earliest=first, latest=None, catchup=True)
    dates, last = [], None
    for _ in range(count):
        info = timetable.next_dagrun_info(last_automated_data_interval=last, restriction=restriction)
        dates.append(info.logical_date)
        last = info.data_interval
    return dates


def test_tasks_run_ingest_then_metrics_then_reports_then_publish(dag):
    assert set(dag.task_ids) == {"ingest_landing", "compute_metrics", "render_reports", "publish_reports"}
    assert dag.get_task("ingest_landing").upstream_task_ids == set()
    assert dag.get_task("compute_metrics").upstream_task_ids == {"ingest_landing"}
    assert dag.get_task("render_reports").upstream_task_ids == {"compute_metrics"}
    assert dag.get_task("publish_reports").upstream_task_ids == {"render_reports"}
    assert dag.get_task("publish_reports").downstream_task_ids == set()


def test_spark_steps_are_spark_submit_operators(dag):
    from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

    for task_id in SPARK_TASKS:
        assert isinstance(dag.get_task(task_id), SparkSubmitOperator)


def test_only_one_ingest_at_a_time_across_concurrent_months(dag):
    assert dag.get_task("ingest_landing").max_active_tis_per_dag == 1


def test_default_schedule_is_0300_shanghai_on_the_fifth(dag):
    dates = _scheduled_logical_dates(dag, pendulum.datetime(2025, 1, 1, tz=SH), 12)
    local = [d.in_timezone(SH) for d in dates]
    assert all((d.day, d.hour, d.minute) == (5, 3, 0) for d in local)
    assert [d.month for d in local] == list(range(1, 13))


def test_each_scheduled_run_processes_the_previous_month(dag):
    dates = _scheduled_logical_dates(dag, pendulum.datetime(2025, 2, 1, tz=SH), 12)
    months = [_render(dag, "compute_metrics", "application_args", _run(d))[4] for d in dates]
    assert months == [f"2025-{m:02d}" for m in range(1, 13)]


def test_january_run_processes_december_of_the_previous_year(dag):
    january = pendulum.datetime(2026, 1, 5, 3, tz=SH)
    args = _render(dag, "compute_metrics", "application_args", _run(january))
    assert args[3:5] == ["--month", "2025-12"]


def test_month_comes_from_the_shanghai_date_not_the_utc_date(dag):
    """03:00 on 1 November in Shanghai is still 31 October in UTC; the run is for October."""
    from service_quality_monthly import target_month

    logical = pendulum.datetime(2025, 10, 31, 19, tz="UTC")
    assert target_month({}, _run(logical)) == "2025-10"


def test_as_of_defaults_to_the_logical_date_in_shanghai(dag):
    logical = pendulum.datetime(2025, 10, 5, 3, tz=SH)
    args = _render(dag, "compute_metrics", "application_args", _run(logical))
    assert args[5:7] == ["--as-of", "2025-10-05T03:00:00+08:00"]


def test_manual_run_without_logical_date_uses_its_trigger_time(dag):
    triggered = pendulum.datetime(2026, 3, 2, 10, 30, tz=SH)
    args = _render(dag, "compute_metrics", "application_args", _run(None, run_after=triggered))
    assert args[3:7] == ["--month", "2026-02", "--as-of", "2026-03-02T10:30:00+08:00"]


def test_month_and_as_of_params_override_the_schedule(dag):
    logical = pendulum.datetime(2026, 1, 5, 3, tz=SH)
    params = {"month": "2025-09", "as_of": "2025-11-01T00:00:00+08:00"}
    metrics = _render(dag, "compute_metrics", "application_args", _run(logical), params)
    report = _render(dag, "render_reports", "application_args", _run(logical), params)
    assert metrics == ["metrics", "--lake", "s3a://lake/", "--month", "2025-09", "--as-of", "2025-11-01T00:00:00+08:00"]
    assert report == ["report", "--lake", "s3a://lake/", "--month", "2025-09", "--out", "/srv/reports"]


@pytest.mark.parametrize("bad", ["2025-13", "2025-9", "202509", "September"])
def test_month_param_must_be_yyyy_mm(dag, bad):
    from airflow.sdk import Param
    from airflow.sdk.exceptions import ParamValidationError

    spec = dag.params.get_param("month").dump()
    with pytest.raises(ParamValidationError):
        Param(bad, type=spec["schema"]["type"], pattern=spec["schema"]["pattern"]).resolve()


def test_ingest_reads_landing_and_lake_from_variables(dag):
    args = _render(dag, "ingest_landing", "application_args", _run(pendulum.datetime(2025, 10, 5, 3, tz=SH)))
    assert args == ["ingest", "--landing", "s3a://landing/", "--lake", "s3a://lake/"]
    assert _render(dag, "ingest_landing", "application", _run(pendulum.now(SH))) == VARIABLES["quality_app_jar"]


def test_spark_settings_have_project_defaults_and_follow_variables(dag):
    run = _run(pendulum.datetime(2025, 10, 5, 3, tz=SH))
    assert _render(dag, "compute_metrics", "main_class", run) == "com.dispatch.quality.cli.QualityCli"
    assert _render(dag, "compute_metrics", "spark_conn_id", run) == "spark_default"
    assert json.loads(_render(dag, "compute_metrics", "spark_conf_json", run)) == {}
    custom = {**VARIABLES, "quality_spark_conn_id": "spark_cluster", "quality_main_class": "x.Main",
              "quality_spark_conf": '{"spark.executor.memory": "8g"}'}
    assert _render(dag, "compute_metrics", "spark_conn_id", run, variables=custom) == "spark_cluster"
    assert _render(dag, "compute_metrics", "main_class", run, variables=custom) == "x.Main"


def test_default_jvm_options_equal_the_pom_jvm_flags():
    from service_quality_monthly import DEFAULT_SPARK_CONF

    pom = (REPO_ROOT / "pom.xml").read_text(encoding="utf-8")
    flags = re.search(r"<jvm.flags>(.*?)</jvm.flags>", pom, re.S).group(1).strip()
    assert DEFAULT_SPARK_CONF["spark.driver.extraJavaOptions"] == flags
    assert DEFAULT_SPARK_CONF["spark.executor.extraJavaOptions"] == flags


def test_variable_spark_conf_is_merged_over_the_jvm_defaults(dag, monkeypatch):
    from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

    task = dag.get_task("compute_metrics")
    seen = {}
    monkeypatch.setattr(SparkSubmitOperator, "execute", lambda self, ctx: seen.update(
        conf=dict(self.conf), conn=self._conn_id, main=self._java_class))
    monkeypatch.setattr(task, "spark_conf_json", '{"spark.executor.memory": "8g"}')
    monkeypatch.setattr(task, "spark_conn_id", "spark_cluster")
    monkeypatch.setattr(task, "main_class", "com.dispatch.quality.cli.QualityCli")
    monkeypatch.setattr(task, "conf", None)
    task.execute({})
    assert seen["conf"]["spark.executor.memory"] == "8g"
    assert "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED" in seen["conf"]["spark.driver.extraJavaOptions"]
    assert seen["conn"] == "spark_cluster"
    assert seen["main"] == "com.dispatch.quality.cli.QualityCli"
