package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * A client's gold {@code satisfaction} rows of the month (SPEC §4.7) and its dissatisfied
 * answers (score ≤ 2, comments masked in silver). {@code client} / {@code employee} are null when
 * nobody of that type answered.
 */
public record SatisfactionSummary(Type client, Type employee, List<DissatisfiedAnswer> dissatisfied) {

  /** One respondent type's row; respondentsExpected and responseRate are null for CLIENT. */
  public record Type(Long responses, Double meanScore, Long satisfied, Long dissatisfied, Double satisfiedShare,
      Long respondentsExpected, Double responseRate) {}

  public SatisfactionSummary {
    dissatisfied = List.copyOf(dissatisfied);
  }

  public boolean hasAnswers() { return client != null || employee != null; }

  public List<KeyValue> rows() { return rows(Labels.ZH_CN); }

  /** Bundle keys {@code sat.*}. */
  public List<KeyValue> rows(Labels l) {
    List<KeyValue> out = new ArrayList<>();
    out.add(new KeyValue(l.get("sat.client_responses"), client == null ? l.count(0) : l.count(client.responses()),
        l.get("sat.client_responses.note")));
    if (client != null) {
      out.add(new KeyValue(l.get("sat.client_mean"), l.score(client.meanScore()), l.get("sat.scale.note")));
      out.add(new KeyValue(l.get("sat.client_share"), l.pct(client.satisfiedShare()), l.get("sat.share.note")));
    }
    out.add(new KeyValue(l.get("sat.employee_responses"), employee == null ? l.count(0) : l.count(employee.responses()),
        l.get("sat.employee_responses.note")));
    if (employee != null) {
      out.add(new KeyValue(l.get("sat.employee_mean"), l.score(employee.meanScore()), l.get("sat.scale.note")));
      out.add(new KeyValue(l.get("sat.employee_share"), l.pct(employee.satisfiedShare()), l.get("sat.share.note")));
      out.add(new KeyValue(l.get("sat.employee_rate"), l.pct(employee.responseRate()),
          l.format("sat.employee_rate.note", l.count(employee.respondentsExpected()))));
    }
    return out;
  }
}
