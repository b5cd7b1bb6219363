package com.dispatch.quality.domain;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place the expected settlement amounts of SPEC §4.1 are calculated, in exact decimals
 * with HALF_UP rounding to 0.01 CNY. The gold metrics (through Spark UDFs) and the data
 * generator both call these functions, so what is billed and what is checked cannot drift apart.
 */
public final class ExpectedSettlement implements Serializable {
  private static final long serialVersionUID = 1L;

  private ExpectedSettlement() {}

  /** Rounds to 0.01 CNY, HALF_UP (SPEC §1). */
  public static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /** Pro-rated wage: round(monthly_wage × active_days / days_in_month). */
  public static BigDecimal wage(BigDecimal monthlyWage, int activeDays, int daysInMonth) {
    if (daysInMonth <= 0) throw new IllegalArgumentException("daysInMonth must be > 0");
    // Multiply first, divide once with ample scale, round once: no intermediate rounding.
    return monthlyWage.multiply(BigDecimal.valueOf(activeDays))
        .divide(BigDecimal.valueOf(daysInMonth), 10, RoundingMode.HALF_UP)
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** Employer contribution of one insurance item: round(clamp(base, floor, ceiling) × rate). */
  public static BigDecimal contribution(BigDecimal insuranceBase, BigDecimal baseFloor,
      BigDecimal baseCeiling, BigDecimal employerRate) {
    BigDecimal base = insuranceBase;
    if (base.compareTo(baseFloor) < 0) base = baseFloor;
    if (base.compareTo(baseCeiling) > 0) base = baseCeiling;
    return money(base.multiply(employerRate));
  }
}
