package com.dispatch.quality.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** gold/recruitment_shortlist (SPEC §4.5): one row per client and month with RECRUITMENT cases. */
public final class RecruitmentShortlist {
  private RecruitmentShortlist() {}

  public static Dataset<Row> compute(SilverInputs in, MetricContext ctx) {
    throw new UnsupportedOperationException("RecruitmentShortlist is not built yet");
  }
}
