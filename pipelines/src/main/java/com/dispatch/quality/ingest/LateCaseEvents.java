package com.dispatch.quality.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.privacy.Masking;
import com.dispatch.quality.schema.Quarantine;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.schema.Sources;
import com.dispatch.quality.silver.ReferenceChecks;
import com.dispatch.quality.silver.RowValidator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * SPEC §2/§3 across runs (issue 11, item 6): events of a case not yet known are kept in silver;
 * when the case arrives in a later ingest, its kept events are checked like this run's events
 * (MILESTONE_BEFORE_BASE), and those that fail move from silver to quarantine, so ingesting in
 * two steps gives what one ingest gives. Also catches events made invalid by a corrected case.
 *
 * <p>A moved row keeps the run id of the run that read it (the run whose bronze rows hold it), so
 * the cleanup of a dead later run never removes it; the quarantine write is an insert-if-absent
 * MERGE on (source, file, line, run_id) and the silver delete is by key, so a rerun after a crash
 * between the two does neither twice. No commit when nothing moves.
 */
final class LateCaseEvents {
  private LateCaseEvents() {}

  /** @param deliveredCaseIds case_id of the cases this run accepted */
  static long recheck(SparkSession spark, Lake lake, Dataset<Row> deliveredCaseIds, Consumer<String> progress) {
    String eventsPath = lake.silver(Sources.CASE_EVENTS.name());
    Optional<Dataset<Row>> stored = DeltaIO.readIfExists(spark, eventsPath);
    if (stored.isEmpty()) return 0;
    Dataset<Row> ids = deliveredCaseIds.select(col("case_id").as("_cid")).distinct();
    Dataset<Row> events = stored.get();
    Dataset<Row> kept = events.join(ids, events.col("case_id").equalTo(ids.col("_cid")), "left_semi")
        .withColumn(RowValidator.REASON, lit(null).cast(DataTypes.StringType))
        .withColumn(RowValidator.MESSAGE, lit(null).cast(DataTypes.StringType));
    Dataset<Row> failing = ReferenceChecks.apply(kept, Sources.CASE_EVENTS,
        () -> { throw new IllegalStateException("case_events checks no client"); },
        () -> DeltaIO.readOrEmpty(spark, lake.silver(Sources.CASES.name()), Silver.CASES))
        .filter(col(RowValidator.REASON).isNotNull())
        .select("case_id", "milestone", "at", "source_file", "source_line", "run_id", RowValidator.REASON,
            RowValidator.MESSAGE)
        .cache();
    try {
      List<Row> moved = failing.select("case_id", "milestone", "at").collectAsList();
      if (moved.isEmpty()) return 0;
      Dataset<Row> bronze = DeltaIO.readOrEmpty(spark, lake.bronze(Sources.CASE_EVENTS.name()),
          com.dispatch.quality.schema.Bronze.forSource(Sources.CASE_EVENTS))
          .select(col("run_id").as("_b_run"), col("source_file").as("_b_file"), col("source_line").as("_b_line"),
              col("raw_record").as("_raw"));
      var scrub = udf((UDF1<String, String>) Masking::scrub, DataTypes.StringType);
      Dataset<Row> rows = failing.join(bronze, failing.col("run_id").equalTo(bronze.col("_b_run"))
              .and(failing.col("source_file").equalTo(bronze.col("_b_file")))
              .and(failing.col("source_line").equalTo(bronze.col("_b_line"))), "left")
          .select(lit(Sources.CASE_EVENTS.name()).as("source"), col("source_file").as("file"),
              col("source_line").as("line"), scrub.apply(col("_raw")).as("raw"), col(RowValidator.REASON).as("reason"),
              col(RowValidator.MESSAGE).as("message"), col("run_id"));
      DeltaIO.upsert(rows, lake.quarantine(), Quarantine.QUARANTINE,
          "t.source = s.source AND t.file = s.file AND t.line = s.line AND t.run_id = s.run_id", "false");
      Column key = null;
      for (Row r : moved) {
        Column one = col("case_id").equalTo(r.get(0)).and(col("milestone").equalTo(r.get(1))).and(col("at").equalTo(r.get(2)));
        key = key == null ? one : key.or(one);
      }
      DeltaIO.delete(spark, eventsPath, key);
      progress.accept(String.format("case_events: %d event(s) kept while their case was unknown moved to quarantine"
          + " (MILESTONE_BEFORE_BASE, checked now that the case arrived)", moved.size()));
      return moved.size();
    } finally {
      failing.unpersist();
    }
  }
}
