package com.dispatch.quality.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.domain.SlaStatus;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * gold/sla_compliance (SPEC §4.3, §6): one row per (rule, client_id, month) with at least one
 * evaluated subject, plus a company-wide row per (rule, month) with client_id {@code *}. Input:
 * sla_events (the output of {@link SlaEvents}, WAGE_ON_TIME included); columns of
 * {@code Gold.SLA_COMPLIANCE} without run_id/as_of. compliance_rate = met / (met + breached),
 * null when both are 0 (only PENDING subjects: nothing to judge yet).
 */
public final class SlaCompliance {
  private SlaCompliance() {}

  public static Dataset<Row> compute(Dataset<Row> slaEvents, MetricContext ctx) {
    Dataset<Row> events = slaEvents.select(col("rule"), col("client_id"), col("month"), col("status"));
    return aggregate(events, col("client_id")).unionByName(aggregate(events, lit(SlaPolicies.ALL_CLIENTS)));
  }

  private static Dataset<Row> aggregate(Dataset<Row> events, Column clientKey) {
    Column met = col("met");
    Column breached = col("breached");
    return events.groupBy(col("rule"), clientKey.as("client_id"), col("month"))
        .agg(count(lit(1)).as("evaluated"), countStatus(SlaStatus.MET).as("met"),
            countStatus(SlaStatus.BREACHED).as("breached"), countStatus(SlaStatus.PENDING).as("pending"))
        .withColumn("compliance_rate", when(met.plus(breached).gt(0), met.cast("double").divide(met.plus(breached))))
        .select(col("rule"), col("client_id"), col("month"), col("evaluated"), met, breached, col("pending"),
            col("compliance_rate"));
  }

  private static Column countStatus(SlaStatus status) {
    return count(when(col("status").equalTo(status.name()), lit(1)));
  }
}
