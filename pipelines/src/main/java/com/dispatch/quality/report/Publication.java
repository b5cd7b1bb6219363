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
import java.util.Comparator;
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
    return requireAll(spark, lake, List.of(month)).get(month);
  }

  /**
   * {@link #require} for several months with one read of {@code runs} and one query over the gold
   * tables (a Delta scan costs a Spark job however small the table: a {@code run} of six months
   * checked each table six times). The first month that is not published throws.
   */
  public static Map<YearMonth, Published> requireAll(SparkSession spark, Lake lake, List<YearMonth> months) {
    List<String> ms = months.stream().map(YearMonth::toString).toList();
    Map<String, String> lastSucceeded = lastSucceeded(spark, lake, ms);
    Map<String, Map<String, TreeSet<String>>> runsByMonth = goldRunIds(spark, lake, ms);
    Map<YearMonth, Published> out = new TreeMap<>();
    for (YearMonth month : months) {
      out.put(month, published(lake, month, lastSucceeded.get(month.toString()), runsByMonth.get(month.toString())));
    }
    return out;
  }

  private static Published published(Lake lake, YearMonth month, String lastSucceeded,
      Map<String, TreeSet<String>> runsByTable) {
    String m = month.toString();
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
    return lastSucceeded(spark, lake, List.of(month)).get(month);
  }

  /** Per month, the run id of its latest SUCCEEDED metrics run (by end time, then run id); months without one absent. */
  static Map<String, String> lastSucceeded(SparkSession spark, Lake lake, List<String> months) {
    Map<String, String> out = new TreeMap<>();
    Optional<Dataset<Row>> runs = DeltaIO.readIfExists(spark, lake.runs());
    if (runs.isEmpty()) return out;
    List<Row> rows = runs.get()
        .filter(col("command").equalTo(MetricsJob.COMMAND).and(col("month").isin(months.toArray()))
            .and(col("status").equalTo(RunLog.SUCCEEDED)))
        .select("month", "run_id", "ended_at").collectAsList();
    Map<String, Row> best = new TreeMap<>();
    for (Row r : rows) {
      Row b = best.get(r.getString(0));
      if (b == null || laterEnd(r, b)) best.put(r.getString(0), r);
    }
    best.forEach((m, r) -> out.put(m, r.getString(1)));
    return out;
  }

  private static boolean laterEnd(Row a, Row b) {
    int c = Comparator.nullsFirst(Comparator.<java.sql.Timestamp>naturalOrder())
        .compare(a.getTimestamp(2), b.getTimestamp(2));
    return c != 0 ? c > 0 : a.getString(1).compareTo(b.getString(1)) > 0;
  }

  /** Per gold table (of {@link Gold#TABLES} that exist), the distinct run ids of the month's rows: one job. */
  static Map<String, TreeSet<String>> goldRunIds(SparkSession spark, Lake lake, String month) {
    return goldRunIds(spark, lake, List.of(month)).get(month);
  }

  /** Per month, then per gold table that exists, the distinct run ids of the month's rows: one query. */
  static Map<String, Map<String, TreeSet<String>>> goldRunIds(SparkSession spark, Lake lake, List<String> months) {
    Map<String, Map<String, TreeSet<String>>> out = new TreeMap<>();
    Dataset<Row> all = null;
    List<String> tables = new ArrayList<>();
    for (String table : Gold.TABLES.keySet()) {
      Optional<Dataset<Row>> gold = DeltaIO.readIfExists(spark, lake.gold(table));
      if (gold.isEmpty()) continue;
      tables.add(table);
      Dataset<Row> ids = gold.get().filter(col("month").isin(months.toArray()))
          .select(lit(table).as("table"), col("month"), col("run_id")).distinct();
      all = all == null ? ids : all.unionAll(ids);
    }
    for (String m : months) {
      Map<String, TreeSet<String>> byTable = new TreeMap<>();
      tables.forEach(t -> byTable.put(t, new TreeSet<>()));
      out.put(m, byTable);
    }
    if (all != null) {
      for (Row r : all.collectAsList()) out.get(r.getString(1)).get(r.getString(0)).add(String.valueOf(r.get(2)));
    }
    return out;
  }

  /**
   * After the gold rows were read: the month is still published by the same run (a metrics run of
   * the month that wrote meanwhile would have mixed what was read) and the rows read carry that
   * run id, which the footer shows.
   */
  public static void requireUnchanged(SparkSession spark, Lake lake, Published before, String shownRunId) {
    requireUnchanged(spark, lake, Map.of(before.month(), before), Map.of(before.month(), shownRunId == null ? "" : shownRunId));
  }

  /**
   * {@link #requireUnchanged} for several months at once; {@code shownRunIds} maps a month to the
   * run id its rows carry (an empty string or no entry when no row showed one).
   */
  public static void requireUnchanged(SparkSession spark, Lake lake, Map<YearMonth, Published> before,
      Map<YearMonth, String> shownRunIds) {
    Map<YearMonth, Published> after = requireAll(spark, lake, new ArrayList<>(before.keySet()));
    for (Published b : before.values()) {
      Published a = after.get(b.month());
      String shown = shownRunIds.getOrDefault(b.month(), "");
      if (!a.runId().equals(b.runId()) || (!shown.isEmpty() && !shown.equals(b.runId()))) {
        throw new NotPublishedException("month " + b.month() + " changed while the report read it: published by "
            + b.runId() + " before, " + a.runId() + " after, rows read from " + (shown.isEmpty() ? null : shown)
            + " (a metrics run of " + b.month() + " wrote meanwhile). Report again.");
      }
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
