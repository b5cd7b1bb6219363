package com.dispatch.quality.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.RunLog;
import com.dispatch.quality.metrics.MetricsJob;
import com.dispatch.quality.schema.Gold;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Month publication (issue 11, item 2): a month may be reported only when every gold table's rows
 * of that month carry the run id of the month's last SUCCEEDED metrics run. A metrics run killed
 * after some of its gold commits leaves a month that mixes two runs (or one with no end row);
 * reports and BI must not show it. The same rule as SQL for BI readers is in {@code docs/bi.md}.
 */
public final class Publication {
  private Publication() {}

  /** A publishable month and the metrics run all its gold rows come from. */
  public record Published(YearMonth month, String runId) {}

  /** Thrown when a month is not publishable; the message names the month, tables, run ids and the fix. */
  public static final class NotPublishedException extends IllegalStateException {
    NotPublishedException(String message) { super(message); }
  }

  /**
   * The month's publication, or {@link NotPublishedException} when no metrics run of the month
   * succeeded or a gold table holds rows of another run (or is absent). A table without rows of
   * the month, or an absent table, agrees (e.g. no recruitment cases in M).
   */
  public static Published require(SparkSession spark, Lake lake, YearMonth month) {
    String m = month.toString();
    String lastSucceeded = lastSucceeded(spark, lake, m);
    Map<String, TreeSet<String>> runsByTable = goldRunIds(spark, lake, m);
    if (lastSucceeded == null) {
      throw new NotPublishedException("month " + m + " is not published: no metrics run of " + m
          + " has SUCCEEDED in " + lake.runs() + " (gold run ids found: " + runsByTable + "). Run `quality metrics --month "
          + m + "` (or `quality run --month " + m + "`) and report again.");
    }
    List<String> disagree = new ArrayList<>();
    for (String table : Gold.TABLES.keySet()) {
      TreeSet<String> ids = runsByTable.get(table);
      // An absent table holds no rows of another run (e.g. a table added after the month was
      // computed, or a lake whose months never had such rows): it agrees, like an empty one.
      if (ids == null) continue;
      if (!ids.isEmpty() && !(ids.size() == 1 && ids.contains(lastSucceeded))) disagree.add(table + " " + ids);
    }
    if (!disagree.isEmpty()) {
      throw new NotPublishedException("month " + m + " is not published: its last SUCCEEDED metrics run is "
          + lastSucceeded + ", but these gold tables hold rows of " + m + " from other runs: "
          + String.join(", ", disagree) + " (a later metrics run died or is still writing). Rerun `quality metrics --month "
          + m + "` and report again.");
    }
    return new Published(month, lastSucceeded);
  }

  /** The run id of the month's latest SUCCEEDED metrics run (by end time), or null. */
  static String lastSucceeded(SparkSession spark, Lake lake, String month) {
    Optional<Dataset<Row>> runs = DeltaIO.readIfExists(spark, lake.runs());
    if (runs.isEmpty()) return null;
    List<Row> last = runs.get()
        .filter(col("command").equalTo(MetricsJob.COMMAND).and(col("month").equalTo(month))
            .and(col("status").equalTo(RunLog.SUCCEEDED)))
        .orderBy(col("ended_at").desc(), col("run_id").desc()).select("run_id").limit(1).collectAsList();
    return last.isEmpty() ? null : last.get(0).getString(0);
  }

  /** Per gold table (of {@link Gold#TABLES} that exist), the distinct run ids of the month's rows: one job. */
  static Map<String, TreeSet<String>> goldRunIds(SparkSession spark, Lake lake, String month) {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    Dataset<Row> all = null;
    for (String table : Gold.TABLES.keySet()) {
      Optional<Dataset<Row>> gold = DeltaIO.readIfExists(spark, lake.gold(table));
      if (gold.isEmpty()) continue;
      out.put(table, new TreeSet<>());
      Dataset<Row> ids = gold.get().filter(col("month").equalTo(month))
          .select(lit(table).as("table"), col("run_id")).distinct();
      all = all == null ? ids : all.unionAll(ids);
    }
    if (all != null) {
      for (Row r : all.collectAsList()) out.get(r.getString(0)).add(String.valueOf(r.get(1)));
    }
    return out;
  }

  /**
   * After the gold rows were read: the month is still published by the same run (a metrics run of
   * the month that wrote meanwhile would have mixed what was read) and the rows read carry that
   * run id, which the footer shows.
   */
  public static void requireUnchanged(SparkSession spark, Lake lake, Published before, String shownRunId) {
    Published after = require(spark, lake, before.month());
    if (!after.runId().equals(before.runId()) || (shownRunId != null && !shownRunId.equals(before.runId()))) {
      throw new NotPublishedException("month " + before.month() + " changed while the report read it: published by "
          + before.runId() + " before, " + after.runId() + " after, rows read from " + shownRunId
          + " (a metrics run of " + before.month() + " wrote meanwhile). Report again.");
    }
  }

  /** Hook for callers that only want a yes/no (BI checks, tests). */
  public static boolean isPublished(SparkSession spark, Lake lake, YearMonth month) {
    try {
      require(spark, lake, month);
      return true;
    } catch (NotPublishedException e) {
      return false;
    }
  }
}
