package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;
import com.dispatch.quality.privacy.Masking;
import java.time.Instant;

/**
 * One answer of the month with score ≤ 2 (SPEC §4.7 dissatisfied). The comment is the silver
 * text, ID and phone numbers already masked; templates read {@link #maskedEmployeeId()} only.
 */
public record DissatisfiedAnswer(Instant answeredAt, String respondentType, String employeeId, int score,
    String comment) {

  public String answeredAtText() { return Fmt.instant(answeredAt); }

  public String respondentText() { return "EMPLOYEE".equals(respondentType) ? "员工" : "用工单位"; }

  public String maskedEmployeeId() { return employeeId == null ? Fmt.NONE : Masking.employeeId(employeeId); }

  public String scoreText() { return score + " 分"; }

  public String commentText() { return comment == null || comment.isBlank() ? Fmt.NONE : comment; }
}
