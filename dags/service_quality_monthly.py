"""
### service_quality_monthly

The monthly service-quality run: landing zone → lake (bronze/silver/quarantine) → gold
metrics for one month → one PDF per client plus the overview → delivery.

| task | what it runs |
|---|---|
| `ingest_landing` | `quality ingest --landing <landing> --lake <lake>` (new landing files only; re-delivered files are skipped) |
| `compute_metrics` | `quality metrics --lake <lake> --month <M> --as-of <as_of>` (replaces month M in every gold table) |
| `render_reports` | `quality report --lake <lake> --month <M> --out <out>` (writes `<out>/<M>/*.pdf` and `manifest.csv`) |
| `publish_reports` | copies each client's files listed in `<out>/<M>/manifest.csv` to `<quality_publish_uri>/<client_id>/<M>/`, and `_overview.pdf` + `manifest.csv` to `<quality_internal_publish_uri>/<M>/`; an unset Variable skips its part |

Each Spark step is the project's shaded jar submitted with `SparkSubmitOperator`; the
DAG itself computes nothing.

**Which month.** A scheduled run fires at 03:00 Asia/Shanghai on the 5th (override the cron
with the environment variable `QUALITY_DAG_SCHEDULE`) and processes the month *before* its
logical date: the run of 2025-10-05 computes 2025-09, the run of 2026-01-05 computes 2025-12.
`as_of` defaults to the run's logical date (for a manual run without one: its trigger time),
so rerunning a DAG run recomputes exactly the same cut-off. Trigger with
`{"month": "2025-09", "as_of": "2025-11-01T00:00:00+08:00"}` to restate one month.

**Configuration** (Airflow Variables, read only when a task runs): `quality_app_jar`,
`quality_landing_uri`, `quality_lake_uri`, `quality_out_uri` (required);
`quality_main_class`, `quality_spark_conn_id` (default `spark_default`), `quality_spark_conf`
(JSON object merged over the default JVM options), `quality_publish_uri` (client deliveries) and
`quality_internal_publish_uri` (the overview and the manifest; internal), both optional.
See `dags/README.md`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
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
    run_instant,
)

DEFAULT_SCHEDULE = "0 3 5 * *"


def target_month(params: dict, dag_run: Any) -> str:
    """The month a run processes: params.month, else the month before the run's logical date."""
    if params.get("month"):
        return params["month"]
    return run_instant(dag_run).start_of("month").subtract(months=1).format("YYYY-MM")


# Templates, rendered when a task runs (never at parse time, so parsing needs no database).
MONTH = "{{ quality_month(params, dag_run) }}"
AS_OF = "{{ quality_as_of(params, dag_run) }}"
PUBLISH = "{{ var.value.get('quality_publish_uri', '') }}"
INTERNAL_PUBLISH = "{{ var.value.get('quality_internal_publish_uri', '') }}"


# A client id that is safe as one folder name (SPEC §5: a client's folder holds only its files).
CLIENT_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
OVERVIEW_CLIENT = "*"


def delivery_plan(manifest_text: str) -> tuple[dict[str, list[tuple[str, str]]], list[tuple[str, str]]]:
    """Split a manifest into each client's files and the internal files, or fail on a doubtful line.

    Returns ({client_id: [(file, sha256), ...]}, [(file, sha256), ...] of the overview rows).
    A client's file must be named ``<client_id>.<ext>`` (as ReportRenderer writes it) and may be
    listed once, so a wrong manifest line can never put one client's file into another's folder.
    """
    reader = csv.DictReader(io.StringIO(manifest_text))
    if not reader.fieldnames or not {"client_id", "file"} <= set(reader.fieldnames):
        raise ValueError(f"manifest.csv has no client_id and file columns: {reader.fieldnames}")
    clients: dict[str, list[tuple[str, str]]] = {}
    internal: list[tuple[str, str]] = []
    seen: set[str] = set()
    for line, row in enumerate(reader, start=2):
        client, name, sha = (row.get("client_id") or "").strip(), (row.get("file") or "").strip(), row.get("sha256") or ""
        if not name or name in (".", "..") or "/" in name or "\\" in name:
            raise ValueError(f"manifest.csv line {line}: file {name!r} is not a plain file name")
        if name in seen:
            raise ValueError(f"manifest.csv line {line}: {name} is listed twice")
        seen.add(name)
        if client == OVERVIEW_CLIENT:
            internal.append((name, sha.strip()))
        elif CLIENT_ID.match(client) and name.startswith(client + "."):
            clients.setdefault(client, []).append((name, sha.strip()))
        else:
            raise ValueError(f"manifest.csv line {line}: {name} cannot be delivered to client {client!r}")
    return clients, internal


def _cli_step(task_id: str, args: list[str], **kwargs: Any):
    return cli_step(task_id, args, name="service-quality-" + task_id + "-" + MONTH, **kwargs)


with DAG(
    dag_id="service_quality_monthly",
    description="Monthly service-quality run: ingest, gold metrics, client PDF reports, delivery",
    doc_md=__doc__,
    start_date=pendulum.datetime(2025, 1, 1, tz=TIME_ZONE),
    schedule=CronTriggerTimetable(os.environ.get("QUALITY_DAG_SCHEDULE", DEFAULT_SCHEDULE), timezone=TIME_ZONE),
    catchup=False,
    # Two months may run side by side (e.g. a restatement next to the regular run); gold writes
    # replace only their own month partition.
    max_active_runs=2,
    dagrun_timeout=timedelta(hours=8),
    default_args={
        "owner": "service-quality",
        "retries": 2,
        "retry_delay": timedelta(minutes=5),
        "retry_exponential_backoff": True,
        "max_retry_delay": timedelta(hours=1),
        "execution_timeout": timedelta(hours=4),
    },
    params={
        "month": Param(
            None,
            type=["null", "string"],
            pattern=r"^\d{4}-(0[1-9]|1[0-2])$",
            description="yyyy-MM to process; empty = the month before the run's logical date",
        ),
        "as_of": Param(
            None,
            type=["null", "string"],
            description="Cut-off instant (e.g. 2025-11-01T00:00:00+08:00); empty = the run's logical date",
        ),
    },
    user_defined_macros={"quality_month": target_month, "quality_as_of": cut_off},
    tags=["service-quality", "spark"],
) as dag:
    ingest_landing = _cli_step(
        "ingest_landing",
        ["ingest", "--landing", LANDING, "--lake", LAKE],
        # Concurrent runs share one landing zone and the same bronze/silver tables: ingest one at a time.
        max_active_tis_per_dag=1,
    )
    compute_metrics = _cli_step(
        "compute_metrics",
        ["metrics", "--lake", LAKE, "--month", MONTH, "--as-of", AS_OF],
    )
    render_reports = _cli_step(
        "render_reports",
        ["report", "--lake", LAKE, "--month", MONTH, "--out", OUT],
    )

    @task(task_id="publish_reports")
    def publish_reports(month: str, out: str, destination: str, internal_destination: str = "") -> list[str]:
        """Deliver the month's reports (SPEC §5): to each client only the files the manifest lists
        for it, into <destination>/<client_id>/<month>/; the overview and the manifest, which name
        every client, only into <internal_destination>/<month>/. Files not in the manifest (a stray
        PDF, a temp file) are never copied. Returns the copied files as <folder>/<file>."""
        from airflow.sdk import ObjectStoragePath

        if not destination and not internal_destination:
            print("quality_publish_uri and quality_internal_publish_uri are not set: nothing to publish")
            return []
        if destination and internal_destination:
            client_root, internal_root = destination.rstrip("/"), internal_destination.rstrip("/")
            if internal_root == client_root or internal_root.startswith(client_root + "/"):
                raise ValueError(f"quality_internal_publish_uri {internal_destination} lies inside the client "
                                 f"deliveries {destination}: the overview would reach a client")
        source = ObjectStoragePath(out) / month
        manifest = source / "manifest.csv"
        if not manifest.exists():
            raise FileNotFoundError(f"{manifest} is missing: render_reports wrote no manifest")
        clients, overview = delivery_plan(manifest.read_text(encoding="utf-8"))

        # Check every listed file before copying any, so a half-written month is not half-delivered.
        for name, sha in [f for files in clients.values() for f in files] + overview:
            path = source / name
            if not path.exists():
                raise FileNotFoundError(f"{path} is listed in {manifest} but missing")
            if sha and hashlib.sha256(path.read_bytes()).hexdigest() != sha:
                raise ValueError(f"{path} differs from the sha256 in {manifest}: re-render the month")
        listed = {n for files in clients.values() for n, _ in files} | {n for n, _ in overview} | {"manifest.csv"}
        stray = sorted(p.name for p in source.iterdir() if p.name not in listed)
        if stray:
            print(f"not delivered (not in the manifest): {', '.join(stray)}")

        copied: list[str] = []
        if destination:
            for client, files in sorted(clients.items()):
                target = ObjectStoragePath(destination) / client / month
                target.mkdir(parents=True, exist_ok=True)
                for name, _ in files:
                    (source / name).copy(target / name)
                    copied.append(f"{client}/{name}")
        else:
            print("quality_publish_uri is not set: client reports are not delivered")
        if internal_destination:
            target = ObjectStoragePath(internal_destination) / month
            target.mkdir(parents=True, exist_ok=True)
            for name in [n for n, _ in overview] + ["manifest.csv"]:
                (source / name).copy(target / name)
                copied.append(f"internal/{name}")
        else:
            print("quality_internal_publish_uri is not set: the overview and the manifest stay in " + str(source))
        print(f"published {len(copied)} files")
        return copied

    ingest_landing >> compute_metrics >> render_reports >> publish_reports(MONTH, OUT, PUBLISH, INTERNAL_PUBLISH)
