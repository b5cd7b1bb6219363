package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;
import java.time.Instant;

/**
 * One BREACHED gold {@code sla_events} row (SPEC §4.3). Subjects are assignment, line or case
 * ids, never employee ids.
 */
public record SlaBreachRow(String rule, String ruleName, String subjectId, String clientId, String clientName,
    Instant deadlineAt, Instant completedAt, Double latenessHours) {

  public String deadlineText() { return Fmt.instant(deadlineAt); }

  public String completedText() { return completedAt == null ? "未完成" : Fmt.instant(completedAt); }

  public String latenessText() { return Fmt.hours(latenessHours); }
}
