package com.dispatch.quality.gold;

import com.dispatch.quality.calendar.WorkCalendar;
import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.domain.SlaRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;

/**
 * Deadlines of SPEC §4.3 in plain Java, and the Spark UDFs that apply them per row. A UDF keeps
 * one definition of "end of day", of the per-client limit lookup (client row > {@code *} row >
 * default) and of "n-th working day after" (the serializable {@link WorkCalendar}); the rows it
 * sees are the month's cases and assignments, not the settlement. A date outside the calendar's
 * years fails the job with {@link WorkCalendar.CalendarNotCoveredException} as the cause.
 */
final class SlaDeadlines {
  private SlaDeadlines() {}

  private static final BigDecimal MICROS_PER_HOUR = BigDecimal.valueOf(3_600_000_000L);

  /**
   * The deadline of {@code rule} with {@code limit} in the rule's unit. Hour rules add the limit
   * (fractional hours allowed, rounded to the microsecond) to {@code baseAt}; day rules end at the end of the day reached from
   * {@code baseDate} (calendar days, or the limit-th working day strictly after it).
   */
  static Instant deadline(SlaRule rule, BigDecimal limit, Instant baseAt, LocalDate baseDate, WorkCalendar calendar) {
    switch (rule.unit()) {
      case HOURS:
        // Rounded to the microsecond, the precision Spark stores a timestamp in.
        long micros = limit.multiply(MICROS_PER_HOUR).setScale(0, RoundingMode.HALF_UP).longValueExact();
        return baseAt.plus(micros, ChronoUnit.MICROS);
      case CALENDAR_DAYS:
        return MetricContext.endOfDay(baseDate.plusDays(wholeDays(rule, limit)));
      case WORKING_DAYS:
        return MetricContext.endOfDay(calendar.nthWorkdayAfter(baseDate, wholeDays(rule, limit)));
      default:
        throw new IllegalArgumentException(rule + " has no deadline computed here (unit " + rule.unit() + ")");
    }
  }

  /** The Asia/Shanghai date of an instant ("date(reported_at)", "date(occurred_at)"). */
  static LocalDate localDate(Instant i) { return i.atZone(MetricContext.ZONE).toLocalDate(); }

  private static int wholeDays(SlaRule rule, BigDecimal limit) {
    try {
      return limit.stripTrailingZeros().intValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("sla_policies limit " + limit.toPlainString() + " for " + rule
          + " must be a whole number of " + rule.unit().name().toLowerCase().replace('_', ' '), e);
    }
  }

  /** UDF (rule, client_id, base instant) -> deadline; day rules count from the base's local date. */
  static UserDefinedFunction fromInstant(MetricContext ctx) {
    SlaPolicies policies = ctx.slaPolicies();
    WorkCalendar calendar = ctx.calendar();
    UDF3<String, String, Timestamp, Timestamp> f = (ruleName, clientId, base) -> {
      if (base == null) return null;
      SlaRule rule = SlaRule.valueOf(ruleName);
      Instant at = base.toInstant();
      return Timestamp.from(deadline(rule, policies.limit(rule, clientId), at, localDate(at), calendar));
    };
    return functions.udf(f, DataTypes.TimestampType).withName("sla_deadline");
  }

  /** UDF (rule, client_id, base date) -> deadline, for day rules based on a date column. */
  static UserDefinedFunction fromDate(MetricContext ctx) {
    SlaPolicies policies = ctx.slaPolicies();
    WorkCalendar calendar = ctx.calendar();
    UDF3<String, String, Date, Timestamp> f = (ruleName, clientId, base) -> {
      if (base == null) return null;
      SlaRule rule = SlaRule.valueOf(ruleName);
      return Timestamp.from(deadline(rule, policies.limit(rule, clientId), null, base.toLocalDate(), calendar));
    };
    return functions.udf(f, DataTypes.TimestampType).withName("sla_deadline_from_date");
  }

  /**
   * SPEC §4.8: the instant CONTRACT_BY_START's clock starts, the hire notice, unless there is none
   * or it came after the deadline's day had begun (then the start of start_date). INSURANCE_30D
   * passes no notice: its clock starts at the start of start_date.
   */
  static Instant rosterClockStart(Instant notifiedAt, LocalDate startDate, Instant deadline) {
    Instant startOfStartDate = startOfDay(startDate);
    if (notifiedAt == null || deadline == null || notifiedAt.isAfter(startOfDay(localDate(deadline)))) {
      return startOfStartDate;
    }
    return notifiedAt;
  }

  /**
   * SPEC §4.8: WAGE_ON_TIME's clock for service month M starts at the start of M+1's first day, or
   * at the start of the deadline's day when a pay day on a holiday moved the deadline back into M.
   */
  static Instant wageClockStart(java.time.YearMonth month, Instant deadline) {
    Instant nextMonth = startOfDay(month.plusMonths(1).atDay(1));
    return deadline.isBefore(nextMonth) ? startOfDay(localDate(deadline)) : nextMonth;
  }

  /** The first instant of a local date in Asia/Shanghai. */
  static Instant startOfDay(LocalDate d) { return d.atStartOfDay(MetricContext.ZONE).toInstant(); }

  /** UDF (notified_at, start_date, deadline_at) -> {@link #rosterClockStart}. */
  static UserDefinedFunction rosterClockStart() {
    UDF3<Timestamp, Date, Timestamp, Timestamp> f = (notified, startDate, deadline) -> startDate == null ? null
        : Timestamp.from(rosterClockStart(notified == null ? null : notified.toInstant(), startDate.toLocalDate(),
            deadline == null ? null : deadline.toInstant()));
    return functions.udf(f, DataTypes.TimestampType).withName("roster_clock_start");
  }

  /** UDF date -> "end of day" instant (d 23:59:59.999 Asia/Shanghai). */
  static UserDefinedFunction endOfDay() {
    UDF1<Date, Timestamp> f = d -> d == null ? null : Timestamp.from(MetricContext.endOfDay(d.toLocalDate()));
    return functions.udf(f, DataTypes.TimestampType).withName("end_of_day");
  }
}
