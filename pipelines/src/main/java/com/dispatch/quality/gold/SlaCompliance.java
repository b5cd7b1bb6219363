package com.dispatch.quality.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** gold/sla_compliance (SPEC §4.3): one row per rule, client (and *) and month. */
public final class SlaCompliance {
  private SlaCompliance() {}

  public static Dataset<Row> compute(Dataset<Row> slaEvents, MetricContext ctx) {
    throw new UnsupportedOperationException("SlaCompliance is not built yet");
  }
}
