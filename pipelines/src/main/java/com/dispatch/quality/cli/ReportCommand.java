package com.dispatch.quality.cli;

import com.dispatch.quality.io.FaultInjection;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.RunLog;
import com.dispatch.quality.report.ReportJob;
import com.dispatch.quality.reports.sign.PdfSigner;
import com.dispatch.quality.spark.SparkActivity;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

  @Option(names = "--month", required = true, split = ",", paramLabel = "yyyy-MM[,yyyy-MM...]",
      description = "Month(s) to report; several months are read in one pass.")
  List<YearMonth> months;

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
    SparkActivity.Snapshot start = SparkActivity.now();
    renderAndRecord(session, new ReportJob.Settings(lake.root, months.get(0), out, clients, limit, threads, progressEvery,
        company, null), months, signer);
    System.out.println("report: " + SparkActivity.Snapshot.since(start));
    return 0;
  }

  /** Renders one month's PDFs and records the run. */
  static ReportJob.Result renderAndRecord(SparkSession session, ReportJob.Settings settings) {
    return renderAndRecord(session, settings, List.of(settings.month()), null).get(settings.month());
  }

  /**
   * Renders the PDFs of {@code months} (gold read once for all) and records one report run per
   * month in {@code runs}: the STARTED rows in one commit before anything is read, the end rows
   * in one commit after the last month (shared with {@code quality run}). A month whose rendering
   * failed, and the months after it, end FAILED; {@code signer} null renders unsigned PDFs.
   */
  static Map<YearMonth, ReportJob.Result> renderAndRecord(SparkSession session, ReportJob.Settings settings,
      List<YearMonth> months, PdfSigner signer) {
    Map<YearMonth, String> runIds = new TreeMap<>();
    for (YearMonth m : months) runIds.put(m, RunLog.newRunId("report"));
    Instant started = Instant.now();
    Lake lakeLoc = new Lake(settings.lake());
    // A report killed while rendering stays visible in runs as a run without an end row (issue 11).
    RunLog.started(session, lakeLoc, COMMAND, runIds, null, started);
    Map<YearMonth, RunLog.RunRecord> ends = new TreeMap<>();
    try {
      Map<YearMonth, ReportJob.Result> results = ReportJob.runMonths(session, settings, months, runIds,
          System.out::println, signer, r -> {
            FaultInjection.reached("report:rendered");
            String message = String.format(java.util.Locale.ROOT,
                "%d %s PDFs (gold run %s) in %s; read %.1f s, render %.1f s (%.1f PDFs/s)", r.pdfs(),
                signer == null ? "unsigned" : "signed", r.dataRunId(), settings.out().resolve(r.month().toString()),
                r.loadSeconds(), r.renderSeconds(), r.pdfs() / Math.max(r.renderSeconds(), 1e-9));
            ends.put(r.month(), new RunLog.RunRecord(runIds.get(r.month()), COMMAND, r.month().toString(), r.dataAsOf(),
                started, Instant.now(), RunLog.SUCCEEDED, message, List.of()));
            System.out.println("report " + runIds.get(r.month()) + ": " + message);
          });
      RunLog.record(session, lakeLoc, new ArrayList<>(ends.values()));
      return results;
    } catch (RuntimeException e) {
      for (YearMonth m : months) {
        ends.putIfAbsent(m, new RunLog.RunRecord(runIds.get(m), COMMAND, m.toString(), null, started, Instant.now(),
            RunLog.FAILED, String.valueOf(e.getMessage()), List.of()));
      }
      RunLog.record(session, lakeLoc, new ArrayList<>(ends.values()));
      throw e;
    }
  }

  static final String COMMAND = "report";
}
