package com.dispatch.quality.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** gold/sla_events (SPEC §4.3): one row per rule and subject of month M, WAGE_ON_TIME included (from WageOnTime). */
public final class SlaEvents {
  private SlaEvents() {}

  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    throw new UnsupportedOperationException("SlaEvents is not built yet");
  }
}
