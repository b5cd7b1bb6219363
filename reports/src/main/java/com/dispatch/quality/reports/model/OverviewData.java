package com.dispatch.quality.reports.model;

import java.util.List;

/**
 * The quality managers' overview of a month: every client ranked by its scorecard, the worst
 * breaches, the company-wide ({@code *}) distributions and compliance, and 12-month trends.
 */
public record OverviewData(ReportHeader header, List<RankingRow> ranking, List<SlaBreachRow> worstBreaches,
    List<ResponseRow> companyResponse, List<SlaComplianceRow> companySla, List<TrendPoint> trend) {

  public OverviewData {
    ranking = List.copyOf(ranking);
    worstBreaches = List.copyOf(worstBreaches);
    companyResponse = List.copyOf(companyResponse);
    companySla = List.copyOf(companySla);
    trend = List.copyOf(trend);
  }

  public String reportNo() { return "QR-" + header.month() + "-ALL"; }

  public List<ResponseRow> companyResponseWithData() {
    return companyResponse.stream().filter(ResponseRow::hasClosed).toList();
  }

  public boolean hasTrend() {
    return trend.stream().anyMatch(p -> p.headcountErrorRate() != null || p.calcErrorRate() != null
        || p.slaCompliance() != null);
  }
}
