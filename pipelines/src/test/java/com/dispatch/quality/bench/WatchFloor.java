package com.dispatch.quality.bench;

import com.dispatch.quality.gold.SilverInputs;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.spark.Sessions;
import com.dispatch.quality.watch.WatchJob;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The floor of a watch run (issue 12, bench/watch.sh): a fresh JVM that opens the same pruned
 * silver inputs as {@code quality watch} and counts each of them once, i.e. the cost of reading
 * what the watch run must read, with no rule evaluated and nothing written.
 * Usage: {@code WatchFloor <lake> <yyyy-MM-ddTHH:mm local>}.
 */
public final class WatchFloor {
  private WatchFloor() {}

  public static void main(String[] args) {
    Lake lake = new Lake(args[0]);
    Instant asOf = LocalDateTime.parse(args[1]).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    SparkSession spark = Sessions.create("watch-floor", null);
    try {
      long t0 = System.nanoTime();
      SilverInputs in = WatchJob.readSilver(spark, lake, asOf);
      long rows = 0;
      for (Dataset<Row> d : List.of(in.clients(), in.roster(), in.settlement(), in.cases(), in.caseEvents(),
          in.insuranceRates())) {
        rows += d.count();
      }
      System.out.printf(Locale.ROOT, "floor: %d silver rows read in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
    } finally {
      spark.stop();
    }
  }
}
