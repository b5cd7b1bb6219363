package com.dispatch.quality.report;

import static com.dispatch.quality.report.Cells.dbl;
import static com.dispatch.quality.report.Cells.lng;
import static com.dispatch.quality.report.Cells.ts;

import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.domain.RespondentType;
import com.dispatch.quality.domain.ResponseMetric;
import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.reports.Ranking;
import com.dispatch.quality.reports.ReportLanguage;
import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.model.DissatisfiedAnswer;
import com.dispatch.quality.reports.model.FrequencyRow;
import com.dispatch.quality.reports.model.OverviewData;
import com.dispatch.quality.reports.model.RecruitmentSummary;
import com.dispatch.quality.reports.model.ReportHeader;
import com.dispatch.quality.reports.model.ResponseRow;
import com.dispatch.quality.reports.model.SatisfactionSummary;
import com.dispatch.quality.reports.model.ScorecardRow;
import com.dispatch.quality.reports.model.SettlementErrorRow;
import com.dispatch.quality.reports.model.SettlementSummary;
import com.dispatch.quality.reports.model.SlaBreachRow;
import com.dispatch.quality.reports.model.SlaComplianceRow;
import com.dispatch.quality.reports.model.TrendPoint;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;

/**
 * A month's report model: one {@link ClientReportData} per client and the {@link OverviewData},
 * mapped from the month's {@link GoldRows}. Codes and numbers only; the words come from the
 * reports' bundles, the rendering from {@code ReportRenderer}. Nothing here computes a metric:
 * every figure is a gold cell (issue 13, item 4).
 *
 * <p>Clients reported: every client with a gold row in the month or a dispatch agreement
 * overlapping it. Each client's PDF is in its silver clients {@code report_language} (null = zh-CN).
 */
public record ReportModel(List<ClientReportData> clients, OverviewData overview) {
  private static final int TREND_MONTHS = 12;
  private static final int WORST_BREACHES = 20;

  /** The twelve months ending with {@code month}, oldest first (the trend charts). */
  static List<String> trendMonths(YearMonth month) {
    List<String> out = new ArrayList<>();
    for (int i = TREND_MONTHS - 1; i >= 0; i--) out.add(month.minusMonths(i).toString());
    return out;
  }

  /** One month's report model from its gold rows. */
  static ReportModel of(YearMonth month, String companyName, LocalDate issueDate, GoldRows gold) {
    String m = month.toString();
    List<String> trendMonths = trendMonths(month);
    ReportHeader header = gold.header(companyName, m, issueDate);
    List<Row> clients = gold.clients();
    List<Row> scorecard = gold.of("client_scorecard", m);
    List<Row> settlement = gold.of("settlement_quality", trendMonths);
    List<Row> errors = gold.of("settlement_errors", m);
    List<Row> distribution = gold.of("response_time_distribution", m);
    List<Row> withinLimit = gold.of("response_within_limit", m);
    List<Row> companyTrend = gold.of("company_trend", trendMonths);
    List<Row> compliance = gold.of("sla_compliance", m);
    List<Row> breaches = gold.of("sla_events", m);
    List<Row> frequency = gold.of("service_frequency", m);
    List<Row> recruitment = gold.of("recruitment_shortlist", m);
    List<Row> satisfaction = gold.of("satisfaction", m);
    List<Row> dissatisfied = gold.dissatisfied(m);

    Map<String, String> names = new HashMap<>();
    Map<String, ReportLanguage> languages = new HashMap<>();
    for (Row r : clients) {
      names.put(r.getAs("client_id"), r.getAs("client_name"));
      languages.put(r.getAs("client_id"), ReportLanguage.ofStored(r.getAs("report_language")));
    }
    Set<String> clientIds = reportedClients(month, clients, List.of(scorecard, errors, distribution, breaches,
        frequency, recruitment, satisfaction, compliance, monthOnly(settlement, m)));

    Map<String, List<Row>> scorecardBy = byClient(scorecard);
    Map<String, List<Row>> settlementBy = byClient(settlement);
    Map<String, List<Row>> errorsBy = byClient(errors);
    Map<String, List<Row>> distributionBy = byClient(distribution);
    Map<String, List<Row>> withinBy = byClient(withinLimit);
    Map<String, List<Row>> complianceBy = byClient(compliance);
    Map<String, List<Row>> breachesBy = byClient(breaches);
    Map<String, List<Row>> frequencyBy = byClient(frequency);
    Map<String, List<Row>> recruitmentBy = byClient(recruitment);
    Map<String, List<Row>> satisfactionBy = byClient(satisfaction);
    Map<String, List<Row>> dissatisfiedBy = byClient(dissatisfied);

    List<ClientReportData> out = new ArrayList<>();
    for (String id : clientIds) {
      String name = names.getOrDefault(id, id);
      List<Row> sq = settlementBy.getOrDefault(id, List.of());
      Row current = sq.stream().filter(r -> m.equals(r.getAs("month"))).findFirst().orElse(null);
      out.add(new ClientReportData(header, id, name,
          scorecardRows(scorecardBy.getOrDefault(id, List.of())),
          current == null ? null : settlementSummary(current),
          clientTrend(sq, trendMonths),
          errorRows(errorsBy.getOrDefault(id, List.of())),
          responseRows(distributionBy.getOrDefault(id, List.of()), withinBy.getOrDefault(id, List.of())),
          slaRows(complianceBy.getOrDefault(id, List.of())),
          breachRows(breachesBy.getOrDefault(id, List.of()), names),
          frequencyRows(frequencyBy.getOrDefault(id, List.of())),
          recruitmentBy.containsKey(id) ? recruitment(recruitmentBy.get(id).get(0)) : null,
          satisfaction(satisfactionBy.getOrDefault(id, List.of()), dissatisfiedBy.getOrDefault(id, List.of())),
          languages.getOrDefault(id, ReportLanguage.DEFAULT)));
    }

    List<SlaBreachRow> worst = breachRows(breaches.stream()
        .filter(r -> !SlaRule.INJURY_CLIENT_NOTICE_12H.name().equals(r.getAs("rule"))).toList(), names);
    OverviewData overview = new OverviewData(header, Ranking.rank(out),
        worst.subList(0, Math.min(WORST_BREACHES, worst.size())),
        responseRows(distributionBy.getOrDefault("*", List.of()), withinBy.getOrDefault("*", List.of())),
        slaRows(complianceBy.getOrDefault("*", List.of())),
        companyTrend(companyTrend, trendMonths));
    return new ReportModel(out, overview);
  }

  /**
   * The clients a month reports on: every client whose dispatch agreement overlaps the month, and
   * every client with a row in one of the month's gold tables ("*", the company row, is none).
   */
  private static Set<String> reportedClients(YearMonth month, List<Row> clients, List<List<Row>> goldOfMonth) {
    Set<String> ids = new TreeSet<>();
    clients.stream().filter(r -> agreementOverlaps(r, month)).forEach(r -> ids.add(r.getAs("client_id")));
    goldOfMonth.forEach(rows -> rows.forEach(r -> ids.add(r.getAs("client_id"))));
    ids.remove("*");
    return ids;
  }

  /** The rows of {@code month} of a table read with its trend months (settlement_quality). */
  private static List<Row> monthOnly(List<Row> rows, String month) {
    return rows.stream().filter(r -> month.equals(r.getAs("month"))).toList();
  }

  private static Map<String, List<Row>> byClient(List<Row> rows) {
    Map<String, List<Row>> by = new HashMap<>();
    for (Row r : rows) by.computeIfAbsent(r.getAs("client_id"), k -> new ArrayList<>()).add(r);
    return by;
  }

  private static boolean agreementOverlaps(Row client, YearMonth month) {
    Date start = client.getAs("agreement_start");
    Date end = client.getAs("agreement_end");
    if (start == null) return false;
    return !start.toLocalDate().isAfter(month.atEndOfMonth())
        && (end == null || !end.toLocalDate().isBefore(month.atDay(1)));
  }

  // ---- gold rows -> model ----------------------------------------------------------------

  private static List<ScorecardRow> scorecardRows(List<Row> rows) {
    Map<String, Row> byKpi = new HashMap<>();
    rows.forEach(r -> byKpi.put(r.getAs("kpi"), r));
    List<ScorecardRow> out = new ArrayList<>();
    for (String kpi : Kpi.all()) {
      Row r = byKpi.remove(kpi);
      if (r != null) out.add(scorecardRow(r));
    }
    byKpi.values().stream().sorted(Comparator.comparing(r -> (String) r.getAs("kpi"))).forEach(r -> out.add(scorecardRow(r)));
    return out;
  }

  private static ScorecardRow scorecardRow(Row r) {
    String kpi = r.getAs("kpi");
    return new ScorecardRow(kpi, kpi.startsWith(Kpi.RESPONSE_P90_PREFIX), dbl(r, "value"),
        dbl(r, "target"), r.getAs("direction"), r.getAs("status"), dbl(r, "change_from_previous"));
  }

  private static SettlementSummary settlementSummary(Row r) {
    return new SettlementSummary(r.getAs("settlement_status"), lng(r, "expected_headcount"), lng(r, "billed_headcount"),
        lng(r, "missing"), lng(r, "extra"), lng(r, "duplicate"), lng(r, "headcount_errors"), lng(r, "evaluated_lines"),
        lng(r, "calc_error_lines"), r.getAs("has_both_errors"), dbl(r, "headcount_error_rate"),
        dbl(r, "calc_error_rate"), lng(r, "correction_batches"));
  }

  /** A client's trend: its settlement_quality rates of each month, a gap where a month has no row. */
  private static List<TrendPoint> clientTrend(List<Row> rows, List<String> months) {
    return trend(rows, months, false);
  }

  private static final List<String> ERROR_ORDER = List.of("MISSING", "EXTRA", "DUPLICATE", "CALC");
  private static final List<String> COMPONENT_ORDER = List.of("wage", "pension", "medical", "unemployment",
      "work_injury", "housing_fund", "service_fee", "total");

  private static List<SettlementErrorRow> errorRows(List<Row> rows) {
    return rows.stream()
        .map(r -> new SettlementErrorRow(r.getAs("employee_id"), r.getAs("error"), r.getAs("component"),
            r.getAs("line_id"), (BigDecimal) r.getAs("billed"), (BigDecimal) r.getAs("expected")))
        .sorted(Comparator.comparingInt((SettlementErrorRow e) -> ERROR_ORDER.indexOf(e.error()))
            .thenComparing(SettlementErrorRow::employeeId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(e -> COMPONENT_ORDER.indexOf(e.component())))
        .toList();
  }

  /** All seven metrics once the client has any subject in the month; none at all otherwise. */
  private static List<ResponseRow> responseRows(List<Row> distribution, List<Row> within) {
    if (distribution.isEmpty()) return List.of();
    Map<String, Row> byMetric = new HashMap<>();
    distribution.forEach(r -> byMetric.put(r.getAs("metric"), r));
    Map<String, Row> withinBy = new HashMap<>();
    within.forEach(r -> withinBy.put(r.getAs("metric"), r));
    List<ResponseRow> out = new ArrayList<>();
    for (ResponseMetric metric : ResponseMetric.values()) {
      Row r = byMetric.get(metric.name());
      Row w = withinBy.get(metric.name());
      Double limit = w == null ? null : dbl(w, "limit_hours");
      if (r == null) {
        out.add(new ResponseRow(metric.name(), 0L, 0L, null, null, null, null, null, null,
            List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), limit, 0L));
        continue;
      }
      List<Long> buckets = new ArrayList<>();
      for (String b : List.of("bucket_0_4h", "bucket_4_8h", "bucket_8_12h", "bucket_12_24h", "bucket_24_48h",
          "bucket_48_72h", "bucket_72_168h", "bucket_168h_plus")) {
        buckets.add(lng(r, b));
      }
      out.add(new ResponseRow(metric.name(), lng(r, "n"), lng(r, "n_open"), dbl(r, "min_hours"),
          dbl(r, "p50_hours"), dbl(r, "p90_hours"), dbl(r, "p95_hours"), dbl(r, "max_hours"), dbl(r, "mean_hours"),
          buckets, limit, w == null ? null : lng(w, "n_within_limit"))); // no gold row: share shown as a dash, not 0 %
    }
    return out;
  }

  private static List<SlaComplianceRow> slaRows(List<Row> rows) {
    Map<String, Row> byRule = new HashMap<>();
    rows.forEach(r -> byRule.put(r.getAs("rule"), r));
    List<SlaComplianceRow> out = new ArrayList<>();
    for (SlaRule rule : SlaRule.values()) {
      Row r = byRule.get(rule.name());
      if (r == null) continue;
      out.add(new SlaComplianceRow(rule.name(), lng(r, "evaluated"), lng(r, "met"),
          lng(r, "breached"), lng(r, "pending"), dbl(r, "compliance_rate"), rule.inCompanyScore()));
    }
    return out;
  }

  private static List<SlaBreachRow> breachRows(List<Row> rows, Map<String, String> names) {
    return rows.stream()
        .map(r -> {
          String rule = r.getAs("rule");
          String client = r.getAs("client_id");
          return new SlaBreachRow(rule, r.getAs("subject_id"), client, names.getOrDefault(client, client),
              ts(r, "deadline_at"), ts(r, "completed_at"), dbl(r, "lateness_hours"));
        })
        .sorted(Comparator.comparing((SlaBreachRow b) -> b.latenessHours() == null ? 0.0 : -b.latenessHours())
            .thenComparing(SlaBreachRow::rule).thenComparing(SlaBreachRow::subjectId))
        .toList();
  }

  private static List<FrequencyRow> frequencyRows(List<Row> rows) {
    List<String> order = List.of("COMMUNICATION_CLIENT", "COMMUNICATION_EMPLOYEE", "FORMAL_REPORT", "ONSITE_VISIT");
    return rows.stream()
        .map(r -> new FrequencyRow(r.getAs("activity_type"), r.getAs("period"),
            r.getAs("period_type"), r.getAs("min_count"), lng(r, "actual_count"), r.getAs("is_compliant"),
            r.getAs("is_final")))
        .sorted(Comparator.comparingInt((FrequencyRow f) -> order.indexOf(f.activityType())).thenComparing(FrequencyRow::period))
        .toList();
  }

  /** A client's satisfaction rows of the month and its dissatisfied answers, oldest first; null without answers. */
  private static SatisfactionSummary satisfaction(List<Row> rows, List<Row> dissatisfied) {
    if (rows.isEmpty()) return null;
    SatisfactionSummary.Type client = null;
    SatisfactionSummary.Type employee = null;
    for (Row r : rows) {
      SatisfactionSummary.Type t = new SatisfactionSummary.Type(lng(r, "responses"), dbl(r, "mean_score"),
          lng(r, "satisfied"), lng(r, "dissatisfied"), dbl(r, "satisfied_share"), lng(r, "respondents_expected"),
          dbl(r, "response_rate"));
      if (RespondentType.CLIENT.name().equals(r.getAs("respondent_type"))) client = t;
      else employee = t;
    }
    List<DissatisfiedAnswer> answers = dissatisfied.stream()
        .sorted(Comparator.comparing((Row r) -> ts(r, "answered_at")).thenComparing(r -> (String) r.getAs("survey_id")))
        .map(r -> new DissatisfiedAnswer(ts(r, "answered_at"), r.getAs("respondent_type"), r.getAs("employee_id"),
            r.<Integer>getAs("score"), r.getAs("comment")))
        .toList();
    return new SatisfactionSummary(client, employee, answers);
  }

  private static RecruitmentSummary recruitment(Row r) {
    return new RecruitmentSummary(lng(r, "recruitment_cases"), lng(r, "outside_range"), lng(r, "too_few"),
        lng(r, "too_many"), lng(r, "no_count"));
  }

  /** The overview's company trend: gold company_trend's rates of each month, a gap where a month has no row. */
  private static List<TrendPoint> companyTrend(List<Row> rows, List<String> months) {
    return trend(rows, months, true);
  }

  /** One point per month, from that month's row (all null where there is none); the SLA rate only when asked. */
  private static List<TrendPoint> trend(List<Row> rows, List<String> months, boolean withSla) {
    Map<String, Row> byMonth = new HashMap<>();
    rows.forEach(r -> byMonth.put(r.getAs("month"), r));
    List<TrendPoint> out = new ArrayList<>();
    for (String month : months) {
      Row r = byMonth.get(month);
      out.add(r == null ? new TrendPoint(month, null, null, null) : new TrendPoint(month, dbl(r, "headcount_error_rate"),
          dbl(r, "calc_error_rate"), withSla ? dbl(r, "sla_compliance_rate") : null));
    }
    return out;
  }
}
