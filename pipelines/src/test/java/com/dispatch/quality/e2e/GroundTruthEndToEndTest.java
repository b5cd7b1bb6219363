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
import java.util.List;
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
 * generator injected — settlement errors (SPEC §4.1), SLA breaches and counts per rule (§4.3),
 * response-time subjects (§4.2), service frequency (§4.4), shortlists (§4.5), satisfaction and
 * its KPIs (§4.7) and the quarantine (§3). The truth is computed by the generator independently of the gold transforms.
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

  private static TreeSet<String> keys(Dataset<Row> df, String... cols) {
    return df.selectExpr("concat_ws('|', " + String.join(", ",
            java.util.Arrays.stream(cols).map(c -> "coalesce(cast(" + c + " as string), '')").toList()) + ") k")
        .collectAsList().stream().map(r -> r.getString(0)).collect(Collectors.toCollection(TreeSet::new));
  }

  private static void assertSameKeys(TreeSet<String> expected, TreeSet<String> actual, String what) {
    TreeSet<String> missing = new TreeSet<>(expected);
    missing.removeAll(actual);
    TreeSet<String> unexpected = new TreeSet<>(actual);
    unexpected.removeAll(expected);
    Assertions.assertTrue(missing.isEmpty() && unexpected.isEmpty(), what + ": in truth only " + head(missing)
        + "; in gold only " + head(unexpected) + " (" + expected.size() + " expected)");
  }

  private static String head(TreeSet<String> s) {
    return s.stream().limit(8).collect(Collectors.toList()) + (s.size() > 8 ? " ... " + s.size() + " in all" : "");
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
}
