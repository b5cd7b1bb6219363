package com.dispatch.quality.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** gold/response_time_events (SPEC §4.2): one row per metric and subject of month M. */
public final class ResponseTimeEvents {
  private ResponseTimeEvents() {}

  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    throw new UnsupportedOperationException("ResponseTimeEvents is not built yet");
  }
}
