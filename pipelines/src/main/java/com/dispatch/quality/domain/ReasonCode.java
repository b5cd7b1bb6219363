package com.dispatch.quality.domain;

/**
 * Quarantine reason codes (SPEC §3), in priority order: a row with several faults gets the first
 * one in this order. MALFORMED_ROW and MISSING_COLUMN are structural and are detected before any
 * field can be checked (see docs/decisions.md).
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
