package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What every page of a report says about where its numbers come from.
 *
 * @param companyName the dispatch company issuing the report (configurable)
 * @param month the reported month, yyyy-MM
 * @param runId the metrics run that wrote the gold rows shown (gold {@code run_id})
 * @param asOf the cut-off instant of that run (gold {@code as_of})
 * @param issueDate the date printed on the cover
 */
public record ReportHeader(String companyName, String month, String runId, Instant asOf, LocalDate issueDate) {

  public String periodText() {
    YearMonth m = YearMonth.parse(month);
    return m.getYear() + "年" + m.getMonthValue() + "月";
  }

  public String periodRangeText() {
    YearMonth m = YearMonth.parse(month);
    return m.atDay(1) + " 至 " + m.atEndOfMonth();
  }

  public String asOfText() { return Fmt.instant(asOf); }

  public String issueDateText() {
    return issueDate.getYear() + "年" + issueDate.getMonthValue() + "月" + issueDate.getDayOfMonth() + "日";
  }
}
