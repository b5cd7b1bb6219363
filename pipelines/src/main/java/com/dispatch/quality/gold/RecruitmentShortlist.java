package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.CaseType;
import java.time.Instant;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold/recruitment_shortlist (SPEC §4.5): did each recruitment request get the promised
 * shortlist of 2–3 candidates?
 *
 * <p>Input: silver cases (RECRUITMENT, reported_at in M and ≤ as_of). Grain: one row per client
 * and month with at least one such case; key (client_id, month). A null candidates_count is
 * counted in no_count and not as outside the range.
 */
public final class RecruitmentShortlist {
  private RecruitmentShortlist() {}

  static final int MIN_CANDIDATES = 2;
  static final int MAX_CANDIDATES = 3;

  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    Instant monthStart = ctx.firstDay().atStartOfDay(MetricContext.ZONE).toInstant();
    Instant seenUntil = min(MetricContext.endOfDay(ctx.lastDay()), ctx.asOf());

    Dataset<Row> recruitmentCases = in.cases()
        .where(col("case_type").equalTo(CaseType.RECRUITMENT.name())
            .and(col("reported_at").geq(lit(monthStart)))
            .and(col("reported_at").leq(lit(seenUntil))));

    Column n = col("candidates_count");
    return recruitmentCases.groupBy("client_id")
        .agg(count(lit(1)).as("recruitment_cases"),
            countWhere(n.lt(MIN_CANDIDATES).or(n.gt(MAX_CANDIDATES))).as("outside_range"),
            countWhere(n.lt(MIN_CANDIDATES)).as("too_few"),
            countWhere(n.gt(MAX_CANDIDATES)).as("too_many"),
            countWhere(n.isNull()).as("no_count"))
        .select(col("client_id"), lit(ctx.monthKey()).as("month"), col("recruitment_cases"),
            col("outside_range"), col("too_few"), col("too_many"), col("no_count"));
  }

  /** A null condition (null count) is not a hit. */
  private static Column countWhere(Column condition) {
    return sum(when(condition, 1L).otherwise(0L));
  }

  private static Instant min(Instant a, Instant b) { return a.isBefore(b) ? a : b; }
}
