package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;
import java.util.List;

/** A client's gold {@code recruitment_shortlist} row (SPEC §4.5). */
public record RecruitmentSummary(Long recruitmentCases, Long outsideRange, Long tooFew, Long tooMany, Long noCount) {

  public List<KeyValue> rows() {
    return List.of(
        new KeyValue("本月招聘需求", Fmt.count(recruitmentCases), "本月接报的招聘需求件数"),
        new KeyValue("推荐人数不在 2–3 人", Fmt.count(outsideRange), "承诺每项需求推荐 2–3 名候选人"),
        new KeyValue("其中：少于 2 人", Fmt.count(tooFew), ""),
        new KeyValue("其中：多于 3 人", Fmt.count(tooMany), ""),
        new KeyValue("推荐人数未登记", Fmt.count(noCount), "不计入不在范围"));
  }
}
