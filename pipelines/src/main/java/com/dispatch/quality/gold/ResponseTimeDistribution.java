package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.domain.ResponseStatus;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * gold/response_time_distribution (SPEC §4.2, §6): one row per (metric, client_id, month) where
 * the client has at least one subject, plus a company-wide row per (metric, month) with client_id
 * {@code *}. Input: response_time_events (the output of {@link ResponseTimeEvents}); columns of
 * {@code Gold.RESPONSE_TIME_DISTRIBUTION} without run_id/as_of.
 *
 * <p>Statistics are over CLOSED subjects only (OPEN ones are counted in n_open). Percentiles are
 * exact with linear interpolation between closest ranks (Spark SQL {@code percentile}, never the
 * approximate one): a client's p90 of a handful of cases must be reproducible by hand.
 */
public final class ResponseTimeDistribution {
  private ResponseTimeDistribution() {}

  /** Bucket lower bounds in hours; each bucket is [bound, next bound), the last is open-ended. */
  static final double[] BUCKET_BOUNDS = {0, 4, 8, 12, 24, 48, 72, 168};
  static final String[] BUCKET_COLUMNS = {
    "bucket_0_4h", "bucket_4_8h", "bucket_8_12h", "bucket_12_24h",
    "bucket_24_48h", "bucket_48_72h", "bucket_72_168h", "bucket_168h_plus"};

  /** Hours to 12 decimals (a few nanoseconds) for exact sums. */
  private static final String EXACT_HOURS = "decimal(30,12)";

  public static Dataset<Row> compute(Dataset<Row> responseTimeEvents, MetricContext ctx) {
    Dataset<Row> events = responseTimeEvents.select(col("metric"), col("client_id"), col("month"),
        when(col("status").equalTo(ResponseStatus.CLOSED.name()), col("hours")).as("closed_hours"),
        col("status"));
    Dataset<Row> perClient = aggregate(events, col("client_id"));
    Dataset<Row> company = aggregate(events, lit(SlaPolicies.ALL_CLIENTS));
    return perClient.unionByName(company);
  }

  private static Dataset<Row> aggregate(Dataset<Row> events, Column clientKey) {
    Column hours = col("closed_hours");
    List<Column> aggs = new ArrayList<>();
    aggs.add(count(when(col("status").equalTo(ResponseStatus.OPEN.name()), lit(1))).as("n_open"));
    aggs.add(min(hours).as("min_hours"));
    aggs.add(expr("percentile(closed_hours, array(0.5, 0.9, 0.95))").as("pcts"));
    aggs.add(max(hours).as("max_hours"));
    // Summed as exact decimals: a double sum depends on the order rows are added in (partitions,
    // AQE, a cluster), and the same data would give means differing in their last digits.
    aggs.add(avg(hours.cast(EXACT_HOURS)).cast(DataTypes.DoubleType).as("mean_hours"));
    for (int i = 0; i < BUCKET_BOUNDS.length; i++) {
      Column inBucket = hours.geq(BUCKET_BOUNDS[i]);
      if (i + 1 < BUCKET_BOUNDS.length) inBucket = inBucket.and(hours.lt(BUCKET_BOUNDS[i + 1]));
      aggs.add(count(when(inBucket, lit(1))).as(BUCKET_COLUMNS[i]));
    }
    Dataset<Row> grouped = events
        .groupBy(col("metric"), clientKey.as("client_id"), col("month"))
        .agg(count(hours).as("n"), aggs.toArray(new Column[0]));
    List<Column> out = new ArrayList<>(List.of(col("metric"), col("client_id"), col("month"), col("n"), col("n_open"),
        col("min_hours"), col("pcts").getItem(0).as("p50_hours"), col("pcts").getItem(1).as("p90_hours"),
        col("pcts").getItem(2).as("p95_hours"), col("max_hours"), col("mean_hours")));
    for (String b : BUCKET_COLUMNS) out.add(col(b));
    return grouped.select(out.toArray(new Column[0]));
  }
}
