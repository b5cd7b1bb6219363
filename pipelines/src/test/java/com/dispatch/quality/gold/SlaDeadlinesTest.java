package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.CaseFixtures.CALENDAR;
import static com.dispatch.quality.gold.CaseFixtures.instant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.domain.SlaRule;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** SPEC §4.3 deadlines in their own units, without Spark. */
class SlaDeadlinesTest {
  private static Instant deadline(SlaRule rule, String limit, String baseLocal) {
    Instant base = instant(baseLocal);
    return SlaDeadlines.deadline(rule, new BigDecimal(limit), base, SlaDeadlines.localDate(base), CALENDAR);
  }

  @Test
  void hourLimitsMayBeFractional() {
    assertEquals(instant("2025-09-01 10:20"), deadline(SlaRule.INJURY_ONSITE_12H, "0.3333333333", "2025-09-01 10:00"));
    assertEquals(instant("2025-09-02 00:30"), deadline(SlaRule.DISPUTE_PLAN_24H, "14.5", "2025-09-01 10:00"));
  }

  @Test
  void calendarDayLimitsEndAtTheEndOfTheLocalDay() {
    // 2025-09-30 20:00 UTC is 2025-10-01 04:00 in Shanghai: the local date is the 1st of October.
    Instant base = Instant.parse("2025-09-30T20:00:00Z");
    Instant d = SlaDeadlines.deadline(SlaRule.INJURY_DETERMINATION_30D, BigDecimal.valueOf(30), base,
        SlaDeadlines.localDate(base), CALENDAR);
    assertEquals(MetricContext.endOfDay(LocalDate.parse("2025-10-31")), d);
  }

  @Test
  void contractByStartWithDefaultLimitIsDueAtTheEndOfTheStartDate() {
    assertEquals(MetricContext.endOfDay(LocalDate.parse("2025-09-15")), SlaDeadlines.deadline(
        SlaRule.CONTRACT_BY_START, BigDecimal.ZERO, null, LocalDate.parse("2025-09-15"), CALENDAR));
  }

  @Test
  void dayLimitThatIsNotAWholeNumberIsRejectedWithTheRuleInTheMessage() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> deadline(SlaRule.COMPLAINT_PLAN_2WD, "1.5", "2025-09-01 10:00"));
    assertTrue(e.getMessage().contains("COMPLAINT_PLAN_2WD"), e.getMessage());
    assertEquals(MetricContext.endOfDay(LocalDate.parse("2025-09-03")),
        deadline(SlaRule.COMPLAINT_PLAN_2WD, "2.000", "2025-09-01 10:00"), "2.000 is a whole number");
  }
}
