package com.dispatch.quality.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** gold/response_time_distribution (SPEC §4.2): one row per metric, client (and *) and month. */
public final class ResponseTimeDistribution {
  private ResponseTimeDistribution() {}

  public static Dataset<Row> compute(Dataset<Row> responseTimeEvents, MetricContext ctx) {
    throw new UnsupportedOperationException("ResponseTimeDistribution is not built yet");
  }
}
