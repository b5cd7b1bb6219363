package com.dispatch.quality.bench;

import com.dispatch.quality.io.Lake;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.spark.Sessions;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Compares the gold tables of two lakes row for row, ignoring {@code run_id} and {@code as_of}
 * (issue 6, item 4: a cluster run must produce the same gold rows as local mode). Rows are
 * compared as multisets ({@code exceptAll} both ways), so duplicates count; doubles to 9 decimals.
 *
 * <p>Usage: {@code GoldCompare <lakeA> <lakeB>}; exits 1 and names the tables that differ.
 */
public final class GoldCompare {
  private GoldCompare() {}

  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: GoldCompare <lakeA> <lakeB>");
      System.exit(2);
    }
    Lake a = new Lake(args[0]);
    Lake b = new Lake(args[1]);
    SparkSession spark = Sessions.create("gold-compare", null);
    List<String> differ = new ArrayList<>();
    try {
      for (String table : Gold.TABLES.keySet()) {
        boolean inA = DeltaTable.isDeltaTable(spark, a.gold(table));
        boolean inB = DeltaTable.isDeltaTable(spark, b.gold(table));
        if (!inA || !inB) {
          System.out.printf("%-28s missing in %s%n", table, !inA ? args[0] : args[1]);
          differ.add(table);
          continue;
        }
        Dataset<Row> da = comparable(spark.read().format("delta").load(a.gold(table)));
        Dataset<Row> db = comparable(spark.read().format("delta").load(b.gold(table)));
        long onlyA = da.exceptAll(db).count();
        long onlyB = db.exceptAll(da).count();
        System.out.printf("%-28s rows %8d / %8d  only-in-first %d  only-in-second %d%n", table, da.count(), db.count(),
            onlyA, onlyB);
        if (onlyA > 0 || onlyB > 0) differ.add(table);
      }
    } finally {
      spark.stop();
    }
    if (!differ.isEmpty()) {
      System.out.println("gold differs: " + differ);
      System.exit(1);
    }
    System.out.println("gold identical (run_id and as_of ignored) in " + Gold.TABLES.size() + " tables");
  }

  /**
   * Without run_id and as_of; doubles rounded to 9 decimals, since a sum of doubles may differ in
   * its last bit when a cluster adds partial sums in another order.
   */
  public static Dataset<Row> comparable(Dataset<Row> df) {
    Dataset<Row> out = df.drop("run_id", "as_of");
    for (org.apache.spark.sql.types.StructField f : out.schema().fields()) {
      if (f.dataType() instanceof org.apache.spark.sql.types.DoubleType) {
        out = out.withColumn(f.name(), org.apache.spark.sql.functions.round(out.col(f.name()), 9));
      }
    }
    return out;
  }
}
