package com.dispatch.quality.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** WAGE_ON_TIME subjects of SPEC §4.3 (evaluated lines of the original settlement), in the shape of Gold.SLA_EVENTS without run_id/as_of. */
public final class WageOnTime {
  private WageOnTime() {}

  public static Dataset<Row> events(SilverInputs in, MetricContext ctx) {
    throw new UnsupportedOperationException("WageOnTime is not built yet");
  }
}
