package com.dispatch.quality.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** gold/settlement_quality (SPEC §4.1): one row per client and month. Columns of Gold.SETTLEMENT_QUALITY without run_id/as_of. */
public final class SettlementQuality {
  private SettlementQuality() {}

  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    throw new UnsupportedOperationException("SettlementQuality is not built yet");
  }
}
