package com.dispatch.quality.reports.model;

/** One gold {@code service_frequency} row (SPEC §4.4). */
public record FrequencyRow(String activityType, String activityName, String period, String periodType,
    Integer minCount, Long actualCount, Boolean isCompliant, Boolean isFinal) {

  public String periodText() { return "QUARTER".equals(periodType) ? period + "（季度）" : period + "（月度）"; }

  public String minCountText() { return minCount == null ? "—" : minCount.toString(); }

  public String actualCountText() { return actualCount == null ? "—" : actualCount.toString(); }

  /** A quarter still running is "in progress" unless already met; a finished period is met or missed. */
  public String status() {
    if (Boolean.TRUE.equals(isCompliant)) return "MET";
    if ("QUARTER".equals(periodType) && !Boolean.TRUE.equals(isFinal)) return "IN_PROGRESS";
    return "MISSED";
  }

  public String statusText() {
    return switch (status()) {
      case "MET" -> "达标";
      case "IN_PROGRESS" -> "进行中";
      default -> "未达标";
    };
  }
}
