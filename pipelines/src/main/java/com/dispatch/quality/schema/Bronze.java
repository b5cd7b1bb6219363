package com.dispatch.quality.schema;

import static com.dispatch.quality.schema.Fields.col;
import static com.dispatch.quality.schema.Fields.concat;
import static com.dispatch.quality.schema.Fields.struct;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Bronze tables {@code bronze/<source>} (SPEC §6): every data record of every ingested landing
 * file, as raw strings, with its file, physical line and ingest run. The only layer holding raw
 * PII (SPEC §5). Also the {@code ingested_files} log of content hashes (SPEC §3).
 */
public final class Bronze {
  private Bronze() {}

  public static final String PARSE_ERROR = "parse_error";
  public static final String PARSE_ERROR_MESSAGE = "parse_error_message";
  public static final String RAW_RECORD = "raw_record";
  public static final String EXTRA_COLUMNS = "extra_columns";

  /** Columns every bronze table starts with. */
  public static final StructType LINEAGE = struct(
      col("run_id", StringType, "ingest run that read the file"),
      col("source_file", StringType, "landing file, relative to the landing root"),
      col("source_line", LongType, "physical line where the record starts (header = 1)"),
      col("file_modified_at", TimestampType, "modification time of the landing file"),
      col("file_sha256", StringType, "SHA-256 of the file's bytes"),
      col("ingested_at", TimestampType, "when the run read the file"),
      col(PARSE_ERROR, StringType, "MALFORMED_ROW or MISSING_COLUMN when the record cannot be mapped; else null"),
      col(PARSE_ERROR_MESSAGE, StringType, "why the record cannot be mapped"),
      col(RAW_RECORD, StringType, "the record's text as read (without its line terminator)"));

  /** {@code bronze/<source>}: lineage, every contract column as a raw string, then unknown columns. */
  public static StructType forSource(Sources.SourceSpec source) {
    List<StructField> fields = new ArrayList<>(List.of(LINEAGE.fields()));
    for (Sources.ColumnSpec c : source.columns()) {
      fields.add(col(c.name(), StringType, "raw " + c.name() + " as in the file; empty = null"));
    }
    fields.add(col(EXTRA_COLUMNS, DataTypes.createMapType(StringType, StringType),
        "columns not in the contract (header name -> raw value), kept and ignored after"));
    return new StructType(fields.toArray(new StructField[0]));
  }

  /** {@code ingested_files}: one row per landing file whose bytes a run has read (SPEC §3). */
  public static final StructType INGESTED_FILES = concat(struct(
      col("file_sha256", StringType, "SHA-256 of the file's bytes; the same bytes are never ingested twice"),
      col("source", StringType, "landing source"),
      col("file", StringType, "landing file, relative to the landing root"),
      col("size_bytes", LongType, "file size"),
      col("file_modified_at", TimestampType, "modification time of the landing file")), struct(
      col("status", StringType, "INGESTED or UNREADABLE"),
      col("run_id", StringType, "ingest run that read the file"),
      col("ingested_at", TimestampType, "when the run read the file")));
}
