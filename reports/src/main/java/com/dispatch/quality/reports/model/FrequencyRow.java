package com.dispatch.quality.reports.model;

import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.domain.PeriodType;
import com.dispatch.quality.reports.Labels;

/** One gold {@code service_frequency} row (SPEC §4.4). Texts in the language of the {@link Labels} given. */
public record FrequencyRow(String activityType, String period, String periodType,
    Integer minCount, Long actualCount, Boolean isCompliant, Boolean isFinal) {

  /** The report's own status of a quarter still running and not yet met (not a gold code). */
  public static final String IN_PROGRESS = "IN_PROGRESS";

  public String activityName() { return activityName(Labels.ZH_CN); }

  public String activityName(Labels l) { return l.activity(activityType); }

  public String periodText() { return periodText(Labels.ZH_CN); }

  public String periodText(Labels l) { return l.format("period." + (isQuarter() ? PeriodType.QUARTER : PeriodType.MONTH), period); }

  public String minCountText() { return minCount == null ? "—" : minCount.toString(); }

  public String actualCountText() { return actualCount == null ? "—" : actualCount.toString(); }

  /** A quarter still running is "in progress" unless already met; a finished period is met or missed. */
  public String status() {
    if (Boolean.TRUE.equals(isCompliant)) return Kpi.Status.MET.name();
    if (isQuarter() && !Boolean.TRUE.equals(isFinal)) return IN_PROGRESS;
    return Kpi.Status.MISSED.name();
  }

  private boolean isQuarter() { return PeriodType.QUARTER.name().equals(periodType); }

  public String statusText() { return statusText(Labels.ZH_CN); }

  public String statusText(Labels l) { return l.status(status()); }
}
