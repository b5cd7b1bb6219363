package com.dispatch.quality.gold;

import com.dispatch.quality.schema.Silver;
import java.util.List;
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
    Dataset<Row> insuranceRates,
    Dataset<Row> surveys) {

  /** Inputs without satisfaction follow-ups (an empty silver/surveys, SPEC §2: the folder is optional). */
  public SilverInputs(Dataset<Row> clients, Dataset<Row> roster, Dataset<Row> settlement, Dataset<Row> cases,
      Dataset<Row> caseEvents, Dataset<Row> activities, Dataset<Row> serviceCommitments, Dataset<Row> insuranceRates) {
    this(clients, roster, settlement, cases, caseEvents, activities, serviceCommitments, insuranceRates,
        clients.sparkSession().createDataFrame(List.<Row>of(), Silver.SURVEYS));
  }
}
