package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;

/**
 * One KPI of gold {@code client_scorecard} (SPEC §4.6) as a reader sees it.
 *
 * @param kpi KPI code
 * @param kpiName Chinese name
 * @param hours true when value and target are hours (RESPONSE_P90_*), false for rates
 * @param status MET, MISSED, NO_DATA or null (no target)
 */
public record ScorecardRow(String kpi, String kpiName, boolean hours, Double value, Double target,
    String direction, String status, Double changeFromPrevious) {

  public String valueText() { return hours ? Fmt.hours(value) + (value == null ? "" : " 小时") : Fmt.pct(value); }

  public String targetText() {
    if (target == null) return "未设目标";
    String op = "AT_LEAST".equals(direction) ? "≥ " : "≤ ";
    return op + (hours ? Fmt.hours(target) + " 小时" : Fmt.pct(target));
  }

  public String statusText() { return statusWord(status); }

  public String changeText() { return hours ? Fmt.hoursSigned(changeFromPrevious) : Fmt.pctPoints(changeFromPrevious); }

  public static String statusWord(String status) {
    if (status == null) return "未设目标";
    return switch (status) {
      case "MET" -> "达标";
      case "MISSED" -> "未达标";
      case "NO_DATA" -> "无数据";
      default -> status;
    };
  }
}
