"""
### service_quality_watch

The early warning of SPEC §4.8, every hour from 08:00 to 20:00 Asia/Shanghai, every day
(deadlines run through weekends and holidays): new landing files → lake → the watchlist of
deadlines at risk → a mail digest for the quality managers.

| task | what it runs |
|---|---|
| `ingest_landing` | `quality ingest --landing <landing> --lake <lake>` (new landing files only) |
| `compute_watchlist` | `quality watch --lake <lake> --as-of <as_of> --out <out>` (replaces the day's partition of `gold/sla_watchlist`; writes `<out>/watch/<yyyy-MM-dd>/<HHmm>/digest.html`, `digest.csv`, `summary.json`, one `<client_id>.html` per client) |
| `send_digest` | mails `digest.html` through the SMTP connection to Variable `quality_watch_recipients`, subject with the counts per level; no mail when nothing is at WARN_75 or above, unless `quality_watch_mail_every_run` is true |

The Spark steps are the project's shaded jar submitted with `SparkSubmitOperator`; the DAG
computes nothing itself (the subject line and the counts come from the watch run's
`summary.json`).

**Which cut-off.** `as_of` is the run's logical date (its trigger time, e.g. 2025-12-15T10:00+08:00),
so a cleared run recomputes the same list; a manual run without one uses its trigger time; the
`as_of` param overrides both. The cron expression is `QUALITY_WATCH_SCHEDULE` (default
`0 8-20 * * *`, Shanghai time).

**Configuration** (Airflow Variables, read only when a task runs): `quality_app_jar`,
`quality_landing_uri`, `quality_lake_uri`, `quality_out_uri`, `quality_watch_recipients`
(comma-separated) are required; `quality_watch_mail_every_run` (`true` = mail even when nothing
is urgent), `quality_smtp_conn_id` (default `smtp_default`), `quality_main_class`,
`quality_spark_conn_id`, `quality_spark_conf` as for the monthly DAG. See `dags/README.md`.
"""

from __future__ import annotations

import json
import os
from datetime import timedelta
from typing import Any

import pendulum
from airflow.sdk import DAG, CronTriggerTimetable, Param, task

from quality_cli import (  # noqa: F401  (JVM_FLAGS, DEFAULT_SPARK_CONF: the tests read them here)
    DEFAULT_SPARK_CONF,
    JVM_FLAGS,
    LAKE,
    LANDING,
    OUT,
    TIME_ZONE,
    cli_step,
    cut_off,
)

DEFAULT_SCHEDULE = "0 8-20 * * *"
# Levels that make a mail worth sending (SPEC §4.8 levels; docs/decisions.md "Watchlist").
URGENT_LEVELS = ("OVERDUE", "CRITICAL_90", "WARN_75")


def digest_folder(out: str, as_of: str) -> str:
    """<out>/watch/<yyyy-MM-dd>/<HHmm> of a cut-off, in Shanghai time: where `quality watch` writes."""
    local = pendulum.parse(as_of).in_timezone(TIME_ZONE)
    return f"{out.rstrip('/')}/watch/{local.format('YYYY-MM-DD')}/{local.format('HHmm')}"


def should_mail(summary: dict, every_run: str) -> bool:
    """Mail when anything is at WARN_75 or above, or on every run when the Variable asks for it."""
    if str(every_run).strip().lower() in ("true", "1", "yes"):
        return True
    return any(summary["counts"].get(level, 0) > 0 for level in URGENT_LEVELS)


AS_OF = "{{ quality_watch_as_of(params, dag_run) }}"
RECIPIENTS = "{{ var.value.quality_watch_recipients }}"
EVERY_RUN = "{{ var.value.get('quality_watch_mail_every_run', 'false') }}"
SMTP_CONN_ID = "{{ var.value.get('quality_smtp_conn_id', 'smtp_default') }}"


def _cli_step(task_id: str, args: list[str], **kwargs: Any):
    return cli_step(task_id, args, name="service-quality-watch-" + task_id, **kwargs)


with DAG(
    dag_id="service_quality_watch",
    description="Hourly early warning: deadlines at risk (SPEC §4.8) and a mail digest",
    doc_md=__doc__,
    start_date=pendulum.datetime(2025, 1, 1, tz=TIME_ZONE),
    schedule=CronTriggerTimetable(os.environ.get("QUALITY_WATCH_SCHEDULE", DEFAULT_SCHEDULE), timezone=TIME_ZONE),
    catchup=False,
    # An hour-old list is worth nothing once the next one exists: one run at a time, no backlog.
    max_active_runs=1,
    dagrun_timeout=timedelta(minutes=55),
    default_args={
        "owner": "service-quality",
        "retries": 2,
        "retry_delay": timedelta(minutes=2),
        "execution_timeout": timedelta(minutes=30),
    },
    params={
        "as_of": Param(
            None,
            type=["null", "string"],
            description="Cut-off instant (e.g. 2025-12-15T10:00:00+08:00); empty = the run's logical date",
        ),
    },
    user_defined_macros={"quality_watch_as_of": cut_off},
    tags=["service-quality", "spark", "watch"],
) as dag:
    ingest_landing = _cli_step(
        "ingest_landing",
        ["ingest", "--landing", LANDING, "--lake", LAKE],
        max_active_tis_per_dag=1,
    )
    compute_watchlist = _cli_step(
        "compute_watchlist",
        ["watch", "--lake", LAKE, "--as-of", AS_OF, "--out", OUT],
    )

    @task(task_id="send_digest", retries=1)
    def send_digest(out: str, as_of: str, recipients: str, every_run: str, smtp_conn_id: str) -> dict:
        """Mail <digest folder>/digest.html to the recipients when something is urgent (or always, if asked)."""
        from email.header import Header

        from airflow.providers.smtp.hooks.smtp import SmtpHook
        from airflow.sdk import ObjectStoragePath

        folder = ObjectStoragePath(digest_folder(out, as_of))
        summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
        to = [r.strip() for r in recipients.split(",") if r.strip()]
        if not to:
            raise ValueError("Variable quality_watch_recipients names no recipient")
        if not should_mail(summary, every_run):
            print(f"nothing at WARN_75 or above ({summary['counts']}): no mail")
            return {"sent": False, "counts": summary["counts"]}
        html = (folder / "digest.html").read_text(encoding="utf-8")
        # RFC 2047 encoded here: smtplib sends the message as ASCII, so a raw Chinese subject would fail.
        subject = Header(summary["subject"], "utf-8").encode()
        with SmtpHook(smtp_conn_id=smtp_conn_id) as hook:
            hook.send_email_smtp(to=to, subject=subject, html_content=html, mime_charset="utf-8")
        print(f"mailed {folder / 'digest.html'} to {len(to)} recipients: {summary['subject']}")
        return {"sent": True, "counts": summary["counts"], "recipients": to}

    ingest_landing >> compute_watchlist >> send_digest(OUT, AS_OF, RECIPIENTS, EVERY_RUN, SMTP_CONN_ID)
