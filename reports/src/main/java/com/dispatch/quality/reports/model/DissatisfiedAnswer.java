package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;
import com.dispatch.quality.reports.Labels;
import com.dispatch.quality.privacy.Masking;
import java.time.Instant;

/**
 * One answer of the month with score ≤ 2 (SPEC §4.7 dissatisfied). The comment is the silver
 * text, ID and phone numbers already masked; templates read {@link #maskedEmployeeId()} only.
 */
public record DissatisfiedAnswer(Instant answeredAt, String respondentType, String employeeId, int score,
    String comment) {

  public String answeredAtText() { return answeredAtText(Labels.ZH_CN); }

  public String answeredAtText(Labels l) { return l.instant(answeredAt); }

  public String respondentText() { return respondentText(Labels.ZH_CN); }

  public String respondentText(Labels l) { return l.code("respondent", respondentType); }

  public String maskedEmployeeId() { return employeeId == null ? Fmt.NONE : Masking.employeeId(employeeId); }

  public String scoreText() { return scoreText(Labels.ZH_CN); }

  public String scoreText(Labels l) { return l.format("format.score", Integer.toString(score)); }

  public String commentText() { return comment == null || comment.isBlank() ? Fmt.NONE : comment; }
}
