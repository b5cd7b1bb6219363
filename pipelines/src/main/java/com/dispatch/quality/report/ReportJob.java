package com.dispatch.quality.report;


import com.dispatch.quality.io.Lake;
import com.dispatch.quality.report.Publication.Published;
import com.dispatch.quality.reports.ManifestEntry;
import com.dispatch.quality.reports.ReportRenderer;
import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.model.ReportHeader;
import com.dispatch.quality.reports.sign.PdfSigner;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.spark.SmallInput;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.sql.SparkSession;

/**
 * The monthly PDF reports (issue 4): checks that each month is published (all its gold rows from
 * its last SUCCEEDED metrics run, {@link Publication}), reads the months' gold rows once
 * ({@link GoldRows}), maps them to each month's {@link ReportModel}, and renders that with
 * {@link ReportRenderer} into {@code <out>/<month>/<client_id>.pdf}, {@code _overview.pdf} and
 * {@code manifest.csv}, signing each PDF when a signer is given.
 *
 * <p>Clients rendered: the model's clients, restricted to {@code clients} when given and to
 * {@code limit}. The overview always covers every client.
 */
public final class ReportJob {
  public static final String DEFAULT_COMPANY = "华信人力资源服务有限公司";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private ReportJob() {}

  /**
   * The compiled templates, once per JVM (compile once, fill many): a {@code run} over six months
   * compiled every template six times. The renderer holds only compiled, immutable reports.
   */
  private static final class Templates {
    static final ReportRenderer RENDERER = new ReportRenderer();
  }

  /**
   * @param clients client ids to render; empty = all
   * @param limit render at most this many clients, in client-id order (benchmarks); 0 = no limit
   * @param threads rendering threads (fills and exports run in parallel)
   * @param progressEvery a progress line every this many PDFs
   * @param companyName the issuing company printed on every report
   * @param issueDate the report date printed on the cover
   */
  public record Settings(String lake, YearMonth month, Path out, List<String> clients, int limit, int threads,
      int progressEvery, String companyName, LocalDate issueDate) {
    public Settings {
      if (clients == null) clients = List.of();
      if (threads < 1) throw new IllegalArgumentException("threads must be >= 1");
      if (companyName == null || companyName.isBlank()) companyName = DEFAULT_COMPANY;
      if (issueDate == null) issueDate = LocalDate.now(ZONE);
    }
  }

  /** What a run produced: the manifest lines, the gold run it showed, and timings. */
  public record Result(YearMonth month, List<ManifestEntry> entries, String dataRunId, Instant dataAsOf,
      double loadSeconds, double renderSeconds) {
    public int pdfs() { return entries.size(); }
  }

  public static Result run(SparkSession spark, Settings s, String runId, Consumer<String> progress) {
    return run(spark, s, runId, progress, null);
  }

  /**
   * As above; with a {@code signer} every PDF is signed as it is rendered (issue 13), without one
   * the PDFs are unsigned and the progress says so.
   */
  public static Result run(SparkSession spark, Settings s, String runId, Consumer<String> progress, PdfSigner signer) {
    return runMonths(spark, s, List.of(s.month()), Map.of(s.month(), runId), progress, signer, null).get(s.month());
  }

  /**
   * The reports of several months (a {@code run}): the gold of all months is read and checked once
   * (each Delta scan costs a Spark job, whatever the table's size), then each month is rendered
   * into {@code <out>/<month>/} with its own run id. {@code s.month()} is ignored.
   * {@code afterMonth}, when given, is told each month's result as soon as it is rendered.
   */
  public static Map<YearMonth, Result> runMonths(SparkSession spark, Settings s, List<YearMonth> months,
      Map<YearMonth, String> runIds, Consumer<String> progress, PdfSigner signer, Consumer<Result> afterMonth) {
    long t0 = System.nanoTime();
    Lake lake = new Lake(s.lake());
    Map<YearMonth, ReportModel> models = new TreeMap<>();
    try (SmallInput settings = SmallInput.forFiles(spark, Gold.TABLES.keySet().stream().map(lake::gold).toList())) {
      if (progress != null) progress.accept("report: gold " + settings.describe());
      // Only months whose gold rows all come from their last SUCCEEDED metrics run (issue 11).
      Map<YearMonth, Published> published = Publication.requireAll(spark, lake, months);
      GoldRows gold = GoldRows.read(spark, lake, months);
      Map<YearMonth, String> shown = new TreeMap<>();
      for (YearMonth month : months) {
        ReportModel model = ReportModel.of(month, s.companyName(), s.issueDate(), gold);
        models.put(month, model);
        String id = model.overview().header().runId();
        if (id != null) shown.put(month, id);
      }
      Publication.requireUnchanged(spark, lake, published, shown);
    }
    double loadSeconds = (System.nanoTime() - t0) / 1e9 / months.size();
    if (progress != null) {
      progress.accept(String.format(java.util.Locale.ROOT, "report: read gold for %s in %.1f s", months,
          (System.nanoTime() - t0) / 1e9));
      progress.accept(signingLine(signer));
    }
    Map<YearMonth, Result> results = new TreeMap<>();
    for (YearMonth month : months) {
      ReportModel model = models.get(month);
      List<ClientReportData> selected = select(model.clients(), s, month);
      boolean partial = !s.clients().isEmpty() || s.limit() > 0;
      if (progress != null) {
        progress.accept(String.format(java.util.Locale.ROOT, "report: %s: rendering %d client PDFs + overview on %d threads",
            month, selected.size(), s.threads()));
      }
      long t1 = System.nanoTime();
      List<ManifestEntry> entries = Templates.RENDERER.renderMonth(s.out(), selected, model.overview(), runIds.get(month),
          s.threads(), s.progressEvery(), progress, partial, signer);
      ReportHeader h = model.overview().header();
      Result r = new Result(month, entries, h.runId(), h.asOf(), loadSeconds, (System.nanoTime() - t1) / 1e9);
      results.put(month, r);
      if (afterMonth != null) afterMonth.accept(r);
    }
    return results;
  }

  /** The month's clients restricted to {@code --clients} (unknown ids refused) and {@code --limit}. */
  private static List<ClientReportData> select(List<ClientReportData> all, Settings s, YearMonth month) {
    List<ClientReportData> selected = all;
    if (!s.clients().isEmpty()) {
      Set<String> wanted = new TreeSet<>(s.clients());
      selected = selected.stream().filter(c -> wanted.contains(c.clientId())).toList();
      Set<String> unknown = new TreeSet<>(wanted);
      selected.forEach(c -> unknown.remove(c.clientId()));
      if (!unknown.isEmpty()) throw new IllegalArgumentException("no such client in " + month + ": " + unknown);
    }
    if (s.limit() > 0 && selected.size() > s.limit()) selected = selected.subList(0, s.limit());
    return selected;
  }

  /** What a run says about its signatures: by whom, which certificate, or that there are none. */
  public static String signingLine(PdfSigner signer) {
    if (signer == null) return "report: PDFs are NOT signed (no --sign-keystore given)";
    return "report: signing every PDF as \"" + signer.key().signerName() + "\" (certificate SHA-256 "
        + signer.key().certSha256() + ")" + (signer.timestamps() ? ", with an RFC 3161 time-stamp" : "");
  }

  /** Reads the gold tables of {@code month} and builds the report model of every client. */
  public static ReportModel load(SparkSession spark, Lake lake, YearMonth month, String companyName,
      LocalDate issueDate) {
    return ReportModel.of(month, companyName, issueDate, GoldRows.read(spark, lake, List.of(month)));
  }
}
