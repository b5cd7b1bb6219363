package com.dispatch.quality.schema;

import static com.dispatch.quality.schema.Fields.col;
import static com.dispatch.quality.schema.Fields.struct;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.types.StructType;

/** The {@code quarantine} table (SPEC §3, §6): every landing row that did not reach silver. */
public final class Quarantine {
  private Quarantine() {}

  public static final StructType QUARANTINE = struct(
      col("source", StringType, "landing source"),
      col("file", StringType, "landing file, relative to the landing root"),
      col("line", LongType, "physical line where the record starts (header = 1); null for UNREADABLE_FILE"),
      col("raw", StringType, "the record as read, with resident IDs and phone numbers masked"),
      col("reason", StringType, "reason code (SPEC §3)"),
      col("message", StringType, "what is wrong, naming file, line and field"),
      col("run_id", StringType, "ingest run that quarantined the row"));
}
