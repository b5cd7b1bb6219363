package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.ScoreFixtures.FEB;
import static com.dispatch.quality.gold.ScoreFixtures.JAN;
import static com.dispatch.quality.gold.ScoreFixtures.LATE;
import static com.dispatch.quality.gold.ScoreFixtures.MAR;
import static com.dispatch.quality.gold.ScoreFixtures.activity;
import static com.dispatch.quality.gold.ScoreFixtures.at;
import static com.dispatch.quality.gold.ScoreFixtures.byKey;
import static com.dispatch.quality.gold.ScoreFixtures.commitment;
import static com.dispatch.quality.gold.ScoreFixtures.ctx;
import static com.dispatch.quality.gold.ScoreFixtures.silver;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import org.junit.jupiter.api.Assertions;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** SPEC §4.4 service frequency. */
class ServiceFrequencyTest extends SparkTestBase {

  private static final List<Row> QUARTERLY_VISITS = List.of(
      commitment("C1", "ONSITE_VISIT", "QUARTER", 3, "2025-01-01", null));
  private static final List<Row> VISITS_IN_Q1 = List.of(
      activity("A1", "C1", "ONSITE_VISIT", "2026-01-10 10:00"),
      activity("A2", "C1", "ONSITE_VISIT", "2026-02-05 10:00"),
      activity("A3", "C1", "ONSITE_VISIT", "2026-03-20 10:00"),
      activity("A4", "C1", "ONSITE_VISIT", "2026-04-02 10:00"),
      activity("A0", "C1", "ONSITE_VISIT", "2025-12-30 10:00"));

  private Map<String, Row> frequency(List<Row> commitments, List<Row> activities, YearMonth month, Instant asOf) {
    Dataset<Row> out = ServiceFrequency.compute(silver(spark(), List.of(), commitments, activities, List.of()),
        ctx(month, asOf));
    return byKey(out, "client_id", "activity_type", "period");
  }

  @Test
  void outputHasTheGoldColumnsWithoutRunColumns() {
    Dataset<Row> out = ServiceFrequency.compute(silver(spark(), List.of(), QUARTERLY_VISITS, VISITS_IN_Q1, List.of()),
        ctx(FEB, LATE));
    List<String> expected = Arrays.stream(Gold.SERVICE_FREQUENCY.fieldNames())
        .filter(c -> !c.equals("run_id") && !c.equals("as_of")).toList();
    assertEquals(expected, Arrays.asList(out.columns()));
  }

  @Test
  void quarterlyCommitmentMidQuarterReportsProgressToDateNotFinal() {
    Row q = frequency(QUARTERLY_VISITS, VISITS_IN_Q1, FEB, LATE).get("C1|ONSITE_VISIT|2026-Q1");
    assertEquals("QUARTER", q.getAs("period_type"));
    assertEquals("2026-02", q.getAs("month"));
    assertEquals(2L, (long) q.getAs("actual_count"), "January and February visits, not March's");
    Assertions.assertFalse(q.<Boolean>getAs("is_compliant"));
    Assertions.assertFalse(q.<Boolean>getAs("is_final"), "February does not close Q1");
  }

  @Test
  void quarterlyCommitmentAtQuarterEndIsFinal() {
    Row q = frequency(QUARTERLY_VISITS, VISITS_IN_Q1, MAR, LATE).get("C1|ONSITE_VISIT|2026-Q1");
    assertEquals(3L, (long) q.getAs("actual_count"), "the whole quarter, neither December nor April");
    Assertions.assertTrue(q.<Boolean>getAs("is_compliant"));
    Assertions.assertTrue(q.<Boolean>getAs("is_final"));
  }

  @Test
  void monthlyCommitmentMetAndMissed() {
    List<Row> commitments = List.of(
        commitment("C1", "COMMUNICATION_CLIENT", "MONTH", 2, "2025-06-01", null),
        commitment("C1", "FORMAL_REPORT", "MONTH", 1, "2025-06-01", null));
    List<Row> activities = List.of(
        activity("A1", "C1", "COMMUNICATION_CLIENT", "2026-01-05 09:00"),
        activity("A2", "C1", "COMMUNICATION_CLIENT", "2026-01-28 09:00"),
        activity("A3", "C1", "FORMAL_REPORT", "2025-12-31 09:00"));
    Map<String, Row> rows = frequency(commitments, activities, JAN, LATE);

    Row met = rows.get("C1|COMMUNICATION_CLIENT|2026-01");
    assertEquals(2L, (long) met.getAs("actual_count"));
    Assertions.assertTrue(met.<Boolean>getAs("is_compliant"));
    Assertions.assertTrue(met.<Boolean>getAs("is_final"), "a MONTH period is always final");

    Row missed = rows.get("C1|FORMAL_REPORT|2026-01");
    assertEquals(0L, (long) missed.getAs("actual_count"), "December's report does not count for January");
    Assertions.assertFalse(missed.<Boolean>getAs("is_compliant"));
  }

  @Test
  void commitmentNotYetEffectiveOnThePeriodsFirstDayIsIgnored() {
    List<Row> commitments = List.of(
        commitment("C1", "COMMUNICATION_CLIENT", "MONTH", 1, "2026-01-02", null),
        commitment("C1", "ONSITE_VISIT", "QUARTER", 1, "2026-02-01", null),
        commitment("C1", "FORMAL_REPORT", "MONTH", 1, "2025-01-01", "2025-12-31"));
    Assertions.assertTrue(frequency(commitments, List.of(), JAN, LATE).isEmpty());
    assertEquals(List.of("C1|COMMUNICATION_CLIENT|2026-02"),
        List.copyOf(frequency(commitments, List.of(), FEB, LATE).keySet()),
        "the quarterly one started after Q1's first day; the report ended before February");
  }

  @Test
  void activityAfterAsOfIsIgnored() {
    List<Row> commitments = List.of(commitment("C1", "COMMUNICATION_CLIENT", "MONTH", 2, "2025-01-01", null));
    List<Row> activities = List.of(
        activity("A1", "C1", "COMMUNICATION_CLIENT", "2026-01-10 09:00"),
        activity("A2", "C1", "COMMUNICATION_CLIENT", "2026-01-20 09:00"));
    Row r = frequency(commitments, activities, JAN, at("2026-01-15 12:00")).get("C1|COMMUNICATION_CLIENT|2026-01");
    assertEquals(1L, (long) r.getAs("actual_count"));
    Assertions.assertFalse(r.<Boolean>getAs("is_compliant"));
  }

  @Test
  void monthIsBucketedByShanghaiDate() {
    List<Row> commitments = List.of(commitment("C1", "COMMUNICATION_CLIENT", "MONTH", 1, "2025-01-01", null));
    // 2026-02-01 00:30 in Shanghai is still 2026-01-31 in UTC: it belongs to February.
    List<Row> activities = List.of(activity("A1", "C1", "COMMUNICATION_CLIENT", "2026-02-01 00:30"));
    assertEquals(0L, (long) frequency(commitments, activities, JAN, LATE)
        .get("C1|COMMUNICATION_CLIENT|2026-01").getAs("actual_count"));
    assertEquals(1L, (long) frequency(commitments, activities, FEB, LATE)
        .get("C1|COMMUNICATION_CLIENT|2026-02").getAs("actual_count"));
  }

  @Test
  void latestEffectiveFromWinsAmongOverlappingCommitments() {
    List<Row> commitments = List.of(
        commitment("C1", "COMMUNICATION_EMPLOYEE", "MONTH", 1, "2025-01-01", null),
        commitment("C1", "COMMUNICATION_EMPLOYEE", "MONTH", 4, "2026-01-01", null));
    Map<String, Row> rows = frequency(commitments, List.of(), JAN, LATE);
    assertEquals(1, rows.size());
    assertEquals(4, (int) rows.get("C1|COMMUNICATION_EMPLOYEE|2026-01").getAs("min_count"));
  }

  @Test
  void activitiesOfAnotherClientOrTypeDoNotCount() {
    List<Row> commitments = List.of(commitment("C1", "ONSITE_VISIT", "MONTH", 1, "2025-01-01", null));
    List<Row> activities = List.of(
        activity("A1", "C2", "ONSITE_VISIT", "2026-01-10 09:00"),
        activity("A2", "C1", "FORMAL_REPORT", "2026-01-10 09:00"));
    assertEquals(0L, (long) frequency(commitments, activities, JAN, LATE).get("C1|ONSITE_VISIT|2026-01")
        .getAs("actual_count"));
  }
}
