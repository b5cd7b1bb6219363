package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.CaseMilestones.date;
import static com.dispatch.quality.gold.CaseMilestones.hoursBetween;
import static com.dispatch.quality.gold.CaseMilestones.instant;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.domain.SlaStatus;
import com.dispatch.quality.schema.Gold;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold/sla_events (SPEC §4.3, §6): one row per rule and subject of month M, key (rule,
 * subject_id); columns of {@code Gold.SLA_EVENTS} without run_id/as_of.
 *
 * <p>Inputs: silver roster (CONTRACT_BY_START, INSURANCE_30D: assignments with start_date in M),
 * cases and case_events (case rules: cases of the rule's type reported in M and by as_of), and
 * the WAGE_ON_TIME subjects of {@link WageOnTime}. As of as_of: a milestone stamped later, or a
 * date-only completion whose end of day is later, has not happened. Status MET / BREACHED /
 * PENDING and lateness as SPEC §4 defines them; limits per client from sla_policies.
 */
public final class SlaEvents {
  private SlaEvents() {}

  /** Output columns, in Gold.SLA_EVENTS order without run_id/as_of. */
  static final Column[] COLUMNS = Arrays.stream(Gold.withoutRunColumns(Gold.SLA_EVENTS).fieldNames())
      .map(org.apache.spark.sql.functions::col).toArray(Column[]::new);

  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    return compute(in, ctx, CaseMilestones.earliest(in.caseEvents(), ctx), WageOnTime.events(in, ctx));
  }

  /**
   * The same from intermediates computed once by the caller: the case milestones as of as_of
   * ({@link CaseMilestones#earliest}) and the WAGE_ON_TIME events of M ({@link WageOnTime}).
   */
  static Dataset<Row> compute(SilverInputs in, MetricContext ctx, Dataset<Row> milestones, Dataset<Row> wageEvents) {
    return ownEvents(in, ctx, milestones).unionByName(wageEvents.select(COLUMNS));
  }

  /** Every rule except WAGE_ON_TIME (which {@link WageOnTime} evaluates). */
  static Dataset<Row> ownEvents(SilverInputs in, MetricContext ctx) {
    return ownEvents(in, ctx, CaseMilestones.earliest(in.caseEvents(), ctx));
  }

  private static Dataset<Row> ownEvents(SilverInputs in, MetricContext ctx, Dataset<Row> milestones) {
    return evaluate(subjects(in, ctx, milestones), ctx);
  }

  /**
   * Every subject of month M except WAGE_ON_TIME ({@link WageOnTime#subjects}) with its clock
   * start, deadline and completion, in {@link #SUBJECT_COLUMNS}: the one definition of §4.3's
   * deadlines that both sla_events ({@link #evaluate}) and the §4.8 watchlist
   * ({@link SlaWatchlist}) judge, so the two always agree on every deadline. completed_at is
   * not yet cut at as_of (the judges do that).
   */
  static Dataset<Row> subjects(SilverInputs in, MetricContext ctx, Dataset<Row> milestones) {
    return rosterSubjects(in, ctx).unionByName(caseSubjects(in, ctx, milestones));
  }

  /**
   * Columns of a subject row: the key, the month it is evaluated in, the instant its clock starts
   * (SPEC §4.8), its deadline (§4.3) and its completion (null = none recorded).
   */
  static final Column[] SUBJECT_COLUMNS = {col("rule"), col("subject_id"), col("client_id"), col("month"),
      col("clock_start_at"), col("deadline_at"), col("completed_at")};

  /**
   * CONTRACT_BY_START and INSURANCE_30D per assignment starting in M: deadline at the end of
   * start_date + limit days, completion at the end of the signed / registered date. Clock
   * start (§4.8): the hire notice for the contract (start of start_date when there is none, or
   * when it came after the deadline day had begun), start of start_date for the insurance.
   */
  static Dataset<Row> rosterSubjects(SilverInputs in, MetricContext ctx) {
    Dataset<Row> starting = in.roster().where(col("start_date").between(date(ctx.firstDay()), date(ctx.lastDay())));
    Dataset<Row> contract = rosterRule(starting, SlaRule.CONTRACT_BY_START, "contract_signed_date", ctx);
    Dataset<Row> insurance = rosterRule(starting, SlaRule.INSURANCE_30D, "insurance_registered_date", ctx);
    return contract.unionByName(insurance);
  }

  private static Dataset<Row> rosterRule(Dataset<Row> starting, SlaRule rule, String doneDate, MetricContext ctx) {
    Column deadline = SlaDeadlines.fromDate(ctx).apply(lit(rule.name()), col("client_id"), col("start_date"));
    Column notified = rule == SlaRule.CONTRACT_BY_START ? col("start_notified_at") : lit(null).cast("timestamp");
    return starting
        .select(lit(rule.name()).as("rule"), col("assignment_id").as("subject_id"), col("client_id"),
            lit(ctx.monthKey()).as("month"), col("start_date"), notified.as("notified_at"), deadline.as("deadline_at"),
            SlaDeadlines.endOfDay().apply(col(doneDate)).as("completed_at"))
        .withColumn("clock_start_at",
            SlaDeadlines.rosterClockStart().apply(col("notified_at"), col("start_date"), col("deadline_at")))
        .select(SUBJECT_COLUMNS);
  }

  /**
   * Case rules: each case of month M meets every rule of its case type. The clock starts at
   * occurred_at for INJURY_CLIENT_NOTICE_12H (completed by reported_at, the client's report) and
   * INJURY_DETERMINATION_30D (date of occurred_at), at reported_at for the others; the deadline
   * counts from that clock start (clock_start_at); completion is the earliest milestone at or
   * before as_of.
   */
  static Dataset<Row> caseSubjects(SilverInputs in, MetricContext ctx) {
    return caseSubjects(in, ctx, CaseMilestones.earliest(in.caseEvents(), ctx));
  }

  static Dataset<Row> caseSubjects(SilverInputs in, MetricContext ctx, Dataset<Row> earliest) {
    List<Column> ruleTable = new ArrayList<>();
    for (SlaRule rule : SlaRule.values()) {
      if (rule.caseType() == null) continue;
      ruleTable.add(struct(lit(rule.name()).as("rule"), lit(rule.caseType().name()).as("case_type"),
          lit(startsAtOccurrence(rule)).as("from_occurred"),
          lit(rule.completion() == null ? null : rule.completion().name()).cast("string").as("milestone")));
    }
    Dataset<Row> subjects = CaseMilestones.casesReportedInMonth(in.cases(), ctx)
        .withColumn("r", explode(array(ruleTable.toArray(new Column[0]))))
        .where(col("r.case_type").equalTo(col("case_type")))
        .select(col("r.rule").as("rule"), col("case_id"), col("client_id"), col("reported_at"), col("r.milestone").as("milestone"),
            when(col("r.from_occurred"), col("occurred_at")).otherwise(col("reported_at")).as("base_at"));
    Dataset<Row> milestones = earliest
        .select(col("case_id").as("m_case_id"), col("milestone").as("m_milestone"), col("at").as("m_at"));
    return subjects
        .join(milestones, col("case_id").equalTo(col("m_case_id")).and(col("milestone").equalTo(col("m_milestone"))), "left")
        .select(col("rule"), col("case_id").as("subject_id"), col("client_id"), lit(ctx.monthKey()).as("month"),
            col("base_at").as("clock_start_at"),
            SlaDeadlines.fromInstant(ctx).apply(col("rule"), col("client_id"), col("base_at")).as("deadline_at"),
            when(col("milestone").isNull(), col("reported_at")).otherwise(col("m_at")).as("completed_at"));
  }

  private static boolean startsAtOccurrence(SlaRule rule) {
    return rule == SlaRule.INJURY_CLIENT_NOTICE_12H || rule == SlaRule.INJURY_DETERMINATION_30D;
  }

  /**
   * Status and lateness of subject rows ({@link #SUBJECT_COLUMNS}; clock_start_at is not used). A
   * subject without a deadline (a WORK_INJURY case without occurred_at, which silver should not
   * let through) cannot be judged and is left out rather than called MET or BREACHED.
   */
  static Dataset<Row> evaluate(Dataset<Row> subjects, MetricContext ctx) {
    Column asOf = instant(ctx.asOf());
    Column completed = when(col("completed_at").leq(asOf), col("completed_at"));
    Column deadline = col("deadline_at");
    Dataset<Row> judged = subjects.where(deadline.isNotNull()).withColumn("completed_at", completed);
    Column status = when(col("completed_at").isNotNull().and(col("completed_at").leq(deadline)), lit(SlaStatus.MET.name()))
        .when(col("completed_at").isNotNull(), lit(SlaStatus.BREACHED.name()))
        .when(deadline.lt(asOf), lit(SlaStatus.BREACHED.name()))
        .otherwise(lit(SlaStatus.PENDING.name()));
    return judged.withColumn("status", status)
        .withColumn("lateness_hours", when(col("status").equalTo(SlaStatus.BREACHED.name()),
            hoursBetween(deadline, coalesce(col("completed_at"), asOf))))
        .select(COLUMNS);
  }
}
