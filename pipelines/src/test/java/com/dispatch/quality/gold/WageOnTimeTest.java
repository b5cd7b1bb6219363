package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.SettlementFixtures.FULL_MONTH;
import static com.dispatch.quality.gold.SettlementFixtures.context;
import static com.dispatch.quality.gold.SettlementFixtures.local;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dispatch.quality.calendar.WorkCalendar.CalendarNotCoveredException;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** SPEC §4.3 WAGE_ON_TIME: subjects, pay-day deadline on the working-day calendar, status. */
class WageOnTimeTest extends SparkTestBase {

  /** Client C1 paying wages on {@code payDay}; E1's line for {@code month}, paid on {@code paidDate}. */
  private SettlementFixtures paid(int payDay, String month, String paidDate) {
    SettlementFixtures f = new SettlementFixtures(spark()).client("C1", "SH", "100.00", payDay);
    // Reuse the standard SH rates with the client's own pay day.
    for (String[] r : new String[][] {{"PENSION", "0.16"}, {"MEDICAL", "0.10"}, {"UNEMPLOYMENT", "0.005"},
        {"WORK_INJURY", "0.002"}, {"HOUSING_FUND", "0.07"}}) {
      f.rate("SH", r[0], r[1], "5000", "30000", "2020-01-01", null);
    }
    return f.assignment("A1", "E1", "2024-01-01", null)
        .line("L1", "B1", "C1", month, month + "-28 10:00:00", "E1", FULL_MONTH, paidDate);
  }

  private static Row only(SettlementFixtures f, String month, String asOf) {
    Dataset<Row> out = WageOnTime.events(f.inputs(), context(month, asOf));
    assertEquals(Gold.withoutRunColumns(Gold.SLA_EVENTS).simpleString(), out.schema().simpleString());
    List<Row> rows = out.collectAsList();
    assertEquals(1, rows.size());
    Row r = rows.get(0);
    assertEquals("WAGE_ON_TIME", r.getAs("rule"));
    assertEquals("L1", r.getAs("subject_id"));
    assertEquals(month, r.getAs("month"));
    return r;
  }

  @Test
  void payDay31InA30DayMonthIsDueOnItsLastDay() {
    // Wages of 2025-05 are due in June (30 days): day 31 -> Monday 2025-06-30.
    Row r = only(paid(31, "2025-05", "2025-06-30"), "2025-05", "2025-07-10 00:00:00");
    assertEquals(local("2025-06-30 23:59:59.999"), r.<Timestamp>getAs("deadline_at"));
    assertEquals("MET", r.getAs("status"));
    assertNull(r.getAs("lateness_hours"));
  }

  @Test
  void payDayOnAHolidayIsAdvancedToThePreviousWorkingDay() {
    // Due 2025-10-05 (National Day week): the previous working day is Tuesday 2025-09-30.
    Row r = only(paid(5, "2025-09", "2025-10-05"), "2025-09", "2025-10-20 00:00:00");
    assertEquals(local("2025-09-30 23:59:59.999"), r.<Timestamp>getAs("deadline_at"));
    assertEquals("BREACHED", r.getAs("status"));
    assertEquals(local("2025-10-05 23:59:59.999"), r.<Timestamp>getAs("completed_at"));
    assertEquals(120.0, r.<Double>getAs("lateness_hours"), 1e-9);
  }

  @Test
  void wagePaidAfterAsOfIsPendingWhileTheDeadlineIsAhead() {
    // Due Wednesday 2025-10-15; as of 10-10 the payment of 10-12 has not happened yet.
    Row r = only(paid(15, "2025-09", "2025-10-12"), "2025-09", "2025-10-10 12:00:00");
    assertNull(r.getAs("completed_at"));
    assertEquals("PENDING", r.getAs("status"));
    assertNull(r.getAs("lateness_hours"));
  }

  @Test
  void wagePaidAfterAsOfIsBreachedOnceTheDeadlineHasPassed() {
    Row r = only(paid(15, "2025-09", "2025-10-20"), "2025-09", "2025-10-16 12:00:00");
    assertNull(r.getAs("completed_at"));
    assertEquals("BREACHED", r.getAs("status"));
    assertEquals(12.0 + 0.001 / 3600, r.<Double>getAs("lateness_hours"), 1e-9, "as_of - deadline");
  }

  @Test
  void wagePaidOnTheAsOfDayCountsOnlyAtTheEndOfThatDay() {
    Row r = only(paid(15, "2025-09", "2025-10-15"), "2025-09", "2025-10-15 12:00:00");
    assertEquals("PENDING", r.getAs("status"));
  }

  @Test
  void onlyEvaluatedLinesOfTheOriginalSettlementAreSubjects() {
    SettlementFixtures f = paid(15, "2025-09", "2025-10-10")
        .assignment("A2", "E2", "2024-01-01", null)
        .line("L2a", "B1", "C1", "2025-09", "2025-09-28 10:00:00", "E2", FULL_MONTH, "2025-10-10")
        .line("L2b", "B1", "C1", "2025-09", "2025-09-28 10:00:00", "E2", FULL_MONTH, "2025-10-10")
        .line("L9", "B1", "C1", "2025-09", "2025-09-28 10:00:00", "E9", FULL_MONTH, "2025-10-10")
        .line("L1c", "B2", "C1", "2025-09", "2025-09-29 10:00:00", "E1", FULL_MONTH, "2025-10-10");
    Row r = only(f, "2025-09", "2025-10-20 00:00:00");
    assertEquals("MET", r.getAs("status"));
  }

  @Test
  void deadlineInAYearTheCalendarDoesNotCoverFailsClearly() {
    SettlementFixtures f = paid(15, "2026-12", "2027-01-15");
    CalendarNotCoveredException e = assertThrows(CalendarNotCoveredException.class,
        () -> WageOnTime.events(f.inputs(), context("2026-12", "2027-01-20 00:00:00")).collectAsList());
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("2027"), e.getMessage());
  }
}
