package com.dispatch.quality.io;

import io.delta.tables.DeltaTable;
import io.delta.tables.DeltaTableBuilder;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Every Delta read and write of the project goes through here. Tables are created from the
 * schema constants (with column comments), stay on reader protocol 1 with no deletion vectors
 * and no column mapping, so third-party readers (delta-rs, DuckDB) can open them.
 */
public final class DeltaIO {
  private DeltaIO() {}

  public static boolean exists(SparkSession spark, String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  /** The table at {@code path}, or an empty dataset of {@code schema} when it does not exist yet. */
  public static Dataset<Row> readOrEmpty(SparkSession spark, String path, StructType schema) {
    if (exists(spark, path)) return spark.read().format("delta").load(path);
    return spark.createDataFrame(new ArrayList<>(), schema);
  }

  /** Creates the table with its schema, comments and partitioning if it does not exist. */
  public static void createIfAbsent(SparkSession spark, String path, StructType schema, String... partitionBy) {
    if (exists(spark, path)) return;
    DeltaTableBuilder b = DeltaTable.createIfNotExists(spark).location(qualified(spark, path));
    for (StructField f : schema.fields()) b = b.addColumn(f);
    if (partitionBy.length > 0) b = b.partitionedBy(partitionBy);
    b.property("delta.enableDeletionVectors", "false").execute();
  }

  /**
   * The Hadoop-qualified spelling of a location: Delta's CREATE TABLE rejects {@code file:///x}
   * as "two different locations" once the table's log names it {@code file:/x}.
   */
  static String qualified(SparkSession spark, String path) {
    try {
      org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
      return p.getFileSystem(spark.sparkContext().hadoopConfiguration()).makeQualified(p).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot resolve " + path + ": " + e.getMessage(), e);
    }
  }

  /** Selects and casts {@code df}'s columns to exactly {@code schema} (order and types). */
  public static Dataset<Row> conform(Dataset<Row> df, StructType schema) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) cols.add(functions.col(f.name()).cast(f.dataType()).as(f.name()));
    return df.select(cols.toArray(new Column[0]));
  }

  /**
   * Replaces exactly the rows of one month in a month-partitioned gold table (SPEC §6: a rerun
   * replaces that month and never duplicates it; other months stay untouched). The previous
   * version stays in the Delta history.
   */
  public static void replaceMonth(Dataset<Row> df, String path, StructType schema, String month) {
    SparkSession spark = df.sparkSession();
    createIfAbsent(spark, path, schema, "month");
    Dataset<Row> rows = conform(df, schema);
    rows.write().format("delta").mode("overwrite")
        .option("replaceWhere", "month = '" + month.replace("'", "") + "'")
        .save(path);
  }

  /** Appends rows to a table created from {@code schema} if needed (runs, quarantine, file log). */
  public static void append(Dataset<Row> df, String path, StructType schema, String... partitionBy) {
    createIfAbsent(df.sparkSession(), path, schema, partitionBy);
    conform(df, schema).write().format("delta").mode("append").save(path);
  }

  /**
   * Replaces exactly the rows whose partition column {@code column} equals {@code value} in a
   * table partitioned by that column (created from {@code schema} if absent), in one commit; other
   * partitions stay untouched and the previous version stays in the Delta history.
   */
  public static void replacePartition(Dataset<Row> df, String path, StructType schema, String column, String value) {
    createIfAbsent(df.sparkSession(), path, schema, column);
    conform(df, schema).write().format("delta").mode("overwrite")
        .option("replaceWhere", column + " = '" + value.replace("'", "") + "'")
        .save(path);
  }
}
