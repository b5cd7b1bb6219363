package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.CaseFixtures.CALENDAR;
import static com.dispatch.quality.gold.CaseFixtures.byKey;
import static com.dispatch.quality.gold.CaseFixtures.instant;
import static com.dispatch.quality.gold.CaseFixtures.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.config.QualityTargets;
import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.domain.CaseType;
import com.dispatch.quality.domain.Milestone;
import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** SPEC §4.8 early warning: clock starts, levels, the month window, agreement with sla_events. */
class SlaWatchlistTest extends SparkTestBase {
  private static final double EPS = 1e-9;

  private CaseFixtures cases() { return new CaseFixtures(spark()); }

  private static MetricContext watchContext(String asOfLocal, SlaPolicies policies) {
    Instant asOf = instant(asOfLocal);
    return new MetricContext(SlaWatchlist.watchMonth(asOf), asOf, CALENDAR, policies, QualityTargets.none());
  }

  private static MetricContext watchContext(String asOfLocal) { return watchContext(asOfLocal, SlaPolicies.defaults()); }

  private static Dataset<Row> watch(SilverInputs in, String asOfLocal) {
    return SlaWatchlist.compute(in, watchContext(asOfLocal));
  }

  /** Watchlist rows of one rule keyed by subject_id. */
  private static Map<String, Row> ofRule(Dataset<Row> out, SlaRule rule) {
    return byKey(out.where(out.col("rule").equalTo(rule.name())), "subject_id");
  }

  /** Every subject of the three months with its clock start, keyed by "rule|subject_id". */
  private static Map<String, Row> subjects(SilverInputs in, String asOfLocal) {
    MetricContext ctx = watchContext(asOfLocal);
    return byKey(SlaWatchlist.subjects(in, ctx, WageOnTime.payDays(in.clients())), "rule", "subject_id");
  }

  private static double share(String clockStart, Timestamp deadline, String asOf) {
    Instant c = instant(clockStart);
    return (double) Duration.between(c, instant(asOf)).toNanos() / Duration.between(c, deadline.toInstant()).toNanos();
  }

  @Test
  void outputHasTheGoldColumnsWithoutRunColumnsAndTheAsOfDate() {
    Dataset<Row> out = watch(cases().reported("K1", "C1", CaseType.COMPLAINT, "2025-09-16 11:00").inputs(),
        "2025-09-17 12:00");
    String[] expected = Arrays.stream(Gold.SLA_WATCHLIST.fieldNames())
        .filter(n -> !n.equals("run_id") && !n.equals("as_of")).toArray(String[]::new);
    assertEquals(Arrays.asList(expected), Arrays.asList(out.columns()));
    assertEquals("2025-09-17", ofRule(out, SlaRule.COMPLAINT_RESPONSE_24H).get("K1").getAs("as_of_date"));
  }

  @Test
  void levelsAreWarn50Warn75Critical90FromTheElapsedShareAndOverdueOnceTheDeadlineHasPassed() {
    // COMPLAINT_RESPONSE_24H, as of Wednesday 2025-09-17 12:00.
    Dataset<Row> out = watch(cases()
        .reported("K50", "C1", CaseType.COMPLAINT, "2025-09-17 00:00")     // 12 h of 24 = 0.50
        .reported("K49", "C1", CaseType.COMPLAINT, "2025-09-17 00:01")     // just below half: not listed
        .reported("K75", "C1", CaseType.COMPLAINT, "2025-09-16 18:00")     // 18 h = 0.75
        .reported("K89", "C1", CaseType.COMPLAINT, "2025-09-16 14:25")     // 21 h 35 min: still WARN_75
        .reported("K90", "C1", CaseType.COMPLAINT, "2025-09-16 14:24")     // 21.6 h = 0.90
        .reported("KDUE", "C1", CaseType.COMPLAINT, "2025-09-16 12:00")    // deadline = as_of: not yet overdue
        .reported("KLATE", "C1", CaseType.COMPLAINT, "2025-09-16 11:00")   // deadline 1 h ago
        .inputs(), "2025-09-17 12:00");
    Map<String, Row> r = ofRule(out, SlaRule.COMPLAINT_RESPONSE_24H);
    assertEquals("WARN_50", r.get("K50").getAs("level"));
    assertEquals(0.5, r.get("K50").<Double>getAs("elapsed_share"), EPS);
    assertEquals(12.0, r.get("K50").<Double>getAs("hours_left"), EPS);
    assertFalse(r.containsKey("K49"));
    assertEquals("WARN_75", r.get("K75").getAs("level"));
    assertEquals("WARN_75", r.get("K89").getAs("level"));
    assertEquals("CRITICAL_90", r.get("K90").getAs("level"));
    assertEquals("CRITICAL_90", r.get("KDUE").getAs("level"));
    assertEquals(0.0, r.get("KDUE").<Double>getAs("hours_left"), EPS);
    assertEquals("OVERDUE", r.get("KLATE").getAs("level"));
    assertEquals(-1.0, r.get("KLATE").<Double>getAs("hours_left"), EPS);
    assertEquals(25.0 / 24, r.get("KLATE").<Double>getAs("elapsed_share"), EPS);
  }

  @Test
  void aSubjectCompletedByAsOfIsNotListedButACompletionStampedAfterAsOfHasNotHappened() {
    Dataset<Row> out = watch(cases()
        .reported("DONE", "C1", CaseType.COMPLAINT, "2025-09-16 11:00")
        .milestone("DONE", Milestone.RESPONDED, "2025-09-17 11:30")   // late, but done: sla_events' business
        .reported("LATER", "C1", CaseType.COMPLAINT, "2025-09-16 11:00")
        .milestone("LATER", Milestone.RESPONDED, "2025-09-17 13:00")  // after as_of
        .inputs(), "2025-09-17 12:00");
    Map<String, Row> r = ofRule(out, SlaRule.COMPLAINT_RESPONSE_24H);
    assertFalse(r.containsKey("DONE"));
    assertEquals("OVERDUE", r.get("LATER").getAs("level"));
  }

  @Test
  void caseClocksStartAtReportedAtAndInjuryDeterminationAtOccurredAt() {
    CaseFixtures f = cases().injury("I1", "C1", "2025-09-01 08:00", "2025-09-02 08:00");
    Map<String, Row> s = subjects(f.inputs(), "2025-09-25 12:00");
    assertEquals(ts("2025-09-02 08:00"), s.get("INJURY_ONSITE_12H|I1").getAs("clock_start_at"));
    assertEquals(ts("2025-09-02 08:00"), s.get("INJURY_PLAN_24H|I1").getAs("clock_start_at"));
    assertEquals(ts("2025-09-02 08:00"), s.get("INJURY_AGENCY_24H|I1").getAs("clock_start_at"));
    assertEquals(ts("2025-09-01 08:00"), s.get("INJURY_DETERMINATION_30D|I1").getAs("clock_start_at"));

    Map<String, Row> out = ofRule(watch(f.inputs(), "2025-09-25 12:00"), SlaRule.INJURY_DETERMINATION_30D);
    Row d = out.get("I1");
    // Due at the end of 2025-10-01; 24 d 4 h of 30 d 16 h used.
    assertEquals(ts("2025-10-01 23:59:59.999"), d.getAs("deadline_at"));
    assertEquals(share("2025-09-01 08:00", d.getAs("deadline_at"), "2025-09-25 12:00"),
        d.<Double>getAs("elapsed_share"), EPS);
    assertEquals("WARN_75", d.getAs("level"));
  }

  @Test
  void injuryClientNoticeIsNeverOnTheWatchlist() {
    assertFalse(SlaRule.INJURY_CLIENT_NOTICE_12H.watched());
    // Reported a day after the accident: the client's 12 h notice is late, but it is not the company's deadline.
    Dataset<Row> out = watch(cases().injury("I1", "C1", "2025-09-16 08:00", "2025-09-17 09:00").inputs(),
        "2025-09-17 16:00");
    assertTrue(ofRule(out, SlaRule.INJURY_CLIENT_NOTICE_12H).isEmpty());
    // The company's own injury rules are watched as usual: on site 7 h into 12.
    assertEquals("WARN_50", ofRule(out, SlaRule.INJURY_ONSITE_12H).get("I1").getAs("level"));
  }

  @Test
  void contractClockStartsAtTheHireNoticeOrAtTheStartOfStartDateWhenThereIsNoneOrItCameAfterTheDeadlineDayBegan() {
    SilverInputs in = cases()
        .hireNotified("A1", "C1", "2025-09-18", "2025-09-16 12:00")
        .hireNotified("A2", "C1", "2025-09-18", null)
        .hireNotified("A3", "C1", "2025-09-18", "2025-09-18 06:00")
        .inputs();
    Map<String, Row> s = subjects(in, "2025-09-18 12:00");
    assertEquals(ts("2025-09-16 12:00"), s.get("CONTRACT_BY_START|A1").getAs("clock_start_at"));
    assertEquals(ts("2025-09-18 00:00"), s.get("CONTRACT_BY_START|A2").getAs("clock_start_at"));
    assertEquals(ts("2025-09-18 00:00"), s.get("CONTRACT_BY_START|A3").getAs("clock_start_at"));

    Map<String, Row> out = ofRule(watch(in, "2025-09-18 12:00"), SlaRule.CONTRACT_BY_START);
    assertEquals("WARN_75", out.get("A1").getAs("level"));   // 48 h of 60
    assertEquals("WARN_50", out.get("A2").getAs("level"));   // 12 h of 24
    assertEquals("WARN_50", out.get("A3").getAs("level"));
  }

  @Test
  void contractClockWithAClientLimitCountsTheNoticeAgainstTheLaterDeadlineDay() {
    // C2 may sign up to 2 days after the start: a notice on the start date precedes the deadline day.
    SlaPolicies policies = SlaPolicies.of(Map.of(SlaPolicies.key("CONTRACT_BY_START", "C2"), BigDecimal.valueOf(2)));
    SilverInputs in = cases().hireNotified("A5", "C2", "2025-09-18", "2025-09-18 06:00").inputs();
    MetricContext ctx = watchContext("2025-09-19 12:00", policies);
    Map<String, Row> s = byKey(SlaWatchlist.subjects(in, ctx, List.of()), "rule", "subject_id");
    assertEquals(ts("2025-09-18 06:00"), s.get("CONTRACT_BY_START|A5").getAs("clock_start_at"));
    assertEquals(ts("2025-09-20 23:59:59.999"), s.get("CONTRACT_BY_START|A5").getAs("deadline_at"));
  }

  @Test
  void insuranceClockStartsAtTheStartOfStartDate() {
    SilverInputs in = cases().hire("A1", "C1", "2025-08-20", "2025-08-19", null).inputs();
    Map<String, Row> s = subjects(in, "2025-09-18 12:00");
    assertEquals(ts("2025-08-20 00:00"), s.get("INSURANCE_30D|A1").getAs("clock_start_at"));
    Row r = ofRule(watch(in, "2025-09-18 12:00"), SlaRule.INSURANCE_30D).get("A1");
    assertEquals(ts("2025-09-19 23:59:59.999"), r.getAs("deadline_at"));
    assertEquals("CRITICAL_90", r.getAs("level"));
    // The contract was signed the day before the start: done, not listed.
    assertTrue(ofRule(watch(in, "2025-09-18 12:00"), SlaRule.CONTRACT_BY_START).isEmpty());
  }

  /** Client C1 with pay day {@code payDay}, E1's September line not paid yet. */
  private SettlementFixtures unpaidSeptember(int payDay) {
    SettlementFixtures f = new SettlementFixtures(spark()).client("C1", "SH", "100.00", payDay);
    for (String[] r : new String[][] {{"PENSION", "0.16"}, {"MEDICAL", "0.10"}, {"UNEMPLOYMENT", "0.005"},
        {"WORK_INJURY", "0.002"}, {"HOUSING_FUND", "0.07"}}) {
      f.rate("SH", r[0], r[1], "5000", "30000", "2020-01-01", null);
    }
    return f.assignment("A1", "E1", "2024-01-01", null)
        .line("L1", "B1", "C1", "2025-09", "2025-09-28 10:00:00", "E1", SettlementFixtures.FULL_MONTH, null);
  }

  @Test
  void wageClockStartsAtTheFirstDayOfTheNextMonth() {
    // Pay day 15: due Wednesday 2025-10-15; the clock runs from 2025-10-01 00:00.
    SilverInputs in = unpaidSeptember(15).inputs();
    Row s = subjects(in, "2025-10-12 12:00").get("WAGE_ON_TIME|L1");
    assertEquals(ts("2025-10-01 00:00"), s.getAs("clock_start_at"));
    Row r = ofRule(watch(in, "2025-10-12 12:00"), SlaRule.WAGE_ON_TIME).get("L1");
    assertEquals(ts("2025-10-15 23:59:59.999"), r.getAs("deadline_at"));
    assertEquals("WARN_75", r.getAs("level"));   // 11.5 d of 15 d
  }

  @Test
  void wageClockStartsAtTheDeadlineDayWhenAPayDayOnAHolidayMovesTheDeadlineBackIntoTheMonth() {
    // Pay day 5 falls in the National Day week: due Tuesday 2025-09-30, so the clock starts that day.
    SilverInputs in = unpaidSeptember(5).inputs();
    Row s = subjects(in, "2025-09-30 12:00").get("WAGE_ON_TIME|L1");
    assertEquals(ts("2025-09-30 00:00"), s.getAs("clock_start_at"));
    Row r = ofRule(watch(in, "2025-09-30 12:00"), SlaRule.WAGE_ON_TIME).get("L1");
    assertEquals(ts("2025-09-30 23:59:59.999"), r.getAs("deadline_at"));
    assertEquals("2025-09", r.getAs("month"));
    assertEquals("WARN_50", r.getAs("level"));
  }

  @Test
  void complaintPlanAcrossAMakeUpWorkingDayIsDueADayEarlier() {
    // Reported Friday 2025-09-26; Sunday 09-28 is a make-up working day (1st), Monday 09-29 the 2nd.
    SilverInputs in = cases().reported("K1", "C1", CaseType.COMPLAINT, "2025-09-26 10:00")
        .milestone("K1", Milestone.RESPONDED, "2025-09-26 12:00").inputs();
    Row r = ofRule(watch(in, "2025-09-29 12:00"), SlaRule.COMPLAINT_PLAN_2WD).get("K1");
    assertEquals(ts("2025-09-29 23:59:59.999"), r.getAs("deadline_at"));
    assertEquals("WARN_75", r.getAs("level"));   // 74 h of 86 h; without the make-up day 74 of 110: WARN_50
  }

  @Test
  void theWindowIsTheMonthBeforeTheMonthOfAndTheMonthAfterAsOf() {
    // as of 2025-10-31 20:00: months 2025-09, 2025-10 and 2025-11.
    Dataset<Row> out = watch(cases()
        .reported("AUG", "C1", CaseType.COMPLAINT, "2025-08-29 10:00")      // M-2: overdue but out of the window
        .reported("SEP", "C1", CaseType.COMPLAINT, "2025-09-30 10:00")      // M-1: overdue
        .hireNotified("NOV", "C1", "2025-11-01", "2025-10-30 00:00")        // M+1: contract due tomorrow night
        .hireNotified("DEC", "C1", "2025-12-01", "2025-09-01 00:00")        // M+2: not watched yet
        .inputs(), "2025-10-31 20:00");
    Map<String, Row> response = ofRule(out, SlaRule.COMPLAINT_RESPONSE_24H);
    assertFalse(response.containsKey("AUG"));
    assertEquals("OVERDUE", response.get("SEP").getAs("level"));
    assertEquals("2025-09", response.get("SEP").getAs("month"));
    Map<String, Row> contract = ofRule(out, SlaRule.CONTRACT_BY_START);
    assertEquals("WARN_50", contract.get("NOV").getAs("level"));
    assertEquals("2025-11", contract.get("NOV").getAs("month"));
    assertFalse(contract.containsKey("DEC"));
  }

  @Test
  void everyWatchlistDeadlineEqualsTheDeadlineOfTheSameSubjectInSlaEventsOfItsMonth() {
    SlaPolicies policies = SlaPolicies.of(Map.of(
        SlaPolicies.key("COMPLAINT_RESPONSE_24H", "C2"), new BigDecimal("6.5"),
        SlaPolicies.key("COMPLAINT_PLAN_2WD", "*"), BigDecimal.valueOf(3),
        SlaPolicies.key("INSURANCE_30D", "C1"), BigDecimal.valueOf(20)));
    SilverInputs in = cases()
        .reported("K1", "C1", CaseType.COMPLAINT, "2025-09-30 18:00")
        .reported("K2", "C2", CaseType.COMPLAINT, "2025-10-09 20:00")
        .reported("D1", "C2", CaseType.DISPUTE, "2025-10-09 05:00")
        .injury("I1", "C1", "2025-09-20 08:00", "2025-09-20 10:00")
        .hire("A1", "C1", "2025-09-25", null, null)
        .hireNotified("A2", "C2", "2025-11-01", "2025-10-01 09:00")
        .inputs();
    MetricContext ctx = watchContext("2025-10-10 09:00", policies);
    List<Row> watched = SlaWatchlist.compute(in, ctx).collectAsList();
    org.junit.jupiter.api.Assertions.assertTrue(watched.size() >= 8, watched.toString());
    for (Row w : watched) {
      MetricContext monthCtx = ctx.forMonth(YearMonth.parse(w.getAs("month")));
      Map<String, Row> events = byKey(SlaEvents.ownEvents(in, monthCtx), "rule", "subject_id");
      Row e = events.get(w.getAs("rule") + "|" + w.getAs("subject_id"));
      assertEquals(e.<Timestamp>getAs("deadline_at"), w.getAs("deadline_at"), w.toString());
      assertEquals(e.getAs("client_id"), w.<String>getAs("client_id"));
      assertEquals(w.getAs("level").equals("OVERDUE") ? "BREACHED" : "PENDING", e.getAs("status"), w.toString());
    }
  }
}
