package com.dispatch.quality.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.row_number;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.schema.Sources.SourceSpec;
import io.delta.tables.DeltaTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

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

  /** Merges {@code accepted} (silver columns) into the table at {@code path}. */
  public static void merge(Dataset<Row> accepted, SourceSpec spec, String path) {
    var spark = accepted.sparkSession();
    boolean fresh = !DeltaIO.exists(spark, path);
    if (spec.partitionBy() == null) DeltaIO.createIfAbsent(spark, path, spec.silver());
    else DeltaIO.createIfAbsent(spark, path, spec.silver(), spec.partitionBy());
    Dataset<Row> latest = DeltaIO.conform(latestPerKey(accepted, spec), spec.silver());
    if (fresh) {
      // Nothing to match against: a MERGE would only add a join and a second pass over the rows.
      latest.write().format("delta").mode("append").save(path);
      return;
    }
    String on = String.join(" AND ", spec.keys().stream().map(k -> "t.`" + k + "` = s.`" + k + "`").toList())
        + partitionPruning(latest, spec, path);
    DeltaTable.forPath(spark, path).as("t")
        .merge(latest.as("s"), on)
        .whenMatched(newer(recency(spec))).updateAll()
        .whenNotMatched().insertAll()
        .execute();
  }

  /**
   * For a partitioned table, the condition that confines the MERGE to the partitions the
   * delivered rows fall in (a monthly run then reads one month of silver settlement, not its
   * history): {@code " AND t.service_month IN (...)"}. It is only added when no delivered key
   * lives in another partition, which a scan of the key column of the other partitions proves;
   * a key that moved partition is merged against the whole table, so it still replaces its old
   * row. Empty for an unpartitioned table.
   */
  static String partitionPruning(Dataset<Row> latest, SourceSpec spec, String path) {
    String part = spec.partitionBy();
    if (part == null) return "";
    List<String> values = latest.select(col(part)).distinct().as(Encoders.STRING()).collectAsList();
    if (values.isEmpty() || values.contains(null)) return "";
    Column[] keys = spec.keys().stream().map(k -> col(k)).toArray(Column[]::new);
    Dataset<Row> elsewhere = latest.sparkSession().read().format("delta").load(path)
        .where(not(col(part).isin(values.toArray()))).select(keys);
    List<Column> joinOn = spec.keys().stream().map(k -> latest.col(k).equalTo(elsewhere.col(k))).toList();
    Column on = joinOn.stream().reduce(Column::and).orElseThrow();
    if (!latest.join(elsewhere, on, "left_semi").isEmpty()) return "";
    String list = String.join(", ", values.stream().map(v -> "'" + v.replace("'", "''") + "'").toList());
    return " AND t.`" + part + "` IN (" + list + ")";
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
