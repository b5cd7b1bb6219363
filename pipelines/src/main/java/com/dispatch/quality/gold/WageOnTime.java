package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.schema.Conform;
import com.dispatch.quality.schema.Gold;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
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
    Dataset<Row> events = SlaEvents.evaluate(subjects(linesWithExpected, clients, payDays(clients), ctx), ctx);
    return Conform.to(events, Gold.withoutRunColumns(Gold.SLA_EVENTS));
  }

  /**
   * WAGE_ON_TIME subjects of M in {@link SlaEvents#SUBJECT_COLUMNS}: one per evaluated line, with
   * its deadline, its clock start (SPEC §4.8, {@link SlaDeadlines#wageClockStart}) and its
   * completion at the end of wage_paid_date (not yet cut at as_of). The one definition both
   * sla_events and the watchlist judge. {@code payDays} are the clients' distinct pay days
   * ({@link #payDays}), collected once by the caller.
   */
  static Dataset<Row> subjects(Dataset<Row> linesWithExpected, Dataset<Row> clients, List<Integer> payDays,
      MetricContext ctx) {
    Dataset<Row> evaluatedLines = linesWithExpected
        .where(col("is_evaluated"))
        .select("client_id", "line_id", "wage_paid_date");
    Dataset<Row> clientPayDays = broadcast(clients.select(col("client_id").as("pay_client_id"), col("wage_pay_day")));
    Column paidEndOfDay = expr("make_timestamp(year(wage_paid_date), month(wage_paid_date), day(wage_paid_date),"
        + " 23, 59, 59.999, '" + MetricContext.ZONE.getId() + "')");
    return evaluatedLines
        .join(clientPayDays, col("client_id").equalTo(col("pay_client_id")), "left")
        .select(lit(SlaRule.WAGE_ON_TIME.name()).as("rule"), col("line_id").as("subject_id"), col("client_id"),
            lit(ctx.monthKey()).as("month"),
            byPayDay(col("wage_pay_day"), payDays, d -> SlaDeadlines.wageClockStart(ctx.month(), deadline(ctx, d)))
                .as("clock_start_at"),
            byPayDay(col("wage_pay_day"), payDays, d -> deadline(ctx, d)).as("deadline_at"),
            paidEndOfDay.as("completed_at"));
  }

  /** The distinct pay days of the clients table (a handful of values; one small job). */
  static List<Integer> payDays(Dataset<Row> clients) {
    List<Integer> days = new ArrayList<>();
    for (Row r : clients.select("wage_pay_day").where(col("wage_pay_day").isNotNull()).distinct().collectAsList()) {
      days.add(r.getInt(0));
    }
    return days;
  }

  /** The deadline instant of M's wages for a pay day: the end of {@link #dueDate}. */
  static Instant deadline(MetricContext ctx, int payDay) {
    return MetricContext.endOfDay(dueDate(ctx.month(), payDay, ctx));
  }

  /**
   * An instant per pay day as a CASE over the pay days that occur in clients, resolved on the
   * driver (the calendar fails clearly for an uncovered year before any job runs).
   */
  private static Column byPayDay(Column payDay, List<Integer> payDays, IntFunction<Instant> value) {
    Column out = lit(null).cast(DataTypes.TimestampType);
    for (int day : payDays) out = when(payDay.equalTo(day), lit(Timestamp.from(value.apply(day)))).otherwise(out);
    return out;
  }

  /** SPEC §4.3: day {@code payDay} of M+1, clamped to its last day, then back to a working day. */
  static LocalDate dueDate(YearMonth month, int payDay, MetricContext ctx) {
    YearMonth next = month.plusMonths(1);
    LocalDate nominal = next.atDay(Math.min(Math.max(payDay, 1), next.lengthOfMonth()));
    return ctx.calendar().onOrBeforeWorkday(nominal);
  }
}
