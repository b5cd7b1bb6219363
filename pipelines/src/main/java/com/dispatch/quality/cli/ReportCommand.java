package com.dispatch.quality.cli;

import com.dispatch.quality.io.FaultInjection;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.RunLog;
import com.dispatch.quality.report.ReportJob;
import com.dispatch.quality.reports.sign.PdfSigner;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quality report}: the monthly PDFs of every client and the overview (issue 4). */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Render the monthly PDF reports from the gold tables: <out>/<month>/<client_id>.pdf, _overview.pdf and manifest.csv.")
public final class ReportCommand implements Callable<Integer> {
  @Mixin LakeOption lake;

  @Option(names = "--month", required = true, description = "Month to report, yyyy-MM.")
  YearMonth month;

  @Option(names = "--out", required = true, description = "Output directory; PDFs go to <out>/<month>/.")
  Path out;

  @Option(names = "--clients", split = ",", paramLabel = "C1,C2",
      description = "Only these clients (the overview still covers all). Default: every client of the month.")
  List<String> clients = new ArrayList<>();

  @Option(names = "--limit", description = "Render at most N clients, in client-id order (benchmarks). Default: all.")
  int limit;

  @Option(names = "--threads", description = "Rendering threads. Default: ${DEFAULT-VALUE}.")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--progress-every", description = "A progress line every N PDFs. Default: ${DEFAULT-VALUE}.")
  int progressEvery = 50;

  @Option(names = "--company", description = "Issuing company printed on the reports. Default: ${DEFAULT-VALUE}.")
  String company = ReportJob.DEFAULT_COMPANY;

  @Mixin
  SparkOptions spark;

  @Mixin
  SignOptions sign;

  @Override
  public Integer call() {
    PdfSigner signer = sign.signer(); // before Spark starts: a wrong password fails in a second
    SparkSession session = spark.session("quality-report");
    renderAndRecord(session, new ReportJob.Settings(lake.root, month, out, clients, limit, threads, progressEvery, company, null),
        signer);
    return 0;
  }

  /** Renders one month's PDFs and records the run (shared with {@code quality run}). */
  static ReportJob.Result renderAndRecord(SparkSession session, ReportJob.Settings settings) {
    return renderAndRecord(session, settings, null);
  }

  /** As above; {@code signer} null renders unsigned PDFs. */
  static ReportJob.Result renderAndRecord(SparkSession session, ReportJob.Settings settings, PdfSigner signer) {
    String runId = RunLog.newRunId("report");
    Instant started = Instant.now();
    Lake lakeLoc = new Lake(settings.lake());
    String month = settings.month().toString();
    // A report killed while rendering stays visible in runs as a run without an end row (issue 11).
    RunLog.record(session, lakeLoc, new RunLog.RunRecord(runId, "report", month, null, started, null, RunLog.STARTED,
        null, List.of()));
    try {
      ReportJob.Result r = ReportJob.run(session, settings, runId, System.out::println, signer);
      FaultInjection.reached("report:rendered");
      String message = String.format(java.util.Locale.ROOT, "%d %s PDFs (gold run %s) in %s; read %.1f s, render %.1f s (%.1f PDFs/s)",
          r.pdfs(), signer == null ? "unsigned" : "signed", r.dataRunId(), settings.out().resolve(month), r.loadSeconds(),
          r.renderSeconds(), r.pdfs() / Math.max(r.renderSeconds(), 1e-9));
      RunLog.record(session, lakeLoc, new RunLog.RunRecord(runId, "report", month, r.dataAsOf(), started,
          Instant.now(), RunLog.SUCCEEDED, message, List.of()));
      System.out.println("report " + runId + ": " + message);
      return r;
    } catch (RuntimeException e) {
      RunLog.record(session, lakeLoc, new RunLog.RunRecord(runId, "report", month, null, started,
          Instant.now(), RunLog.FAILED, String.valueOf(e.getMessage()), List.of()));
      throw e;
    }
  }
}
