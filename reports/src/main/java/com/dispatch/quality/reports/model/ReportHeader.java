package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;
import com.dispatch.quality.reports.Labels;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What every page of a report says about where its numbers come from. The texts are in the
 * language of the {@link Labels} given; without one, in Chinese.
 *
 * @param companyName the dispatch company issuing the report (configurable)
 * @param month the reported month, yyyy-MM
 * @param runId the metrics run that wrote the gold rows shown (gold {@code run_id})
 * @param asOf the cut-off instant of that run (gold {@code as_of})
 * @param issueDate the date printed on the cover
 */
public record ReportHeader(String companyName, String month, String runId, Instant asOf, LocalDate issueDate) {

  public String periodText() { return periodText(Labels.ZH_CN); }

  /** "2025年11月", "November 2025". */
  public String periodText(Labels l) { return l.month(YearMonth.parse(month)); }

  public String periodRangeText() { return periodRangeText(Labels.ZH_CN); }

  public String periodRangeText(Labels l) { return l.periodRange(YearMonth.parse(month)); }

  public String asOfText() { return Fmt.instant(asOf); }

  public String asOfText(Labels l) { return l.instant(asOf); }

  public String issueDateText() { return issueDateText(Labels.ZH_CN); }

  public String issueDateText(Labels l) { return l.date(issueDate); }
}
