package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.round;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.config.QualityTargets;
import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.domain.PeriodType;
import com.dispatch.quality.domain.RespondentType;
import com.dispatch.quality.domain.ResponseMetric;
import com.dispatch.quality.domain.SlaRule;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * gold/client_scorecard (SPEC §4.6): each headline KPI of a client and month against its target.
 *
 * <p>Input: the gold outputs of the other transforms (settlement_quality, sla_compliance,
 * service_frequency, response_time_distribution, satisfaction) for month M and for M−1 (rows of other months
 * are ignored), and silver clients. Grain: one row per client, month M and KPI of
 * {@link Kpi#all()}; key (client_id, month, kpi).
 *
 * <p>Clients: every client whose dispatch agreement overlaps M, plus every client with a row for
 * M in any input (so a client whose agreement ended but who was still billed is scored). A KPI
 * whose value cannot be computed (no settlement row, no closed subject, ...) has a null value.
 * Target and direction come from quality_targets (the client's row over {@code *}); status is
 * null without a target, NO_DATA when the value is null, else MET or MISSED by direction.
 */
public final class ClientScorecard {
  private ClientScorecard() {}

  public static final String ALL_CLIENTS = "*";

  /** The gold datasets the scorecard is read from, each holding rows of M and M−1. */
  public record Inputs(
      Dataset<Row> settlementQuality,
      Dataset<Row> slaCompliance,
      Dataset<Row> serviceFrequency,
      Dataset<Row> responseTimeDistribution,
      Dataset<Row> satisfaction) {

    public Inputs union(Inputs other) {
      return new Inputs(
          settlementQuality.unionByName(other.settlementQuality),
          slaCompliance.unionByName(other.slaCompliance),
          serviceFrequency.unionByName(other.serviceFrequency),
          responseTimeDistribution.unionByName(other.responseTimeDistribution),
          satisfaction.unionByName(other.satisfaction));
    }
  }

  public static Dataset<Row> compute(Dataset<Row> clients, Inputs gold, MetricContext ctx) {
    String month = ctx.monthKey();
    String previousMonth = ctx.month().minusMonths(1).toString();
    Dataset<Row> kpiValues = kpiValues(gold).where(col("month").isin(month, previousMonth));

    Dataset<Row> scoredClients = clients
        .where(col("agreement_start").leq(lit(ctx.lastDay()))
            .and(col("agreement_end").isNull().or(col("agreement_end").geq(lit(ctx.firstDay())))))
        .select("client_id")
        .union(kpiValues.where(col("month").equalTo(month)).select("client_id"))
        .distinct();

    Dataset<Row> kpis = clients.sparkSession().createDataset(Kpi.all(), Encoders.STRING()).toDF("kpi");

    Dataset<Row> current = kpiValues.where(col("month").equalTo(month))
        .select(col("client_id").as("c_client_id"), col("kpi").as("c_kpi"), col("value"));
    Dataset<Row> previous = kpiValues.where(col("month").equalTo(previousMonth))
        .select(col("client_id").as("p_client_id"), col("kpi").as("p_kpi"), col("value").as("previous_value"));

    QualityTargets targets = ctx.qualityTargets();
    UserDefinedFunction targetOf = udf((UDF2<String, String, Double>) (kpi, client) ->
        targets.target(kpi, client).map(t -> t.value().doubleValue()).orElse(null), DataTypes.DoubleType);
    UserDefinedFunction directionOf = udf((UDF2<String, String, String>) (kpi, client) ->
        targets.target(kpi, client).map(t -> t.direction().name()).orElse(null), DataTypes.StringType);

    Dataset<Row> withValues = scoredClients.crossJoin(kpis)
        .join(current, col("client_id").equalTo(col("c_client_id")).and(col("kpi").equalTo(col("c_kpi"))), "left")
        .join(previous, col("client_id").equalTo(col("p_client_id")).and(col("kpi").equalTo(col("p_kpi"))), "left")
        .withColumn("target", targetOf.apply(col("kpi"), col("client_id")))
        .withColumn("direction", directionOf.apply(col("kpi"), col("client_id")));

    Column value = col("value");
    Column target = col("target");
    Column met = when(col("direction").equalTo(Kpi.Direction.AT_MOST.name()), value.leq(target))
        .otherwise(value.geq(target));
    Column status = when(target.isNull(), lit(null).cast(DataTypes.StringType))
        .when(value.isNull(), lit(Kpi.Status.NO_DATA.name()))
        .when(met, lit(Kpi.Status.MET.name()))
        .otherwise(lit(Kpi.Status.MISSED.name()));
    // Rounded so that 0.03 − 0.02 reads 0.01, not 0.009999999999999998; 1e-10 is far below any KPI's precision.
    Column change = round(value.minus(col("previous_value")), 10);

    return withValues.select(
        col("client_id"), lit(month).as("month"), col("kpi"), value.as("value"), target.as("target"),
        col("direction"), status.as("status"), change.as("change_from_previous"));
  }

  /** (client_id, month, kpi, value) for every client row of every input month; value may be null. */
  static Dataset<Row> kpiValues(Inputs gold) {
    Dataset<Row> sq = gold.settlementQuality().where(col("client_id").notEqual(ALL_CLIENTS));
    Dataset<Row> headcount = sq.select(col("client_id"), col("month"),
        lit(Kpi.HEADCOUNT_ERROR_RATE).as("kpi"), col("headcount_error_rate").cast("double").as("value"));
    Dataset<Row> calc = sq.select(col("client_id"), col("month"),
        lit(Kpi.CALC_ERROR_RATE).as("kpi"), col("calc_error_rate").cast("double").as("value"));

    Dataset<Row> sla = gold.slaCompliance()
        .where(col("client_id").notEqual(ALL_CLIENTS).and(col("rule").isin(companyScoreRules())))
        .groupBy("client_id", "month")
        .agg(sum("met").as("met"), sum("breached").as("breached"))
        .select(col("client_id"), col("month"), lit(Kpi.SLA_COMPLIANCE).as("kpi"),
            rate(col("met"), col("met").plus(col("breached"))).as("value"));

    // Quarters still in progress are not scored, but their client still gets a (null) value for M.
    Column scored = col("period_type").equalTo(PeriodType.MONTH.name())
        .or(col("period_type").equalTo(PeriodType.QUARTER.name()).and(col("is_final")));
    Dataset<Row> frequency = gold.serviceFrequency()
        .groupBy("client_id", "month")
        .agg(sum(when(scored, 1L).otherwise(0L)).as("commitments"),
            sum(when(scored.and(col("is_compliant")), 1L).otherwise(0L)).as("compliant"))
        .select(col("client_id"), col("month"), lit(Kpi.FREQUENCY_COMPLIANCE).as("kpi"),
            rate(col("compliant"), col("commitments")).as("value"));

    Dataset<Row> p90 = gold.responseTimeDistribution()
        .where(col("client_id").notEqual(ALL_CLIENTS).and(col("metric").isin(metricNames())))
        .select(col("client_id"), col("month"), concat(lit(Kpi.RESPONSE_P90_PREFIX), col("metric")).as("kpi"),
            col("p90_hours").cast("double").as("value"));

    // A client without answers of a type has no satisfaction row: its KPI value stays null (NO_DATA).
    Dataset<Row> satisfaction = gold.satisfaction()
        .where(col("client_id").notEqual(ALL_CLIENTS))
        .select(col("client_id"), col("month"),
            when(col("respondent_type").equalTo(RespondentType.CLIENT.name()), lit(Kpi.CLIENT_SATISFACTION))
                .otherwise(lit(Kpi.EMPLOYEE_SATISFACTION)).as("kpi"),
            col("satisfied_share").cast("double").as("value"));

    return headcount.unionByName(calc).unionByName(sla).unionByName(frequency)
        .unionByName(p90).unionByName(satisfaction);
  }

  private static Column rate(Column numerator, Column denominator) {
    return when(denominator.gt(0), numerator.cast("double").divide(denominator.cast("double")));
  }

  private static Object[] companyScoreRules() {
    return Arrays.stream(SlaRule.values()).filter(SlaRule::inCompanyScore).map(Enum::name).toArray();
  }

  private static Object[] metricNames() {
    return Arrays.stream(ResponseMetric.values()).map(Enum::name).toArray();
  }
}
