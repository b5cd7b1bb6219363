package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Labels;
import java.time.Instant;

/**
 * One BREACHED gold {@code sla_events} row (SPEC §4.3). Subjects are assignment, line or case
 * ids, never employee ids. Texts in the language of the {@link Labels} given (no argument = Chinese).
 */
public record SlaBreachRow(String rule, String subjectId, String clientId, String clientName,
    Instant deadlineAt, Instant completedAt, Double latenessHours) {

  public String ruleName() { return ruleName(Labels.ZH_CN); }

  public String ruleName(Labels l) { return l.rule(rule); }

  public String deadlineText() { return deadlineText(Labels.ZH_CN); }

  public String deadlineText(Labels l) { return l.instant(deadlineAt); }

  public String completedText() { return completedText(Labels.ZH_CN); }

  public String completedText(Labels l) { return completedAt == null ? l.get("s4.not_completed") : l.instant(completedAt); }

  public String latenessText() { return latenessText(Labels.ZH_CN); }

  public String latenessText(Labels l) { return l.hours(latenessHours); }
}
