package com.dispatch.quality.e2e;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import org.junit.jupiter.api.Assertions;

import com.dispatch.quality.generate.LandingGenerator;
import com.dispatch.quality.ingest.IngestJob;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.metrics.MetricsJob;
import com.dispatch.quality.testing.SparkTestBase;
import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline against the generator's ground truth (issue 3): generate a few thousand
 * employees, ingest, compute every month, and require the gold tables to say exactly what the
 * generator injected — settlement errors with their amounts (SPEC §4.1), SLA breaches and counts
 * per rule (§4.3), response-time subjects (§4.2), service frequency (§4.4), shortlists (§4.5),
 * satisfaction and its KPIs (§4.7) and the quarantine (§3). Rows are compared as multisets: a
 * gold or quarantine row written twice fails.
 *
 * <p>What the truth shares with the pipeline: the generator computes it from its own scenario
 * values, not from the gold transforms, but it calls the same {@code ExpectedSettlement} (expected
 * amounts, HALF_UP), the same {@code WorkCalendar} over the same bundled {@code cn_calendar.csv}
 * (working days, holidays, 调休; the generator copies that file into the landing zone the pipeline
 * reads), the same {@code SlaPolicies} (rule limits, the defaults in {@code SlaRule}, per-client
 * overrides) and the same domain enums: {@code SlaRule}'s case type and completion milestone per
 * rule and {@code ResponseMetric}'s end milestone per metric. A bug in one of those is in the truth
 * too and passes every comparison with it. The hand-computed tests at the end cover that gap: a
 * few gold rows of this run (seed 4242), worked out from the generated landing CSVs by hand, with
 * the arithmetic beside them (amounts and HALF_UP, the rate of the month's first day, wage and
 * complaint deadlines against the official calendar, a client's own limit, and one rule's
 * completion milestone). If the generator's output for this seed changes, they must be worked out
 * again.
 */
class GroundTruthEndToEndTest extends SparkTestBase {
  private static final YearMonth START = YearMonth.of(2025, 9);
  private static final int MONTHS = 4;

  @TempDir static Path dir;
  private Path landing;
  private Path truth;
  private Lake lake;

  @BeforeAll
  void generateIngestAndComputeEveryMonth() throws Exception {
    landing = dir.resolve("landing");
    truth = landing.resolve("_ground_truth");
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    LandingGenerator.generate(new LandingGenerator.Config(10, 3000, MONTHS, START, 4242L, landing), quiet);
    lake = new Lake(dir.resolve("lake").toUri().toString());
    IngestJob.run(spark(), lake, landing.toUri().toString());
    // The truth holds for any as_of from the first day of the third month after the last one.
    Instant asOf = START.plusMonths(MONTHS - 1 + 3).atDay(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant();
    for (int i = 0; i < MONTHS; i++) {
      MetricsJob.run(spark(), lake, START.plusMonths(i), asOf, quiet);
    }
  }

  private Dataset<Row> truthCsv(String name) {
    return spark().read().option("header", true).csv(truth.resolve(name).toString());
  }

  private Dataset<Row> gold(String table) {
    return spark().read().format("delta").load(lake.gold(table));
  }

  /** Every row as "col|col|...", with how often it occurs. */
  private static TreeMap<String, Long> keys(Dataset<Row> df, String... cols) {
    return df.selectExpr("concat_ws('|', " + String.join(", ",
            java.util.Arrays.stream(cols).map(c -> "coalesce(cast(" + c + " as string), '')").toList()) + ") k")
        .collectAsList().stream().map(r -> r.getString(0))
        .collect(Collectors.groupingBy(k -> k, TreeMap::new, Collectors.counting()));
  }

  /** Equal as multisets: the same rows, each as often. */
  private static void assertSameKeys(TreeMap<String, Long> expected, TreeMap<String, Long> actual, String what) {
    List<String> diff = new ArrayList<>();
    TreeSet<String> all = new TreeSet<>(expected.keySet());
    all.addAll(actual.keySet());
    long expectedRows = 0;
    for (String k : all) {
      long e = expected.getOrDefault(k, 0L);
      long a = actual.getOrDefault(k, 0L);
      expectedRows += e;
      if (e != a) diff.add(k + " (truth " + e + "x, gold " + a + "x)");
    }
    Assertions.assertTrue(diff.isEmpty(), what + ": " + diff.size() + " rows differ, e.g. "
        + diff.stream().limit(8).collect(Collectors.toList()) + " (" + expectedRows + " rows expected)");
  }

  @Test
  void settlementQualityCountsEqualTheInjectedHeadcountAndCalcErrors() {
    String[] cols = {"client_id", "month", "settlement_status", "expected_headcount", "billed_headcount", "missing",
        "extra", "duplicate", "headcount_errors", "evaluated_lines", "calc_error_lines", "correction_batches"};
    assertSameKeys(keys(truthCsv("settlement_quality.csv"), cols), keys(gold("settlement_quality"), cols),
        "settlement_quality");
  }

  @Test
  void settlementErrorsListExactlyTheInjectedMissingExtraDuplicateAndCalcRows() {
    String[] cols = {"client_id", "month", "employee_id", "error", "component"};
    assertSameKeys(keys(truthCsv("settlement_errors.csv"), cols), keys(gold("settlement_errors"), cols),
        "settlement_errors");
  }

  @Test
  void calcErrorsHaveTheInjectedBilledAndExpectedAmounts() {
    // The truth gives amounts only for CALC rows (headcount errors have none there).
    String[] cols = {"client_id", "month", "employee_id", "component",
        "cast(cast(billed as decimal(18,2)) as string)", "cast(cast(expected as decimal(18,2)) as string)"};
    Dataset<Row> truthCalc = truthCsv("settlement_errors.csv").where(col("error").equalTo(lit("CALC")));
    Assertions.assertTrue(truthCalc.count() > 0, "the generator injects calc errors");
    assertSameKeys(keys(truthCalc, cols), keys(gold("settlement_errors").where(col("error").equalTo(lit("CALC"))), cols),
        "settlement_errors CALC amounts");
  }

  @Test
  void slaCountsPerRuleClientAndMonthEqualTheInjectedLateness() {
    String[] cols = {"rule", "client_id", "month", "evaluated", "met", "breached", "pending"};
    assertSameKeys(keys(truthCsv("sla_counts.csv"), cols), keys(gold("sla_compliance"), cols), "sla_compliance");
  }

  @Test
  void slaBreachesAreExactlyTheSubjectsTheGeneratorMadeLate() {
    String[] cols = {"rule", "subject_id", "client_id", "month"};
    assertSameKeys(keys(truthCsv("sla_breaches.csv"), cols),
        keys(gold("sla_events").where(col("status").equalTo(lit("BREACHED"))), cols), "sla breaches");
  }

  @Test
  void responseTimeSubjectsHaveTheGeneratedStatusAndHours() {
    String[] cols = {"metric", "subject_id", "client_id", "month", "status", "round(cast(hours as double), 4)"};
    assertSameKeys(keys(truthCsv("response_time_events.csv"), cols), keys(gold("response_time_events"), cols),
        "response_time_events");
  }

  @Test
  void serviceFrequencyCountsEqualTheGeneratedActivities() {
    String[] cols = {"client_id", "activity_type", "period", "month", "period_type", "min_count", "actual_count",
        "lower(cast(is_compliant as string))", "lower(cast(is_final as string))"};
    assertSameKeys(keys(truthCsv("service_frequency.csv"), cols), keys(gold("service_frequency"), cols),
        "service_frequency");
  }

  @Test
  void recruitmentShortlistCountsEqualTheGeneratedCandidates() {
    String[] cols = {"client_id", "month", "recruitment_cases", "outside_range", "too_few", "too_many", "no_count"};
    assertSameKeys(keys(truthCsv("recruitment_shortlist.csv"), cols), keys(gold("recruitment_shortlist"), cols),
        "recruitment_shortlist");
  }

  @Test
  void satisfactionEqualsTheGeneratedFollowUps() {
    String[] cols = {"client_id", "month", "respondent_type", "responses", "round(cast(mean_score as double), 4)",
        "satisfied", "dissatisfied", "round(cast(satisfied_share as double), 4)", "respondents_expected",
        "round(cast(response_rate as double), 4)"};
    assertSameKeys(keys(truthCsv("satisfaction.csv"), cols), keys(gold("satisfaction"), cols), "satisfaction");
  }

  @Test
  void satisfactionKpisAreTheGeneratedSatisfiedSharesAndNoDataWithoutSurveys() {
    Dataset<Row> truthShares = truthCsv("satisfaction.csv").where(col("client_id").notEqual(lit("*")))
        .selectExpr("client_id", "month", "concat(respondent_type, '_SATISFACTION') kpi", "satisfied_share value");
    String[] cols = {"client_id", "month", "kpi", "round(cast(value as double), 4)"};
    Dataset<Row> kpis = gold("client_scorecard").where(col("kpi").isin("CLIENT_SATISFACTION", "EMPLOYEE_SATISFACTION"));
    assertSameKeys(keys(truthShares, cols), keys(kpis.where(col("value").isNotNull()), cols), "satisfaction KPIs");
    Dataset<Row> noData = kpis.where(col("value").isNull());
    Assertions.assertTrue(noData.where(col("client_id").equalTo(lit("C0010"))).count() > 0,
        "the client without surveys (the last one) is scored without satisfaction data");
    assertEquals(0, noData.where(col("status").notEqual(lit("NO_DATA"))).count(), "a KPI without responses is NO_DATA");
  }

  @Test
  void quarantineHoldsExactlyTheInjectedBadRowsWithTheirReasonCodes() {
    String[] cols = {"file", "line", "reason"};
    Dataset<Row> quarantine = spark().read().format("delta").load(lake.quarantine());
    assertSameKeys(keys(truthCsv("quarantine.csv"), cols), keys(quarantine, cols), "quarantine");
  }

  @Test
  void everyGoldRowOfAMonthCarriesTheRunIdAndAsOf() {
    for (String table : com.dispatch.quality.schema.Gold.TABLES.keySet()) {
      long bad = gold(table).where(col("run_id").isNull().or(col("as_of").isNull())).count();
      assertEquals(0, bad, table + " rows without run_id/as_of");
    }
    List<Row> months = gold("settlement_quality").select("month").distinct().collectAsList();
    assertEquals(MONTHS, months.size());
  }

  // ---- hand-computed rows: what sharing ExpectedSettlement, WorkCalendar, SlaPolicies and the rule enums cannot catch ----

  /** The one gold row with these key values. */
  private Row goldRow(String table, String... columnValuePairs) {
    Dataset<Row> df = gold(table);
    for (int i = 0; i < columnValuePairs.length; i += 2) {
      df = df.where(col(columnValuePairs[i]).equalTo(lit(columnValuePairs[i + 1])));
    }
    List<Row> rows = df.collectAsList();
    assertEquals(1, rows.size(), table + " rows for " + java.util.Arrays.toString(columnValuePairs));
    return rows.get(0);
  }

  @Test
  void handComputedExpectedTotalOfAMissingHeadJoiningMidMonth() {
    // roster/2025-11: A00001179-1, E00001179 at C0004 (广州, fee 135.00), wage 5000.00, base 4500.00,
    // start 2025-10-18, no end; C0004's October sheet has no line for E00001179 (MISSING).
    // Active 18..31 Oct = 14 of 31 days: wage 5000 x 14 / 31 = 2258.0645... -> 2258.06.
    // 广州 rates on 2025-10-01, base 4500 raised to the floor 5284.00:
    //   pension 5284 x 0.16 = 845.44; medical 5284 x 0.055 = 290.62; unemployment 5284 x 0.0048 = 25.3632 -> 25.36;
    //   work injury 5284 x 0.002 = 10.568 -> 10.57; housing fund 5284 x 0.05 = 264.20; service fee 135.00.
    // Total 2258.06 + 845.44 + 290.62 + 25.36 + 10.57 + 264.20 + 135.00 = 3829.25.
    Row r = goldRow("settlement_errors", "client_id", "C0004", "month", "2025-10", "employee_id", "E00001179");
    assertEquals("MISSING", r.getAs("error"));
    assertEquals(new java.math.BigDecimal("3829.25"), r.getAs("expected"));
    Assertions.assertNull(r.getAs("billed"));
  }

  @Test
  void handComputedContributionUsesTheRateEffectiveOnTheFirstDayOfTheMonth() {
    // E00000586 at C0003 (深圳): in 2025-12 only A00000586-2 (from 2025-10-31, open, base 10200.00) is active.
    // 深圳 WORK_INJURY is 0.0014 until 2025-12-14 and 0.002 from 2025-12-15; the rate of 2025-12-01 applies:
    // 10200 x 0.0014 = 14.28 (the later rate would give 20.40). The generator billed 1014.28.
    Row r = goldRow("settlement_errors", "client_id", "C0003", "month", "2025-12", "employee_id", "E00000586",
        "component", "work_injury");
    assertEquals(new java.math.BigDecimal("1014.28"), r.getAs("billed"));
    assertEquals(new java.math.BigDecimal("14.28"), r.getAs("expected"));
  }

  /** Every WAGE_ON_TIME deadline of a client's month (one due date for the whole sheet). */
  private List<Instant> wageDeadlines(String clientId, String month) {
    return gold("sla_events").where(col("rule").equalTo(lit("WAGE_ON_TIME")).and(col("client_id").equalTo(lit(clientId)))
            .and(col("month").equalTo(lit(month))))
        .select("deadline_at").distinct().collectAsList().stream().map(r -> r.getTimestamp(0).toInstant()).toList();
  }

  @Test
  void handComputedWageDeadlinesFollowTheOfficialCalendar() {
    // C0002 pays on the 5th: September's wages are due 2025-10-05, inside the National Day holiday
    // (10-01..10-08 off, reference/cn_calendar.csv); the previous working day is Tue 2025-09-30.
    assertEquals(List.of(Instant.parse("2025-09-30T15:59:59.999Z")), wageDeadlines("C0002", "2025-09"));
    // C0001 pays on the 15th: October's wages are due Sat 2025-11-15, so Fri 2025-11-14.
    assertEquals(List.of(Instant.parse("2025-11-14T15:59:59.999Z")), wageDeadlines("C0001", "2025-10"));
    // C0003 pays on the 31st: Fri 2025-10-31 is a working day.
    assertEquals(List.of(Instant.parse("2025-10-31T15:59:59.999Z")), wageDeadlines("C0003", "2025-09"));
    // November's wages are due in December: Wed 2025-12-31, a working day.
    assertEquals(List.of(Instant.parse("2025-12-31T15:59:59.999Z")), wageDeadlines("C0003", "2025-11"));
  }

  @Test
  void handComputedComplaintPlanDeadlinesSkipTheNationalDayHoliday() {
    // CASE-C0001-202509-0005 reported Tue 2025-09-30 16:07:53: the working days after 09-30 are
    // Thu 10-09 (1st) and Fri 10-10 (2nd): deadline end of 2025-10-10.
    Row a = goldRow("sla_events", "rule", "COMPLAINT_PLAN_2WD", "subject_id", "CASE-C0001-202509-0005");
    assertEquals(Instant.parse("2025-10-10T15:59:59.999Z"), a.getTimestamp(a.fieldIndex("deadline_at")).toInstant());
    // CASE-C0003-202510-0001 reported on the holiday Fri 2025-10-03: counted from 10-03, the same two days.
    Row b = goldRow("sla_events", "rule", "COMPLAINT_PLAN_2WD", "subject_id", "CASE-C0003-202510-0001");
    assertEquals(Instant.parse("2025-10-10T15:59:59.999Z"), b.getTimestamp(b.fieldIndex("deadline_at")).toInstant());
  }

  @Test
  void handComputedOnsiteDeadlineUsesTheClientsOwnLimit() {
    // reference/sla_policies.csv gives C0002 an INJURY_ONSITE_12H limit of 8 hours. CASE-C0002-202509-0003
    // was reported 2025-09-02T20:47:30+0800: deadline 2025-09-03 04:47:30 +08 (12 h would be 08:47:30).
    // ONSITE_HANDLING at 2025-09-03T01:32:47+09:00 = 2025-09-03 00:32:47 +08: MET.
    Row r = goldRow("sla_events", "rule", "INJURY_ONSITE_12H", "subject_id", "CASE-C0002-202509-0003");
    assertEquals(Instant.parse("2025-09-02T20:47:30Z"), r.getTimestamp(r.fieldIndex("deadline_at")).toInstant());
    assertEquals(Instant.parse("2025-09-02T16:32:47Z"), r.getTimestamp(r.fieldIndex("completed_at")).toInstant());
    assertEquals("MET", r.getAs("status"));
  }
}
