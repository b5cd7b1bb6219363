package com.dispatch.quality.report;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.RunLog;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** Issue 11, item 2: reports use a month only when all its gold tables carry its last SUCCEEDED metrics run. */
class PublicationTest extends SparkTestBase {
  private static final YearMonth MONTH = YearMonth.of(2026, 1);
  private static final Instant T = Instant.parse("2026-02-05T00:00:00Z");

  /** One row of {@code schema} with only month and run_id set (the check reads nothing else). */
  private Row row(StructType schema, String runId) {
    Object[] v = new Object[schema.size()];
    v[schema.fieldIndex("month")] = MONTH.toString();
    v[schema.fieldIndex("run_id")] = runId;
    return RowFactory.create(v);
  }

  /** Every gold table of the month written by {@code runId}, except {@code otherTable}, written by {@code otherRun}. */
  private Lake lake(String runId, String otherTable, String otherRun) throws Exception {
    Lake lake = new Lake(Files.createTempDirectory("publication").resolve("lake").toString());
    for (var t : Gold.TABLES.entrySet()) {
      String id = t.getKey().equals(otherTable) ? otherRun : runId;
      DeltaIO.replaceMonth(spark().createDataFrame(List.of(row(t.getValue(), id)), t.getValue()),
          lake.gold(t.getKey()), t.getValue(), MONTH.toString());
    }
    return lake;
  }

  private void succeeded(Lake lake, String runId, Instant at) {
    RunLog.record(spark(), lake, new RunLog.RunRecord(runId, "metrics", MONTH.toString(), T, at, at,
        RunLog.SUCCEEDED, "test", null));
  }

  @Test
  void aMonthWhoseGoldTablesAllCarryItsLastSucceededRunIsPublished() throws Exception {
    Lake lake = lake("metrics-2", null, null);
    succeeded(lake, "metrics-1", T);
    succeeded(lake, "metrics-2", T.plusSeconds(60));

    Assertions.assertEquals("metrics-2", Publication.require(spark(), lake, MONTH).runId());
  }

  @Test
  void aMonthMixingTwoRunsIsRefusedNamingTheTablesAndRunIds() throws Exception {
    // metrics-2 died after writing sla_events: one table holds its rows, the others metrics-1's.
    Lake lake = lake("metrics-1", "sla_events", "metrics-2");
    succeeded(lake, "metrics-1", T);
    RunLog.record(spark(), lake, new RunLog.RunRecord("metrics-2", "metrics", MONTH.toString(), T, T.plusSeconds(60),
        null, RunLog.STARTED, null, null));

    Publication.NotPublishedException e = Assertions.assertThrows(Publication.NotPublishedException.class,
        () -> Publication.require(spark(), lake, MONTH));

    Assertions.assertTrue(e.getMessage().contains("month 2026-01 is not published"), e.getMessage());
    Assertions.assertTrue(e.getMessage().contains("last SUCCEEDED metrics run is metrics-1"), e.getMessage());
    Assertions.assertTrue(e.getMessage().contains("sla_events [metrics-2]"), e.getMessage());
    Assertions.assertTrue(e.getMessage().contains("Rerun `quality metrics --month 2026-01`"), e.getMessage());
  }

  @Test
  void aMonthWithoutASucceededMetricsRunIsRefused() throws Exception {
    Lake lake = lake("metrics-1", null, null);

    Publication.NotPublishedException e = Assertions.assertThrows(Publication.NotPublishedException.class,
        () -> Publication.require(spark(), lake, MONTH));
    Assertions.assertTrue(e.getMessage().contains("no metrics run of 2026-01 has SUCCEEDED"), e.getMessage());
  }

  @Test
  void reportRefusesAMixedMonthAndWritesNoPdf() throws Exception {
    Lake lake = lake("metrics-1", "client_scorecard", "metrics-2");
    succeeded(lake, "metrics-1", T);
    Path out = Files.createTempDirectory("publication-out");

    Assertions.assertThrows(Publication.NotPublishedException.class, () -> ReportJob.run(spark(),
        new ReportJob.Settings(lake.root(), MONTH, out, List.of(), 0, 1, 50, null, LocalDate.of(2026, 2, 5)), "r", null));
    Assertions.assertFalse(Files.exists(out.resolve(MONTH.toString())), "no PDF of a mixed month");
  }

  static Timestamp ts(Instant i) { return Timestamp.from(i); }
}
