package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.config.ResponseLimits;
import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.domain.ResponseMetric;
import com.dispatch.quality.domain.ResponseStatus;
import com.dispatch.quality.domain.SlaRule;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold/response_within_limit (issue 13 item 4): the share of closed subjects whose response time
 * is within the metric's limit ({@link ResponseLimits}), one row per (metric, client_id, month)
 * where the client has at least one subject, plus a company row per (metric, month) with
 * client_id {@code *}. Each subject is measured against its own client's effective limit (the
 * company row too); the company row's limit_hours is the limit of clients without a policy of
 * their own. Input: response_time_events; columns of {@code Gold.RESPONSE_WITHIN_LIMIT} without
 * run_id/as_of.
 */
public final class ResponseWithinLimit {
  private ResponseWithinLimit() {}

  public static Dataset<Row> compute(Dataset<Row> responseTimeEvents, MetricContext ctx) {
    SlaPolicies policies = ctx.slaPolicies();
    Column closed = col("status").equalTo(ResponseStatus.CLOSED.name());
    Dataset<Row> events = responseTimeEvents.select(col("metric"), col("client_id"), col("month"),
        closed.as("is_closed"), closed.and(col("hours").leq(limit(col("client_id"), policies))).as("is_within"));
    Dataset<Row> perClient = events.groupBy("metric", "client_id", "month")
        .agg(count(when(col("is_closed"), lit(1))).as("n"), count(when(col("is_within"), lit(1))).as("n_within_limit"))
        .withColumn("limit_hours", limit(col("client_id"), policies));
    Dataset<Row> company = events.groupBy("metric", "month")
        .agg(count(when(col("is_closed"), lit(1))).as("n"), count(when(col("is_within"), lit(1))).as("n_within_limit"))
        .withColumn("client_id", lit(SlaPolicies.ALL_CLIENTS))
        .withColumn("limit_hours", limit(lit(SlaPolicies.ALL_CLIENTS), policies));
    return perClient.unionByName(company).select(col("metric"), col("client_id"), col("month"), col("limit_hours"),
        col("n"), col("n_within_limit"),
        when(col("n").gt(0), col("n_within_limit").divide(col("n"))).as("within_limit_rate"));
  }

  /** The limit in hours of the row's metric for {@code client}: one CASE over metrics and client overrides. */
  private static Column limit(Column client, SlaPolicies policies) {
    Column limit = null;
    for (ResponseMetric metric : ResponseMetric.values()) {
      Column forClient = lit(ResponseLimits.hours(metric, SlaPolicies.ALL_CLIENTS, policies));
      Optional<SlaRule> rule = ResponseLimits.rule(metric);
      if (rule.isPresent()) {
        for (Map.Entry<String, java.math.BigDecimal> own : policies.clientLimits(rule.get()).entrySet()) {
          forClient = when(client.equalTo(own.getKey()), lit(own.getValue().doubleValue())).otherwise(forClient);
        }
      }
      Column isMetric = col("metric").equalTo(metric.name());
      limit = limit == null ? when(isMetric, forClient) : limit.when(isMetric, forClient);
    }
    return limit;
  }
}
