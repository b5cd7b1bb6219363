package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.CaseFixtures.byKey;
import static com.dispatch.quality.gold.CaseFixtures.context;
import static com.dispatch.quality.gold.CaseFixtures.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dispatch.quality.calendar.WorkCalendar.CalendarNotCoveredException;
import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.domain.CaseType;
import com.dispatch.quality.domain.Milestone;
import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4.3 time limits and the §4 as_of rules, through SlaEvents' own rules (WAGE_ON_TIME is
 * another transform's and is left out via {@code ownEvents}).
 */
class SlaEventsTest extends SparkTestBase {
  private static final double EPS = 1e-9;

  private CaseFixtures fixtures() { return new CaseFixtures(spark()); }

  /** Events of one rule keyed by subject_id. */
  private static Map<String, Row> ofRule(Dataset<Row> events, SlaRule rule) {
    return byKey(events.where(events.col("rule").equalTo(rule.name())), "subject_id");
  }

  private static Timestamp endOfDay(String date) { return ts(date + " 23:59:59.999"); }

  @Test
  void outputHasTheGoldColumnsWithoutRunColumns() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures().inputs(), context("2025-09", "2025-10-01 00:00"));
    String[] expected = Arrays.stream(Gold.SLA_EVENTS.fieldNames())
        .filter(n -> !n.equals("run_id") && !n.equals("as_of")).toArray(String[]::new);
    assertEquals(Arrays.asList(expected), Arrays.asList(out.columns()));
  }

  @Test
  void complaintPlanReportedOnFridayBeforeNormalWeekendIsDueEndOfTuesday() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .reported("K1", "C1", CaseType.COMPLAINT, "2025-11-07 16:00")
        .milestone("K1", Milestone.WRITTEN_PLAN, "2025-11-11 21:00")
        .inputs(), context("2025-11", "2025-12-05 00:00"));
    Row k1 = ofRule(out, SlaRule.COMPLAINT_PLAN_2WD).get("K1");
    assertEquals(endOfDay("2025-11-11"), k1.getAs("deadline_at"));
    assertEquals("MET", k1.getAs("status"));
    assertNull(k1.getAs("lateness_hours"));
  }

  @Test
  void complaintPlanDeadlineSkipsNationalDayHoliday() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .reported("K1", "C1", CaseType.COMPLAINT, "2025-09-30 18:00")
        .milestone("K1", Milestone.WRITTEN_PLAN, "2025-10-10 23:00")
        .inputs(), context("2025-09", "2025-10-20 00:00"));
    Row k1 = ofRule(out, SlaRule.COMPLAINT_PLAN_2WD).get("K1");
    assertEquals(endOfDay("2025-10-10"), k1.getAs("deadline_at"));
    assertEquals("MET", k1.getAs("status"));
  }

  @Test
  void complaintPlanReportedOnMakeUpWorkingDayCountsFromTheNextWorkingDay() {
    // Sunday 2025-09-28 is a make-up working day; strictly after it: Mon 29 (1st), Tue 30 (2nd).
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .reported("K1", "C1", CaseType.COMPLAINT, "2025-09-28 10:00")
        .inputs(), context("2025-09", "2025-10-02 12:00"));
    Row k1 = ofRule(out, SlaRule.COMPLAINT_PLAN_2WD).get("K1");
    assertEquals(endOfDay("2025-09-30"), k1.getAs("deadline_at"));
    assertEquals("BREACHED", k1.getAs("status"));
    // as_of 10-02 12:00 minus 09-30 23:59:59.999 = 36 h 0.001 s
    assertEquals(36 + 0.001 / 3600, k1.<Double>getAs("lateness_hours"), EPS);
  }

  @Test
  void complaintPlanReportedOnHolidayCountsFromTheHolidaysDate() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .reported("K1", "C1", CaseType.COMPLAINT, "2025-10-03 09:00")
        .inputs(), context("2025-10", "2025-10-05 00:00"));
    Row k1 = ofRule(out, SlaRule.COMPLAINT_PLAN_2WD).get("K1");
    assertEquals(endOfDay("2025-10-10"), k1.getAs("deadline_at"));
    assertEquals("PENDING", k1.getAs("status"));
  }

  @Test
  void injuryMilestoneBeforeTheReportMeetsTheOnsiteLimit() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .injury("I1", "C1", "2025-09-10 08:00", "2025-09-10 10:00")
        .milestone("I1", Milestone.ONSITE_HANDLING, "2025-09-10 09:00")
        .inputs(), context("2025-09", "2025-10-01 00:00"));
    Row i1 = ofRule(out, SlaRule.INJURY_ONSITE_12H).get("I1");
    assertEquals(ts("2025-09-10 22:00"), i1.getAs("deadline_at"));
    assertEquals(ts("2025-09-10 09:00"), i1.getAs("completed_at"));
    assertEquals("MET", i1.getAs("status"));
  }

  @Test
  void openCaseIsPendingBeforeItsDeadlineAndBreachedAfterWithLatenessFromAsOf() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .reported("NEW", "C1", CaseType.COMPLAINT, "2025-09-29 10:00")
        .reported("OLD", "C1", CaseType.COMPLAINT, "2025-09-27 08:00")
        .inputs(), context("2025-09", "2025-09-29 20:00"));
    Map<String, Row> response = ofRule(out, SlaRule.COMPLAINT_RESPONSE_24H);
    assertEquals("PENDING", response.get("NEW").getAs("status"));
    assertNull(response.get("NEW").getAs("lateness_hours"));
    assertEquals("BREACHED", response.get("OLD").getAs("status"));
    assertNull(response.get("OLD").getAs("completed_at"));
    assertEquals(36.0, response.get("OLD").<Double>getAs("lateness_hours"), EPS);
  }

  @Test
  void lateCompletionIsBreachedWithLatenessFromCompletion() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .reported("K1", "C1", CaseType.COMPLAINT, "2025-09-01 10:00")
        .milestone("K1", Milestone.RESPONDED, "2025-09-02 13:30")
        .inputs(), context("2025-09", "2025-10-01 00:00"));
    Row k1 = ofRule(out, SlaRule.COMPLAINT_RESPONSE_24H).get("K1");
    assertEquals("BREACHED", k1.getAs("status"));
    assertEquals(3.5, k1.<Double>getAs("lateness_hours"), EPS);
  }

  @Test
  void milestoneStampedAfterAsOfHasNotHappened() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .reported("K1", "C1", CaseType.COMPLAINT, "2025-09-01 10:00")
        .milestone("K1", Milestone.RESPONDED, "2025-09-03 10:00")
        .inputs(), context("2025-09", "2025-09-02 16:00"));
    Row k1 = ofRule(out, SlaRule.COMPLAINT_RESPONSE_24H).get("K1");
    assertNull(k1.getAs("completed_at"));
    assertEquals("BREACHED", k1.getAs("status"));
    assertEquals(6.0, k1.<Double>getAs("lateness_hours"), EPS);
  }

  @Test
  void duplicatedMilestoneCountsAtItsEarliest() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .reported("K1", "C1", CaseType.COMPLAINT, "2025-09-01 10:00")
        .milestone("K1", Milestone.RESPONDED, "2025-09-03 09:00")
        .milestone("K1", Milestone.RESPONDED, "2025-09-01 20:00")
        .inputs(), context("2025-09", "2025-10-01 00:00"));
    Row k1 = ofRule(out, SlaRule.COMPLAINT_RESPONSE_24H).get("K1");
    assertEquals(ts("2025-09-01 20:00"), k1.getAs("completed_at"));
    assertEquals("MET", k1.getAs("status"));
    assertEquals(1, out.where("rule = 'COMPLAINT_RESPONSE_24H'").count());
  }

  @Test
  void clientLimitOverridesTheStarRowWhichOverridesTheDefault() {
    SlaPolicies policies = SlaPolicies.of(Map.of(
        SlaPolicies.key("COMPLAINT_RESPONSE_24H", "*"), new BigDecimal("48"),
        SlaPolicies.key("COMPLAINT_RESPONSE_24H", "C2"), new BigDecimal("6.5"),
        SlaPolicies.key("COMPLAINT_PLAN_2WD", "C2"), new BigDecimal("5")));
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .reported("K1", "C1", CaseType.COMPLAINT, "2025-11-03 10:00")
        .reported("K2", "C2", CaseType.COMPLAINT, "2025-11-03 10:00")
        .inputs(), context("2025-11", "2025-11-30 00:00", policies));
    Map<String, Row> response = ofRule(out, SlaRule.COMPLAINT_RESPONSE_24H);
    assertEquals(ts("2025-11-05 10:00"), response.get("K1").getAs("deadline_at"), "* row: 48 h");
    assertEquals(ts("2025-11-03 16:30"), response.get("K2").getAs("deadline_at"), "own row: 6.5 h");
    Map<String, Row> plan = ofRule(out, SlaRule.COMPLAINT_PLAN_2WD);
    assertEquals(endOfDay("2025-11-05"), plan.get("K1").getAs("deadline_at"), "no row: default 2 working days");
    assertEquals(endOfDay("2025-11-10"), plan.get("K2").getAs("deadline_at"), "own row: 5 working days");
  }

  @Test
  void injuryClientNoticeIsDueTwelveHoursAfterTheAccidentAndCompletedByTheReport() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .injury("LATE", "C1", "2025-09-10 08:00", "2025-09-10 21:00")
        .injury("ONTIME", "C1", "2025-09-11 08:00", "2025-09-11 19:00")
        .inputs(), context("2025-09", "2025-10-01 00:00"));
    Map<String, Row> notice = ofRule(out, SlaRule.INJURY_CLIENT_NOTICE_12H);
    assertEquals(ts("2025-09-10 20:00"), notice.get("LATE").getAs("deadline_at"));
    assertEquals(ts("2025-09-10 21:00"), notice.get("LATE").getAs("completed_at"));
    assertEquals("BREACHED", notice.get("LATE").getAs("status"));
    assertEquals(1.0, notice.get("LATE").<Double>getAs("lateness_hours"), EPS);
    assertEquals("MET", notice.get("ONTIME").getAs("status"));
  }

  @Test
  void injuryDeterminationIsDueAtTheEndOfTheThirtiethDayAfterTheLocalAccidentDate() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .injury("I1", "C1", "2025-09-10 23:30", "2025-09-11 08:00")
        .milestone("I1", Milestone.DETERMINATION_FILED, "2025-10-10 23:00")
        .inputs(), context("2025-09", "2025-11-01 00:00"));
    Row i1 = ofRule(out, SlaRule.INJURY_DETERMINATION_30D).get("I1");
    assertEquals(endOfDay("2025-10-10"), i1.getAs("deadline_at"));
    assertEquals("MET", i1.getAs("status"));
  }

  @Test
  void everyWorkInjuryMeetsAllFiveInjuryRulesAndNoOtherCaseRule() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .injury("I1", "C1", "2025-09-10 08:00", "2025-09-10 10:00")
        .inputs(), context("2025-09", "2025-10-01 00:00"));
    assertEquals(Map.of("INJURY_CLIENT_NOTICE_12H", 1L, "INJURY_ONSITE_12H", 1L, "INJURY_PLAN_24H", 1L,
        "INJURY_AGENCY_24H", 1L, "INJURY_DETERMINATION_30D", 1L),
        byKey(out.groupBy("rule").count(), "rule").entrySet().stream()
            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> e.getValue().<Long>getAs("count"))));
  }

  @Test
  void casesOfOtherMonthsAndCasesReportedAfterAsOfAreNotEvaluated() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .reported("AUG", "C1", CaseType.DISPUTE, "2025-08-31 23:59")
        .reported("SEP", "C1", CaseType.DISPUTE, "2025-09-01 00:00")
        .reported("FUTURE", "C1", CaseType.DISPUTE, "2025-09-20 00:00")
        .inputs(), context("2025-09", "2025-09-15 00:00"));
    assertEquals(java.util.Set.of("SEP"), ofRule(out, SlaRule.DISPUTE_PLAN_24H).keySet());
  }

  @Test
  void contractMustBeSignedByTheEndOfTheStartDate() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .hire("A1", "C1", "2025-09-15", "2025-09-15", null)
        .hire("A2", "C1", "2025-09-15", "2025-09-16", null)
        .hire("A3", "C1", "2025-08-31", "2025-09-16", null)
        .inputs(), context("2025-09", "2025-10-01 00:00"));
    Map<String, Row> contract = ofRule(out, SlaRule.CONTRACT_BY_START);
    assertEquals(java.util.Set.of("A1", "A2"), contract.keySet());
    assertEquals(endOfDay("2025-09-15"), contract.get("A1").getAs("deadline_at"));
    assertEquals(endOfDay("2025-09-15"), contract.get("A1").getAs("completed_at"));
    assertEquals("MET", contract.get("A1").getAs("status"));
    assertEquals("BREACHED", contract.get("A2").getAs("status"));
    assertEquals(24.0, contract.get("A2").<Double>getAs("lateness_hours"), EPS);
  }

  @Test
  void insuranceRegistrationDatedTodayHasNotHappenedBeforeTheEndOfThatDay() {
    // Deadline end of 2025-10-15 (start + 30 days); as_of is 2025-10-15 noon.
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .hire("A1", "C1", "2025-09-15", null, "2025-10-15")
        .hire("A2", "C1", "2025-09-10", null, null)
        .inputs(), context("2025-09", "2025-10-15 12:00"));
    Map<String, Row> insurance = ofRule(out, SlaRule.INSURANCE_30D);
    assertEquals(endOfDay("2025-10-15"), insurance.get("A1").getAs("deadline_at"));
    assertNull(insurance.get("A1").getAs("completed_at"));
    assertEquals("PENDING", insurance.get("A1").getAs("status"));
    assertEquals("BREACHED", insurance.get("A2").getAs("status"), "deadline end of 2025-10-10 has passed");
  }

  @Test
  void complaintPlanNeedingAnUncoveredYearFailsWithTheCalendarMessage() {
    Dataset<Row> out = SlaEvents.ownEvents(fixtures()
        .reported("K1", "C1", CaseType.COMPLAINT, "2026-12-31 10:00")
        .inputs(), context("2026-12", "2027-01-10 00:00"));
    Exception e = assertThrows(Exception.class, out::collectAsList);
    Throwable cause = e;
    while (cause != null && !(cause instanceof CalendarNotCoveredException)) cause = cause.getCause();
    org.junit.jupiter.api.Assertions.assertTrue(cause != null, "CalendarNotCoveredException in the cause chain of " + e);
    org.junit.jupiter.api.Assertions.assertTrue(cause.getMessage().contains("does not cover 2027"), cause.getMessage());
  }
}
