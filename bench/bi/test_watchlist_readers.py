"""gold/sla_watchlist for BI readers, and the warning-effectiveness query of docs/bi.md (issue 12).

The watchlist is not in Gold.TABLES (the monthly job's map), so it has its own Spark reference
(WatchlistReference, same figures as GoldReference). .ci/bi.sh builds the lake with the README's
run command plus a few watch runs, one hour before breached deadlines of the samples' ground
truth, so the query has warned breaches to find.

Environment: BI_LAKE and BI_WATCHLIST_REFERENCE, set by .ci/bi.sh.
"""

import datetime as dt
import json
import os
import pathlib
import statistics

import pyarrow.compute as pc
import pytest
from deltalake import DeltaTable

from test_gold_readers import arrow_aggregate, assert_same, delta_extension_path, duckdb_aggregate_sql

import duckdb

LAKE = pathlib.Path(os.environ.get("BI_LAKE", "lake"))
REFERENCE = json.loads(pathlib.Path(os.environ.get("BI_WATCHLIST_REFERENCE", "watchlist-reference.json")).read_text())
QUERY = pathlib.Path(__file__).parent / "watch_queries" / "warning_effectiveness.sql"
TABLE = "sla_watchlist"


def path(table):
    return str(LAKE / "gold" / table)


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect(config={"allow_unsigned_extensions": "true"})
    ext = delta_extension_path()
    assert ext, "duckdb-extension-delta is not installed"
    c.execute(f"LOAD '{ext}'")
    c.execute("SET TimeZone = 'Asia/Shanghai'")
    for t in (TABLE, "sla_events"):
        c.execute(f"CREATE VIEW {t} AS SELECT * FROM delta_scan('{path(t)}')")
    return c


def test_watch_runs_wrote_the_table():
    assert REFERENCE[TABLE]["exists"], "gold/sla_watchlist was not written"
    assert REFERENCE[TABLE]["rows"] > 0


def test_protocol_is_readable_by_third_parties_and_partitioned_by_as_of_date():
    t = DeltaTable(path(TABLE))
    p = t.protocol()
    conf = t.metadata().configuration
    assert p.min_reader_version == 1 and not p.reader_features, p
    assert "deletionVectors" not in (p.writer_features or []), p
    assert conf.get("delta.enableDeletionVectors", "false") == "false", conf
    assert conf.get("delta.columnMapping.mode", "none") == "none", conf
    assert t.metadata().partition_columns == ["as_of_date"]


def test_every_column_has_a_comment():
    fields = DeltaTable(path(TABLE)).schema().fields
    assert not [f.name for f in fields if not (f.metadata or {}).get("comment")]


def test_delta_rs_reads_what_spark_wrote():
    ref = REFERENCE[TABLE]
    data = DeltaTable(path(TABLE)).to_pyarrow_table()
    assert data.num_rows == ref["rows"]
    assert sorted(data.column_names) == sorted(ref["columns"])
    for name, c in ref["columns"].items():
        col = data.column(name)
        assert col.null_count == c["nulls"], name
        assert_same(c["agg"], arrow_aggregate(col, c["type"]), name)
    months = pc.value_counts(data.column("month")).to_pylist()
    assert {m["values"]: m["counts"] for m in months} == ref["rows_per_month"]


def test_duckdb_reads_what_spark_wrote(con):
    ref = REFERENCE[TABLE]
    cols = list(ref["columns"].items())
    exprs = ["count(*)"]
    for name, c in cols:
        exprs += [f'count(*) FILTER (WHERE "{name}" IS NULL)', duckdb_aggregate_sql(name, c["type"])]
    row = con.execute(f"SELECT {', '.join(exprs)} FROM {TABLE}").fetchone()
    assert row[0] == ref["rows"]
    for i, (name, c) in enumerate(cols):
        assert row[1 + 2 * i] == c["nulls"], name
        assert_same(c["agg"], row[2 + 2 * i], name)


def _expected_effectiveness():
    """The query's answer recomputed in plain Python from delta-rs' rows."""
    events = DeltaTable(path("sla_events")).to_pyarrow_table().to_pylist()
    watch = DeltaTable(path(TABLE)).to_pyarrow_table().to_pylist()
    first = {}
    for w in watch:
        if w["level"] != "OVERDUE" and w["as_of"] <= w["deadline_at"]:
            key = (w["rule"], w["subject_id"])
            first[key] = min(first.get(key, w["as_of"]), w["as_of"])
    groups = {}
    for e in events:
        if e["status"] != "BREACHED" or e["rule"] == "INJURY_CLIENT_NOTICE_12H" or e["client_id"] == "*":
            continue
        g = groups.setdefault((e["client_id"], e["month"]), [0, []])
        g[0] += 1
        warned = first.get((e["rule"], e["subject_id"]))
        if warned is not None:
            g[1].append((e["deadline_at"] - warned).total_seconds())
    out = {}
    for key, (n, ahead) in groups.items():
        out[key] = (n, len(ahead), round(len(ahead) / n, 4),
                    None if not ahead else round(min(ahead) / 3600, 2),
                    None if not ahead else round(statistics.median(ahead) / 3600, 2),
                    None if not ahead else round(max(ahead) / 3600, 2))
    return out


def test_warning_effectiveness_query_counts_breaches_warned_before_their_deadline_and_how_early(con):
    rows = con.execute(QUERY.read_text()).fetchall()
    got = {(r[0], r[1]): tuple(None if v is None else (float(v) if i >= 2 else int(v)) for i, v in enumerate(r[2:]))
           for r in rows}
    expected = _expected_effectiveness()
    assert set(got) == set(expected)
    for key, exp in expected.items():
        g = got[key]
        assert g[0] == exp[0] and g[1] == exp[1], (key, g, exp)
        for a, b in zip(g[2:], exp[2:]):
            assert (a is None and b is None) or abs(a - b) <= 0.011, (key, g, exp)
    # The watch runs of .ci/bi.sh came an hour before breached deadlines: those breaches were warned.
    assert sum(g[1] for g in got.values()) >= 3, got
    assert any(g[3] is not None and 0.9 <= g[3] <= 1.1 for g in got.values()), got
