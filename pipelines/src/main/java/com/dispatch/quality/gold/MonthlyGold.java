package com.dispatch.quality.gold;

import com.dispatch.quality.schema.Gold;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every gold table of month M (SPEC §4, §6) from one set of silver inputs, with each shared
 * intermediate built once: the settlement analysis of M and of M−1 (settlement_quality,
 * settlement_errors, WAGE_ON_TIME and the satisfaction response rate all read it), the case
 * milestones as of as_of (response times and time limits of M and M−1), and M−1's five scorecard
 * inputs.
 *
 * <p>The results are the ones the public per-table transforms give; only the sharing differs.
 * {@code keep} is applied to every dataset read more than once (a table read only by its own write
 * is not kept): the caller decides how it is kept (e.g. with its lineage cut, so that no later
 * query plans or recomputes it again). With the identity it is the plain lazy composition.
 */
public final class MonthlyGold {
  private MonthlyGold() {}

  /** Month M's gold tables, in the order of {@link Gold#TABLES}, keyed by table name. */
  public static Map<String, Dataset<Row>> tables(SilverInputs in, MetricContext ctx, UnaryOperator<Dataset<Row>> keep) {
    return tables(in, List.of(ctx), keep).get(ctx.month());
  }

  /**
   * The gold tables of several months with one as_of (a {@code run} over months M1..Mn): the
   * case milestones are built once for all of them, and each month's scorecard inputs once,
   * serving as that month's tables and as the next month's "previous month" (the same transforms
   * with the same as_of give the same rows, so sharing them changes nothing).
   */
  public static Map<YearMonth, Map<String, Dataset<Row>>> tables(SilverInputs in, List<MetricContext> months,
      UnaryOperator<Dataset<Row>> keep) {
    if (months.isEmpty()) throw new IllegalArgumentException("no month to compute");
    List<MetricContext> sorted = new ArrayList<>(months);
    sorted.sort(Comparator.comparing(MetricContext::month));
    MetricContext first = sorted.get(0);
    MetricContext last = sorted.get(sorted.size() - 1);
    Dataset<Row> milestones = keep.apply(CaseMilestones.earliestOfCasesReportedSince(in.cases(), in.caseEvents(),
        first.month().minusMonths(1).atDay(1), last));

    Map<YearMonth, Scored> scored = new HashMap<>();
    Map<YearMonth, Map<String, Dataset<Row>>> out = new LinkedHashMap<>();
    for (MetricContext ctx : sorted) {
      YearMonth previousMonth = ctx.month().minusMonths(1);
      Scored current = scored.computeIfAbsent(ctx.month(), m -> scored(in, ctx, milestones, keep));
      Scored previous = scored.computeIfAbsent(previousMonth, m -> scored(in, ctx.forMonth(m), milestones, keep));
      out.put(ctx.month(), tables(in, ctx, current, previous, keep));
    }
    return out;
  }

  private static Map<String, Dataset<Row>> tables(SilverInputs in, MetricContext ctx, Scored current, Scored previous,
      UnaryOperator<Dataset<Row>> keep) {
    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("settlement_quality", current.inputs().settlementQuality());
    // Read once (by their write): computed inside that write's job, not kept.
    tables.put("settlement_errors", SettlementErrors.compute(current.linesWithExpected(), current.originalBatch(), ctx));
    tables.put("response_time_events", current.responseTimeEvents());
    tables.put("response_time_distribution", current.inputs().responseTimeDistribution());
    tables.put("sla_events", current.slaEvents());
    tables.put("sla_compliance", current.inputs().slaCompliance());
    tables.put("service_frequency", current.inputs().serviceFrequency());
    tables.put("recruitment_shortlist", RecruitmentShortlist.compute(in, ctx));
    tables.put("client_scorecard", keep.apply(ClientScorecard.compute(
        in.clients(), current.inputs().union(previous.inputs()), ctx)));
    tables.put("satisfaction", current.inputs().satisfaction());
    if (!tables.keySet().equals(Gold.TABLES.keySet())) {
      throw new IllegalStateException("monthly gold builds " + tables.keySet() + " but gold has " + Gold.TABLES.keySet());
    }
    return tables;
  }

  /** A month's scorecard inputs and the intermediates behind them that M's other tables reuse. */
  private record Scored(ClientScorecard.Inputs inputs, Dataset<Row> linesWithExpected, Dataset<Row> originalBatch,
      Dataset<Row> responseTimeEvents, Dataset<Row> slaEvents) {}

  private static Scored scored(SilverInputs in, MetricContext ctx, Dataset<Row> milestones,
      UnaryOperator<Dataset<Row>> keep) {
    SettlementAnalysis analysis = SettlementAnalysis.of(in, ctx);
    Dataset<Row> linesWithExpected = keep.apply(analysis.linesWithExpected());
    Dataset<Row> originalBatch = keep.apply(analysis.originalBatch());
    Dataset<Row> settlementQuality = keep.apply(SettlementQuality.compute(linesWithExpected, originalBatch, ctx));
    Dataset<Row> responseTimeEvents = keep.apply(ResponseTimeEvents.compute(in, ctx, milestones));
    Dataset<Row> responseTimeDistribution = keep.apply(ResponseTimeDistribution.compute(responseTimeEvents, ctx));
    Dataset<Row> slaEvents = keep.apply(SlaEvents.compute(in, ctx, milestones,
        WageOnTime.events(linesWithExpected, in.clients(), ctx)));
    Dataset<Row> slaCompliance = keep.apply(SlaCompliance.compute(slaEvents, ctx));
    Dataset<Row> serviceFrequency = keep.apply(ServiceFrequency.compute(in, ctx));
    Dataset<Row> satisfaction = keep.apply(Satisfaction.compute(in.surveys(),
        SettlementAnalysis.expectedHeadIds(linesWithExpected), ctx));
    return new Scored(new ClientScorecard.Inputs(settlementQuality, slaCompliance, serviceFrequency,
        responseTimeDistribution, satisfaction), linesWithExpected, originalBatch, responseTimeEvents, slaEvents);
  }
}
