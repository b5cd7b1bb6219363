package com.dispatch.quality.bench;

import com.dispatch.quality.io.Lake;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.spark.Sessions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The Spark side of the BI-reader check (issue 6, item 3): reads every gold table of a lake with
 * plain {@code spark.read.format("delta")} and writes what a third-party reader must reproduce:
 * row count, rows per month, and per column a null count and an order-free aggregate (sum for
 * numbers, count of true for booleans, sum of epoch microseconds for timestamps, sum of string
 * lengths for strings). Decimals are summed exactly and written as strings.
 *
 * <p>Usage: {@code GoldReference <lake> <out.json> [yyyy-MM]} (the month limits every table to
 * that month's rows; the benchmark compares settlement_quality with its DuckDB peer). Tables that do not exist are listed with
 * {@code "exists": false} so the Python test fails on them rather than skipping.
 */
public final class GoldReference {
  private GoldReference() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2 || args.length > 3) {
      System.err.println("usage: GoldReference <lake> <out.json> [yyyy-MM]");
      System.exit(2);
    }
    Lake lake = new Lake(args[0]);
    SparkSession spark = Sessions.create("gold-reference", null);
    try {
      List<String> tables = new ArrayList<>();
      for (Map.Entry<String, StructType> t : Gold.TABLES.entrySet()) {
        tables.add(describe(spark, t.getKey(), lake.gold(t.getKey()), t.getValue(), args.length > 2 ? args[2] : null));
      }
      Files.writeString(Path.of(args[1]), "{\n" + String.join(",\n", tables) + "\n}\n", StandardCharsets.UTF_8);
    } finally {
      spark.stop();
    }
  }

  static String describe(SparkSession spark, String name, String path, StructType schema, String month) {
    if (!io.delta.tables.DeltaTable.isDeltaTable(spark, path)) {
      return "  \"" + name + "\": {\"exists\": false}";
    }
    Dataset<Row> df = spark.read().format("delta").load(path);
    if (month != null) df = df.where(functions.col("month").equalTo(month));
    List<Column> aggs = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    aggs.add(functions.count(functions.lit(1)).as("__rows"));
    for (StructField f : schema.fields()) {
      Column c = functions.col(f.name());
      aggs.add(functions.count(functions.when(c.isNull(), 1)).as("nulls__" + f.name()));
      keys.add(f.name());
      aggs.add(aggregate(f.dataType(), c).as("agg__" + f.name()));
    }
    Row r = df.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(new Column[0])).first();
    StringBuilder b = new StringBuilder("  \"").append(name).append("\": {\"exists\": true, \"rows\": ")
        .append(r.getLong(0)).append(", \"columns\": {");
    for (int i = 0; i < keys.size(); i++) {
      DataType t = schema.fields()[i].dataType();
      Object agg = r.get(2 + 2 * i);
      b.append(i == 0 ? "" : ", ").append('"').append(keys.get(i)).append("\": {\"type\": \"")
          .append(t.typeName()).append("\", \"nulls\": ").append(r.getLong(1 + 2 * i)).append(", \"agg\": ")
          .append(json(agg)).append('}');
    }
    b.append("}, \"rows_per_month\": {");
    List<Row> months = df.groupBy("month").count().orderBy("month").collectAsList();
    for (int i = 0; i < months.size(); i++) {
      b.append(i == 0 ? "" : ", ").append('"').append(months.get(i).getString(0)).append("\": ")
          .append(months.get(i).getLong(1));
    }
    return b.append("}}").toString();
  }

  /** An aggregate every reader can compute the same way, whatever the row order. */
  static Column aggregate(DataType t, Column c) {
    if (t instanceof DecimalType) return functions.sum(c).cast("string");
    if (t instanceof LongType || t instanceof IntegerType) return functions.sum(c.cast("long"));
    if (t instanceof DoubleType) return functions.sum(c);
    if (t instanceof BooleanType) return functions.count(functions.when(c, 1));
    if (t.typeName().equals("timestamp")) return functions.sum(functions.unix_micros(c));
    if (t.typeName().equals("date")) return functions.sum(functions.unix_date(c).cast("long"));
    return functions.sum(functions.length(c).cast("long"));
  }

  private static String json(Object v) {
    if (v == null) return "null";
    if (v instanceof String s) return "\"" + s + "\"";
    if (v instanceof Double d) return String.format(Locale.ROOT, "%.17g", d);
    return v.toString();
  }
}
