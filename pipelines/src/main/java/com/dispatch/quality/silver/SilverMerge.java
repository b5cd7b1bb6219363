package com.dispatch.quality.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.udf;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.schema.Conform;
import com.dispatch.quality.schema.Sources.SourceSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.sketch.BloomFilter;

/**
 * Deduplicates accepted rows by business key and merges them into {@code silver/<entity>}
 * (SPEC §2): the row with the latest updated_at wins; on a tie or without updated_at, the row
 * from the file that arrived last (modification time, then path), then the later line. The same
 * ordering decides within the run and against rows already in silver, so a late or corrected
 * file supersedes by key and an old file never overwrites a newer row.
 */
public final class SilverMerge {
  private SilverMerge() {}

  /** Newest first: updated_at (when the source has it), file_modified_at, source_file, source_line. */
  static List<String> recency(SourceSpec spec) {
    List<String> order = new ArrayList<>();
    if (spec.hasColumn("updated_at")) order.add("updated_at");
    order.addAll(List.of("file_modified_at", "source_file", "source_line"));
    return order;
  }

  /** One row per key: the newest by {@link #recency}. */
  public static Dataset<Row> latestPerKey(Dataset<Row> rows, SourceSpec spec) {
    Column[] keys = spec.keys().stream().map(k -> col(k)).toArray(Column[]::new);
    Column[] order = recency(spec).stream().map(c -> col(c).desc_nulls_last()).toArray(Column[]::new);
    return rows.withColumn("_rank", row_number().over(Window.partitionBy(keys).orderBy(order)))
        .filter(col("_rank").equalTo(1)).drop("_rank");
  }

  /**
   * Merges {@code accepted} (silver columns) into the table at {@code path}. The deduplicated rows
   * are computed once and kept for the partition check and both passes of the MERGE (the
   * session's {@code spark.databricks.delta.merge.materializeSource=none}, set in
   * {@link com.dispatch.quality.spark.Sessions}, stops Delta from materializing them again).
   */
  public static void merge(Dataset<Row> accepted, SourceSpec spec, String path) {
    var spark = accepted.sparkSession();
    Dataset<Row> latest = Conform.to(latestPerKey(accepted, spec), spec.silver())
        .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      String[] partitionBy = spec.partitionBy() == null ? new String[0] : new String[] {spec.partitionBy()};
      // An absent table gets a plain write: nothing to match against, so no partition check either.
      String on = String.join(" AND ", spec.keys().stream().map(k -> "t.`" + k + "` = s.`" + k + "`").toList())
          + (DeltaIO.exists(spark, path) ? partitionPruning(latest, spec, path) : "");
      DeltaIO.upsert(latest, path, spec.silver(), on, notOlder(recency(spec)), partitionBy);
    } finally {
      latest.unpersist();
    }
  }

  /**
   * For a partitioned table, the condition that confines the MERGE to the partitions the
   * delivered rows fall in (a monthly run then reads one month of silver settlement, not its
   * history): {@code " AND t.service_month IN (...)"}. It is only added when no delivered key
   * lives in another partition; a key that moved partition is merged against the whole table, so
   * it still replaces its old row. Empty for an unpartitioned table.
   */
  static String partitionPruning(Dataset<Row> latest, SourceSpec spec, String path) {
    String part = spec.partitionBy();
    if (part == null) return "";
    List<String> values = latest.select(col(part)).distinct().as(Encoders.STRING()).collectAsList();
    if (values.isEmpty() || values.contains(null)) return "";
    Dataset<Row> elsewhere = DeltaIO.readOrEmpty(latest.sparkSession(), path, spec.silver())
        .where(not(col(part).isin(values.toArray())));
    if (anyKeyIn(latest, elsewhere, spec.keys())) return "";
    String list = String.join(", ", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList());
    return " AND t.`" + part + "` IN (" + list + ")";
  }

  private static final int MAX_CANDIDATES = 10_000;

  /**
   * Whether a key of {@code delivered} also occurs in {@code existing}. The existing rows can be
   * the whole history, so instead of a join (a shuffle of every key) their key column is passed
   * through a Bloom filter of the delivered keys, and only the few candidates it lets through
   * are checked exactly. More than {@link #MAX_CANDIDATES} candidates count as a match (many keys
   * moved: the caller merges against the whole table), so the driver never collects more.
   */
  static boolean anyKeyIn(Dataset<Row> delivered, Dataset<Row> existing, List<String> keys) {
    Column key = keyOf(keys);
    long n = Math.max(1, delivered.count());
    BloomFilter bloom = delivered.select(key.as("_key")).stat().bloomFilter("_key", n, 1e-6);
    UserDefinedFunction mightBeDelivered = udf((UDF1<String, Boolean>) k -> k != null && bloom.mightContainString(k),
        DataTypes.BooleanType);
    List<String> candidates = existing.select(key.as("_key")).where(mightBeDelivered.apply(col("_key")))
        .limit(MAX_CANDIDATES + 1).as(Encoders.STRING()).collectAsList();
    if (candidates.isEmpty()) return false;
    if (candidates.size() > MAX_CANDIDATES) return true;
    return !delivered.where(key.isin(candidates.toArray())).isEmpty();
  }

  /** The business key as one string (components joined by the unit separator, which no id contains). */
  private static Column keyOf(List<String> keys) {
    if (keys.size() == 1) return col(keys.get(0)).cast(DataTypes.StringType);
    return concat_ws("\u001f", keys.stream().map(k -> col(k).cast(DataTypes.StringType)).toArray(Column[]::new));
  }

  /**
   * SQL for "s is newer than t, or the same version of the row" (equal in every recency column:
   * the same line of the same file). The second case only happens when files are merged again
   * after a dead ingest run was cleaned up (IngestRecovery); the row is then re-stamped with the
   * run id of the run that ingested it again, whose bronze rows now hold it.
   */
  static String notOlder(List<String> cols) {
    String same = String.join(" AND ", cols.stream().map(c -> "(s.`" + c + "` <=> t.`" + c + "`)").toList());
    return "(" + newer(cols) + " OR (" + same + "))";
  }

  /**
   * Replaces the whole table with one reference snapshot (SPEC §2: the newest delivered file of a
   * reference table replaces it, so a row removed from the file is gone; the replaced version
   * stays in the Delta history): the accepted rows of that file, one per key (a later line wins).
   */
  public static void replaceSnapshot(Dataset<Row> accepted, SourceSpec spec, String path) {
    DeltaIO.overwrite(latestPerKey(accepted, spec), path, spec.silver());
  }

  /** SQL for "s is newer than t" under the lexicographic order {@code cols} (nulls oldest). */
  static String newer(List<String> cols) {
    String c = "`" + cols.get(0) + "`";
    String greater = "(s." + c + " > t." + c + " OR (s." + c + " IS NOT NULL AND t." + c + " IS NULL))";
    if (cols.size() == 1) return greater;
    String equal = "(s." + c + " <=> t." + c + ")";
    return "(" + greater + " OR (" + equal + " AND " + newer(cols.subList(1, cols.size())) + "))";
  }
}
