package com.dispatch.quality.cli;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.metrics.MetricsJob;
import com.dispatch.quality.report.ReportJob;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.spark.SparkActivity;
import com.dispatch.quality.reports.sign.PdfSigner;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code quality run}: the monthly job in one command — ingest the landing zone, compute the gold
 * metrics of each month, render the PDF reports. The steps are the same code as the
 * {@code ingest}, {@code metrics} and {@code report} commands, in one Spark session.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "The monthly job: ingest the landing zone, compute the gold metrics and render the reports.")
public final class RunCommand implements Callable<Integer> {
  @Mixin LandingOption landing;

  @Mixin LakeOption lake;

  @Option(names = "--out", defaultValue = "out", paramLabel = "DIR",
      description = "Where PDFs go (<out>/<month>/). Default: ${DEFAULT-VALUE}.")
  Path out;

  @Option(names = "--month", split = ",", paramLabel = "yyyy-MM", converter = MetricsCommand.MonthConverter.class,
      description = "Month(s) to compute and report. Default: every service month present in silver settlement.")
  List<YearMonth> months = new ArrayList<>();

  @Mixin AsOfOption asOf;

  @Option(names = "--no-reports", description = "Stop after the metrics.")
  boolean noReports;

  @Option(names = "--threads", description = "Report rendering threads. Default: ${DEFAULT-VALUE}.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Mixin SparkOptions sparkOptions;

  @Mixin SignOptions sign;

  @Override
  public Integer call() {
    long t0 = System.nanoTime();
    PdfSigner signer = noReports ? null : sign.signer(); // a wrong key fails before the ingest, not after it
    SparkSession spark = sparkOptions.session("quality-run");
    Lake lakeLoc = lake.lake();
    Instant cutOff = asOf.orNow();

    System.out.println("== 1/3 ingest " + landing.uri + " -> " + lakeLoc.root());
    IngestCommand.ingestAndReconcile(spark, lakeLoc, landing.uri); // prints its "ingest: <time, jobs, commits>" line

    List<YearMonth> todo = months.isEmpty() ? settlementMonths(spark, lakeLoc) : months;
    System.out.println("\n== 2/3 metrics for " + todo + " as of " + cutOff);
    MetricsJob.run(spark, lakeLoc, todo, cutOff, System.out); // prints its own per-client summaries

    if (!noReports) {
      System.out.println("\n== 3/3 reports -> " + out.toAbsolutePath());
      SparkActivity.Snapshot reportStart = SparkActivity.now();
      ReportCommand.renderAndRecord(spark, new ReportJob.Settings(lakeLoc.root(), todo.get(0), out, List.of(), 0, threads, 50, null,
          null), todo, signer);
      System.out.println("reports: " + SparkActivity.Snapshot.since(reportStart));
    }
    System.out.printf(java.util.Locale.ROOT, "%nrun finished in %.0f s: lake %s (bronze/, silver/, gold/, quarantine, runs)%s%n",
        (System.nanoTime() - t0) / 1e9, lakeLoc.root(), noReports ? "" : ", PDFs in " + out.toAbsolutePath() + "/<month>/");
    return 0;
  }

  /** Every service month that has settlement lines in silver, oldest first. */
  private static List<YearMonth> settlementMonths(SparkSession spark, Lake lake) {
    List<YearMonth> found = new ArrayList<>();
    for (Row r : DeltaIO.readOrEmpty(spark, lake.silver("settlement"), Silver.SETTLEMENT)
        .select("service_month").distinct().orderBy("service_month").collectAsList()) {
      found.add(YearMonth.parse(r.getString(0)));
    }
    return found;
  }
}
