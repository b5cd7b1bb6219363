package com.dispatch.quality.gold;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The silver datasets a metrics run reads (schemas in {@link com.dispatch.quality.schema.Silver}).
 * Built at the edge by the metrics job (already pruned to the months the rules reach); gold
 * transforms only ever see these values, never paths.
 */
public record SilverInputs(
    Dataset<Row> clients,
    Dataset<Row> roster,
    Dataset<Row> settlement,
    Dataset<Row> cases,
    Dataset<Row> caseEvents,
    Dataset<Row> activities,
    Dataset<Row> serviceCommitments,
    Dataset<Row> insuranceRates) {}
