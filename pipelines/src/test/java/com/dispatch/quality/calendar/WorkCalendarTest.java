package com.dispatch.quality.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** SPEC §1 working days and §4.3 "n-th working day after", on the bundled holiday-cn calendar. */
class WorkCalendarTest {
  private final WorkCalendar cal = WorkCalendar.bundled();

  private static LocalDate d(String s) { return LocalDate.parse(s); }

  @Test
  void nationalDayWeek2025IsOffAndItsMakeUpSundayIsOn() {
    for (int day = 1; day <= 8; day++) {
      assertFalse(cal.isWorkday(LocalDate.of(2025, 10, day)), "2025-10-0" + day + " is a holiday");
    }
    assertTrue(cal.isWorkday(d("2025-09-28")), "Sunday 2025-09-28 is a make-up working day");
    assertTrue(cal.isWorkday(d("2025-10-11")), "Saturday 2025-10-11 is a make-up working day");
    assertTrue(cal.isWorkday(d("2025-10-09")));
  }

  @Test
  void secondWorkingDayAfterTheEveOfNationalDay2025SkipsTheWholeWeek() {
    // Reported Tuesday 2025-09-30: 1st working day after is Thu 10-09, 2nd is Fri 10-10.
    assertEquals(d("2025-10-10"), cal.nthWorkdayAfter(d("2025-09-30"), 2));
  }

  @Test
  void secondWorkingDayAfterAFridayBeforeANormalWeekendIsTuesday() {
    assertEquals(d("2025-11-11"), cal.nthWorkdayAfter(d("2025-11-07"), 2));
  }

  @Test
  void workingDaysAreCountedFromAHolidaysOwnDate() {
    // Reported on 2025-10-03 (holiday): the 1st working day after is 10-09, the 2nd 10-10.
    assertEquals(d("2025-10-10"), cal.nthWorkdayAfter(d("2025-10-03"), 2));
  }

  @Test
  void springFestival2026IsOffWithMakeUpSaturdaysOn() {
    for (int day = 15; day <= 23; day++) assertFalse(cal.isWorkday(LocalDate.of(2026, 2, day)));
    assertTrue(cal.isWorkday(d("2026-02-14")), "Saturday 2026-02-14 is a make-up working day");
    assertTrue(cal.isWorkday(d("2026-02-28")), "Saturday 2026-02-28 is a make-up working day");
    assertEquals(d("2026-02-24"), cal.nthWorkdayAfter(d("2026-02-13"), 2));
  }

  @Test
  void payDayOnAHolidayMovesToThePreviousWorkingDay() {
    assertEquals(d("2025-09-30"), cal.onOrBeforeWorkday(d("2025-10-05")));
    assertEquals(d("2026-01-20"), cal.onOrBeforeWorkday(d("2026-01-20")));
  }

  @Test
  void uncoveredYearFailsClearlyInsteadOfGuessing() {
    var e = assertThrows(WorkCalendar.CalendarNotCoveredException.class, () -> cal.isWorkday(d("2031-03-02")));
    assertTrue(e.getMessage().contains("2031"), e.getMessage());
    assertTrue(e.getMessage().contains("docs/calendar.md"), e.getMessage());
    // A walk that crosses into an uncovered year fails too.
    var last = WorkCalendar.of(java.util.Map.of(d("2026-01-01"), false));
    assertThrows(WorkCalendar.CalendarNotCoveredException.class, () -> last.nthWorkdayAfter(d("2026-12-30"), 3));
  }

  @Test
  void calendarCoversExactlyTheYearsWithAtLeastOneRow() throws Exception {
    var c = WorkCalendar.fromCsv(new StringReader("date,is_workday,note\n2027-01-01,false,元旦\n"), "test");
    assertEquals(java.util.Set.of(2027), c.coveredYears());
    assertTrue(c.isWorkday(d("2027-01-04")));
    assertFalse(c.isWorkday(d("2027-01-01")));
    assertThrows(WorkCalendar.CalendarNotCoveredException.class, () -> c.isWorkday(d("2026-12-31")));
  }

  @Test
  void calendarCsvIsReadByHeaderNameWithQuotedFieldsLikeEveryCsv() throws Exception {
    var c = WorkCalendar.fromCsv(new StringReader(
        "\uFEFFnote,is_workday,date\r\n\"国庆节, 中秋节\",false,2026-10-01\r\n调休,true,2026-10-10\r\n"), "test");
    assertFalse(c.isWorkday(d("2026-10-01")));
    assertTrue(c.isWorkday(d("2026-10-10")), "a make-up Saturday");
    var e = assertThrows(IllegalArgumentException.class,
        () -> WorkCalendar.fromCsv(new StringReader("date,is_workday\n2026-10-01,maybe\n"), "cal.csv"));
    assertTrue(e.getMessage().contains("cal.csv line 2"), e.getMessage());
  }
}
