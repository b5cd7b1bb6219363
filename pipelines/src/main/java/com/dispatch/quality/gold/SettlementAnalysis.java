package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.raise_error;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.ExpectedSettlement;
import com.dispatch.quality.domain.InsuranceItem;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;

/**
 * The shared steps of SPEC §4.1 (settlement accuracy) for one month M as of {@code as_of}, as
 * named intermediate datasets. {@link SettlementQuality}, {@link SettlementErrors} and
 * {@link WageOnTime} are thin projections of {@link #linesWithExpected}.
 *
 * <p>Every dataset is lazy; nothing here collects data to the driver. The settlement is cut to
 * service_month = M before anything else (partition pruning on silver), the small tables
 * (clients, insurance rates, batches) are broadcast, and the two large sides (lines and heads)
 * meet in one shuffle join on (client_id, employee_id).
 */
final class SettlementAnalysis {

  /** Billed components in the order of SPEC §2 and of settlement_errors.component; total last. */
  static final List<String> COMPONENTS = List.of(
      "wage", "pension", "medical", "unemployment", "work_injury", "housing_fund", "service_fee", "total");

  private static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);
  private static final BigDecimal CENT = new BigDecimal("0.01");
  /** Sorts an open end after every real end_date in the "starts last" tie-break. */
  private static final Date OPEN_END = Date.valueOf("9999-12-31");

  /** SPEC §4.1 pro-rated wage, from the one calculator (never re-implemented in SQL). */
  private static final UserDefinedFunction EXPECTED_WAGE = functions.udf(
      (UDF3<BigDecimal, Integer, Integer, BigDecimal>) (monthlyWage, activeDays, daysInMonth) ->
          monthlyWage == null || activeDays == null || daysInMonth == null
              ? null : ExpectedSettlement.wage(monthlyWage, activeDays, daysInMonth),
      MONEY).withName("expected_wage");

  /** SPEC §4.1 employer contribution of one item, from the one calculator. */
  private static final UserDefinedFunction EXPECTED_CONTRIBUTION = functions.udf(
      (UDF4<BigDecimal, BigDecimal, BigDecimal, BigDecimal, BigDecimal>) (base, floor, ceiling, rate) ->
          base == null || floor == null || ceiling == null || rate == null
              ? null : ExpectedSettlement.contribution(base, floor, ceiling, rate),
      MONEY).withName("expected_contribution");

  private final SilverInputs in;
  private final MetricContext ctx;

  private SettlementAnalysis(SilverInputs in, MetricContext ctx) {
    this.in = in;
    this.ctx = ctx;
  }

  static SettlementAnalysis of(SilverInputs in, MetricContext ctx) {
    return new SettlementAnalysis(in, ctx);
  }

  private Column asOf() { return lit(Timestamp.from(ctx.asOf())); }

  /** Every line billing month M, cut before anything else so silver's month partitions prune. */
  Dataset<Row> monthLines() {
    return in.settlement().where(col("service_month").equalTo(ctx.monthKey()));
  }

  /**
   * One row per (client_id, batch_id) of month M issued by as_of. A batch is one sheet: it is
   * issued at the earliest issued_at of its lines and then exists whole (docs/decisions.md).
   */
  Dataset<Row> issuedBatches() {
    return monthLines()
        .groupBy("client_id", "batch_id")
        .agg(min("issued_at").as("issued_at"))
        .where(col("issued_at").leq(asOf()));
  }

  /**
   * One row per client with a batch of M by as_of: the original batch (earliest issued_at, ties
   * smallest batch_id) and how many later batches (corrections) there are.
   */
  Dataset<Row> originalBatch() {
    return issuedBatches()
        .groupBy("client_id")
        .agg(min(struct(col("issued_at"), col("batch_id"))).as("original"), count(lit(1)).as("batches"))
        .select(col("client_id"),
            col("original.batch_id").as("original_batch_id"),
            col("original.issued_at").as("original_issued_at"),
            col("batches").minus(1).as("correction_batches"));
  }

  /**
   * Lines of each client's original settlement, with the employee's line count, first line and
   * billed total over all its lines in that batch (the DUPLICATE/EXTRA figures).
   */
  Dataset<Row> originalLines() {
    // Key columns are renamed before every join: all these datasets descend from the same
    // silver settlement, and same-lineage column references would be ambiguous.
    Dataset<Row> originals = broadcast(originalBatch()
        .select(col("client_id").as("o_client_id"), col("original_batch_id")));
    WindowSpec perEmployee = Window.partitionBy("client_id", "employee_id");
    return monthLines()
        .join(originals, col("client_id").equalTo(col("o_client_id"))
            .and(col("batch_id").equalTo(col("original_batch_id"))), "left_semi")
        .select(col("line_id"), col("client_id"), col("employee_id"),
            col("wage"), col("pension"), col("medical"), col("unemployment"), col("work_injury"),
            col("housing_fund"), col("service_fee"), col("total"), col("wage_paid_date"))
        .withColumn("line_count", count(lit(1)).over(perEmployee))
        .withColumn("first_line_id", min("line_id").over(perEmployee))
        .withColumn("employee_billed_total", sum("total").over(perEmployee));
  }

  /**
   * Insurance rate rows effective on the first day of M, one row per city with a
   * {@code <item>_rate} struct (employer_rate, base_floor, base_ceiling) per item. Where rows
   * overlap, the latest effective_from wins.
   */
  Dataset<Row> ratesOnFirstDay() {
    Column first = lit(Date.valueOf(ctx.firstDay()));
    Dataset<Row> perItem = in.insuranceRates()
        .where(col("effective_from").leq(first)
            .and(col("effective_to").isNull().or(col("effective_to").geq(first))))
        .groupBy("city", "item")
        .agg(max(struct(col("effective_from"), col("employer_rate"), col("base_floor"), col("base_ceiling")))
            .as("r"));
    List<Column> pivot = new ArrayList<>();
    for (InsuranceItem item : InsuranceItem.values()) {
      pivot.add(max(when(col("item").equalTo(item.name()), col("r"))).as(rateColumn(item)));
    }
    return perItem.groupBy("city").agg(pivot.get(0), pivot.subList(1, pivot.size()).toArray(new Column[0]));
  }

  private static String rateColumn(InsuranceItem item) { return item.settlementColumn() + "_rate"; }

  /**
   * One row per (client_id, employee_id) expected in M: active_days (union of the days of all
   * the employee's assignments at the client in M), wage, base and city of the assignment that
   * starts last (ties: later end_date, open end latest; then greater assignment_id), and the
   * expected amount of every component.
   */
  Dataset<Row> expectedHeads() {
    Column first = lit(Date.valueOf(ctx.firstDay()));
    Column last = lit(Date.valueOf(ctx.lastDay()));
    // Each assignment's active days in M as a bit mask (bit d-1 = day d), so the union over
    // several assignments is a bit_or and its size a bit_count: no per-day explode.
    Dataset<Row> activeAssignments = in.roster()
        .where(col("start_date").leq(last).and(col("end_date").isNull().or(col("end_date").geq(first))))
        .withColumn("from_day", functions.dayofmonth(greatest(col("start_date"), first)))
        .withColumn("to_day", functions.dayofmonth(least(coalesce(col("end_date"), last), last)))
        .withColumn("day_mask", expr("shiftleft(1L, to_day) - shiftleft(1L, from_day - 1)"));

    Dataset<Row> heads = activeAssignments
        .groupBy("client_id", "employee_id")
        .agg(expr("bit_count(bit_or(day_mask))").cast(DataTypes.IntegerType).as("active_days"),
            max(struct(col("start_date"), coalesce(col("end_date"), lit(OPEN_END)).as("end_key"),
                col("assignment_id"), col("monthly_wage"), col("insurance_base"), col("city")))
                .as("latest"))
        .select(col("client_id"), col("employee_id"), col("active_days"),
            col("latest.assignment_id").as("assignment_id"),
            col("latest.monthly_wage").as("monthly_wage"),
            col("latest.insurance_base").as("insurance_base"),
            col("latest.city").as("assignment_city"));

    Dataset<Row> clients = broadcast(in.clients()
        .select(col("client_id").as("c_client_id"), col("city").as("client_city"), col("service_fee_per_head")));
    Dataset<Row> rates = broadcast(ratesOnFirstDay().withColumnRenamed("city", "rate_city"));

    Dataset<Row> withRates = heads
        .join(clients, col("client_id").equalTo(col("c_client_id")), "left")
        .withColumn("city", coalesce(col("assignment_city"), col("client_city")))
        .join(rates, col("city").equalTo(col("rate_city")), "left");

    List<Column> out = new ArrayList<>(List.of(col("client_id"), col("employee_id"), col("active_days"),
        col("assignment_id"), col("monthly_wage"), col("insurance_base"), col("city")));
    out.add(EXPECTED_WAGE.apply(col("monthly_wage"), col("active_days"), lit(ctx.month().lengthOfMonth()))
        .as("expected_wage"));
    for (InsuranceItem item : InsuranceItem.values()) {
      Column r = col(rateColumn(item));
      // No rate row = reference data gap: fail the run loudly rather than guess an amount
      // (SPEC §1 treats a missing calendar year the same way; docs/decisions.md).
      out.add(when(r.isNull(), raise_error(concat(
              lit("No insurance_rates row for city '"), coalesce(col("city"), lit("<null>")),
              lit("', item " + item.name() + ", effective on " + ctx.firstDay()
                  + " (needed for client "), col("client_id"), lit(", employee "), col("employee_id"),
              lit("). Add it to reference/insurance_rates.csv and rerun."))))
          .otherwise(EXPECTED_CONTRIBUTION.apply(col("insurance_base"),
              r.getField("base_floor"), r.getField("base_ceiling"), r.getField("employer_rate")))
          .cast(MONEY)
          .as("expected_" + item.settlementColumn()));
    }
    out.add(col("service_fee_per_head").cast(MONEY).as("expected_service_fee"));
    Dataset<Row> amounts = withRates.select(out.toArray(new Column[0]));
    Column total = col("expected_wage");
    for (String c : COMPONENTS.subList(1, 7)) total = total.plus(col("expected_" + c));
    return amounts.withColumn("expected_total", total.cast(MONEY));
  }

  /**
   * The original settlement's lines fully outer-joined to the expected heads on (client_id,
   * employee_id): one row per line, plus one row (without line) per expected head that has no
   * line. Flags say what each row is: is_expected, is_head_row (one row per employee),
   * is_evaluated (the single line of an expected employee), is_calc_error, and
   * calc_errors (the evaluated line's components that differ from expected).
   */
  Dataset<Row> linesWithExpected() {
    Dataset<Row> lines = originalLines();
    Dataset<Row> heads = expectedHeads().withColumn("is_expected", lit(true));
    Dataset<Row> joined = lines.as("l").join(heads.as("h"),
        col("l.client_id").equalTo(col("h.client_id")).and(col("l.employee_id").equalTo(col("h.employee_id"))),
        "full_outer");

    List<Column> cols = new ArrayList<>();
    cols.add(coalesce(col("l.client_id"), col("h.client_id")).as("client_id"));
    cols.add(coalesce(col("l.employee_id"), col("h.employee_id")).as("employee_id"));
    cols.add(coalesce(col("h.is_expected"), lit(false)).as("is_expected"));
    cols.add(coalesce(col("l.line_count"), lit(0L)).as("line_count"));
    for (String c : List.of("line_id", "first_line_id", "employee_billed_total", "wage_paid_date")) {
      cols.add(col("l." + c).as(c));
    }
    cols.add(col("h.active_days").as("active_days"));
    for (String c : COMPONENTS) {
      cols.add(col("l." + c).as(c));
      cols.add(col("h.expected_" + c).as("expected_" + c));
    }
    Dataset<Row> rows = joined.select(cols.toArray(new Column[0]));

    Column evaluated = col("is_expected").and(col("line_count").equalTo(1));
    // The wrong components as one array (component, billed, expected) rather than eight flags
    // OR-ed together: a wide OR of aliased expressions makes Catalyst's constraint propagation
    // explode when a later step filters on it.
    List<Column> components = new ArrayList<>();
    for (String c : COMPONENTS) {
      components.add(struct(lit(c).as("component"), col(c).as("billed"), col("expected_" + c).as("expected")));
    }
    Column wrongComponents = functions.filter(functions.array(components.toArray(new Column[0])),
        x -> differs(x.getField("billed"), x.getField("expected")));
    Column billedSum = col("wage");
    for (String c : COMPONENTS.subList(1, 7)) billedSum = billedSum.plus(col(c));
    return rows
        .withColumn("is_head_row", col("line_id").isNull().or(col("line_id").equalTo(col("first_line_id"))))
        .withColumn("is_evaluated", evaluated)
        .withColumn("calc_errors", when(evaluated, wrongComponents))
        .withColumn("is_total_not_sum", evaluated.and(differs(col("total"), billedSum)))
        .withColumn("is_calc_error", evaluated.and(functions.size(col("calc_errors")).gt(0)
            .or(col("is_total_not_sum"))));
  }

  /**
   * The expected heads of M as (client_id, employee_id), one row each, read back from the
   * {@link #linesWithExpected} rows (is_expected, one head row per employee), so a caller that
   * already holds them does not recompute {@link #expectedHeads}.
   */
  static Dataset<Row> expectedHeadIds(Dataset<Row> linesWithExpected) {
    return linesWithExpected.where(col("is_expected").and(col("is_head_row"))).select("client_id", "employee_id");
  }

  /** SPEC §4.1: amounts differ when they are 0.01 CNY or more apart; a missing side differs. */
  private static Column differs(Column billed, Column expected) {
    return coalesce(functions.abs(billed.minus(expected)).geq(lit(CENT)),
        billed.isNull().notEqual(expected.isNull()));
  }
}
