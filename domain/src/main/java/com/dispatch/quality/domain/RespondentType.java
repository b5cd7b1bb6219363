package com.dispatch.quality.domain;

/** Who answered a satisfaction follow-up (SPEC §2 surveys/, §4.7). */
public enum RespondentType {
  /** The client's HR contact. */
  CLIENT,
  /** A dispatched employee (the answer names its employee_id). */
  EMPLOYEE
}
