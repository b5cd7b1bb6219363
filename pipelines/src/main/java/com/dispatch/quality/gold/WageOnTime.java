package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.schema.Gold;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * WAGE_ON_TIME subjects of SPEC §4.3, in the shape of {@link Gold#SLA_EVENTS} without
 * run_id/as_of.
 *
 * <p>Input: as {@link SettlementQuality} (the subjects are the evaluated lines of the original
 * settlement of M, SPEC §4.1) plus clients.wage_pay_day. Grain: one row per evaluated line;
 * key (rule, subject_id = line_id); month = M.
 *
 * <p>Deadline: end of day wage_pay_day of M+1 (clamped to M+1's last day), moved back to the
 * previous working day when it is not one. It depends only on the client's pay day, so the at
 * most 31 distinct pay days are resolved on the driver against the calendar (which fails
 * clearly for an uncovered year). sla_policies does not apply: SPEC §4.3 says WAGE_ON_TIME
 * follows clients.wage_pay_day. Completion: end of wage_paid_date, unknown while after as_of.
 */
public final class WageOnTime {
  private WageOnTime() {}

  public static Dataset<Row> events(SilverInputs in, MetricContext ctx) {
    return events(SettlementAnalysis.of(in, ctx).linesWithExpected(), in.clients(), ctx);
  }

  /** The same from {@link SettlementAnalysis#linesWithExpected} of M, computed once by the caller. */
  static Dataset<Row> events(Dataset<Row> linesWithExpected, Dataset<Row> clients, MetricContext ctx) {
    Dataset<Row> evaluatedLines = linesWithExpected
        .where(col("is_evaluated"))
        .select("client_id", "line_id", "wage_paid_date");
    Dataset<Row> payDays = broadcast(clients.select(col("client_id").as("pay_client_id"), col("wage_pay_day")));

    Column asOf = lit(Timestamp.from(ctx.asOf()));
    Column paidEndOfDay = expr("make_timestamp(year(wage_paid_date), month(wage_paid_date), day(wage_paid_date),"
        + " 23, 59, 59.999, '" + MetricContext.ZONE.getId() + "')");
    Column completed = when(paidEndOfDay.leq(asOf), paidEndOfDay);
    Column deadline = col("deadline_at");
    Column status = when(col("completed_at").isNotNull(),
            when(col("completed_at").leq(deadline), lit("MET")).otherwise(lit("BREACHED")))
        .when(deadline.lt(asOf), lit("BREACHED"))
        .otherwise(lit("PENDING"));
    Column lateEnd = when(col("completed_at").isNotNull(), col("completed_at")).otherwise(asOf);
    Column lateness = when(col("status").equalTo("BREACHED"),
        expr("unix_millis(late_end) - unix_millis(deadline_at)").cast(DataTypes.DoubleType).divide(3_600_000.0));

    Dataset<Row> events = evaluatedLines
        .join(payDays, col("client_id").equalTo(col("pay_client_id")), "left")
        .withColumn("deadline_at", deadlineFor(col("wage_pay_day"), ctx, clients))
        .withColumn("completed_at", completed)
        .withColumn("status", status)
        .withColumn("late_end", lateEnd)
        .withColumn("lateness_hours", lateness)
        .select(lit(SlaRule.WAGE_ON_TIME.name()).as("rule"), col("line_id").as("subject_id"), col("client_id"),
            lit(ctx.monthKey()).as("month"), col("deadline_at"), col("completed_at"), col("status"),
            col("lateness_hours"));
    return DeltaIO.conform(events, SettlementAnalysis.withoutRunColumns(Gold.SLA_EVENTS));
  }

  /**
   * The deadline instant as a CASE over the pay days that occur in clients (a handful of values,
   * collected from the small clients table).
   */
  private static Column deadlineFor(Column payDay, MetricContext ctx, Dataset<Row> clients) {
    List<Row> days = clients.select("wage_pay_day").where(col("wage_pay_day").isNotNull()).distinct()
        .collectAsList();
    Column deadline = lit(null).cast(DataTypes.TimestampType);
    for (Row r : days) {
      int day = r.getInt(0);
      deadline = when(payDay.equalTo(day), lit(Timestamp.from(MetricContext.endOfDay(dueDate(ctx.month(), day, ctx)))))
          .otherwise(deadline);
    }
    return deadline;
  }

  /** SPEC §4.3: day {@code payDay} of M+1, clamped to its last day, then back to a working day. */
  static LocalDate dueDate(YearMonth month, int payDay, MetricContext ctx) {
    YearMonth next = month.plusMonths(1);
    LocalDate nominal = next.atDay(Math.min(Math.max(payDay, 1), next.lengthOfMonth()));
    return ctx.calendar().onOrBeforeWorkday(nominal);
  }
}
