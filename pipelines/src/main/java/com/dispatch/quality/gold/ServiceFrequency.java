package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.PeriodType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold/service_frequency (SPEC §4.4): promised activity counts against the activities logged.
 *
 * <p>Input: silver service_commitments and activities. Grain: one row per commitment in force
 * on its period's first day, per period and run month; key (client_id, activity_type, period,
 * month). A MONTH commitment's period is M ({@code 2026-01}); a QUARTER commitment's period is
 * the quarter containing M ({@code 2026-Q1}), counted from the quarter's first day up to the end
 * of M, final only when M closes the quarter (earlier months report progress to date).
 *
 * <p>A commitment is in force on day d when effective_from ≤ d ≤ effective_to (null = open) and
 * no other row of the same client and activity type in force on d has a later effective_from
 * (SPEC §2: the latest effective_from wins). Activities count only when occurred_at ≤ as_of.
 */
public final class ServiceFrequency {
  private ServiceFrequency() {}

  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    YearMonth m = ctx.month();
    LocalDate monthStart = m.atDay(1);
    LocalDate quarterStart = quarterStart(m);
    Instant windowEnd = min(MetricContext.endOfDay(m.atEndOfMonth()), ctx.asOf());
    boolean quarterEnds = m.getMonthValue() % 3 == 0;

    Column isQuarter = col("period").equalTo(PeriodType.QUARTER.name());
    Dataset<Row> commitments = in.serviceCommitments()
        .select("client_id", "activity_type", "period", "min_count", "effective_from", "effective_to")
        .withColumn("period_start", when(isQuarter, lit(quarterStart)).otherwise(lit(monthStart)));

    Dataset<Row> inForceOnPeriodStart = commitments.where(effectiveOn(commitments, col("period_start")));

    // A later row of the same (client, activity_type) in force on the same day supersedes it.
    Dataset<Row> r = inForceOnPeriodStart.alias("r");
    Dataset<Row> s = commitments.alias("s");
    Column supersedes = col("r.client_id").equalTo(col("s.client_id"))
        .and(col("r.activity_type").equalTo(col("s.activity_type")))
        .and(col("s.effective_from").gt(col("r.effective_from")))
        .and(col("s.effective_from").leq(col("r.period_start")))
        .and(col("s.effective_to").isNull().or(col("s.effective_to").geq(col("r.period_start"))));
    Dataset<Row> commitmentsInForce = r.join(s, supersedes, "left_anti")
        .withColumn("period_start_at",
            when(isQuarter, lit(startOf(quarterStart))).otherwise(lit(startOf(monthStart))));

    Dataset<Row> activitiesSeen = in.activities()
        .where(col("occurred_at").geq(lit(startOf(quarterStart))).and(col("occurred_at").leq(lit(windowEnd))))
        .select(col("client_id").as("a_client_id"), col("activity_type").as("a_activity_type"),
            col("occurred_at"), col("activity_id"));

    Dataset<Row> counted = commitmentsInForce
        .join(activitiesSeen,
            col("client_id").equalTo(col("a_client_id"))
                .and(col("activity_type").equalTo(col("a_activity_type")))
                .and(col("occurred_at").geq(col("period_start_at"))),
            "left")
        .groupBy("client_id", "activity_type", "period", "min_count")
        .agg(count(col("activity_id")).as("actual_count"));

    Column quarterKey = lit(m.getYear() + "-Q" + ((m.getMonthValue() - 1) / 3 + 1));
    return counted.select(
        col("client_id"),
        col("activity_type"),
        when(isQuarter, quarterKey).otherwise(lit(ctx.monthKey())).as("period"),
        lit(ctx.monthKey()).as("month"),
        col("period").as("period_type"),
        col("min_count"),
        col("actual_count"),
        col("actual_count").geq(col("min_count")).as("is_compliant"),
        col("period").equalTo(PeriodType.MONTH.name()).or(lit(quarterEnds)).as("is_final"));
  }

  static LocalDate quarterStart(YearMonth m) {
    return LocalDate.of(m.getYear(), ((m.getMonthValue() - 1) / 3) * 3 + 1, 1);
  }

  private static Column effectiveOn(Dataset<Row> rows, Column day) {
    return rows.col("effective_from").leq(day)
        .and(rows.col("effective_to").isNull().or(rows.col("effective_to").geq(day)));
  }

  private static Instant startOf(LocalDate d) { return d.atStartOfDay(MetricContext.ZONE).toInstant(); }

  private static Instant min(Instant a, Instant b) { return a.isBefore(b) ? a : b; }
}
