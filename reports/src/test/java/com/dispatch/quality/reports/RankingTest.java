package com.dispatch.quality.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.model.RankingRow;
import com.dispatch.quality.reports.model.ScorecardRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingTest {
  private static ClientReportData client(String id, String... statuses) {
    List<ScorecardRow> rows = new ArrayList<>();
    int i = 0;
    for (String s : statuses) rows.add(new ScorecardRow("K" + i++, false, 0.1, 0.1, "AT_MOST", s, null));
    return new ClientReportData(SampleModels.header(), id, id, rows, null, List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), null);
  }

  @Test
  void ranksByAttainmentThenFewerMissedThenClientIdWithUnjudgedLast() {
    List<RankingRow> rows = Ranking.rank(List.of(
        client("C4", "NO_DATA"),
        client("C3", "MET", "MISSED"),
        client("C2", "MET", "MET", "MISSED", "MISSED"),
        client("C1", "MET", "MET")));
    assertEquals(List.of("C1", "C3", "C2", "C4"), rows.stream().map(RankingRow::clientId).toList());
    assertEquals(List.of(1, 2, 3, 4), rows.stream().map(RankingRow::rank).toList());
  }

  @Test
  void aKpiWithNoDataShowsAsEmptyInTheRankingInsteadOfFailing() {
    // SPEC §4.6: a KPI whose value is null has status NO_DATA; the overview must still rank the client.
    ScorecardRow noRate = new ScorecardRow("HEADCOUNT_ERROR_RATE", false, null, 0.005, "AT_MOST", "NO_DATA", null);
    ScorecardRow sla = new ScorecardRow("SLA_COMPLIANCE", false, 0.97, 0.95, "AT_LEAST", "MET", null);
    ClientReportData c = new ClientReportData(SampleModels.header(), "C9", "C9", List.of(noRate, sla), null, List.of(),
        List.of(), List.of(), List.of(), List.of(), List.of(), null);
    RankingRow row = Ranking.rank(List.of(c)).get(0);
    assertEquals(null, row.headcountErrorRate());
    assertEquals(0.97, row.slaCompliance());
  }
}
