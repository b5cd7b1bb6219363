package com.dispatch.quality.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** gold/settlement_errors (SPEC §4.1, §6): one row per client, month, employee, error, component. */
public final class SettlementErrors {
  private SettlementErrors() {}

  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    throw new UnsupportedOperationException("SettlementErrors is not built yet");
  }
}
