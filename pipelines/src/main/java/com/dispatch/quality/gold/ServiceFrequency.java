package com.dispatch.quality.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** gold/service_frequency (SPEC §4.4): one row per commitment, period and month. */
public final class ServiceFrequency {
  private ServiceFrequency() {}

  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    throw new UnsupportedOperationException("ServiceFrequency is not built yet");
  }
}
