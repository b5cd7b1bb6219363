package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Labels;
import java.util.List;

/** A client's gold {@code recruitment_shortlist} row (SPEC §4.5). */
public record RecruitmentSummary(Long recruitmentCases, Long outsideRange, Long tooFew, Long tooMany, Long noCount) {

  public List<KeyValue> rows() { return rows(Labels.ZH_CN); }

  /** Bundle keys {@code rec.*} (label) and {@code rec.*.note}. */
  public List<KeyValue> rows(Labels l) {
    return List.of(
        new KeyValue(l.get("rec.cases"), l.count(recruitmentCases), l.get("rec.cases.note")),
        new KeyValue(l.get("rec.outside"), l.count(outsideRange), l.get("rec.outside.note")),
        new KeyValue(l.get("rec.too_few"), l.count(tooFew), ""),
        new KeyValue(l.get("rec.too_many"), l.count(tooMany), ""),
        new KeyValue(l.get("rec.no_count"), l.count(noCount), l.get("rec.no_count.note")));
  }
}
