package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * What the case desk knew at as_of (SPEC §2 case_events, §4 intro), shared by the response-time
 * and time-limit transforms: cases that exist (reported_at ≤ as_of) and the earliest time each
 * milestone of a case happened (at ≤ as_of; a milestone recorded several times counts once, at
 * its earliest).
 */
final class CaseMilestones {
  private CaseMilestones() {}

  /**
   * Cases reported in month M and by as_of. Month bounds are instants at Asia/Shanghai midnight,
   * so the filter does not depend on the session time zone and can be pushed down.
   */
  static Dataset<Row> casesReportedInMonth(Dataset<Row> cases, MetricContext ctx) {
    return cases.where(col("reported_at").geq(instant(startOfDay(ctx.firstDay())))
        .and(col("reported_at").lt(instant(startOfDay(ctx.lastDay().plusDays(1)))))
        .and(col("reported_at").leq(instant(ctx.asOf()))));
  }

  /** One row per (case_id, milestone) with the earliest {@code at} at or before as_of. */
  static Dataset<Row> earliest(Dataset<Row> caseEvents, MetricContext ctx) {
    return caseEvents
        .where(col("at").leq(instant(ctx.asOf())))
        .groupBy(col("case_id"), col("milestone"))
        .agg(min(col("at")).as("at"));
  }

  /**
   * {@link #earliest} restricted to the cases reported from {@code from}'s first day to the end of
   * M: the only ones a month's case metrics look up, so the aggregation does not grow with the
   * case history. The result is the same for those cases.
   */
  static Dataset<Row> earliestOfCasesReportedSince(Dataset<Row> cases, Dataset<Row> caseEvents, LocalDate from,
      MetricContext ctx) {
    Dataset<Row> reported = cases.where(col("reported_at").geq(instant(startOfDay(from)))
            .and(col("reported_at").lt(instant(startOfDay(ctx.lastDay().plusDays(1)))))
            .and(col("reported_at").leq(instant(ctx.asOf()))))
        .select(col("case_id").as("r_case_id"));
    return earliest(caseEvents.join(reported, col("case_id").equalTo(col("r_case_id")), "left_semi"), ctx);
  }

  /** First instant of a local date in Asia/Shanghai. */
  static Instant startOfDay(LocalDate d) { return d.atStartOfDay(MetricContext.ZONE).toInstant(); }

  /** A timestamp literal for an instant (Spark keeps instants, so no zone is involved). */
  static Column instant(Instant i) { return lit(Timestamp.from(i)); }

  /** A date literal. */
  static Column date(LocalDate d) { return lit(java.sql.Date.valueOf(d)); }

  /** {@code end - start} in decimal hours (microsecond precision). */
  static Column hoursBetween(Column start, Column end) {
    return functions.unix_micros(end).minus(functions.unix_micros(start)).divide(3_600_000_000.0);
  }
}
