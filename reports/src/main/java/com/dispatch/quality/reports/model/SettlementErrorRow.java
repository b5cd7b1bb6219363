package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Labels;
import com.dispatch.quality.privacy.Masking;
import java.math.BigDecimal;

/**
 * One gold {@code settlement_errors} row (SPEC §4.1). The raw employee id stays in the model;
 * templates only ever read {@link #maskedEmployeeId()}. Texts in the language of the
 * {@link Labels} given (no argument = Chinese).
 */
public record SettlementErrorRow(String employeeId, String error, String component, String lineId,
    BigDecimal billed, BigDecimal expected) {

  public String maskedEmployeeId() { return Masking.employeeId(employeeId); }

  public String errorText() { return errorText(Labels.ZH_CN); }

  public String errorText(Labels l) { return l.code("error", error); }

  public String componentText() { return componentText(Labels.ZH_CN); }

  /** A null component is the line's total. */
  public String componentText(Labels l) { return l.code("component", component == null ? "total" : component); }

  public String billedText() { return billedText(Labels.ZH_CN); }

  public String billedText(Labels l) { return l.money(billed); }

  public String expectedText() { return expectedText(Labels.ZH_CN); }

  public String expectedText(Labels l) { return l.money(expected); }

  public String differenceText() { return differenceText(Labels.ZH_CN); }

  public String differenceText(Labels l) {
    if (billed == null || expected == null) return l.money(null);
    BigDecimal d = billed.subtract(expected);
    return (d.signum() > 0 ? "+" : "") + l.money(d);
  }
}
