package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.CaseMilestones.date;
import static com.dispatch.quality.gold.CaseMilestones.hoursBetween;
import static com.dispatch.quality.gold.CaseMilestones.instant;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.ResponseMetric;
import com.dispatch.quality.domain.ResponseStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold/response_time_events (SPEC §4.2, §6): one row per metric and subject of month M, key
 * (metric, subject_id); columns of {@code Gold.RESPONSE_TIME_EVENTS} without run_id/as_of.
 *
 * <p>Inputs: silver roster and settlement (ROSTER_TO_SETTLEMENT joins and leaves, month of
 * start_date / end_date), cases and case_events (the case metrics, month of reported_at). Facts
 * stamped after as_of have not happened: such cases, notices, batches and milestones are ignored.
 * A negative duration (a WORK_INJURY specialist on site before the report reached the desk)
 * counts as 0; a subject without an end by as_of is OPEN with null hours.
 */
public final class ResponseTimeEvents {
  private ResponseTimeEvents() {}


  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    return compute(in, ctx, CaseMilestones.earliest(in.caseEvents(), ctx));
  }

  /** The same with the case milestones as of as_of ({@link CaseMilestones#earliest}) computed once by the caller. */
  static Dataset<Row> compute(SilverInputs in, MetricContext ctx, Dataset<Row> milestones) {
    return withDuration(caseSubjects(in, ctx, milestones).unionByName(joinSubjects(in, ctx))
        .unionByName(leaveSubjects(in, ctx)), ctx);
  }

  /** Case metrics: clock from reported_at to the earliest end milestone at or before as_of. */
  static Dataset<Row> caseSubjects(SilverInputs in, MetricContext ctx) {
    return caseSubjects(in, ctx, CaseMilestones.earliest(in.caseEvents(), ctx));
  }

  private static Dataset<Row> caseSubjects(SilverInputs in, MetricContext ctx, Dataset<Row> earliest) {
    Column metric = lit(null).cast("string");
    Column endMilestone = lit(null).cast("string");
    for (ResponseMetric m : ResponseMetric.values()) {
      if (m.caseType().isEmpty()) continue;
      Column isType = col("case_type").equalTo(m.caseType().get().name());
      metric = when(isType, lit(m.name())).otherwise(metric);
      endMilestone = when(isType, lit(m.endMilestone().orElseThrow().name())).otherwise(endMilestone);
    }
    Dataset<Row> subjects = CaseMilestones.casesReportedInMonth(in.cases(), ctx)
        .select(metric.as("metric"), endMilestone.as("end_milestone"), col("case_id"), col("client_id"), col("reported_at"))
        .where(col("metric").isNotNull());
    Dataset<Row> milestones = earliest
        .select(col("case_id").as("m_case_id"), col("milestone").as("m_milestone"), col("at").as("m_at"));
    return subjects
        .join(milestones, col("case_id").equalTo(col("m_case_id")).and(col("end_milestone").equalTo(col("m_milestone"))), "left")
        .select(col("metric"), col("case_id").as("subject_id"), col("client_id"),
            col("reported_at").as("start_at"), col("m_at").as("end_at"));
  }

  /**
   * JOIN: from start_notified_at to the earliest batch issued by as_of of that client, service
   * month ≥ month(start_date) = M, that bills the employee.
   */
  static Dataset<Row> joinSubjects(SilverInputs in, MetricContext ctx) {
    Dataset<Row> joins = in.roster()
        .where(startsOrEndsInMonth("start_date", ctx).and(notifiedByAsOf("start_notified_at", ctx)))
        .select(col("assignment_id"), col("employee_id"), col("client_id"), col("start_notified_at"));
    Dataset<Row> billedHeads = billedLines(in, ctx)
        .select(col("client_id").as("b_client_id"), col("employee_id").as("b_employee_id"), col("issued_at"));
    return joins
        .join(billedHeads, col("client_id").equalTo(col("b_client_id")).and(col("employee_id").equalTo(col("b_employee_id"))), "left")
        .groupBy(col("assignment_id"), col("client_id"), col("start_notified_at"))
        .agg(min(col("issued_at")).as("end_at"))
        .select(lit(ResponseMetric.ROSTER_TO_SETTLEMENT.name()).as("metric"),
            concat(col("assignment_id"), lit(":JOIN")).as("subject_id"), col("client_id"),
            col("start_notified_at").as("start_at"), col("end_at"));
  }

  /**
   * LEAVE: from end_notified_at to the earliest batch issued by as_of of that client for month
   * M+1 (end_date in M) that no longer bills the employee.
   */
  static Dataset<Row> leaveSubjects(SilverInputs in, MetricContext ctx) {
    String nextMonth = ctx.month().plusMonths(1).toString();
    Dataset<Row> leaves = in.roster()
        .where(startsOrEndsInMonth("end_date", ctx).and(notifiedByAsOf("end_notified_at", ctx)))
        .select(col("assignment_id"), col("employee_id"), col("client_id"), col("end_notified_at"));
    Dataset<Row> nextLines = billedLines(in, ctx).where(col("service_month").equalTo(nextMonth));
    Dataset<Row> nextBatches = nextLines.groupBy(col("client_id").as("b_client_id"), col("batch_id"))
        .agg(min(col("issued_at")).as("issued_at"));
    Dataset<Row> billedInBatch = nextLines
        .select(col("client_id").as("h_client_id"), col("batch_id").as("h_batch_id"), col("employee_id").as("h_employee_id"))
        .distinct();
    // Few batches per client and month, so pairing each leave with its client's batches stays small.
    Dataset<Row> batchesWithoutHead = leaves
        .join(nextBatches, col("client_id").equalTo(col("b_client_id")))
        .join(billedInBatch, col("client_id").equalTo(col("h_client_id"))
            .and(col("batch_id").equalTo(col("h_batch_id")))
            .and(col("employee_id").equalTo(col("h_employee_id"))), "left_anti")
        .groupBy(col("assignment_id").as("e_assignment_id"))
        .agg(min(col("issued_at")).as("end_at"));
    return leaves
        .join(batchesWithoutHead, col("assignment_id").equalTo(col("e_assignment_id")), "left")
        .select(lit(ResponseMetric.ROSTER_TO_SETTLEMENT.name()).as("metric"),
            concat(col("assignment_id"), lit(":LEAVE")).as("subject_id"), col("client_id"),
            col("end_notified_at").as("start_at"), col("end_at"));
  }

  /**
   * The settlement reduced to what joins and leaves need: lines of batches issued by as_of whose
   * service month is M or later (the table is large; this keeps a handful of columns and months).
   */
  static Dataset<Row> billedLines(SilverInputs in, MetricContext ctx) {
    return in.settlement()
        .where(col("issued_at").leq(instant(ctx.asOf())).and(col("service_month").geq(ctx.monthKey())))
        .select(col("client_id"), col("service_month"), col("batch_id"), col("issued_at"), col("employee_id"));
  }

  private static Column startsOrEndsInMonth(String dateColumn, MetricContext ctx) {
    return col(dateColumn).between(date(ctx.firstDay()), date(ctx.lastDay()));
  }

  /** A notice stamped after as_of has not been received yet, so the subject does not exist yet. */
  private static Column notifiedByAsOf(String column, MetricContext ctx) {
    return col(column).isNotNull().and(col(column).leq(instant(ctx.asOf())));
  }

  private static Dataset<Row> withDuration(Dataset<Row> subjects, MetricContext ctx) {
    return subjects.select(col("metric"), col("subject_id"), col("client_id"), lit(ctx.monthKey()).as("month"),
        col("start_at"), col("end_at"),
        when(col("end_at").isNotNull(), greatest(lit(0.0), hoursBetween(col("start_at"), col("end_at")))).as("hours"),
        when(col("end_at").isNotNull(), lit(ResponseStatus.CLOSED.name())).otherwise(lit(ResponseStatus.OPEN.name())).as("status"));
  }
}
