package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;

/**
 * One gold {@code sla_compliance} row (SPEC §4.3).
 *
 * @param inCompanyScore false for the client's own duty (INJURY_CLIENT_NOTICE_12H)
 */
public record SlaComplianceRow(String rule, String ruleName, Long evaluated, Long met, Long breached,
    Long pending, Double complianceRate, boolean inCompanyScore) {

  public String ruleLabel() { return inCompanyScore ? ruleName : ruleName + "（用工单位义务）"; }

  public String evaluatedText() { return Fmt.count(evaluated); }

  public String metText() { return Fmt.count(met); }

  public String breachedText() { return Fmt.count(breached); }

  public String pendingText() { return Fmt.count(pending); }

  public String complianceRateText() { return Fmt.pct(complianceRate); }
}
