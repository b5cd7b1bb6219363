package com.dispatch.quality.reports;

import com.dispatch.quality.csv.CsvReader;
import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.model.OverviewData;
import com.dispatch.quality.reports.model.ReportHeader;
import com.dispatch.quality.reports.sign.PdfSigner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRParameter;
import net.sf.jasperreports.engine.JRTemplate;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.JRPrintElement;
import net.sf.jasperreports.engine.JRPrintFrame;
import net.sf.jasperreports.engine.JRPrintPage;
import net.sf.jasperreports.engine.xml.JRXmlTemplateLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;

/**
 * Renders the monthly PDFs (issue 4) from the plain-Java model: compiles every template once
 * in the constructor, then fills many times. Compiled reports and the style template are
 * immutable and shared; each fill and export has its own state, so one renderer serves many
 * threads at once.
 *
 * <p>Templates live under {@code reports/<report>/} on the classpath: {@code client_monthly/}
 * (one client's report), {@code overview/} (the quality managers' overview) and
 * {@code common/} (subreports both use, and {@code styles.jrtx}).
 */
public final class ReportRenderer {
  private static final String ROOT = "reports/";

  /** Subreports: the parameter that carries the compiled report, and its template. */
  private static final Map<String, String> SUBREPORTS = new LinkedHashMap<>();

  static {
    SUBREPORTS.put("KeyValueReport", "common/key_value.jrxml");
    SUBREPORTS.put("ResponseTableReport", "common/response_table.jrxml");
    SUBREPORTS.put("ResponseChartsReport", "common/response_charts.jrxml");
    SUBREPORTS.put("SlaRulesReport", "common/sla_rules.jrxml");
    SUBREPORTS.put("SlaBreachesReport", "common/sla_breaches.jrxml");
    SUBREPORTS.put("ScorecardReport", "client_monthly/scorecard.jrxml");
    SUBREPORTS.put("SettlementErrorsReport", "client_monthly/settlement_errors.jrxml");
    SUBREPORTS.put("FrequencyReport", "client_monthly/frequency.jrxml");
    SUBREPORTS.put("DefinitionsReport", "client_monthly/definitions.jrxml");
    SUBREPORTS.put("RankingReport", "overview/ranking.jrxml");
    SUBREPORTS.put("WorstBreachesReport", "overview/worst_breaches.jrxml");
    SUBREPORTS.put("DissatisfiedReport", "client_monthly/dissatisfied.jrxml");
  }

  private final JRTemplate styles;
  private final JasperReport clientReport;
  private final JasperReport overviewReport;
  private final Map<String, JasperReport> subreports = new HashMap<>();

  public ReportRenderer() {
    try (InputStream in = resource("common/styles.jrtx")) {
      styles = JRXmlTemplateLoader.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SUBREPORTS.forEach((param, path) -> subreports.put(param, compile(path)));
    clientReport = compile("client_monthly/client_monthly.jrxml");
    overviewReport = compile("overview/overview.jrxml");
  }

  /** Renders one client's monthly report, in the client's report language. */
  public RenderedReport renderClient(ClientReportData data) {
    Labels labels = data.labels();
    Map<String, Object> params = common(data.header(), data.reportNo(), labels);
    params.put("ClientId", data.clientId());
    params.put("ClientName", data.displayName());
    params.put("Definitions", labels.definitions());
    return export(fill(clientReport, params, List.of(data), labels),
        labels.get("report.title") + " " + data.reportNo() + " " + data.displayName(), data.header());
  }

  /** Renders the company overview of a month (internal: always Chinese). */
  public RenderedReport renderOverview(OverviewData data) {
    Map<String, Object> params = common(data.header(), data.reportNo(), Labels.ZH_CN);
    return export(fill(overviewReport, params, List.of(data), Labels.ZH_CN),
        Labels.ZH_CN.get("report.title") + " " + data.reportNo(), data.header());
  }

  /**
   * Renders every client's report and the overview of one month into {@code <out>/<month>/},
   * {@code threads} at a time, and writes {@code manifest.csv} (clients in the order given,
   * then the overview). {@code progress} receives a line every {@code progressEvery} reports.
   * With {@code mergeManifest} (a rerun of some clients only), lines of files not rendered now
   * stay in the manifest.
   */
  public List<ManifestEntry> renderMonth(Path out, List<ClientReportData> clients, OverviewData overview,
      String runId, int threads, int progressEvery, Consumer<String> progress, boolean mergeManifest) {
    return renderMonth(out, clients, overview, runId, threads, progressEvery, progress, mergeManifest, null);
  }

  /**
   * As above, and with a {@code signer} every PDF is signed in the same task that renders it,
   * before it is written (visible at the template's seal position, invisible on a report without
   * one); the manifest names the signer and the certificate's fingerprint. A null signer writes
   * unsigned PDFs with both manifest columns empty.
   */
  public List<ManifestEntry> renderMonth(Path out, List<ClientReportData> clients, OverviewData overview,
      String runId, int threads, int progressEvery, Consumer<String> progress, boolean mergeManifest,
      PdfSigner signer) {
    String month = overview.header().month();
    Path dir = out.resolve(month);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long t0 = System.nanoTime();
    AtomicInteger done = new AtomicInteger();
    int total = clients.size() + 1;
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
      Thread t = new Thread(r, "report-render");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<ManifestEntry>> futures = new ArrayList<>();
      for (ClientReportData c : clients) {
        futures.add(pool.submit(() -> {
          ManifestEntry e = write(dir, c.clientId() + ".pdf", c.clientId(), sign(renderClient(c), signer), runId,
              c.header().runId(), signer);
          tick(done, total, progressEvery, progress, t0);
          return e;
        }));
      }
      futures.add(pool.submit(() -> {
        ManifestEntry e = write(dir, "_overview.pdf", "*", sign(renderOverview(overview), signer), runId,
            overview.header().runId(), signer);
        tick(done, total, progressEvery, progress, t0);
        return e;
      }));
      List<ManifestEntry> entries = new ArrayList<>();
      for (Future<ManifestEntry> f : futures) entries.add(f.get());
      writeManifest(dir.resolve("manifest.csv"), entries, mergeManifest);
      return entries;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("rendering interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) throw re;
      throw new IllegalStateException("rendering failed: " + cause.getMessage(), cause);
    } finally {
      pool.shutdownNow();
    }
  }

  public static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void tick(AtomicInteger done, int total, int every, Consumer<String> progress, long t0) {
    int n = done.incrementAndGet();
    if (progress != null && every > 0 && (n % every == 0 || n == total)) {
      double s = (System.nanoTime() - t0) / 1e9;
      progress.accept(String.format(java.util.Locale.ROOT, "report: %d/%d PDFs in %.1f s (%.1f/s)", n, total, s, n / Math.max(s, 1e-9)));
    }
  }

  /** The report signed by {@code signer} now (unchanged without a signer). */
  public static RenderedReport sign(RenderedReport r, PdfSigner signer) {
    if (signer == null) return r;
    byte[] signed = signer.sign(r.pdf(), r.seal(), Instant.now());
    return new RenderedReport(signed, r.pages(), sha256(signed), r.seal());
  }

  private static ManifestEntry write(Path dir, String file, String clientId, RenderedReport r, String runId,
      String dataRunId, PdfSigner signer) throws IOException {
    Path target = dir.resolve(file);
    Path tmp = dir.resolve("." + file + ".tmp");
    Files.write(tmp, r.pdf());
    Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    return new ManifestEntry(clientId, file, r.pages(), r.sha256(), runId, dataRunId,
        signer == null ? null : signer.key().signerName(), signer == null ? null : signer.key().certSha256());
  }

  private static void writeManifest(Path path, List<ManifestEntry> entries, boolean merge) throws IOException {
    Map<String, String> lines = new LinkedHashMap<>();
    if (merge && Files.exists(path)) {
      // The file's own lines, keyed by their (unquoted) file name; a quoted field may hold a comma.
      try (CsvReader csv = new CsvReader(Files.newBufferedReader(path, StandardCharsets.UTF_8))) {
        CsvReader.Record header = csv.next();
        int file = header == null ? -1 : header.fields().indexOf("file");
        for (CsvReader.Record r = file < 0 ? null : csv.next(); r != null; r = csv.next()) {
          if (r.fields().size() > file) lines.put(r.fields().get(file), r.raw());
        }
      }
    }
    for (ManifestEntry e : entries) lines.put(e.file(), e.csvLine());
    StringBuilder b = new StringBuilder(ManifestEntry.HEADER).append('\n');
    for (String line : lines.values()) b.append(line).append('\n');
    Files.writeString(path, b.toString(), StandardCharsets.UTF_8);
  }

  private Map<String, Object> common(ReportHeader h, String reportNo, Labels labels) {
    Map<String, Object> p = new HashMap<>(subreports);
    p.put("Styles", styles);
    p.put("Labels", labels);
    p.put(JRParameter.REPORT_RESOURCE_BUNDLE, labels.bundle());
    p.put(JRParameter.REPORT_LOCALE, labels.language().locale());
    p.put("ReportNo", reportNo);
    p.put("CompanyName", h.companyName());
    p.put("PeriodText", h.periodText(labels));
    p.put("PeriodRangeText", h.periodRangeText(labels));
    p.put("RunId", h.runId() == null ? Fmt.NONE : h.runId());
    p.put("AsOfText", h.asOfText(labels));
    p.put("IssueDateText", h.issueDateText(labels));
    return p;
  }

  private static JasperPrint fill(JasperReport report, Map<String, Object> params, List<?> rows, Labels labels) {
    try {
      return JasperFillManager.getInstance(net.sf.jasperreports.engine.DefaultJasperReportsContext.getInstance())
          .fill(report, params, new RecordDataSource(rows, labels));
    } catch (JRException e) {
      throw new IllegalStateException("filling " + report.getName() + ": " + e.getMessage(), e);
    }
  }

  private static RenderedReport export(JasperPrint print, String title, ReportHeader h) {
    ByteArrayOutputStream bos = new ByteArrayOutputStream(64 * 1024);
    JRPdfExporter exporter = new JRPdfExporter();
    exporter.setExporterInput(new SimpleExporterInput(print));
    exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(bos));
    SimplePdfExporterConfiguration cfg = new SimplePdfExporterConfiguration();
    cfg.setMetadataTitle(title);
    cfg.setMetadataAuthor(h.companyName());
    cfg.setMetadataSubject(h.month());
    cfg.setMetadataCreator("service-quality reports");
    exporter.setConfiguration(cfg);
    try {
      exporter.exportReport();
    } catch (JRException e) {
      throw new IllegalStateException("exporting " + title + ": " + e.getMessage(), e);
    }
    byte[] pdf = bos.toByteArray();
    return new RenderedReport(pdf, print.getPages().size(), sha256(pdf), seal(print));
  }

  /** Height of the visible signature: the seal placeholder's line and room for three lines of text. */
  private static final float SEAL_HEIGHT = 56f;

  /**
   * Where the template put its seal placeholder (the first element with key {@code seal}): its
   * width, {@link #SEAL_HEIGHT} high, centred on it vertically, in PDF coordinates.
   */
  static PdfSigner.Seal seal(JasperPrint print) {
    List<JRPrintPage> pages = print.getPages();
    for (int p = 0; p < pages.size(); p++) {
      int[] at = find(pages.get(p).getElements(), 0, 0);
      if (at == null) continue;
      float centre = print.getPageHeight() - (at[1] + at[3] / 2f);
      return new PdfSigner.Seal(p + 1, at[0], centre - SEAL_HEIGHT / 2, at[0] + at[2], centre + SEAL_HEIGHT / 2);
    }
    return null;
  }

  /** x, y (from the page's top left), width and height of the element keyed {@code seal}. */
  private static int[] find(List<JRPrintElement> elements, int dx, int dy) {
    for (JRPrintElement e : elements) {
      if ("seal".equals(e.getKey())) return new int[] {dx + e.getX(), dy + e.getY(), e.getWidth(), e.getHeight()};
      if (e instanceof JRPrintFrame f) {
        int[] inner = find(f.getElements(), dx + f.getX() + f.getLineBox().getLeftPadding(),
            dy + f.getY() + f.getLineBox().getTopPadding());
        if (inner != null) return inner;
      }
    }
    return null;
  }

  private static JasperReport compile(String path) {
    try (InputStream in = resource(path)) {
      return JasperCompileManager.compileReport(in);
    } catch (IOException | JRException e) {
      throw new IllegalStateException("compiling " + path + ": " + e.getMessage(), e);
    }
  }

  private static InputStream resource(String path) {
    InputStream in = ReportRenderer.class.getClassLoader().getResourceAsStream(ROOT + path);
    if (in == null) throw new IllegalStateException("template not on the classpath: " + ROOT + path);
    return in;
  }
}
