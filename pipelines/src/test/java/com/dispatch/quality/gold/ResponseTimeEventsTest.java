package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.CaseFixtures.byKey;
import static com.dispatch.quality.gold.CaseFixtures.context;
import static com.dispatch.quality.gold.CaseFixtures.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dispatch.quality.domain.CaseType;
import com.dispatch.quality.domain.Milestone;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** SPEC §4.2 response-time subjects: start, end, OPEN/CLOSED and hours, as of as_of. */
class ResponseTimeEventsTest extends SparkTestBase {
  private static final double EPS = 1e-9;

  private CaseFixtures fixtures() { return new CaseFixtures(spark()); }

  private static Map<String, Row> bySubject(Dataset<Row> events) { return byKey(events, "subject_id"); }

  @Test
  void outputHasTheGoldColumnsWithoutRunColumns() {
    Dataset<Row> out = ResponseTimeEvents.compute(fixtures().inputs(), context("2025-09", "2025-10-01 00:00"));
    String[] expected = Arrays.stream(Gold.RESPONSE_TIME_EVENTS.fieldNames())
        .filter(n -> !n.equals("run_id") && !n.equals("as_of")).toArray(String[]::new);
    assertEquals(Arrays.asList(expected), Arrays.asList(out.columns()));
  }

  @Test
  void injuryDispatchBeforeTheReportCountsAsZeroHours() {
    Row i1 = bySubject(ResponseTimeEvents.compute(fixtures()
        .injury("I1", "C1", "2025-09-10 08:00", "2025-09-10 10:00")
        .milestone("I1", Milestone.ONSITE_HANDLING, "2025-09-10 09:00")
        .inputs(), context("2025-09", "2025-10-01 00:00"))).get("I1");
    assertEquals("INJURY_DISPATCH", i1.getAs("metric"));
    assertEquals("CLOSED", i1.getAs("status"));
    assertEquals(ts("2025-09-10 09:00"), i1.getAs("end_at"));
    assertEquals(0.0, i1.<Double>getAs("hours"), EPS);
  }

  @Test
  void caseClockRunsFromReportToTheEarliestEndMilestone() {
    Row k1 = bySubject(ResponseTimeEvents.compute(fixtures()
        .reported("K1", "C1", CaseType.COMPLAINT, "2025-09-01 10:00")
        .milestone("K1", Milestone.RESPONDED, "2025-09-01 11:00")
        .milestone("K1", Milestone.RESOLVED, "2025-09-03 09:00")
        .milestone("K1", Milestone.RESOLVED, "2025-09-02 12:30")
        .inputs(), context("2025-09", "2025-10-01 00:00"))).get("K1");
    assertEquals("COMPLAINT_RECOVERY", k1.getAs("metric"));
    assertEquals("2025-09", k1.getAs("month"));
    assertEquals(ts("2025-09-01 10:00"), k1.getAs("start_at"));
    assertEquals(ts("2025-09-02 12:30"), k1.getAs("end_at"));
    assertEquals(26.5, k1.<Double>getAs("hours"), EPS);
  }

  @Test
  void caseWithoutEndMilestoneByAsOfIsOpen() {
    Map<String, Row> out = bySubject(ResponseTimeEvents.compute(fixtures()
        .reported("NONE", "C1", CaseType.DISPUTE, "2025-09-01 10:00")
        .reported("LATER", "C1", CaseType.DISPUTE, "2025-09-01 10:00")
        .milestone("LATER", Milestone.SPECIALIST_ASSIGNED, "2025-10-02 10:00")
        .reported("OTHER", "C1", CaseType.DISPUTE, "2025-09-01 10:00")
        .milestone("OTHER", Milestone.WRITTEN_PLAN, "2025-09-02 10:00")
        .inputs(), context("2025-09", "2025-10-01 00:00")));
    for (String id : Set.of("NONE", "LATER", "OTHER")) {
      assertEquals("OPEN", out.get(id).getAs("status"), id);
      assertNull(out.get(id).getAs("end_at"), id);
      assertNull(out.get(id).getAs("hours"), id);
    }
  }

  @Test
  void eachCaseTypeFeedsItsOwnMetric() {
    Map<String, Row> out = bySubject(ResponseTimeEvents.compute(fixtures()
        .reported("CL", "C1", CaseType.INSURANCE_CLAIM, "2025-09-01 10:00")
        .milestone("CL", Milestone.PAID, "2025-09-08 10:00")
        .reported("RE", "C1", CaseType.RECRUITMENT, "2025-09-01 10:00")
        .milestone("RE", Milestone.CANDIDATES_PROVIDED, "2025-09-02 10:00")
        .reported("SP", "C1", CaseType.SPOT_CHECK, "2025-09-01 10:00")
        .milestone("SP", Milestone.DATA_PROVIDED, "2025-09-01 14:00")
        .inputs(), context("2025-09", "2025-10-01 00:00")));
    assertEquals("CLAIM_PAYOUT", out.get("CL").getAs("metric"));
    assertEquals(168.0, out.get("CL").<Double>getAs("hours"), EPS);
    assertEquals("RECRUITMENT_CANDIDATES", out.get("RE").getAs("metric"));
    assertEquals(24.0, out.get("RE").<Double>getAs("hours"), EPS);
    assertEquals("SPOT_CHECK_DATA", out.get("SP").getAs("metric"));
    assertEquals(4.0, out.get("SP").<Double>getAs("hours"), EPS);
  }

  @Test
  void casesReportedAfterAsOfOrInOtherMonthsHaveNoSubject() {
    Dataset<Row> out = ResponseTimeEvents.compute(fixtures()
        .reported("AUG", "C1", CaseType.COMPLAINT, "2025-08-31 23:59")
        .reported("SEP", "C1", CaseType.COMPLAINT, "2025-09-10 10:00")
        .reported("FUTURE", "C1", CaseType.COMPLAINT, "2025-09-20 10:00")
        .inputs(), context("2025-09", "2025-09-15 00:00"));
    assertEquals(Set.of("SEP"), bySubject(out).keySet());
  }

  @Test
  void joinEndsAtTheEarliestBatchOfTheClientFromTheStartMonthThatBillsTheEmployee() {
    Row join = bySubject(ResponseTimeEvents.compute(fixtures()
        .joiner("A1", "E1", "C1", "2025-09-10", "2025-09-05 10:00")
        .billed("B0", "C1", "2025-08", "2025-09-01 10:00", "E1")  // earlier service month
        .billed("X1", "C2", "2025-09", "2025-10-01 10:00", "E1")  // another client
        .billed("B1", "C1", "2025-09", "2025-10-05 10:00", "E2")  // does not bill E1
        .billed("B2", "C1", "2025-10", "2025-11-05 10:00", "E1")
        .billed("B3", "C1", "2025-09", "2025-11-20 10:00", "E1")  // later correction
        .inputs(), context("2025-09", "2025-12-01 00:00"))).get("A1:JOIN");
    assertEquals("ROSTER_TO_SETTLEMENT", join.getAs("metric"));
    assertEquals("C1", join.getAs("client_id"));
    assertEquals(ts("2025-09-05 10:00"), join.getAs("start_at"));
    assertEquals(ts("2025-11-05 10:00"), join.getAs("end_at"));
    assertEquals(61 * 24.0, join.<Double>getAs("hours"), EPS);
  }

  @Test
  void joinWhoseOnlyBillingBatchIsIssuedAfterAsOfIsOpen() {
    Row join = bySubject(ResponseTimeEvents.compute(fixtures()
        .joiner("A1", "E1", "C1", "2025-09-10", "2025-09-05 10:00")
        .billed("B1", "C1", "2025-09", "2025-12-10 10:00", "E1")
        .inputs(), context("2025-09", "2025-12-01 00:00"))).get("A1:JOIN");
    assertEquals("OPEN", join.getAs("status"));
  }

  @Test
  void assignmentWithoutNoticeHasNoJoinOrLeaveSubject() {
    Dataset<Row> out = ResponseTimeEvents.compute(fixtures()
        .joiner("A1", "E1", "C1", "2025-09-10", null)
        .leaver("A2", "E2", "C1", "2025-09-20", null)
        .joiner("A3", "E3", "C1", "2025-09-10", "2025-09-09 10:00")
        .inputs(), context("2025-09", "2025-12-01 00:00"));
    assertEquals(Set.of("A3:JOIN"), bySubject(out).keySet());
  }

  @Test
  void leaveEndsAtTheFirstNextMonthBatchThatNoLongerBillsTheEmployee() {
    Row leave = bySubject(ResponseTimeEvents.compute(fixtures()
        .leaver("A1", "E1", "C1", "2025-09-20", "2025-09-18 10:00")
        .billed("B0", "C1", "2025-09", "2025-10-05 10:00", "E2")  // the leave month itself
        .billed("X1", "C2", "2025-10", "2025-10-20 10:00", "E2")  // another client
        .billed("N1", "C1", "2025-10", "2025-11-05 10:00", "E2")
        .inputs(), context("2025-09", "2025-12-01 00:00"))).get("A1:LEAVE");
    assertEquals(ts("2025-09-18 10:00"), leave.getAs("start_at"));
    assertEquals(ts("2025-11-05 10:00"), leave.getAs("end_at"));
    assertEquals(48 * 24.0, leave.<Double>getAs("hours"), EPS);
    assertEquals("CLOSED", leave.getAs("status"));
  }

  @Test
  void leaveStaysOpenWhileTheNextMonthsBatchStillBillsTheEmployee() {
    Row leave = bySubject(ResponseTimeEvents.compute(fixtures()
        .leaver("A1", "E1", "C1", "2025-09-20", "2025-09-18 10:00")
        .billed("N1", "C1", "2025-10", "2025-11-05 10:00", "E1")
        .billed("N1", "C1", "2025-10", "2025-11-05 10:00", "E2")
        .inputs(), context("2025-09", "2025-12-01 00:00"))).get("A1:LEAVE");
    assertEquals("OPEN", leave.getAs("status"));
    assertNull(leave.getAs("hours"));
  }

  @Test
  void leaveClosesAtACorrectionBatchThatDropsTheEmployee() {
    Row leave = bySubject(ResponseTimeEvents.compute(fixtures()
        .leaver("A1", "E1", "C1", "2025-09-20", "2025-09-18 10:00")
        .billed("N1", "C1", "2025-10", "2025-11-05 10:00", "E1")
        .billed("N2", "C1", "2025-10", "2025-11-20 10:00", "E2")
        .inputs(), context("2025-09", "2025-12-01 00:00"))).get("A1:LEAVE");
    assertEquals(ts("2025-11-20 10:00"), leave.getAs("end_at"));
  }

  @Test
  void joinAndLeaveMatchingUsesKeyedJoinsOnly() {
    Dataset<Row> out = ResponseTimeEvents.compute(fixtures()
        .joiner("A1", "E1", "C1", "2025-09-10", "2025-09-05 10:00")
        .leaver("A2", "E2", "C1", "2025-09-20", "2025-09-18 10:00")
        .billed("N1", "C1", "2025-10", "2025-11-05 10:00", "E1")
        .inputs(), context("2025-09", "2025-12-01 00:00"));
    String plan = out.queryExecution().executedPlan().toString();
    assertFalse(plan.contains("CartesianProduct") || plan.contains("NestedLoopJoin"), plan);
  }
}
