package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;

/** One client's line in the overview ranking (see {@link com.dispatch.quality.reports.Ranking}). */
public record RankingRow(int rank, String clientId, String clientName, int met, int missed, int noData,
    Double attainment, Double headcountErrorRate, Double calcErrorRate, Double slaCompliance,
    Double clientSatisfaction, Double employeeSatisfaction) {

  public String attainmentText() { return Fmt.pct(attainment); }

  public String headcountErrorRateText() { return Fmt.pct(headcountErrorRate); }

  public String calcErrorRateText() { return Fmt.pct(calcErrorRate); }

  public String slaComplianceText() { return Fmt.pct(slaCompliance); }

  /** Satisfied shares of the client's and the employees' follow-ups (SPEC §4.7), "client / employees". */
  public String satisfactionText() { return Fmt.pct(clientSatisfaction) + " / " + Fmt.pct(employeeSatisfaction); }
}
