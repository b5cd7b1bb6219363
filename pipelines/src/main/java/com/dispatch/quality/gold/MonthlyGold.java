package com.dispatch.quality.gold;

import com.dispatch.quality.schema.Gold;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Every gold table of month M (SPEC §4, §6) from one set of silver inputs, with each shared
 * intermediate built once: the settlement analysis of M and of M−1 (settlement_quality,
 * settlement_errors and WAGE_ON_TIME all read it), the case milestones as of as_of (response
 * times and time limits of M and M−1), and M−1's four scorecard inputs.
 *
 * <p>The results are the ones the public per-table transforms give; only the sharing differs.
 * {@code keep} is applied to every dataset read more than once, and to every table: the caller
 * decides how it is kept (e.g. materialized with its lineage cut, so that no later query plans
 * or recomputes it again). With the identity it is the plain lazy composition.
 */
public final class MonthlyGold {
  private MonthlyGold() {}

  /** Month M's gold tables, in the order of {@link Gold#TABLES}, keyed by table name. */
  public static Map<String, Dataset<Row>> tables(SilverInputs in, MetricContext ctx, UnaryOperator<Dataset<Row>> keep) {
    MetricContext previousCtx = ctx.forMonth(ctx.month().minusMonths(1));
    Dataset<Row> milestones = keep.apply(
        CaseMilestones.earliestOfCasesReportedSince(in.cases(), in.caseEvents(), previousCtx.firstDay(), ctx));

    Scored current = scored(in, ctx, milestones, keep);
    Scored previous = scored(in, previousCtx, milestones, keep);

    Map<String, Dataset<Row>> tables = new LinkedHashMap<>();
    tables.put("settlement_quality", current.inputs().settlementQuality());
    tables.put("settlement_errors", keep.apply(SettlementErrors.compute(current.linesWithExpected(),
        current.originalBatch(), ctx)));
    tables.put("response_time_events", current.responseTimeEvents());
    tables.put("response_time_distribution", current.inputs().responseTimeDistribution());
    tables.put("response_within_limit", keep.apply(ResponseWithinLimit.compute(current.responseTimeEvents(), ctx)));
    tables.put("sla_events", current.slaEvents());
    tables.put("sla_compliance", current.inputs().slaCompliance());
    tables.put("service_frequency", current.inputs().serviceFrequency());
    tables.put("recruitment_shortlist", keep.apply(RecruitmentShortlist.compute(in, ctx)));
    tables.put("client_scorecard", keep.apply(ClientScorecard.compute(
        in.clients(), current.inputs().union(previous.inputs()), ctx)));
    tables.put("company_trend", keep.apply(CompanyTrend.compute(current.inputs().settlementQuality(),
        current.inputs().slaCompliance(), ctx)));
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
    return new Scored(new ClientScorecard.Inputs(settlementQuality, slaCompliance, serviceFrequency,
        responseTimeDistribution), linesWithExpected, originalBatch, responseTimeEvents, slaEvents);
  }
}
