package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;
import java.util.List;

/** A client's gold {@code settlement_quality} row for the month (SPEC §4.1). */
public record SettlementSummary(String settlementStatus, Long expectedHeadcount, Long billedHeadcount,
    Long missing, Long extra, Long duplicate, Long headcountErrors, Long evaluatedLines, Long calcErrorLines,
    Boolean hasBothErrors, Double headcountErrorRate, Double calcErrorRate, Long correctionBatches) {

  public boolean isMissing() { return "MISSING".equals(settlementStatus); }

  /** The summary table: label, value, and how it is computed. */
  public List<KeyValue> rows() {
    if (isMissing()) {
      return List.of(
          new KeyValue("结算单状态", "未出具", "截至数据截止时间，本月结算单尚未出具"),
          new KeyValue("应结算人数", Fmt.count(expectedHeadcount), "本月在岗至少一天的派遣员工"));
    }
    return List.of(
        new KeyValue("应结算人数", Fmt.count(expectedHeadcount), "本月在岗至少一天的派遣员工"),
        new KeyValue("实际结算人数", Fmt.count(billedHeadcount), "原始结算单中的员工人数"),
        new KeyValue("漏结人数", Fmt.count(missing), "应结算但结算单中没有"),
        new KeyValue("多结人数", Fmt.count(extra), "结算单中有但本月不应结算"),
        new KeyValue("重复结算人数", Fmt.count(duplicate), "同一员工出现多行"),
        new KeyValue("人数差错合计", Fmt.count(headcountErrors), "漏结 + 多结 + 重复"),
        new KeyValue("人数差错率", Fmt.pct(headcountErrorRate), "人数差错合计 ÷ 应结算人数"),
        new KeyValue("核对行数", Fmt.count(evaluatedLines), "应结算且未重复员工的结算行"),
        new KeyValue("金额差错行数", Fmt.count(calcErrorLines), "任一金额或合计相差 0.01 元及以上"),
        new KeyValue("金额差错率", Fmt.pct(calcErrorRate), "金额差错行数 ÷ 核对行数"),
        new KeyValue("更正结算单", Fmt.count(correctionBatches), "原始结算单之后出具的更正批次（只计数）"));
  }
}
