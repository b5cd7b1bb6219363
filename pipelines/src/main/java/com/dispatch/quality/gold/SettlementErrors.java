package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.SettlementError;
import com.dispatch.quality.schema.Conform;
import com.dispatch.quality.schema.Gold;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * gold/settlement_errors (SPEC §4.1, §6): the errors behind settlement_quality's counts.
 *
 * <p>Input: as {@link SettlementQuality}. Output: columns of {@link Gold#SETTLEMENT_ERRORS}
 * without run_id/as_of. Grain: one row per MISSING, EXTRA or DUPLICATE employee of the original
 * settlement of M, and one CALC row per wrong component (wage ... service_fee, total) of an
 * evaluated line. Key: (client_id, month, employee_id, error, component).
 *
 * <p>line_id is null for MISSING and the employee's first (smallest) line_id for EXTRA and
 * DUPLICATE; billed is then the sum of the employee's line totals in the original settlement
 * and expected the expected total (null for EXTRA). A MISSING settlement (no batch by as_of)
 * has no error rows: its status says it all.
 */
public final class SettlementErrors {
  private SettlementErrors() {}

  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    SettlementAnalysis analysis = SettlementAnalysis.of(in, ctx);
    return compute(analysis.linesWithExpected(), analysis.originalBatch(), ctx);
  }

  /** The same from {@link SettlementAnalysis}'s intermediates of M, computed once by the caller. */
  static Dataset<Row> compute(Dataset<Row> allLinesWithExpected, Dataset<Row> originalBatch, MetricContext ctx) {
    Dataset<Row> issuedClients = broadcast(originalBatch.select(col("client_id").as("issued_client_id")));
    Dataset<Row> linesWithExpected = allLinesWithExpected
        .join(issuedClients, col("client_id").equalTo(col("issued_client_id")), "left_semi");
    StructType shape = Gold.withoutRunColumns(Gold.SETTLEMENT_ERRORS);
    Column month = lit(ctx.monthKey());

    Column headcountError =
        when(col("is_expected").and(col("line_id").isNull()), lit(SettlementError.MISSING.name()))
            .when(not(col("is_expected")).and(col("is_head_row")), lit(SettlementError.EXTRA.name()))
            .when(col("is_expected").and(col("line_count").gt(1)).and(col("is_head_row")), lit(SettlementError.DUPLICATE.name()));
    Dataset<Row> headcountErrors = linesWithExpected
        .withColumn("error", headcountError)
        .where(col("error").isNotNull())
        .select(col("client_id"), month.as("month"), col("employee_id"), col("error"),
            lit(null).cast("string").as("component"),
            col("first_line_id").as("line_id"),
            col("employee_billed_total").as("billed"),
            col("expected_total").as("expected"));

    Dataset<Row> calcErrors = linesWithExpected
        .where(col("is_evaluated"))
        .select(col("client_id"), col("employee_id"), col("line_id"), explode(col("calc_errors")).as("c"))
        .select(col("client_id"), month.as("month"), col("employee_id"), lit(SettlementError.CALC.name()).as("error"),
            col("c.component").as("component"), col("line_id"), col("c.billed").as("billed"),
            col("c.expected").as("expected"));

    return Conform.to(headcountErrors, shape).unionByName(Conform.to(calcErrors, shape));
  }
}
