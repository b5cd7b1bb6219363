package com.dispatch.quality.reports.model;

import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.reports.Labels;
import com.dispatch.quality.reports.ReportLanguage;
import java.util.List;
import java.util.Objects;

/**
 * Everything one client's monthly PDF shows: that client's rows of each gold table for the
 * month, and a 12-month trend. Holds no other client's data (SPEC §5). Empty lists and null
 * summaries mean "no data this month" and render as words, not empty tables.
 *
 * @param settlement null when the client has no settlement_quality row
 * @param settlementTrend twelve points, the month and the eleven before it, oldest first
 * @param recruitment null when the client had no recruitment case
 * @param satisfaction the month's follow-ups (SPEC §4.7); null when nobody answered
 * @param language the client's report_language (clients.csv); null = the default, Chinese
 */
public record ClientReportData(ReportHeader header, String clientId, String clientName,
    List<ScorecardRow> scorecard, SettlementSummary settlement, List<TrendPoint> settlementTrend,
    List<SettlementErrorRow> settlementErrors, List<ResponseRow> response, List<SlaComplianceRow> sla,
    List<SlaBreachRow> slaBreaches, List<FrequencyRow> frequency, RecruitmentSummary recruitment,
    SatisfactionSummary satisfaction, ReportLanguage language) {

  public ClientReportData {
    Objects.requireNonNull(header, "header");
    if (language == null) language = ReportLanguage.DEFAULT;
    Objects.requireNonNull(clientId, "clientId");
    scorecard = List.copyOf(scorecard);
    settlementTrend = List.copyOf(settlementTrend);
    settlementErrors = List.copyOf(settlementErrors);
    response = List.copyOf(response);
    sla = List.copyOf(sla);
    slaBreaches = List.copyOf(slaBreaches);
    frequency = List.copyOf(frequency);
  }

  /** A report in the default language. */
  public ClientReportData(ReportHeader header, String clientId, String clientName,
      List<ScorecardRow> scorecard, SettlementSummary settlement, List<TrendPoint> settlementTrend,
      List<SettlementErrorRow> settlementErrors, List<ResponseRow> response, List<SlaComplianceRow> sla,
      List<SlaBreachRow> slaBreaches, List<FrequencyRow> frequency, RecruitmentSummary recruitment,
      SatisfactionSummary satisfaction) {
    this(header, clientId, clientName, scorecard, settlement, settlementTrend, settlementErrors, response, sla,
        slaBreaches, frequency, recruitment, satisfaction, null);
  }

  /** A report without satisfaction follow-ups, in the default language. */
  public ClientReportData(ReportHeader header, String clientId, String clientName,
      List<ScorecardRow> scorecard, SettlementSummary settlement, List<TrendPoint> settlementTrend,
      List<SettlementErrorRow> settlementErrors, List<ResponseRow> response, List<SlaComplianceRow> sla,
      List<SlaBreachRow> slaBreaches, List<FrequencyRow> frequency, RecruitmentSummary recruitment) {
    this(header, clientId, clientName, scorecard, settlement, settlementTrend, settlementErrors, response, sla,
        slaBreaches, frequency, recruitment, null, null);
  }

  /** The same report in another language (the data unchanged). */
  public ClientReportData inLanguage(ReportLanguage other) {
    return new ClientReportData(header, clientId, clientName, scorecard, settlement, settlementTrend, settlementErrors,
        response, sla, slaBreaches, frequency, recruitment, satisfaction, other);
  }

  public Labels labels() { return Labels.of(language); }

  /** The satisfaction section has answers to show (else it says there is no data). */
  public boolean hasSatisfaction() { return satisfaction != null && satisfaction.hasAnswers(); }

  /** Report number printed on the cover and every footer: {@code QR-<month>-<client_id>}. */
  public String reportNo() { return "QR-" + header.month() + "-" + clientId; }

  public String displayName() { return clientName == null || clientName.isBlank() ? clientId : clientName; }

  public long kpisWithStatus(Kpi.Status status) {
    return scorecard.stream().filter(r -> status.name().equals(r.status())).count();
  }

  public String scorecardSummaryText() { return scorecardSummaryText(Labels.ZH_CN); }

  public String scorecardSummaryText(Labels l) {
    if (scorecard.isEmpty()) return l.get("s1.summary_none");
    return l.format("s1.summary", l.count(scorecard.size()), l.count(kpisWithStatus(Kpi.Status.MET)),
        l.count(kpisWithStatus(Kpi.Status.MISSED)), l.count(kpisWithStatus(Kpi.Status.NO_DATA)));
  }

  public boolean hasTrend() {
    return settlementTrend.stream().anyMatch(p -> p.headcountErrorRate() != null || p.calcErrorRate() != null);
  }

  public List<ResponseRow> responseWithData() {
    return response.stream().filter(ResponseRow::hasClosed).toList();
  }
}
