package com.dispatch.quality.io;

import com.dispatch.quality.schema.Conform;
import com.dispatch.quality.spark.SparkActivity;
import io.delta.tables.DeltaMergeBuilder;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.StructType;

/**
 * Every Delta read and write of the project goes through here. Tables are created by their
 * first write, from the schema constants (column comments travel in the written schema), and stay
 * on reader protocol 1 with no deletion vectors and no column mapping, so third-party readers
 * (delta-rs, DuckDB) can open them.
 *
 * <p>A small write's cost is its commits and the Spark jobs around them, not its rows, so each
 * write here is one commit (no separate CREATE), is counted ({@link SparkActivity}), and never
 * re-reads what it wrote: row counts come from the commit's own metrics.
 */
public final class DeltaIO {
  private DeltaIO() {}

  public static boolean exists(SparkSession spark, String path) {
    return DeltaTable.isDeltaTable(spark, path);
  }

  /**
   * Whether the table exists now, read from its log. {@link #exists} answers from this JVM's cached
   * snapshot (Delta's strict {@code isDeltaTable} is {@code DeltaLog.tableExists}), which still says
   * "absent" after another process created the table: two metrics runs of different months that
   * both create a gold table lose the race with {@code DELTA_PROTOCOL_CHANGED}, and the loser must
   * see the winner's table to retry against it.
   */
  static boolean existsNow(SparkSession spark, String path) {
    DeltaLog log = DeltaLog.forTable(spark, new Path(path));
    return log.update(log.update$default$1(), log.update$default$2(), log.update$default$3()).version() >= 0;
  }

  /** The table at {@code path}, or an empty dataset of {@code schema} when it does not exist yet. */
  public static Dataset<Row> readOrEmpty(SparkSession spark, String path, StructType schema) {
    if (exists(spark, path)) return spark.read().format("delta").load(path);
    return spark.createDataFrame(new ArrayList<>(), schema);
  }

  /** The table at {@code path}, or empty when it does not exist yet (the caller has nothing to do). */
  public static Optional<Dataset<Row>> readIfExists(SparkSession spark, String path) {
    return exists(spark, path) ? Optional.of(spark.read().format("delta").load(path)) : Optional.empty();
  }

  /** The table at {@code path} as of a version (time travel; the history is kept, SPEC §2, §6). */
  public static Dataset<Row> readVersion(SparkSession spark, String path, long version) {
    return spark.read().format("delta").option("versionAsOf", version).load(path);
  }

  /**
   * Replaces exactly the rows of the given months in a month-partitioned gold table (SPEC §6: a
   * rerun replaces those months and never duplicates them; other months stay untouched), in one
   * commit whatever the number of months. The previous version stays in the Delta history.
   * Returns the number of rows written.
   */
  public static long replaceMonths(Dataset<Row> df, String path, StructType schema, List<String> months) {
    return replacePartitions(df, path, schema, "month", months);
  }

  /** {@link #replaceMonths} for one month. */
  public static long replaceMonth(Dataset<Row> df, String path, StructType schema, String month) {
    return replaceMonths(df, path, schema, List.of(month));
  }

  /**
   * Replaces the rows whose {@code column} (the partition column) is one of {@code values}, in
   * one commit; creates the table, partitioned by {@code column}, when it does not exist.
   */
  public static long replacePartitions(Dataset<Row> df, String path, StructType schema, String column,
      List<String> values) {
    if (values.isEmpty()) throw new IllegalArgumentException("no " + column + " to replace in " + path);
    List<String> quoted = values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList();
    String predicate = "`" + column + "` IN (" + String.join(", ", quoted) + ")";
    String tag = write(Conform.to(df, schema), path, w -> w.mode("overwrite").option("replaceWhere", predicate), column);
    // No commit with the tag: Delta skipped an empty commit (no rows to add, none to replace).
    return CommitLog.outputRows(df.sparkSession(), path, tag).orElse(0);
  }

  /** Appends rows in one commit, creating the table (partitioned by {@code partitionBy}) on first use. */
  public static void append(Dataset<Row> df, String path, StructType schema, String... partitionBy) {
    write(Conform.to(df, schema), path, w -> w.mode("append"), partitionBy);
  }

  /**
   * Appends rows unless a commit of the same {@code appId} with this {@code version} or a later
   * one is already in the table (Delta's idempotent writes: a retried step adds nothing twice).
   */
  public static void appendOnce(Dataset<Row> df, String path, StructType schema, String appId, long version,
      String... partitionBy) {
    write(Conform.to(df, schema), path, w -> w.mode("append").option("txnAppId", appId)
        .option("txnVersion", version), partitionBy);
  }

  /**
   * Merges {@code source} into the table at {@code path}: {@code whenMatchedUpdateIf} rows of the
   * table matched on {@code on} are replaced by the source row, unmatched source rows inserted.
   * An absent table is created by a plain write of the source (nothing to match against).
   */
  public static void upsert(Dataset<Row> source, String path, StructType schema, String on, String whenMatchedUpdateIf,
      String... partitionBy) {
    SparkSession spark = source.sparkSession();
    Dataset<Row> rows = Conform.to(source, schema);
    if (!exists(spark, path)) {
      write(rows, path, w -> w.mode("append"), partitionBy);
      return;
    }
    DeltaMergeBuilder merge = DeltaTable.forPath(spark, path).as("t").merge(rows.as("s"), on)
        .whenMatched(whenMatchedUpdateIf).updateAll()
        .whenNotMatched().insertAll();
    commit(path, merge::execute);
  }

  /**
   * Replaces the whole content of a table with {@code df} in one commit (reference snapshots,
   * SPEC §2), keeping the replaced version in the history; creates it when absent.
   */
  public static void overwrite(Dataset<Row> df, String path, StructType schema) {
    write(Conform.to(df, schema), path, w -> w.mode("overwrite"));
  }

  /** Deletes the rows matching {@code condition} (one commit, none when nothing matches). */
  public static void delete(SparkSession spark, String path, Column condition) {
    if (!exists(spark, path)) return;
    commit(path, () -> DeltaTable.forPath(spark, path).delete(condition));
  }

  /** The latest version of a table (its number of commits minus one), or -1 when absent. */
  public static long version(SparkSession spark, String path) {
    if (!exists(spark, path)) return -1;
    Row last = DeltaTable.forPath(spark, path).history(1).select("version").first();
    return last.getLong(0);
  }

  /**
   * One commit that writes {@code rows}, tagged with a unique user metadata string (returned) so
   * that the commit can be found in the log afterwards, even when other writers commit to the same
   * table meanwhile (two months' runs side by side). The first write of a table creates it (one
   * commit instead of CREATE + write); if another writer created it first, the write is retried
   * once against the now existing table.
   */
  private static String write(Dataset<Row> rows, String path, UnaryOperator<DataFrameWriter<Row>> mode,
      String... partitionBy) {
    String tag = "quality-" + UUID.randomUUID();
    SparkSession spark = rows.sparkSession();
    commit(path, () -> {
      boolean created = !exists(spark, path);
      try {
        save(rows, path, mode, tag, created, partitionBy);
      } catch (RuntimeException e) {
        if (!created || !existsNow(spark, path)) throw e;
        save(rows, path, mode, tag, false, partitionBy);
      }
    });
    return tag;
  }

  /**
   * Runs one Delta write that makes one commit: timed and counted by {@link SparkActivity}, then
   * offered to {@link FaultInjection} (a halt "after the commit" of {@code path}).
   */
  private static void commit(String path, Runnable write) {
    SparkActivity.writeStarted();
    boolean committed = false;
    try {
      write.run();
      committed = true;
    } finally {
      SparkActivity.writeEnded(committed);
    }
    FaultInjection.committed(path);
  }

  private static void save(Dataset<Row> rows, String path, UnaryOperator<DataFrameWriter<Row>> mode, String tag,
      boolean create, String... partitionBy) {
    DataFrameWriter<Row> w = mode.apply(rows.write().format("delta")).option("userMetadata", tag);
    // Table properties come from the session's defaults (Sessions: no deletion vectors).
    if (create && partitionBy.length > 0) w = w.partitionBy(partitionBy);
    w.save(path);
  }
}
