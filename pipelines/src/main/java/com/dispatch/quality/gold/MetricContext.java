package com.dispatch.quality.gold;

import com.dispatch.quality.calendar.WorkCalendar;
import com.dispatch.quality.config.QualityTargets;
import com.dispatch.quality.config.SlaPolicies;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;

/** The arguments every gold transform takes besides its data: month M, as_of, calendar, policies. */
public record MetricContext(
    YearMonth month, Instant asOf, WorkCalendar calendar, SlaPolicies slaPolicies, QualityTargets qualityTargets) {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  /** {@code yyyy-MM}, the value of every gold row's month column. */
  public String monthKey() { return month.toString(); }

  public LocalDate firstDay() { return month.atDay(1); }

  public LocalDate lastDay() { return month.atEndOfMonth(); }

  /** "End of day d" (SPEC §4.3): d 23:59:59.999 Asia/Shanghai. */
  public static Instant endOfDay(LocalDate d) {
    return LocalDateTime.of(d, LocalTime.of(23, 59, 59, 999_000_000)).atZone(ZONE).toInstant();
  }

  public MetricContext forMonth(YearMonth other) {
    return new MetricContext(other, asOf, calendar, slaPolicies, qualityTargets);
  }
}
