package com.dispatch.quality.cli;

import com.dispatch.quality.ingest.IngestJob;
import com.dispatch.quality.ingest.IngestResult;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.spark.SparkActivity;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code quality ingest}: landing zone -> bronze, silver, quarantine (SPEC §2, §3, §6). */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Ingests every source of the landing zone into the lake's bronze, silver and quarantine "
        + "Delta tables and prints the per-file reconciliation. Files whose bytes were ingested before are skipped.")
public final class IngestCommand implements Callable<Integer> {
  @Mixin LandingOption landing;

  @Mixin LakeOption lake;

  @Mixin
  SparkOptions sparkOptions;

  @Override
  public Integer call() {
    ingestAndReconcile(sparkOptions.session("quality-ingest"), lake.lake(), landing.uri);
    return 0;
  }

  /** Ingests, prints the reconciliation and fails loudly if any file does not reconcile (shared with run). */
  static IngestResult ingestAndReconcile(SparkSession spark, Lake lake, String landing) {
    SparkActivity.Snapshot start = SparkActivity.now();
    IngestResult result = new IngestJob(spark, lake, System.out::println).run(landing);
    System.out.println();
    System.out.print(result.table());
    System.out.println("ingest: " + SparkActivity.Snapshot.since(start));
    if (!result.reconciled()) {
      throw new IllegalStateException("ingest run " + result.runId() + " does not reconcile: "
          + String.join("; ", result.failures()));
    }
    return result;
  }
}
