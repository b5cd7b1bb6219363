package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;
import com.dispatch.quality.privacy.Masking;
import java.math.BigDecimal;

/**
 * One gold {@code settlement_errors} row (SPEC §4.1). The raw employee id stays in the model;
 * templates only ever read {@link #maskedEmployeeId()}.
 */
public record SettlementErrorRow(String employeeId, String error, String component, String lineId,
    BigDecimal billed, BigDecimal expected) {

  public String maskedEmployeeId() { return Masking.employeeId(employeeId); }

  public String errorText() {
    return switch (error) {
      case "MISSING" -> "漏结";
      case "EXTRA" -> "多结";
      case "DUPLICATE" -> "重复结算";
      case "CALC" -> "金额差错";
      default -> error;
    };
  }

  public String componentText() {
    if (component == null) return "合计";
    return switch (component) {
      case "wage" -> "工资";
      case "pension" -> "养老保险";
      case "medical" -> "医疗保险";
      case "unemployment" -> "失业保险";
      case "work_injury" -> "工伤保险";
      case "housing_fund" -> "住房公积金";
      case "service_fee" -> "服务费";
      case "total" -> "合计";
      default -> component;
    };
  }

  public String billedText() { return Fmt.money(billed); }

  public String expectedText() { return Fmt.money(expected); }

  public String differenceText() {
    if (billed == null || expected == null) return Fmt.NONE;
    BigDecimal d = billed.subtract(expected);
    return (d.signum() > 0 ? "+" : "") + Fmt.money(d);
  }
}
