package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.SettlementStatus;
import com.dispatch.quality.schema.Conform;
import com.dispatch.quality.schema.Gold;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * gold/settlement_quality (SPEC §4.1, §6).
 *
 * <p>Input: silver settlement (lines of service_month M), roster, clients, insurance_rates.
 * Output: columns of {@link Gold#SETTLEMENT_QUALITY} without run_id/as_of. Grain: one row per
 * client and month M, for every client with expected heads or a batch of M issued by as_of.
 * Key: (client_id, month).
 *
 * <p>The original settlement (earliest batch by as_of) is evaluated; later batches are only
 * counted. A client with expected heads and no batch by as_of gets settlement_status MISSING
 * with expected_headcount and null counts and rates. Rates are null when their denominator is 0.
 */
public final class SettlementQuality {
  private SettlementQuality() {}

  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    SettlementAnalysis analysis = SettlementAnalysis.of(in, ctx);
    return compute(analysis.linesWithExpected(), analysis.originalBatch(), ctx);
  }

  /** The same from {@link SettlementAnalysis}'s intermediates of M, computed once by the caller. */
  static Dataset<Row> compute(Dataset<Row> linesWithExpected, Dataset<Row> originalBatch, MetricContext ctx) {
    Dataset<Row> counts = linesWithExpected.groupBy("client_id").agg(
        countIf(col("is_expected").and(col("is_head_row"))).as("expected_headcount"),
        countIf(col("line_id").isNotNull().and(col("is_head_row"))).as("billed_headcount"),
        countIf(col("is_expected").and(col("line_id").isNull())).as("missing"),
        countIf(not(col("is_expected")).and(col("is_head_row"))).as("extra"),
        countIf(col("is_expected").and(col("line_count").gt(1)).and(col("is_head_row"))).as("duplicate"),
        countIf(col("is_evaluated")).as("evaluated_lines"),
        countIf(col("is_evaluated").and(col("is_calc_error"))).as("calc_error_lines"));

    Dataset<Row> batches = broadcast(originalBatch
        .select(col("client_id").as("b_client_id"), col("original_batch_id"), col("correction_batches")));
    Dataset<Row> perClient = counts.join(batches, col("client_id").equalTo(col("b_client_id")), "left");

    Column issued = col("original_batch_id").isNotNull();
    Column headcountErrors = col("missing").plus(col("extra")).plus(col("duplicate"));
    Dataset<Row> out = perClient.select(
        col("client_id"),
        lit(ctx.monthKey()).as("month"),
        when(issued, lit(SettlementStatus.ISSUED.name())).otherwise(lit(SettlementStatus.MISSING.name())).as("settlement_status"),
        col("expected_headcount"),
        whenIssued(issued, col("billed_headcount")).as("billed_headcount"),
        whenIssued(issued, col("missing")).as("missing"),
        whenIssued(issued, col("extra")).as("extra"),
        whenIssued(issued, col("duplicate")).as("duplicate"),
        whenIssued(issued, headcountErrors).as("headcount_errors"),
        whenIssued(issued, col("evaluated_lines")).as("evaluated_lines"),
        whenIssued(issued, col("calc_error_lines")).as("calc_error_lines"),
        whenIssued(issued, headcountErrors.gt(0).and(col("calc_error_lines").gt(0))).as("has_both_errors"),
        whenIssued(issued, ratio(headcountErrors, col("expected_headcount"))).as("headcount_error_rate"),
        whenIssued(issued, ratio(col("calc_error_lines"), col("evaluated_lines"))).as("calc_error_rate"),
        whenIssued(issued, col("correction_batches")).as("correction_batches"));
    return Conform.to(out, Gold.withoutRunColumns(Gold.SETTLEMENT_QUALITY));
  }

  private static Column countIf(Column condition) {
    return sum(when(condition, lit(1L)).otherwise(lit(0L)));
  }

  /** A MISSING settlement has only its expected_headcount (SPEC §4.1). */
  private static Column whenIssued(Column issued, Column value) {
    return when(issued, value);
  }

  private static Column ratio(Column numerator, Column denominator) {
    return when(denominator.gt(0), numerator.cast(DataTypes.DoubleType).divide(denominator.cast(DataTypes.DoubleType)));
  }
}
