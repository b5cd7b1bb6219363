"""The watch DAG end to end (issue 12): dag.test() with real spark-submit on data-samples/, mailing the
digest to a real SMTP server (aiosmtpd) on 127.0.0.1; the test reads the received message.

Runs only with QUALITY_E2E=1 and the built app jar, like test_dag_e2e.py.
"""

from __future__ import annotations

import csv
import email
import email.policy
import json
import os
import shutil
import socket

import pendulum
import pytest

from conftest import REPO_ROOT

APP_JAR = REPO_ROOT / "pipelines" / "target" / "quality-pipelines-app.jar"
RECIPIENTS = ["quality-manager@example.com", "account-managers@example.com"]

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(os.environ.get("QUALITY_E2E") != "1", reason="set QUALITY_E2E=1 to run the DAG end to end"),
    pytest.mark.skipif(not APP_JAR.is_file(), reason=f"{APP_JAR} not built (mvn -pl pipelines -am package)"),
    pytest.mark.skipif(shutil.which("spark-submit") is None, reason="spark-submit not on PATH"),
]


class Inbox:
    """aiosmtpd handler keeping every envelope it receives."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        self.envelopes.append(envelope)
        return "250 Message accepted for delivery"


@pytest.fixture
def smtp_server():
    from aiosmtpd.controller import Controller

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


@pytest.fixture
def watch(dagbag):
    dag = dagbag.dags["service_quality_watch"]
    saved = {t.task_id: t.retries for t in dag.tasks}
    for t in dag.tasks:
        t.retries = 0
    yield dag
    for t in dag.tasks:
        t.retries = saved[t.task_id]


@pytest.fixture
def airflow_config(tmp_path, monkeypatch, smtp_server):
    _, port = smtp_server
    lake, out = tmp_path / "lake", tmp_path / "out"
    variables = {
        "QUALITY_APP_JAR": str(APP_JAR),
        "QUALITY_LANDING_URI": str(REPO_ROOT / "data-samples"),
        "QUALITY_LAKE_URI": str(lake),
        "QUALITY_OUT_URI": str(out),
        "QUALITY_WATCH_RECIPIENTS": ", ".join(RECIPIENTS),
        "QUALITY_SPARK_CONF": json.dumps({"spark.driver.memory": "3g", "spark.sql.shuffle.partitions": "8"}),
    }
    for key, value in variables.items():
        monkeypatch.setenv(f"AIRFLOW_VAR_{key}", value)
    monkeypatch.setenv(
        "AIRFLOW_CONN_SPARK_DEFAULT",
        json.dumps({"conn_type": "spark", "host": "local[2]", "extra": {"deploy-mode": "client"}}),
    )
    monkeypatch.setenv(
        "AIRFLOW_CONN_SMTP_DEFAULT",
        json.dumps({"conn_type": "smtp", "host": "127.0.0.1", "port": port,
                    "extra": {"disable_tls": True, "disable_ssl": True, "from_email": "quality-watch@example.com"}}),
    )
    monkeypatch.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    return lake, out


def _digest_rows(folder):
    with open(folder / "digest.csv", encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def test_watch_dag_mails_the_company_digest_when_something_is_urgent_and_stays_quiet_otherwise(
        watch, airflow_config, smtp_server):
    inbox, _ = smtp_server
    lake, out = airflow_config

    # 12:00 on 2025-10-20: September's wages of the pay-day-20 clients are due tonight (>= 90 % of the time used).
    run = watch.test(logical_date=pendulum.datetime(2025, 10, 20, 12, tz="Asia/Shanghai"))
    assert str(run.state) == "success", run
    folder = out / "watch" / "2025-10-20" / "1200"
    rows = _digest_rows(folder)
    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["urgent"] > 0, summary
    assert (lake / "gold" / "sla_watchlist" / "as_of_date=2025-10-20").is_dir()

    assert len(inbox.envelopes) == 1
    envelope = inbox.envelopes[0]
    assert sorted(envelope.rcpt_tos) == sorted(RECIPIENTS)
    message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    subject = str(message["Subject"])
    assert subject == summary["subject"]
    assert subject.startswith("【服务时限预警】2025-10-20 12:00")
    counts = {r["level"]: 0 for r in rows}
    for r in rows:
        counts[r["level"]] += 1
    assert f"紧急 {counts.get('CRITICAL_90', 0)}" in subject and f"关注 {counts.get('WARN_50', 0)}" in subject
    html = message.get_body(preferencelist=("html",)).get_content()
    assert "服务时限预警" in html
    payrolls = {}
    for r in rows:
        assert r["client_id"] in html and r["rule_name"] in html
        if r["rule"] == "WAGE_ON_TIME":  # one row per payroll (client, month, deadline), with its line count
            payrolls.setdefault((r["client_id"], r["month"], r["deadline_at"]), []).append(r["subject_id"])
        else:
            assert r["subject_id"] in html
    for lines in payrolls.values():
        assert min(lines) in html
        if len(lines) > 1:
            assert f"等共 {len(lines)} 条结算明细" in html
    assert sorted(message["To"].addresses[i].addr_spec for i in range(len(RECIPIENTS))) == sorted(RECIPIENTS)

    # 10:00 on 2025-10-05 (National Day holiday): only WARN_50 items, so no mail
    # (quality_watch_mail_every_run is unset). From 10-12 to 10-15 the samples' injury scenario is CRITICAL_90.
    quiet = watch.test(logical_date=pendulum.datetime(2025, 10, 5, 10, tz="Asia/Shanghai"))
    assert str(quiet.state) == "success", quiet
    quiet_summary = json.loads((out / "watch" / "2025-10-05" / "1000" / "summary.json").read_text(encoding="utf-8"))
    assert quiet_summary["urgent"] == 0 and quiet_summary["total"] > 0, quiet_summary
    assert len(inbox.envelopes) == 1
