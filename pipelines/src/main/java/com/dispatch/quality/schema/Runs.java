package com.dispatch.quality.schema;

import static com.dispatch.quality.schema.Fields.col;
import static com.dispatch.quality.schema.Fields.struct;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code runs} table (SPEC §6): a run of ingest, metrics or report appends a STARTED row when
 * it begins (metrics: before its first gold write) and a SUCCEEDED or FAILED row when it ends,
 * both under the same run_id. A run with only its STARTED row died (killed, out of memory, lost
 * node) and is visible as such.
 */
public final class Runs {
  private Runs() {}

  /** Per-file reconciliation of an ingest run: rows_read = accepted + quarantined (SPEC §3). */
  public static final StructType FILE_COUNT = struct(
      col("source", StringType, "landing source"),
      col("file", StringType, "landing file"),
      col("status", StringType, "INGESTED, SKIPPED_DUPLICATE (bytes seen before) or UNREADABLE"),
      col("rows_read", LongType, "data rows read (header excluded)"),
      col("rows_accepted", LongType, "rows that passed validation"),
      col("rows_quarantined", LongType, "rows sent to quarantine"));

  public static final StructType RUNS = struct(
      col("run_id", StringType, "run id"),
      col("command", StringType, "ingest, metrics or report"),
      col("month", StringType, "target month yyyy-MM (metrics, report)"),
      col("as_of", TimestampType, "cut-off instant (metrics, report)"),
      col("started_at", TimestampType, "run start"),
      col("ended_at", TimestampType, "run end (null on the STARTED row)"),
      col("status", StringType, "STARTED (first row of every run), then SUCCEEDED or FAILED; a run with no end row died"),
      col("message", StringType, "summary or failure reason"),
      col("file_counts", DataTypes.createArrayType(FILE_COUNT), "ingest: per-file row counts"));
}
