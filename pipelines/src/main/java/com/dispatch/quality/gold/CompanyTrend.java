package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.domain.SettlementStatus;
import com.dispatch.quality.domain.SlaRule;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold/company_trend (issue 13 item 4): the company-wide rates of month M the overview's trend
 * shows, one row per month. Settlement rates are pooled over the clients with an ISSUED
 * settlement (sum of errors ÷ sum of denominators, not an average of client rates); SLA
 * compliance is Σmet ÷ (Σmet + Σbreached) over the {@code *} rows of the rules in the company
 * score (all but INJURY_CLIENT_NOTICE_12H). Rates are null when their denominator is 0. Inputs:
 * settlement_quality and sla_compliance of M; columns of {@code Gold.COMPANY_TREND} without
 * run_id/as_of.
 */
public final class CompanyTrend {
  private CompanyTrend() {}

  public static Dataset<Row> compute(Dataset<Row> settlementQuality, Dataset<Row> slaCompliance, MetricContext ctx) {
    Column month = col("month").equalTo(ctx.monthKey());
    Dataset<Row> settlement = settlementQuality.filter(month.and(col("settlement_status").equalTo(SettlementStatus.ISSUED.name())))
        .agg(count(lit(1)).as("issued_settlements"), total("headcount_errors"), total("expected_headcount"),
            total("calc_error_lines"), total("evaluated_lines"));
    Object[] scored = Arrays.stream(SlaRule.values()).filter(SlaRule::inCompanyScore).map(SlaRule::name).toArray();
    Dataset<Row> sla = slaCompliance.filter(month.and(col("client_id").equalTo(SlaPolicies.ALL_CLIENTS))
            .and(col("rule").isin(scored)))
        .agg(coalesce(sum("met"), lit(0L)).as("sla_met"), coalesce(sum("breached"), lit(0L)).as("sla_breached"));
    return settlement.crossJoin(sla).select(lit(ctx.monthKey()).as("month"), col("issued_settlements"),
        col("headcount_errors"), col("expected_headcount"), rate(col("headcount_errors"), col("expected_headcount")).as("headcount_error_rate"),
        col("calc_error_lines"), col("evaluated_lines"), rate(col("calc_error_lines"), col("evaluated_lines")).as("calc_error_rate"),
        col("sla_met"), col("sla_breached"),
        rate(col("sla_met"), col("sla_met").plus(col("sla_breached"))).as("sla_compliance_rate"));
  }

  private static Column total(String column) {
    return coalesce(sum(column), lit(0L)).cast("long").as(column);
  }

  private static Column rate(Column numerator, Column denominator) {
    return when(denominator.gt(0), numerator.divide(denominator));
  }
}
