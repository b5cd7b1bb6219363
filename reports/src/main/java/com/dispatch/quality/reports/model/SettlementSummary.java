package com.dispatch.quality.reports.model;

import com.dispatch.quality.domain.SettlementStatus;
import com.dispatch.quality.reports.Labels;
import java.util.List;

/** A client's gold {@code settlement_quality} row for the month (SPEC §4.1). */
public record SettlementSummary(String settlementStatus, Long expectedHeadcount, Long billedHeadcount,
    Long missing, Long extra, Long duplicate, Long headcountErrors, Long evaluatedLines, Long calcErrorLines,
    Boolean hasBothErrors, Double headcountErrorRate, Double calcErrorRate, Long correctionBatches) {

  public boolean isMissing() { return SettlementStatus.MISSING.name().equals(settlementStatus); }

  public List<KeyValue> rows() { return rows(Labels.ZH_CN); }

  /** The summary table: label, value, and how it is computed (bundle keys {@code sq.*}). */
  public List<KeyValue> rows(Labels l) {
    if (isMissing()) {
      return List.of(
          new KeyValue(l.get("sq.status"), l.get("sq.status.value"), l.get("sq.status.note")),
          row(l, "sq.expected", l.count(expectedHeadcount)));
    }
    return List.of(
        row(l, "sq.expected", l.count(expectedHeadcount)),
        row(l, "sq.billed", l.count(billedHeadcount)),
        row(l, "sq.missing", l.count(missing)),
        row(l, "sq.extra", l.count(extra)),
        row(l, "sq.duplicate", l.count(duplicate)),
        row(l, "sq.headcount_errors", l.count(headcountErrors)),
        row(l, "sq.headcount_error_rate", l.pct(headcountErrorRate)),
        row(l, "sq.evaluated", l.count(evaluatedLines)),
        row(l, "sq.calc_error_lines", l.count(calcErrorLines)),
        row(l, "sq.calc_error_rate", l.pct(calcErrorRate)),
        row(l, "sq.corrections", l.count(correctionBatches)));
  }

  private static KeyValue row(Labels l, String key, String value) {
    return new KeyValue(l.get(key), value, l.get(key + ".note"));
  }
}
