package com.dispatch.quality.reports.model;

import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.reports.Labels;

/**
 * One KPI of gold {@code client_scorecard} (SPEC §4.6) as a reader sees it. Texts are in the
 * language of the {@link Labels} given (templates get the report's; no argument = Chinese).
 *
 * @param kpi KPI code (its name is the bundle's {@code kpi.<code>})
 * @param hours true when value and target are hours (RESPONSE_P90_*), false for rates
 * @param status MET, MISSED, NO_DATA or null (no target)
 */
public record ScorecardRow(String kpi, boolean hours, Double value, Double target,
    String direction, String status, Double changeFromPrevious) {

  public String kpiName() { return kpiName(Labels.ZH_CN); }

  public String kpiName(Labels l) { return l.kpi(kpi); }

  public String valueText() { return valueText(Labels.ZH_CN); }

  public String valueText(Labels l) { return hours ? l.hoursWithUnit(value) : l.pct(value); }

  public String targetText() { return targetText(Labels.ZH_CN); }

  public String targetText(Labels l) {
    if (target == null) return l.status(null);
    String t = hours ? l.hoursWithUnit(target) : l.pct(target);
    return l.format(Kpi.Direction.AT_LEAST.name().equals(direction) ? "target.at_least" : "target.at_most", t);
  }

  public String statusText() { return statusText(Labels.ZH_CN); }

  public String statusText(Labels l) { return l.status(status); }

  public String changeText() { return changeText(Labels.ZH_CN); }

  public String changeText(Labels l) { return hours ? l.hoursSigned(changeFromPrevious) : l.pctPoints(changeFromPrevious); }
}
