"""Third-party readers of the gold tables (issue 6, item 3).

Every gold table written by the pipeline must open in delta-rs and in DuckDB, with the same
rows and values as Spark sees. The Spark side is GoldReference (Java, test sources), which
writes per table: row count, rows per month and per column a null count and an order-free
aggregate. This test recomputes the same figures with each reader and compares.

Environment: BI_LAKE (the lake directory) and BI_REFERENCE (GoldReference's JSON), set by
.ci/bi.sh.
"""

import decimal
import glob
import json
import math
import os
import pathlib
import re

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from deltalake import DeltaTable

ROOT = pathlib.Path(__file__).resolve().parents[2]
GOLD_JAVA = ROOT / "pipelines/src/main/java/com/dispatch/quality/schema/Gold.java"
QUERIES = pathlib.Path(__file__).parent / "queries"

LAKE = pathlib.Path(os.environ.get("BI_LAKE", "lake"))
REFERENCE = json.loads(pathlib.Path(os.environ.get("BI_REFERENCE", "gold-reference.json")).read_text())


def gold_tables():
    """Table names from Gold.TABLES (the Java source is the one list)."""
    return re.findall(r'TABLES\.put\("([a-z_]+)"', GOLD_JAVA.read_text())


TABLES = gold_tables()


def table_path(name):
    return str(LAKE / "gold" / name)


# ---------- aggregates, the same definitions as GoldReference.aggregate ----------

def arrow_aggregate(col: pa.ChunkedArray, typ: str):
    if typ.startswith("decimal"):
        s = pc.sum(col).as_py()
        return None if s is None else decimal.Decimal(s)
    if typ in ("long", "integer", "double"):
        return pc.sum(col).as_py()
    if typ == "boolean":
        return pc.sum(pc.cast(pc.fill_null(col, False), pa.int64())).as_py() or 0
    if typ == "timestamp":
        return pc.sum(pc.cast(col.cast(pa.timestamp("us", tz="UTC")), pa.int64())).as_py()
    if typ == "date":
        return pc.sum(pc.cast(pc.cast(col, pa.date32()), pa.int32()).cast(pa.int64())).as_py()
    return pc.sum(pc.utf8_length(col)).as_py()


def duckdb_aggregate_sql(name: str, typ: str) -> str:
    q = f'"{name}"'
    if typ.startswith("decimal"):
        return f"CAST(sum({q}) AS VARCHAR)"
    if typ in ("long", "integer"):
        return f"CAST(sum({q}) AS BIGINT)"
    if typ == "double":
        return f"sum({q})"
    if typ == "boolean":
        return f"count(*) FILTER (WHERE {q})"
    if typ == "timestamp":
        return f"sum(epoch_us({q}))"
    if typ == "date":
        return f"sum(CAST({q} - DATE '1970-01-01' AS BIGINT))"
    return f"sum(length({q}))"


def assert_same(expected, actual, where):
    if expected is None or actual is None:
        assert expected == actual, f"{where}: expected {expected!r}, got {actual!r}"
    elif isinstance(expected, float) or isinstance(actual, float):
        assert math.isclose(float(expected), float(actual), rel_tol=1e-9, abs_tol=1e-9), \
            f"{where}: expected {expected!r}, got {actual!r}"
    elif isinstance(expected, str) or isinstance(actual, decimal.Decimal):
        assert decimal.Decimal(str(expected)) == decimal.Decimal(str(actual)), \
            f"{where}: expected {expected!r}, got {actual!r}"
    else:
        assert expected == actual, f"{where}: expected {expected!r}, got {actual!r}"


# ---------- DuckDB with its delta extension (offline wheel), else via delta-rs -> Arrow ----------

def delta_extension_path():
    try:
        import duckdb_extension_delta
    except ImportError:
        return None
    found = glob.glob(os.path.join(os.path.dirname(duckdb_extension_delta.__file__),
                                   "extensions", "*", "delta.duckdb_extension"))
    return found[0] if found else None


@pytest.fixture(scope="module")
def con():
    c = duckdb.connect(config={"allow_unsigned_extensions": "true"})
    ext = delta_extension_path()
    if ext:
        c.execute(f"LOAD '{ext}'")
    c.execute("SET TimeZone = 'Asia/Shanghai'")
    for t in TABLES:
        if ext:
            c.execute(f"CREATE VIEW {t} AS SELECT * FROM delta_scan('{table_path(t)}')")
        else:
            c.register(t, DeltaTable(table_path(t)).to_pyarrow_table())
    if (LAKE / "runs").exists():  # published_months.sql reads the runs table too
        if ext:
            c.execute(f"CREATE VIEW runs AS SELECT * FROM delta_scan('{LAKE / 'runs'}')")
        else:
            c.register("runs", DeltaTable(str(LAKE / "runs")).to_pyarrow_table())
    return c


def test_duckdb_delta_extension_is_installed():
    assert delta_extension_path(), "duckdb-extension-delta did not install; DuckDB reads through Arrow instead"


# ---------- tests ----------

def test_reference_covers_every_gold_table():
    assert TABLES, "no TABLES.put in Gold.java"
    assert sorted(REFERENCE) == sorted(TABLES)
    missing = [t for t in TABLES if not REFERENCE[t]["exists"]]
    assert not missing, f"gold tables not written by the run: {missing}"


@pytest.mark.parametrize("table", TABLES)
def test_protocol_is_readable_by_third_parties(table):
    dt = DeltaTable(table_path(table))
    p = dt.protocol()
    conf = dt.metadata().configuration
    assert p.min_reader_version == 1, p
    assert not p.reader_features, p
    assert "deletionVectors" not in (p.writer_features or []), p
    assert conf.get("delta.enableDeletionVectors", "false") == "false", conf
    assert conf.get("delta.columnMapping.mode", "none") == "none", conf
    assert dt.metadata().partition_columns == ["month"]


@pytest.mark.parametrize("table", TABLES)
def test_every_column_has_a_comment(table):
    fields = DeltaTable(table_path(table)).schema().fields
    uncommented = [f.name for f in fields if not (f.metadata or {}).get("comment")]
    assert not uncommented


@pytest.mark.parametrize("table", TABLES)
def test_delta_rs_reads_what_spark_wrote(table):
    ref = REFERENCE[table]
    data = DeltaTable(table_path(table)).to_pyarrow_table()
    assert data.num_rows == ref["rows"]
    assert sorted(data.column_names) == sorted(ref["columns"])
    for name, c in ref["columns"].items():
        col = data.column(name)
        assert col.null_count == c["nulls"], f"{table}.{name} nulls"
        assert_same(c["agg"], arrow_aggregate(col, c["type"]), f"{table}.{name}")
    months = pc.value_counts(data.column("month")).to_pylist()
    assert {m["values"]: m["counts"] for m in months} == ref["rows_per_month"]


@pytest.mark.parametrize("table", TABLES)
def test_duckdb_reads_what_spark_wrote(con, table):
    ref = REFERENCE[table]
    cols = list(ref["columns"].items())
    exprs = ["count(*)"]
    for name, c in cols:
        exprs += [f'count(*) FILTER (WHERE "{name}" IS NULL)', duckdb_aggregate_sql(name, c["type"])]
    row = con.execute(f"SELECT {', '.join(exprs)} FROM {table}").fetchone()
    assert row[0] == ref["rows"]
    for i, (name, c) in enumerate(cols):
        assert row[1 + 2 * i] == c["nulls"], f"{table}.{name} nulls"
        assert_same(c["agg"], row[2 + 2 * i], f"{table}.{name}")


@pytest.mark.parametrize("table", TABLES)
def test_duckdb_prunes_by_month_partition(con, table):
    for month, n in REFERENCE[table]["rows_per_month"].items():
        assert con.execute(f"SELECT count(*) FROM {table} WHERE month = ?", [month]).fetchone()[0] == n


@pytest.mark.parametrize("query", sorted(p.name for p in QUERIES.glob("*.sql")))
def test_documented_queries_run(con, query):
    months = sorted(REFERENCE["client_scorecard"]["rows_per_month"]) or ["2025-01"]
    sql = (QUERIES / query).read_text().replace("${month}", months[-1])
    con.execute(sql).fetchall()
