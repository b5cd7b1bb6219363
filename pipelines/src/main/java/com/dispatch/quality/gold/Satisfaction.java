package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.RespondentType;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * gold/satisfaction (SPEC §4.7): the satisfaction follow-ups (跟踪回访) of month M as of as_of.
 *
 * <p>Input: silver surveys and the expected heads of M (SPEC §4.1, from {@link SettlementAnalysis}).
 * Grain: one row per (client, month, respondent_type) with at least one answer of that type in M,
 * plus a company-wide row per (month, respondent_type) with client_id {@code *} when any client has
 * one; key (client_id, month, respondent_type).
 *
 * <p>An answer counts when answered_at lies in M (Asia/Shanghai) and not after as_of. responses
 * counts answers (an employee who answers twice counts twice); response_rate counts distinct
 * responding employees who are expected heads of that client, over the client's expected heads.
 * The {@code *} EMPLOYEE row sums respondents_expected over every client with expected heads in M
 * (also those without any answer) and the clients' responding expected heads (docs/decisions.md).
 */
public final class Satisfaction {
  private Satisfaction() {}

  public static final String ALL_CLIENTS = ClientScorecard.ALL_CLIENTS;

  /** Month M's satisfaction rows, with the expected heads computed from silver roster. */
  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    return compute(in.surveys(), SettlementAnalysis.of(in, ctx).expectedHeads(), ctx);
  }

  /**
   * Month M's satisfaction rows. {@code expectedHeads} holds one row per (client_id, employee_id)
   * expected in M (further columns are ignored), as {@link SettlementAnalysis#expectedHeads} or
   * {@link SettlementAnalysis#expectedHeadIds} give them.
   */
  public static Dataset<Row> compute(Dataset<Row> surveys, Dataset<Row> expectedHeads, MetricContext ctx) {
    Dataset<Row> heads = expectedHeads.select(col("client_id").as("h_client_id"), col("employee_id").as("h_employee_id"));
    Column isEmployee = col("respondent_type").equalTo(RespondentType.EMPLOYEE.name());

    Dataset<Row> answersWithHead = answersOfMonth(surveys, ctx)
        .join(heads, col("client_id").equalTo(col("h_client_id"))
            .and(col("employee_id").equalTo(col("h_employee_id"))).and(isEmployee), "left");

    Dataset<Row> perClient = answersWithHead
        .groupBy("client_id", "respondent_type")
        .agg(count(lit(1)).as("responses"),
            sum(col("score").cast(DataTypes.LongType)).as("score_sum"),
            sum(when(col("score").geq(4), 1L).otherwise(0L)).as("satisfied"),
            sum(when(isDissatisfied(), 1L).otherwise(0L)).as("dissatisfied"),
            countDistinct(col("h_employee_id")).as("responding_heads"));

    Dataset<Row> expectedPerClient = heads.groupBy(col("h_client_id").as("e_client_id"))
        .agg(count(lit(1)).as("heads"));
    Dataset<Row> clientRows = perClient
        .join(expectedPerClient, col("client_id").equalTo(col("e_client_id")), "left")
        .withColumn("heads", coalesce(col("heads"), lit(0L)))
        .drop("e_client_id");

    Dataset<Row> allHeads = heads.agg(count(lit(1)).as("heads"));
    Dataset<Row> companyRows = perClient
        .groupBy("respondent_type")
        .agg(sum("responses").as("responses"), sum("score_sum").as("score_sum"), sum("satisfied").as("satisfied"),
            sum("dissatisfied").as("dissatisfied"), sum("responding_heads").as("responding_heads"))
        .crossJoin(allHeads)
        .withColumn("client_id", lit(ALL_CLIENTS));

    return shape(clientRows, ctx).unionByName(shape(companyRows, ctx));
  }

  /**
   * The answers of month M that the run sees: answered_at in M (Asia/Shanghai bounds computed in
   * Java, not from the session time zone) and at or before as_of. The report lists the month's
   * dissatisfied answers from the same selection.
   */
  public static Dataset<Row> answersOfMonth(Dataset<Row> surveys, MetricContext ctx) {
    return answersOfMonth(surveys, ctx.month(), ctx.asOf());
  }

  /** {@link #answersOfMonth(Dataset, MetricContext)} for a month and as_of (the report's, of the gold run it shows). */
  public static Dataset<Row> answersOfMonth(Dataset<Row> surveys, YearMonth month, Instant asOf) {
    Timestamp from = Timestamp.from(month.atDay(1).atStartOfDay(MetricContext.ZONE).toInstant());
    Timestamp until = Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(MetricContext.ZONE).toInstant());
    return surveys.where(col("answered_at").geq(lit(from)).and(col("answered_at").lt(lit(until)))
        .and(col("answered_at").leq(lit(Timestamp.from(asOf)))));
  }

  /** SPEC §4.7 dissatisfied: a score of 2 or less. */
  public static Column isDissatisfied() { return col("score").leq(2); }

  /** SPEC §4.7 columns from counts: shares as fractions, EMPLOYEE-only figures null for CLIENT. */
  private static Dataset<Row> shape(Dataset<Row> counts, MetricContext ctx) {
    Column isEmployee = col("respondent_type").equalTo(RespondentType.EMPLOYEE.name());
    Column expected = when(isEmployee, col("heads"));
    return counts.select(
        col("client_id"),
        lit(ctx.monthKey()).as("month"),
        col("respondent_type"),
        col("responses"),
        col("score_sum").cast(DataTypes.DoubleType).divide(col("responses").cast(DataTypes.DoubleType)).as("mean_score"),
        col("satisfied"),
        col("dissatisfied"),
        col("satisfied").cast(DataTypes.DoubleType).divide(col("responses").cast(DataTypes.DoubleType))
            .as("satisfied_share"),
        expected.as("respondents_expected"),
        when(isEmployee.and(col("heads").gt(0)),
            col("responding_heads").cast(DataTypes.DoubleType).divide(col("heads").cast(DataTypes.DoubleType)))
            .as("response_rate"));
  }
}
