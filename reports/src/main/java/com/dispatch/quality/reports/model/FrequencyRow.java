package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Labels;

/** One gold {@code service_frequency} row (SPEC §4.4). Texts in the language of the {@link Labels} given. */
public record FrequencyRow(String activityType, String period, String periodType,
    Integer minCount, Long actualCount, Boolean isCompliant, Boolean isFinal) {

  public String activityName() { return activityName(Labels.ZH_CN); }

  public String activityName(Labels l) { return l.activity(activityType); }

  public String periodText() { return periodText(Labels.ZH_CN); }

  public String periodText(Labels l) { return l.format("QUARTER".equals(periodType) ? "period.QUARTER" : "period.MONTH", period); }

  public String minCountText() { return minCount == null ? "—" : minCount.toString(); }

  public String actualCountText() { return actualCount == null ? "—" : actualCount.toString(); }

  /** A quarter still running is "in progress" unless already met; a finished period is met or missed. */
  public String status() {
    if (Boolean.TRUE.equals(isCompliant)) return "MET";
    if ("QUARTER".equals(periodType) && !Boolean.TRUE.equals(isFinal)) return "IN_PROGRESS";
    return "MISSED";
  }

  public String statusText() { return statusText(Labels.ZH_CN); }

  public String statusText(Labels l) { return l.status(status()); }
}
