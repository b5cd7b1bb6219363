package com.dispatch.quality.io;

import com.dispatch.quality.schema.Runs;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/** Appends one record per run to the lake's {@code runs} table (SPEC §6). */
public final class RunLog {
  private RunLog() {}

  /** One file's reconciliation line. */
  public record FileCount(String source, String file, String status, long rowsRead, long rowsAccepted,
      long rowsQuarantined) {
    Row toRow() { return RowFactory.create(source, file, status, rowsRead, rowsAccepted, rowsQuarantined); }
  }

  public record RunRecord(String runId, String command, String month, Instant asOf, Instant startedAt,
      Instant endedAt, String status, String message, List<FileCount> fileCounts) {}

  /** A sortable, readable run id: {@code <command>-yyyyMMdd'T'HHmmss'Z'-<6 hex>}. */
  public static String newRunId(String command) {
    String stamp = LocalDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
    return command + "-" + stamp + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  public static final String STARTED = "STARTED";
  public static final String SUCCEEDED = "SUCCEEDED";
  public static final String FAILED = "FAILED";

  /** Appends one row (a run's STARTED row, or its end row). */
  public static void record(SparkSession spark, Lake lake, RunRecord r) {
    record(spark, lake, List.of(r));
  }

  /** Appends several rows in one commit (the months of one metrics run). */
  public static void record(SparkSession spark, Lake lake, List<RunRecord> records) {
    List<Row> rows = new ArrayList<>();
    for (RunRecord r : records) {
      List<Row> files = new ArrayList<>();
      if (r.fileCounts() != null) r.fileCounts().forEach(f -> files.add(f.toRow()));
      rows.add(RowFactory.create(r.runId(), r.command(), r.month(), ts(r.asOf()), ts(r.startedAt()),
          ts(r.endedAt()), r.status(), r.message(), files));
    }
    DeltaIO.append(spark.createDataFrame(rows, Runs.RUNS), lake.runs(), Runs.RUNS);
  }

  /** The STARTED rows of one run per month (one commit), written before the run's first output. */
  public static void started(SparkSession spark, Lake lake, String command, Map<YearMonth, String> runIds,
      Instant asOf, Instant startedAt) {
    List<RunRecord> rows = new ArrayList<>();
    runIds.forEach((m, id) -> rows.add(new RunRecord(id, command, m.toString(), asOf, startedAt, null, STARTED,
        null, null)));
    record(spark, lake, rows);
  }

  /** The end rows (SUCCEEDED or FAILED) of the runs {@link #started} began. */
  public static void ended(SparkSession spark, Lake lake, String command, Map<YearMonth, String> runIds,
      Instant asOf, Instant startedAt, String status, String message) {
    Instant now = Instant.now();
    List<RunRecord> rows = new ArrayList<>();
    runIds.forEach((m, id) -> rows.add(new RunRecord(id, command, m.toString(), asOf, startedAt, now, status,
        message, null)));
    record(spark, lake, rows);
  }

  private static Timestamp ts(Instant i) { return i == null ? null : Timestamp.from(i); }
}
