package com.dispatch.quality.reports;

import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.model.RankingRow;
import com.dispatch.quality.reports.model.ScorecardRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Ranks clients by their scorecard for the overview. Attainment = met / (met + missed) over the
 * KPIs that have a target and a value; best first. Ties: fewer missed KPIs first, then more met
 * KPIs, then client id. A client without any judged KPI (attainment null) comes last: there is
 * nothing to rank it by.
 */
public final class Ranking {
  private Ranking() {}

  public static List<RankingRow> rank(List<ClientReportData> clients) {
    record Score(ClientReportData c, int met, int missed, int noData, Double attainment) {}
    List<Score> scores = new ArrayList<>();
    for (ClientReportData c : clients) {
      int met = (int) c.kpisWithStatus(Kpi.Status.MET);
      int missed = (int) c.kpisWithStatus(Kpi.Status.MISSED);
      int noData = (int) c.kpisWithStatus(Kpi.Status.NO_DATA);
      Double attainment = met + missed == 0 ? null : met / (double) (met + missed);
      scores.add(new Score(c, met, missed, noData, attainment));
    }
    scores.sort(Comparator.comparing((Score s) -> s.attainment() == null)
        .thenComparing(s -> s.attainment() == null ? 0.0 : -s.attainment())
        .thenComparingInt(Score::missed)
        .thenComparing(s -> -s.met())
        .thenComparing(s -> s.c().clientId()));
    List<RankingRow> rows = new ArrayList<>();
    int rank = 0;
    for (Score s : scores) {
      ClientReportData c = s.c();
      rows.add(new RankingRow(++rank, c.clientId(), c.displayName(), s.met(), s.missed(), s.noData(),
          s.attainment(), kpi(c, Kpi.HEADCOUNT_ERROR_RATE), kpi(c, Kpi.CALC_ERROR_RATE), kpi(c, Kpi.SLA_COMPLIANCE),
          kpi(c, Kpi.CLIENT_SATISFACTION), kpi(c, Kpi.EMPLOYEE_SATISFACTION)));
    }
    return rows;
  }

  private static Double kpi(ClientReportData c, String code) {
    // A KPI without a value (NO_DATA) is a null, which Stream.map().findFirst() cannot carry.
    return c.scorecard().stream().filter(r -> code.equals(r.kpi())).findFirst().map(ScorecardRow::value)
        .orElse(null);
  }
}
