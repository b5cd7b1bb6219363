package com.dispatch.quality.e2e;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import org.junit.jupiter.api.Assertions;

import com.dispatch.quality.domain.WatchLevel;
import com.dispatch.quality.gold.MetricContext;
import com.dispatch.quality.gold.MonthlyGold;
import com.dispatch.quality.gold.SlaWatchlist;
import com.dispatch.quality.ingest.IngestJob;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.ReferenceLoader;
import com.dispatch.quality.metrics.MetricsJob;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import com.dispatch.quality.watch.WatchJob;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4.8 over data-samples/ through the real watch run: for several as_of instants, every row
 * the watch run wrote to gold/sla_watchlist has the deadline (and client) of the same subject in
 * sla_events of its month computed with the same as_of, and its level agrees with that status
 * (OVERDUE = BREACHED, every other level PENDING). sla_events is the monthly job's own table
 * composition ({@link MonthlyGold}) over the monthly job's own silver read.
 */
class WatchlistAgreesWithSlaEventsTest extends SparkTestBase {
  /** Around the samples' National Day week, a wage pay day, a mid-month and December (next year's calendar). */
  private static final List<String> AS_OFS = List.of(
      "2025-09-30T12:00", "2025-10-09T09:00", "2025-10-20T12:00", "2025-11-10T15:00", "2025-12-15T10:00");

  @TempDir static Path dir;
  private Lake lake;

  @BeforeAll
  void ingestTheSamples() {
    lake = new Lake(dir.resolve("lake").toUri().toString());
    IngestJob.run(spark(), lake, Path.of("..", "data-samples").toAbsolutePath().toUri().toString());
  }

  private static Instant local(String isoLocal) {
    return LocalDateTime.parse(isoLocal).atZone(MetricContext.ZONE).toInstant();
  }

  @Test
  void everyWatchlistDeadlineEqualsTheDeadlineOfTheSameSubjectInSlaEventsOfItsMonthWithTheSameAsOf() throws Exception {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    ReferenceLoader.References refs = ReferenceLoader.load(spark(), lake);
    TreeSet<String> levelsSeen = new TreeSet<>();
    TreeSet<String> rulesSeen = new TreeSet<>();
    int checked = 0;
    for (String asOfText : AS_OFS) {
      Instant asOf = local(asOfText);
      WatchJob.Result result = WatchJob.run(spark(), lake, asOf, dir.resolve("out"), quiet);
      List<Row> watched = spark().read().format("delta").load(lake.gold(Gold.SLA_WATCHLIST_TABLE))
          .where(col("as_of_date").equalTo(SlaWatchlist.asOfDate(asOf).toString())).collectAsList();
      assertEquals(result.entries().size(), watched.size(), asOfText);

      Map<String, Map<String, Row>> eventsByMonth = new HashMap<>();
      for (Row w : watched) {
        assertEquals(Timestamp.from(asOf), w.getAs("as_of"), "as_of stamped on every row");
        String month = w.getAs("month");
        Map<String, Row> events = eventsByMonth.computeIfAbsent(month, m -> slaEvents(YearMonth.parse(m), asOf, refs));
        String key = w.getAs("rule") + "|" + w.getAs("subject_id");
        Row e = events.get(key);
        assertNotNull(e, asOfText + ": " + key + " of " + month + " is not in sla_events");
        assertEquals(e.<Timestamp>getAs("deadline_at"), w.getAs("deadline_at"), asOfText + " " + key);
        assertEquals(e.<String>getAs("client_id"), w.getAs("client_id"), asOfText + " " + key);
        String expectedStatus = WatchLevel.OVERDUE.name().equals(w.getAs("level")) ? "BREACHED" : "PENDING";
        assertEquals(expectedStatus, e.getAs("status"), asOfText + " " + key + " " + w.getAs("level"));
        levelsSeen.add(w.getAs("level"));
        rulesSeen.add(w.getAs("rule"));
        checked++;
      }
      Path digest = result.digest();
      Assertions.assertTrue(Files.isRegularFile(digest.resolve("digest.html")), digest.toString());
      String csv = Files.readString(digest.resolve("digest.csv"), StandardCharsets.UTF_8);
      assertEquals(watched.size() + 1, csv.lines().count(), asOfText + ": one CSV line per row plus the header");
    }
    Assertions.assertTrue(checked > 50, "only " + checked + " watchlist rows checked");
    Assertions.assertTrue(levelsSeen.size() >= 3, "levels seen: " + levelsSeen);
    Assertions.assertTrue(rulesSeen.size() >= 2, "rules seen: " + rulesSeen);
  }

  /** sla_events of month M as of as_of, as the metrics run composes it, keyed by rule|subject_id. */
  private Map<String, Row> slaEvents(YearMonth month, Instant asOf, ReferenceLoader.References refs) {
    MetricContext ctx = new MetricContext(month, asOf, refs.calendar(), refs.slaPolicies(), refs.qualityTargets());
    Dataset<Row> events = MonthlyGold.tables(MetricsJob.readSilver(spark(), lake, month), ctx, df -> df)
        .get("sla_events");
    Map<String, Row> byKey = new HashMap<>();
    for (Row r : events.collectAsList()) byKey.put(r.getAs("rule") + "|" + r.getAs("subject_id"), r);
    return byKey;
  }
}
