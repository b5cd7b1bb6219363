package com.dispatch.quality.domain;

/**
 * Quarantine reason codes (SPEC §3), listed in the spec's order. Which one a row with several
 * faults gets is decided by {@code silver/Reasons.PRIORITY}: MALFORMED_ROW and MISSING_COLUMN are
 * structural (the fields cannot be mapped) and come first, then the spec's order
 * (see docs/decisions.md, "Ingestion").
 */
public enum ReasonCode {
  REQUIRED_MISSING,
  MISSING_COLUMN,
  TYPE_ERROR,
  ENUM_ERROR,
  RANGE_ERROR,
  UNKNOWN_CLIENT,
  MILESTONE_BEFORE_BASE,
  MALFORMED_ROW,
  UNREADABLE_FILE
}
