package com.dispatch.quality.bench;

import com.dispatch.quality.io.Lake;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.spark.Sessions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * {@link GoldReference} for gold/sla_watchlist (issue 12), which is not in {@code Gold.TABLES}:
 * the same figures (rows, per-column nulls and order-free aggregates, rows per month) in a JSON
 * of its own, for bench/bi/test_watchlist_readers.py. Usage: {@code WatchlistReference <lake> <out.json>}.
 */
public final class WatchlistReference {
  private WatchlistReference() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: WatchlistReference <lake> <out.json>");
      System.exit(2);
    }
    Lake lake = new Lake(args[0]);
    SparkSession spark = Sessions.create("watchlist-reference", null);
    try {
      String t = GoldReference.describe(spark, Gold.SLA_WATCHLIST_TABLE, lake.gold(Gold.SLA_WATCHLIST_TABLE),
          Gold.SLA_WATCHLIST, null);
      Files.writeString(Path.of(args[1]), "{\n" + t + "\n}\n", StandardCharsets.UTF_8);
    } finally {
      spark.stop();
    }
  }
}
