package com.dispatch.quality.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.CaseType;
import com.dispatch.quality.domain.ReasonCode;
import com.dispatch.quality.schema.Sources.ReferenceCheck;
import com.dispatch.quality.schema.Sources.SourceSpec;
import java.util.function.Supplier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The referential checks of SPEC §3, applied to rows that passed their row rules (a row keeps
 * its first fault): UNKNOWN_CLIENT (client_id not in silver clients, after this run's clients
 * are merged; {@code *} allowed where the source says so) and MILESTONE_BEFORE_BASE (a milestone
 * earlier than its case's reported_at, or occurred_at for WORK_INJURY; events of a case not yet
 * known are kept).
 */
public final class ReferenceChecks {
  private ReferenceChecks() {}

  /**
   * @param checked rows of {@link RowValidator#checkedSchema}
   * @param clients silver clients (client_id); read only if a check needs it
   * @param cases   silver cases (case_id, case_type, occurred_at, reported_at); read only if needed
   * @return {@code checked} with reason and message set on rows failing a reference check
   */
  public static Dataset<Row> apply(Dataset<Row> checked, SourceSpec spec, Supplier<Dataset<Row>> clients,
      Supplier<Dataset<Row>> cases) {
    Dataset<Row> out = checked;
    for (ReferenceCheck check : spec.referenceChecks()) {
      out = switch (check) {
        case CLIENT_EXISTS -> knownClient(out, clients.get(), false);
        case CLIENT_EXISTS_OR_STAR -> knownClient(out, clients.get(), true);
        case MILESTONE_NOT_BEFORE_CASE -> milestoneNotBeforeCase(out, cases.get());
      };
    }
    return out;
  }

  private static Dataset<Row> knownClient(Dataset<Row> rows, Dataset<Row> clients, boolean allowStar) {
    Dataset<Row> known = clients.select(col("client_id").as("_known_client")).distinct();
    Dataset<Row> j = rows.join(broadcast(known), rows.col("client_id").equalTo(known.col("_known_client")), "left");
    Column fails = col(RowValidator.REASON).isNull().and(col("_known_client").isNull());
    if (allowStar) fails = fails.and(col("client_id").notEqual(lit("*")));
    Column message = concat(col("source_file"), lit(" line "), col("source_line"),
        lit(": field client_id: '"), col("client_id"), lit("' is not a known client (reference/clients)"));
    return flag(j, fails, ReasonCode.UNKNOWN_CLIENT, message).drop("_known_client");
  }

  private static Dataset<Row> milestoneNotBeforeCase(Dataset<Row> rows, Dataset<Row> cases) {
    Column isInjury = col("case_type").equalTo(lit(CaseType.WORK_INJURY.name()));
    Dataset<Row> base = cases.select(
        col("case_id").as("_case_id"),
        when(isInjury, col("occurred_at")).otherwise(col("reported_at")).as("_base_at"),
        when(isInjury, lit("occurred_at")).otherwise(lit("reported_at")).as("_base_name"));
    Dataset<Row> j = rows.join(base, rows.col("case_id").equalTo(base.col("_case_id")), "left");
    Column fails = col(RowValidator.REASON).isNull().and(col("_base_at").isNotNull())
        .and(col("at").lt(col("_base_at")));
    Column message = concat(col("source_file"), lit(" line "), col("source_line"),
        lit(": field at: '"), date_format(col("at"), "yyyy-MM-dd HH:mm:ss"), lit("' is before the case's "),
        coalesce(col("_base_name"), lit("base")), lit(" '"), date_format(col("_base_at"), "yyyy-MM-dd HH:mm:ss"),
        lit("'"));
    return flag(j, fails, ReasonCode.MILESTONE_BEFORE_BASE, message).drop("_case_id", "_base_at", "_base_name");
  }

  private static Dataset<Row> flag(Dataset<Row> rows, Column fails, ReasonCode reason, Column message) {
    return rows
        .withColumn(RowValidator.MESSAGE, when(fails, message).otherwise(col(RowValidator.MESSAGE)))
        .withColumn(RowValidator.REASON, when(fails, lit(reason.name())).otherwise(col(RowValidator.REASON)));
  }
}
