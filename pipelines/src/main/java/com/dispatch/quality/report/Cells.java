package com.dispatch.quality.report;

import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Row;

/** Typed access to a gold row's cells, null kept as null. */
final class Cells {
  private Cells() {}

  static Long lng(Row r, String c) {
    Object v = r.getAs(c);
    return v == null ? null : ((Number) v).longValue();
  }

  static Double dbl(Row r, String c) {
    Object v = r.getAs(c);
    return v == null ? null : ((Number) v).doubleValue();
  }

  static Instant ts(Row r, String c) {
    Timestamp t = r.getAs(c);
    return t == null ? null : t.toInstant();
  }
}
