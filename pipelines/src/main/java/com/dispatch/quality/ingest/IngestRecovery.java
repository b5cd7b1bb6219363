package com.dispatch.quality.ingest;

import static org.apache.spark.sql.functions.col;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.RunLog;
import com.dispatch.quality.schema.Sources;
import com.dispatch.quality.schema.Sources.SourceSpec;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * Makes a retried or rerun ingest equal one clean run (issue 11, item 1). An ingest writes its
 * {@code runs} STARTED row before anything else and its end row last, so an ingest run with a
 * STARTED row and no end row died (killed, out of memory, lost driver). Holding the lake's
 * ingest lock, the next ingest removes every row such a run appended: its bronze rows (every
 * source), its quarantine rows and its ingested_files rows, by run_id (each append's files hold
 * one run id, so Delta's data skipping touches only that run's files), then records the dead run
 * as FAILED. Its files are then no longer logged, so this run reads them again; its silver merges
 * need no undo, since merging the same files again gives the same silver (SilverMerge: by key and
 * recency; a row of the same file and line is re-stamped with the new run id).
 *
 * <p>Nothing is done, and nothing but one small read of {@code runs} is spent, when no run died.
 */
public final class IngestRecovery {
  static final String COMMAND = "ingest";

  private IngestRecovery() {}

  /** Ingest runs with a STARTED row and no end row, oldest first, with their start instant. */
  static Map<String, Timestamp> deadRuns(SparkSession spark, Lake lake) {
    Map<String, Timestamp> dead = new java.util.LinkedHashMap<>();
    Optional<Dataset<Row>> runs = DeltaIO.readIfExists(spark, lake.runs());
    if (runs.isEmpty()) return dead;
    List<Row> rows = runs.get()
        .filter(col("command").equalTo(COMMAND))
        .groupBy("run_id")
        .agg(functions.max(functions.when(col("status").notEqual(RunLog.STARTED), 1).otherwise(0)).as("ended"),
            functions.min("started_at").as("started_at"))
        .filter(col("ended").equalTo(0))
        .orderBy("started_at", "run_id")
        .collectAsList();
    for (Row r : rows) dead.put(r.getString(0), r.getTimestamp(2));
    return dead;
  }

  /**
   * Removes the rows of every dead ingest run and records each as FAILED; called by
   * {@code byRun} while it holds the ingest lock and before it writes anything.
   */
  static List<String> recover(SparkSession spark, Lake lake, String byRun, Consumer<String> progress) {
    Map<String, Timestamp> dead = deadRuns(spark, lake);
    dead.remove(byRun);
    if (dead.isEmpty()) return List.of();
    progress.accept("ingest: " + dead.size() + " earlier ingest run(s) died without an end row: " + dead.keySet()
        + "; removing their bronze, quarantine and ingested_files rows");
    removeRows(spark, lake, new ArrayList<>(dead.keySet()));
    List<RunLog.RunRecord> failed = new ArrayList<>();
    for (Map.Entry<String, Timestamp> d : dead.entrySet()) {
      failed.add(new RunLog.RunRecord(d.getKey(), COMMAND, null, null,
          d.getValue() == null ? null : d.getValue().toInstant(), Instant.now(), RunLog.FAILED,
          "died without an end row (killed or crashed); cleaned up by ingest run " + byRun
              + ": its bronze, quarantine and ingested_files rows were removed and its files ingested again",
          List.of()));
    }
    RunLog.record(spark, lake, failed);
    return new ArrayList<>(dead.keySet());
  }

  /** Deletes the rows the given runs appended to bronze, quarantine and ingested_files. */
  static void removeRows(SparkSession spark, Lake lake, List<String> runIds) {
    Column ofRuns = col("run_id").isin(runIds.toArray());
    for (SourceSpec s : Sources.ALL) DeltaIO.delete(spark, lake.bronze(s.name()), ofRuns);
    DeltaIO.delete(spark, lake.quarantine(), ofRuns);
    // The file log last: while any of the run's rows remain, its files stay unlogged and so are read again.
    DeltaIO.delete(spark, lake.ingestedFiles(), ofRuns);
  }
}
