package com.dispatch.quality.domain;

/** insurance_rates.item (SPEC §2), with the settlement column each item is billed in. */
public enum InsuranceItem {
  PENSION("pension"), MEDICAL("medical"), UNEMPLOYMENT("unemployment"),
  WORK_INJURY("work_injury"), HOUSING_FUND("housing_fund");

  private final String settlementColumn;

  InsuranceItem(String settlementColumn) { this.settlementColumn = settlementColumn; }

  public String settlementColumn() { return settlementColumn; }
}
