package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;
import java.math.BigDecimal;
import java.math.RoundingMode;
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

  public List<KeyValue> rows() {
    List<KeyValue> out = new ArrayList<>();
    out.add(new KeyValue("用工单位回访次数", client == null ? "0" : Fmt.count(client.responses()), "向用工单位人事负责人回访"));
    if (client != null) {
      out.add(new KeyValue("用工单位平均评分", score(client.meanScore()), "1 分非常不满意 … 5 分非常满意"));
      out.add(new KeyValue("用工单位满意占比", Fmt.pct(client.satisfiedShare()), "评分 4 分及以上的回访占比"));
    }
    out.add(new KeyValue("员工回访人次", employee == null ? "0" : Fmt.count(employee.responses()), "同一员工回访多次按次计"));
    if (employee != null) {
      out.add(new KeyValue("员工平均评分", score(employee.meanScore()), "1 分非常不满意 … 5 分非常满意"));
      out.add(new KeyValue("员工满意占比", Fmt.pct(employee.satisfiedShare()), "评分 4 分及以上的回访占比"));
      out.add(new KeyValue("员工回访覆盖率", Fmt.pct(employee.responseRate()),
          "回访到的在岗员工 ÷ 本月在岗员工（" + Fmt.count(employee.respondentsExpected()) + " 人）"));
    }
    return out;
  }

  static String score(Double mean) {
    return mean == null ? Fmt.NONE : BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }
}
