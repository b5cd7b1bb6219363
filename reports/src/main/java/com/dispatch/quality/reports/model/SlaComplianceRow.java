package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Labels;

/**
 * One gold {@code sla_compliance} row (SPEC §4.3). Texts in the language of the {@link Labels}
 * given (no argument = Chinese).
 *
 * @param inCompanyScore false for the client's own duty (INJURY_CLIENT_NOTICE_12H)
 */
public record SlaComplianceRow(String rule, Long evaluated, Long met, Long breached,
    Long pending, Double complianceRate, boolean inCompanyScore) {

  public String ruleName() { return ruleName(Labels.ZH_CN); }

  public String ruleName(Labels l) { return l.rule(rule); }

  public String ruleLabel() { return ruleLabel(Labels.ZH_CN); }

  public String ruleLabel(Labels l) { return inCompanyScore ? ruleName(l) : l.format("s4.client_duty", ruleName(l)); }

  public String evaluatedText() { return evaluatedText(Labels.ZH_CN); }

  public String evaluatedText(Labels l) { return l.count(evaluated); }

  public String metText() { return metText(Labels.ZH_CN); }

  public String metText(Labels l) { return l.count(met); }

  public String breachedText() { return breachedText(Labels.ZH_CN); }

  public String breachedText(Labels l) { return l.count(breached); }

  public String pendingText() { return pendingText(Labels.ZH_CN); }

  public String pendingText(Labels l) { return l.count(pending); }

  public String complianceRateText() { return complianceRateText(Labels.ZH_CN); }

  public String complianceRateText(Labels l) { return l.pct(complianceRate); }
}
