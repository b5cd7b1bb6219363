package com.dispatch.quality.e2e;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dispatch.quality.csv.CsvReader;
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
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §4.8 over data-samples/ through the real watch run: for several as_of instants, every row
 * the watch run wrote to gold/sla_watchlist has the deadline (and client) of the same subject in
 * sla_events of its month computed with the same as_of, and its level agrees with that status
 * (OVERDUE = BREACHED, every other level PENDING). sla_events is the monthly job's own table
 * composition ({@link MonthlyGold}) over the monthly job's own silver read.
 *
 * <p>At the samples' watch as_of (2025-10-13 10:00 Shanghai, {@code _ground_truth/README.md}) the
 * designed scenarios of the generator (FaultPlan {@code watch.*}) are checked one by one against
 * deadlines and levels worked out by hand from SPEC §4.3 / §4.8 and the official calendar, and the
 * whole watchlist against {@code _ground_truth/sla_watchlist.csv}.
 */
class WatchlistAgreesWithSlaEventsTest extends SparkTestBase {
  /** Around the samples' National Day week, a wage pay day, a mid-month and December (next year's calendar). */
  private static final List<String> AS_OFS = List.of(
      "2025-09-30T12:00", "2025-10-09T09:00", "2025-10-20T12:00", "2025-11-10T15:00", "2025-12-15T10:00");

  /** The as_of the samples' watch scenarios and _ground_truth/sla_watchlist.csv are set around. */
  private static final String WATCH_AS_OF = "2025-10-13T10:00";
  private static final Path SAMPLES = Path.of("..", "data-samples").toAbsolutePath();

  @TempDir static Path dir;
  private Lake lake;
  private ReferenceLoader.References refs;
  /** gold/sla_watchlist of the watch run at WATCH_AS_OF, by rule|subject_id. */
  private Map<String, Row> watch;
  /** _ground_truth/sla_watchlist.csv, header -> value per row. */
  private List<Map<String, String>> truth;
  /** sla_events by "month|as_of", each by rule|subject_id: computed once, shared by the tests. */
  private final Map<String, Map<String, Row>> slaEventsCache = new HashMap<>();

  @BeforeAll
  void ingestTheSamplesAndWatchAtTheScenariosAsOf() throws IOException {
    lake = new Lake(dir.resolve("lake").toUri().toString());
    IngestJob.run(spark(), lake, SAMPLES.toUri().toString());
    refs = ReferenceLoader.load(spark(), lake);
    truth = readTruth();
    Instant asOf = local(WATCH_AS_OF);
    WatchJob.run(spark(), lake, asOf, dir.resolve("out-watch"), new PrintStream(OutputStream.nullOutputStream()));
    watch = new TreeMap<>();
    for (Row r : spark().read().format("delta").load(lake.gold(Gold.SLA_WATCHLIST_TABLE))
        .where(col("as_of_date").equalTo(SlaWatchlist.asOfDate(asOf).toString())).collectAsList()) {
      assertNull(watch.put(r.getAs("rule") + "|" + r.getAs("subject_id"), r), "one row per rule and subject");
    }
    // The designed scenarios' months (and December, the month after the window), in one computation.
    YearMonth month = SlaWatchlist.watchMonth(asOf);
    slaEvents(List.of(month.minusMonths(1), month, month.plusMonths(1), month.plusMonths(2)), asOf);
  }

  private static Instant local(String isoLocal) {
    return LocalDateTime.parse(isoLocal).atZone(MetricContext.ZONE).toInstant();
  }

  @Test
  void everyWatchlistDeadlineEqualsTheDeadlineOfTheSameSubjectInSlaEventsOfItsMonthWithTheSameAsOf() throws Exception {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    TreeSet<String> levelsSeen = new TreeSet<>();
    TreeSet<String> rulesSeen = new TreeSet<>();
    int checked = 0;
    for (String asOfText : AS_OFS) {
      Instant asOf = local(asOfText);
      WatchJob.Result result = WatchJob.run(spark(), lake, asOf, dir.resolve("out"), quiet);
      List<Row> watched = spark().read().format("delta").load(lake.gold(Gold.SLA_WATCHLIST_TABLE))
          .where(col("as_of_date").equalTo(SlaWatchlist.asOfDate(asOf).toString())).collectAsList();
      assertEquals(result.entries().size(), watched.size(), asOfText);

      slaEvents(watched.stream().map(w -> YearMonth.parse(w.<String>getAs("month"))).distinct().toList(), asOf);
      for (Row w : watched) {
        assertEquals(Timestamp.from(asOf), w.getAs("as_of"), "as_of stamped on every row");
        String month = w.getAs("month");
        Map<String, Row> events = slaEvents(YearMonth.parse(month), asOf);
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
  private Map<String, Row> slaEvents(YearMonth month, Instant asOf) {
    return slaEvents(List.of(month), asOf).get(month);
  }

  /**
   * sla_events of several months with one as_of, as a metrics run of those months composes them
   * (one silver read for the range, {@link MonthlyGold#tables(com.dispatch.quality.gold.SilverInputs, List,
   * java.util.function.UnaryOperator)}), in one collect; months computed before come from the cache.
   */
  private Map<YearMonth, Map<String, Row>> slaEvents(List<YearMonth> months, Instant asOf) {
    List<YearMonth> missing = months.stream().filter(m -> !slaEventsCache.containsKey(m + "|" + asOf)).sorted().toList();
    if (!missing.isEmpty()) {
      List<MetricContext> contexts = missing.stream()
          .map(m -> new MetricContext(m, asOf, refs.calendar(), refs.slaPolicies(), refs.qualityTargets())).toList();
      Dataset<Row> all = null;
      for (Map<String, Dataset<Row>> tables : MonthlyGold.tables(
          MetricsJob.readSilver(spark(), lake, missing.get(0), missing.get(missing.size() - 1)), contexts, df -> df).values()) {
        all = all == null ? tables.get("sla_events") : all.unionByName(tables.get("sla_events"));
      }
      for (YearMonth m : missing) slaEventsCache.put(m + "|" + asOf, new HashMap<>());
      for (Row r : all.collectAsList()) {
        slaEventsCache.get(r.getAs("month") + "|" + asOf).put(r.getAs("rule") + "|" + r.getAs("subject_id"), r);
      }
    }
    Map<YearMonth, Map<String, Row>> out = new LinkedHashMap<>();
    for (YearMonth m : months) out.put(m, slaEventsCache.get(m + "|" + asOf));
    return out;
  }

  // ---- the designed scenarios at the watch as_of (data-samples/README.md, FaultPlan watch.*) ----

  private Row watched(String rule, String subject) {
    Row r = watch.get(rule + "|" + subject);
    assertNotNull(r, rule + " " + subject + " is not on the watchlist of " + WATCH_AS_OF + "; listed: " + watch.keySet());
    return r;
  }

  private static Instant instant(Row r, String column) { return r.<Timestamp>getAs(column).toInstant(); }

  /** The truth's row of a subject, as written by the generator. */
  private Map<String, String> truthRow(String rule, String subject) {
    for (Map<String, String> t : truth) {
      if (t.get("rule").equals(rule) && t.get("subject_id").equals(subject)) return t;
    }
    throw new AssertionError(rule + " " + subject + " is not in _ground_truth/sla_watchlist.csv");
  }

  /** _ground_truth/sla_watchlist.csv as header -> value maps, read with the project's CSV reader. */
  private static List<Map<String, String>> readTruth() throws IOException {
    try (CsvReader csv = new CsvReader(Files.newBufferedReader(SAMPLES.resolve("_ground_truth/sla_watchlist.csv"),
        StandardCharsets.UTF_8))) {
      List<String> header = csv.next().fields();
      List<Map<String, String>> out = new ArrayList<>();
      for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < header.size(); i++) m.put(header.get(i), r.fields().get(i));
        out.add(m);
      }
      return out;
    }
  }

  /** Keys as a multiset: each distinct key with how often it occurs. */
  private static TreeMap<String, Long> multiset(List<String> keys) {
    return keys.stream().collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
  }

  /**
   * A designed subject: on the list at {@code level}, with the hand-computed deadline, which is
   * also the truth's deadline and the deadline of the same subject in sla_events of its month
   * computed with the same as_of (PENDING there, or BREACHED when OVERDUE).
   */
  private Row assertDesigned(String rule, String subject, String month, WatchLevel level, String deadlineLocal)
      throws Exception {
    Row w = watched(rule, subject);
    assertEquals(level.name(), w.getAs("level"), rule + " " + subject);
    assertEquals(month, w.getAs("month"), rule + " " + subject);
    assertEquals(local(deadlineLocal), instant(w, "deadline_at"), rule + " " + subject + " deadline");
    Map<String, String> t = truthRow(rule, subject);
    assertEquals(level.name(), t.get("level"), "truth level of " + subject);
    assertEquals(OffsetDateTime.parse(t.get("deadline_at")).toInstant(), instant(w, "deadline_at"), "truth deadline of " + subject);
    Row e = slaEvents(YearMonth.parse(month), local(WATCH_AS_OF)).get(rule + "|" + subject);
    assertNotNull(e, subject + " is not in sla_events of " + month);
    assertEquals(instant(e, "deadline_at"), instant(w, "deadline_at"), "sla_events deadline of " + subject);
    assertEquals(level == WatchLevel.OVERDUE ? "BREACHED" : "PENDING", e.getAs("status"), "sla_events status of " + subject);
    return w;
  }

  @Test
  void levelsOverdueOnceTheDeadlineHasPassed() throws Exception {
    // DISPUTE reported Sun 2025-10-12 08:00, no plan by as_of: due 24 h later, 10-13 08:00, 2 h before as_of.
    Row w = assertDesigned("DISPUTE_PLAN_24H", "CASE-C0001-202510-W01", "2025-10", WatchLevel.OVERDUE, "2025-10-13T08:00");
    assertEquals(-2.0, w.<Double>getAs("hours_left"), 1e-9, "hours_left is negative when overdue");
  }

  @Test
  void levelsCritical90AtNinetyPercentOfTheTimeUsed() throws Exception {
    // COMPLAINT reported Sun 2025-10-12 12:00, responded only at 10-13 11:20 (after as_of):
    // due 10-13 12:00; 22 of 24 h used = 0.9167.
    Row w = assertDesigned("COMPLAINT_RESPONSE_24H", "CASE-C0001-202510-W02", "2025-10", WatchLevel.CRITICAL_90,
        "2025-10-13T12:00");
    assertEquals(22.0 / 24.0, w.<Double>getAs("elapsed_share"), 1e-9);
    assertEquals(2.0, w.<Double>getAs("hours_left"), 1e-9);
  }

  @Test
  void levelsNoEntryBelowHalfTheTime() {
    // The same complaint's plan is due at the end of Tue 10-14 (working days after Sun 10-12:
    // Mon 10-13, Tue 10-14): 22 of 60 h used = 0.37, not on the list.
    assertFalse(watch.containsKey("COMPLAINT_PLAN_2WD|CASE-C0001-202510-W02"), "a subject below 0.5 is listed");
  }

  @Test
  void levelsCompletedByAsOfIsNotListed() {
    // CASE-C0001-202510-W03 was responded to on 10-10 15:00, before as_of, though its 24 h are long over.
    assertFalse(watch.containsKey("COMPLAINT_RESPONSE_24H|CASE-C0001-202510-W03"), "a completed subject is listed");
  }

  @Test
  void complaintPlanDeadlineCountsTheMakeUpSaturdayAsAWorkingDay() throws Exception {
    // Reported Fri 2025-10-10 10:00. reference/cn_calendar.csv: 2025-10-11,true (调休, a make-up
    // working Saturday). Working days after 10-10: Sat 10-11 (1st), Mon 10-13 (2nd): due at the end
    // of 10-13; 72 of 86 h used = 0.837, WARN_75. Treating the Saturday as a day off would give the
    // end of Tue 10-14 and 72 of 110 h = 0.65, WARN_50.
    Row w = assertDesigned("COMPLAINT_PLAN_2WD", "CASE-C0001-202510-W03", "2025-10", WatchLevel.WARN_75,
        "2025-10-13T23:59:59.999");
    assertEquals(72.0 / (86.0 - 1e-3 / 3600), w.<Double>getAs("elapsed_share"), 1e-9);
  }

  @Test
  void clockStartsAtTheHireNoticeForTheContract() throws Exception {
    // A00000321-1 starts Mon 2025-11-03, confirmed on 2025-09-19 09:30, unsigned at as_of: the clock
    // runs from the notice to the end of the start date, 576.5 of 1094.5 h used = 0.527, WARN_50.
    // From the start of the start date it would not have started at all.
    Row w = assertDesigned("CONTRACT_BY_START", "A00000321-1", "2025-11", WatchLevel.WARN_50, "2025-11-03T23:59:59.999");
    assertEquals(local("2025-09-19T09:30"), instant(w, "clock_start_at"));
    assertEquals(576.5 / (1094.5 - 1e-3 / 3600), w.<Double>getAs("elapsed_share"), 1e-9);
  }

  @Test
  void clockStartsAtTheStartOfTheStartDateForInsurance() {
    // The same hire's INSURANCE_30D clock starts at 2025-11-03 00:00, after as_of: not listed.
    assertFalse(watch.containsKey("INSURANCE_30D|A00000321-1"), "insurance clock started before the start date");
  }

  @Test
  void clockStartsAtOccurredAtForTheInjuryDetermination() throws Exception {
    // CASE-C0001-202509-W04: occupational disease diagnosed Mon 2025-09-15 09:00, reported Sun 09-21
    // 09:00, determination not filed by as_of. Due at the end of 09-15 + 30 days = 10-15; from the
    // diagnosis 673 of 735 h used = 0.916, CRITICAL_90 (from reported_at: 529 of 591 h = 0.895, WARN_75).
    Row w = assertDesigned("INJURY_DETERMINATION_30D", "CASE-C0001-202509-W04", "2025-09", WatchLevel.CRITICAL_90,
        "2025-10-15T23:59:59.999");
    assertEquals(local("2025-09-15T09:00"), instant(w, "clock_start_at"));
  }

  @Test
  void monthWindowIncludesTheMonthAfterAsOf() throws Exception {
    // month(as_of) = 2025-10: the window is 2025-09 .. 2025-11. A contract due on a November start
    // date is on the list (see clockStartsAtTheHireNoticeForTheContract), and so is September's injury.
    assertEquals("2025-11", watched("CONTRACT_BY_START", "A00000321-1").getAs("month"));
    assertEquals("2025-09", watched("INJURY_DETERMINATION_30D", "CASE-C0001-202509-W04").getAs("month"));
  }

  @Test
  void monthWindowLeavesOutTheMonthAfterNext() {
    // A00000322-1 starts Mon 2025-12-01, confirmed 2025-08-15 10:00, unsigned at as_of: 1416 of
    // 2606 h used = 0.54, but December is month(as_of) + 2. sla_events of December with the same
    // as_of has the subject (PENDING): it is the window that leaves it out.
    assertFalse(watch.containsKey("CONTRACT_BY_START|A00000322-1"), "a subject of month(as_of) + 2 is listed");
    Row e = slaEvents(YearMonth.of(2025, 12), local(WATCH_AS_OF)).get("CONTRACT_BY_START|A00000322-1");
    assertNotNull(e, "A00000322-1 is in December's sla_events");
    assertEquals("PENDING", e.getAs("status"));
  }

  @Test
  void watchlistAtTheScenariosAsOfEqualsTheGroundTruthAsAMultiset() throws Exception {
    Assertions.assertTrue(Files.readString(SAMPLES.resolve("_ground_truth/README.md"), StandardCharsets.UTF_8)
        .contains("--as-of 2025-10-13T10:00:00+08:00"), "the truth README names the as_of this test uses");
    TreeMap<String, Long> expected = multiset(truth.stream().map(t -> String.join("|", t.get("as_of_date"), t.get("rule"),
        t.get("subject_id"), t.get("client_id"), t.get("month"), OffsetDateTime.parse(t.get("clock_start_at")).toInstant().toString(),
        OffsetDateTime.parse(t.get("deadline_at")).toInstant().toString(), t.get("level"))).toList());
    TreeMap<String, Long> actual = multiset(watch.values().stream().map(w -> String.join("|", w.<String>getAs("as_of_date"),
        w.getAs("rule"), w.getAs("subject_id"), w.getAs("client_id"), w.getAs("month"), instant(w, "clock_start_at").toString(),
        instant(w, "deadline_at").toString(), w.getAs("level"))).toList());
    List<String> diff = new ArrayList<>();
    TreeSet<String> all = new TreeSet<>(expected.keySet());
    all.addAll(actual.keySet());
    for (String k : all) {
      long e = expected.getOrDefault(k, 0L);
      long a = actual.getOrDefault(k, 0L);
      if (e != a) diff.add(k + " (truth " + e + "x, watch " + a + "x)");
    }
    Assertions.assertTrue(diff.isEmpty(), diff.size() + " rows differ, e.g. " + diff.subList(0, Math.min(8, diff.size())));
    for (Map<String, String> t : truth) {
      Row w = watched(t.get("rule"), t.get("subject_id"));
      assertEquals(Double.parseDouble(t.get("hours_left")), w.<Double>getAs("hours_left"), 1e-6, "hours_left " + t);
    }
    TreeSet<String> levels = new TreeSet<>();
    for (Map<String, String> t : truth) levels.add(t.get("level"));
    assertEquals(4, levels.size(), "the truth has every level: " + levels);
  }
}
