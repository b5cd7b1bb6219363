package com.dispatch.quality.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.calendar.WorkCalendar;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SPEC §1: a computation outside the calendar's years fails with a clear message, even wrapped by Spark. */
class QualityCliTest {
  @Test
  void uncoveredCalendarYearIsNamedEvenWhenSparkWrapsIt() {
    RuntimeException calendar = null;
    try {
      WorkCalendar.of(Map.of(LocalDate.parse("2026-01-01"), false)).isWorkday(LocalDate.parse("2027-01-04"));
    } catch (RuntimeException e) {
      calendar = e;
    }
    RuntimeException wrapped = new RuntimeException("[FAILED_EXECUTE_UDF] Failed to execute user defined function\n at ...",
        new IllegalStateException("task failed", calendar));
    String shown = QualityCli.describe(wrapped);
    assertTrue(shown.startsWith("[FAILED_EXECUTE_UDF]"), shown);
    assertTrue(shown.contains("cause: The working-day calendar does not cover 2027"), shown);
  }

  @Test
  void aPlainFailureIsShownAsItsOwnMessage() {
    assertEquals("month must be yyyy-MM", QualityCli.describe(new IllegalArgumentException("month must be yyyy-MM")));
  }
}
