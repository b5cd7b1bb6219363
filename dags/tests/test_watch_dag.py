"""The watch DAG (issue 12): task graph, hourly schedule in Shanghai time, cut-off, digest folder, mail rule."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pendulum
import pytest

from conftest import REPO_ROOT

SH = "Asia/Shanghai"


@pytest.fixture(scope="module")
def watch(dagbag):
    return dagbag.dags["service_quality_watch"]


@pytest.fixture(scope="module")
def module():
    import service_quality_watch

    return service_quality_watch


def test_tasks_run_ingest_then_watchlist_then_digest(watch):
    assert set(watch.task_ids) == {"ingest_landing", "compute_watchlist", "send_digest"}
    assert watch.get_task("ingest_landing").upstream_task_ids == set()
    assert watch.get_task("compute_watchlist").upstream_task_ids == {"ingest_landing"}
    assert watch.get_task("send_digest").upstream_task_ids == {"compute_watchlist"}


def test_spark_steps_submit_the_cli_with_templated_settings(watch):
    from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

    for task_id in ("ingest_landing", "compute_watchlist"):
        t = watch.get_task(task_id)
        assert isinstance(t, SparkSubmitOperator)
        assert "{{" in t.application and "{{" in t.spark_conn_id and "{{" in t.spark_conf_json
    args = watch.get_task("compute_watchlist").application_args
    assert args[0] == "watch" and "--as-of" in args and "--out" in args and "--lake" in args


def test_runs_hourly_from_eight_to_twenty_shanghai_time_every_day_including_weekends(watch):
    from airflow.serialization.encoders import coerce_to_core_timetable
    from airflow.timetables.base import TimeRestriction

    assert str(watch.timezone.name) == SH and watch.catchup is False and watch.max_active_runs == 1
    timetable = coerce_to_core_timetable(watch.timetable)
    # Saturday 2025-10-04, in the National Day holiday: deadlines still run.
    restriction = TimeRestriction(earliest=pendulum.datetime(2025, 10, 4, 0, tz=SH), latest=None, catchup=True)
    dates, last = [], None
    for _ in range(14):
        info = timetable.next_dagrun_info(last_automated_data_interval=last, restriction=restriction)
        dates.append(pendulum.instance(info.logical_date).in_timezone(SH))
        last = info.data_interval
    assert [d.hour for d in dates[:13]] == list(range(8, 21))
    assert {d.date().isoformat() for d in dates[:13]} == {"2025-10-04"}
    assert (dates[13].date().isoformat(), dates[13].hour) == ("2025-10-05", 8)


def test_as_of_is_the_logical_date_unless_the_param_sets_it(module):
    run = SimpleNamespace(logical_date=pendulum.datetime(2025, 12, 15, 2, tz="UTC"), run_after=None)
    assert module.cut_off({"as_of": None}, run) == "2025-12-15T10:00:00+08:00"
    manual = SimpleNamespace(logical_date=None, run_after=pendulum.datetime(2025, 12, 15, 3, 7, tz="UTC"))
    assert module.cut_off({}, manual) == "2025-12-15T11:07:00+08:00"
    assert module.cut_off({"as_of": "2025-12-01T09:00:00+08:00"}, run) == "2025-12-01T09:00:00+08:00"


def test_digest_folder_is_the_shanghai_date_and_minute_of_the_cut_off(module):
    assert module.digest_folder("/srv/out/", "2025-12-14T17:30:00Z") == "/srv/out/watch/2025-12-15/0130"
    assert module.digest_folder("/srv/out", "2025-12-15T10:00:00+08:00") == "/srv/out/watch/2025-12-15/1000"


def test_mail_only_when_something_is_at_warn_75_or_above_unless_every_run_is_asked_for(module):
    quiet = {"counts": {"OVERDUE": 0, "CRITICAL_90": 0, "WARN_75": 0, "WARN_50": 7}}
    assert not module.should_mail(quiet, "false")
    assert module.should_mail(quiet, "true")
    assert module.should_mail({"counts": {**quiet["counts"], "WARN_75": 1}}, "false")
    assert module.should_mail({"counts": {**quiet["counts"], "OVERDUE": 2}}, "")


def test_default_jvm_options_equal_the_pom_jvm_flags(module):
    pom = (REPO_ROOT / "pom.xml").read_text(encoding="utf-8")
    flags = re.search(r"<jvm.flags>(.*?)</jvm.flags>", pom, re.S).group(1).strip()
    assert module.JVM_FLAGS == flags
    assert module.DEFAULT_SPARK_CONF["spark.driver.extraJavaOptions"] == module.JVM_FLAGS
