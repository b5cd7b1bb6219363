package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.CaseMilestones.hoursBetween;
import static com.dispatch.quality.gold.CaseMilestones.instant;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.domain.WatchLevel;
import com.dispatch.quality.schema.Gold;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold/sla_watchlist (SPEC §4.8, §6): the §4.3 subjects of the months month(as_of) − 1,
 * month(as_of) and month(as_of) + 1 that have no completion by as_of and are overdue or have
 * used at least half of their time. One row per (rule, subject_id) of the watch run's
 * {@code as_of_date}; columns of {@code Gold.SLA_WATCHLIST} without run_id/as_of.
 *
 * <p>The subjects, their deadlines and clock starts are those of {@link SlaEvents#subjects} and
 * {@link WageOnTime#subjects}, the very datasets sla_events judges, so a watchlist deadline is
 * always the deadline of the same subject in sla_events of its month with the same as_of.
 * INJURY_CLIENT_NOTICE_12H is the client's duty and is not watched ({@link SlaRule#watched}).
 *
 * <p>The context's month is month(as_of) (Asia/Shanghai); the inputs need only hold the three
 * months' roster starts and actives, cases, their events and settlement lines.
 */
public final class SlaWatchlist {
  private SlaWatchlist() {}

  /** Output columns, in Gold.SLA_WATCHLIST order without run_id/as_of. */
  static final Column[] COLUMNS = Arrays.stream(Gold.withoutRunColumns(Gold.SLA_WATCHLIST).fieldNames())
      .map(org.apache.spark.sql.functions::col).toArray(Column[]::new);

  /** month(as_of) in Asia/Shanghai: the middle month of a watch run. */
  public static YearMonth watchMonth(Instant asOf) {
    return YearMonth.from(asOf.atZone(MetricContext.ZONE));
  }

  /** The Shanghai date of as_of, the table's partition value. */
  public static LocalDate asOfDate(Instant asOf) {
    return asOf.atZone(MetricContext.ZONE).toLocalDate();
  }

  /** The months whose subjects a watch run evaluates: month(as_of) − 1, month(as_of), month(as_of) + 1. */
  public static List<YearMonth> months(Instant asOf) {
    YearMonth m = watchMonth(asOf);
    return List.of(m.minusMonths(1), m, m.plusMonths(1));
  }

  /**
   * Months whose WAGE_ON_TIME subjects can be on the list: those with a pay day whose clock has
   * started by as_of. M+1's never can: its deadline is in M+2 or, moved back before a holiday,
   * still in M+1, after as_of; it is left out without asking the calendar for M+2 (which a
   * watch run in November must not need). {@code payDays} are the clients' distinct pay days.
   */
  public static List<YearMonth> wageMonths(MetricContext ctx, List<Integer> payDays) {
    List<YearMonth> out = new ArrayList<>();
    for (YearMonth m : List.of(ctx.month().minusMonths(1), ctx.month())) {
      MetricContext mc = ctx.forMonth(m);
      boolean started = payDays.stream()
          .anyMatch(d -> !SlaDeadlines.wageClockStart(m, WageOnTime.deadline(mc, d)).isAfter(ctx.asOf()));
      if (started) out.add(m);
    }
    return out;
  }

  /** The watchlist of {@code ctx.asOf()}; {@code ctx.month()} must be {@link #watchMonth}. */
  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    if (!ctx.month().equals(watchMonth(ctx.asOf()))) {
      throw new IllegalArgumentException("a watch context's month is month(as_of) = " + watchMonth(ctx.asOf())
          + ", not " + ctx.month());
    }
    return judge(subjects(in, ctx, WageOnTime.payDays(in.clients())), ctx);
  }

  /**
   * Every subject of the three months (SlaEvents' and WageOnTime's own subject datasets, one per
   * month), with the case milestones aggregated once for the cases of all three.
   */
  static Dataset<Row> subjects(SilverInputs in, MetricContext ctx, List<Integer> payDays) {
    List<YearMonth> months = months(ctx.asOf());
    MetricContext last = ctx.forMonth(months.get(2));
    Dataset<Row> milestones = CaseMilestones.earliestOfCasesReportedSince(in.cases(), in.caseEvents(),
        months.get(0).atDay(1), last);
    List<YearMonth> wageMonths = wageMonths(ctx, payDays);
    Dataset<Row> all = null;
    for (YearMonth m : months) {
      MetricContext mc = ctx.forMonth(m);
      Dataset<Row> s = SlaEvents.subjects(in, mc, milestones);
      if (wageMonths.contains(m)) {
        s = s.unionByName(WageOnTime.subjects(SettlementAnalysis.of(in, mc).linesWithExpected(), in.clients(),
            payDays, mc));
      }
      all = all == null ? s : all.unionByName(s);
    }
    return all;
  }

  /**
   * SPEC §4.8 levels of subject rows ({@link SlaEvents#SUBJECT_COLUMNS}): not completed by as_of;
   * OVERDUE when the deadline is before as_of (BREACHED in sla_events), otherwise by the elapsed
   * share; below 0.5 (or before the clock starts) not listed. A subject whose deadline equals its
   * clock start has no share and is listed only once overdue.
   */
  static Dataset<Row> judge(Dataset<Row> subjects, MetricContext ctx) {
    Instant asOfInstant = ctx.asOf();
    Column asOf = instant(asOfInstant);
    Column deadline = col("deadline_at");
    Column clock = col("clock_start_at");
    List<String> watched = new ArrayList<>();
    for (SlaRule r : SlaRule.values()) if (r.watched()) watched.add(r.name());
    Column share = when(deadline.gt(clock), unix_micros(asOf).minus(unix_micros(clock)).cast("double")
        .divide(unix_micros(deadline).minus(unix_micros(clock)).cast("double")));
    Column level = when(deadline.lt(asOf), lit(WatchLevel.OVERDUE.name()));
    for (WatchLevel l : WatchLevel.values()) {
      if (l != WatchLevel.OVERDUE) level = level.when(col("elapsed_share").geq(l.minShare()), lit(l.name()));
    }
    return subjects
        .where(col("rule").isin(watched.toArray()))
        .where(deadline.isNotNull())
        .where(col("completed_at").isNull().or(col("completed_at").gt(asOf)))
        .withColumn("hours_left", hoursBetween(asOf, deadline))
        .withColumn("elapsed_share", share)
        .withColumn("level", level)
        .where(col("level").isNotNull())
        .withColumn(Gold.AS_OF_DATE, lit(asOfDate(asOfInstant).toString()))
        .select(COLUMNS);
  }
}
