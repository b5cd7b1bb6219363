package com.dispatch.quality.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.domain.RespondentType;
import com.dispatch.quality.domain.ResponseMetric;
import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.gold.Satisfaction;
import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.report.Publication.Published;
import com.dispatch.quality.reports.ManifestEntry;
import com.dispatch.quality.reports.Ranking;
import com.dispatch.quality.reports.ReportLanguage;
import com.dispatch.quality.reports.ReportRenderer;
import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.model.DissatisfiedAnswer;
import com.dispatch.quality.reports.model.FrequencyRow;
import com.dispatch.quality.reports.model.OverviewData;
import com.dispatch.quality.reports.model.RecruitmentSummary;
import com.dispatch.quality.reports.model.ReportHeader;
import com.dispatch.quality.reports.model.SatisfactionSummary;
import com.dispatch.quality.reports.model.ResponseRow;
import com.dispatch.quality.reports.model.ScorecardRow;
import com.dispatch.quality.reports.model.SettlementErrorRow;
import com.dispatch.quality.reports.model.SettlementSummary;
import com.dispatch.quality.reports.model.SlaBreachRow;
import com.dispatch.quality.reports.model.SlaComplianceRow;
import com.dispatch.quality.reports.model.TrendPoint;
import com.dispatch.quality.reports.sign.PdfSigner;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.spark.SmallInput;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The monthly PDF reports (issue 4): reads the gold tables of month M (and the eleven months
 * before it for the trends), builds one {@link ClientReportData} per client and the
 * {@link OverviewData}, and renders them with {@link ReportRenderer} into
 * {@code <out>/<month>/<client_id>.pdf}, {@code _overview.pdf} and {@code manifest.csv}.
 *
 * <p>Input: gold settlement_quality, settlement_errors, response_time_distribution,
 * response_within_limit, company_trend, sla_compliance, sla_events, service_frequency,
 * recruitment_shortlist, client_scorecard, satisfaction; silver clients (names) and silver surveys
 * (the month's dissatisfied answers, comments masked in silver). Gold tables are small (clients × KPIs); each is
 * collected once for the month and grouped by client in Java.
 *
 * <p>Clients reported: every client with a gold row in M or a dispatch agreement overlapping M,
 * restricted to {@code clients} when given. The overview always covers every client. Each
 * client's PDF is written in its silver clients {@code report_language} (null = zh-CN); the
 * model holds codes and numbers only, the words come from the reports' bundles.
 */
public final class ReportJob {
  public static final String DEFAULT_COMPANY = "华信人力资源服务有限公司";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final int TREND_MONTHS = 12;
  private static final int WORST_BREACHES = 20;

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

  /** The report model of a month, before rendering (tests and the run command read it). */
  public record Model(List<ClientReportData> clients, OverviewData overview) {}

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
    Map<YearMonth, Model> models = new TreeMap<>();
    try (SmallInput settings = SmallInput.forFiles(spark, Gold.TABLES.keySet().stream().map(lake::gold).toList())) {
      if (progress != null) progress.accept("report: gold " + settings.describe());
      // Only months whose gold rows all come from their last SUCCEEDED metrics run (issue 11).
      Map<YearMonth, Published> published = Publication.requireAll(spark, lake, months);
      GoldRows gold = GoldRows.read(spark, lake, months);
      Map<YearMonth, String> shown = new TreeMap<>();
      for (YearMonth month : months) {
        Model model = gold.model(month, s.companyName(), s.issueDate());
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
      Model model = models.get(month);
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
  public static Model load(SparkSession spark, Lake lake, YearMonth month, String companyName, LocalDate issueDate) {
    return GoldRows.read(spark, lake, List.of(month)).model(month, companyName, issueDate);
  }

  /**
   * The gold rows (and silver clients and surveys) the reports of some months need, each table
   * read once for all of them and grouped by month in Java: gold tables are small (clients × KPIs).
   */
  private static final class GoldRows {
    private final Map<String, Map<String, List<Row>>> byTable = new HashMap<>();
    private final List<Row> clients;
    private final Map<String, List<Row>> dissatisfied = new HashMap<>();

    private GoldRows(List<Row> clients) { this.clients = clients; }

    static GoldRows read(SparkSession spark, Lake lake, List<YearMonth> months) {
      Set<String> ms = new TreeSet<>();
      Set<String> trend = new TreeSet<>();
      for (YearMonth month : months) {
        ms.add(month.toString());
        trend.addAll(trendMonths(month));
      }
      Dataset<Row> clientsTable = DeltaIO.readOrEmpty(spark, lake.silver("clients"), Silver.CLIENTS);
      // A silver clients table written before report_language existed reads as all default (zh-CN).
      Column language = java.util.Arrays.asList(clientsTable.columns()).contains("report_language")
          ? col("report_language") : lit(null).cast("string").as("report_language");
      GoldRows g = new GoldRows(clientsTable.select(col("client_id"), col("client_name"), col("agreement_start"),
          col("agreement_end"), language).collectAsList());
      g.readTable(spark, lake, "client_scorecard", Gold.CLIENT_SCORECARD, ms, null);
      g.readTable(spark, lake, "settlement_quality", Gold.SETTLEMENT_QUALITY, trend, null);
      g.readTable(spark, lake, "settlement_errors", Gold.SETTLEMENT_ERRORS, ms, null);
      g.readTable(spark, lake, "response_time_distribution", Gold.RESPONSE_TIME_DISTRIBUTION, ms, null);
      g.readTable(spark, lake, "response_within_limit", Gold.RESPONSE_WITHIN_LIMIT, ms, null);
      g.readTable(spark, lake, "company_trend", Gold.COMPANY_TREND, trend, null);
      g.readTable(spark, lake, "sla_compliance", Gold.SLA_COMPLIANCE, ms, null);
      g.readTable(spark, lake, "sla_events", Gold.SLA_EVENTS, ms, col("status").equalTo("BREACHED"));
      g.readTable(spark, lake, "service_frequency", Gold.SERVICE_FREQUENCY, ms, null);
      g.readTable(spark, lake, "recruitment_shortlist", Gold.RECRUITMENT_SHORTLIST, ms, null);
      g.readTable(spark, lake, "satisfaction", Gold.SATISFACTION, ms, null);
      g.readDissatisfied(spark, lake, months);
      return g;
    }

    private void readTable(SparkSession spark, Lake lake, String table, StructType schema, Set<String> months,
        Column where) {
      Dataset<Row> rows = DeltaIO.readOrEmpty(spark, lake.gold(table), schema).filter(col("month").isin(months.toArray()));
      if (where != null) rows = rows.filter(where);
      Map<String, List<Row>> byMonth = new HashMap<>();
      for (Row r : rows.collectAsList()) byMonth.computeIfAbsent(r.getAs("month"), k -> new ArrayList<>()).add(r);
      byTable.put(table, byMonth);
    }

    /** The rows of {@code table} of one month. */
    List<Row> of(String table, String month) {
      return byTable.get(table).getOrDefault(month, List.of());
    }

    /** The rows of {@code table} of several months. */
    List<Row> of(String table, List<String> months) {
      List<Row> out = new ArrayList<>();
      months.forEach(m -> out.addAll(of(table, m)));
      return out;
    }

    /**
     * Each month's answers with score <= 2 from silver surveys (comments masked there), selected
     * as gold/satisfaction selects them, as of the month's gold run shown; none without a gold run.
     */
    private void readDissatisfied(SparkSession spark, Lake lake, List<YearMonth> months) {
      Dataset<Row> surveys = DeltaIO.readOrEmpty(spark, lake.silver("surveys"), Silver.SURVEYS);
      Dataset<Row> all = null;
      for (YearMonth month : months) {
        Row shown = shownSource(month.toString(), this);
        Instant asOf = shown == null ? null : ts(shown, "as_of");
        if (asOf == null) continue;
        Dataset<Row> answers = Satisfaction.answersOfMonth(surveys, month, asOf).where(Satisfaction.isDissatisfied())
            .select(lit(month.toString()).as("report_month"), col("client_id"), col("answered_at"),
                col("respondent_type"), col("employee_id"), col("score"), col("comment"), col("survey_id"));
        all = all == null ? answers : all.unionByName(answers);
      }
      if (all == null) return;
      for (Row r : all.collectAsList()) dissatisfied.computeIfAbsent(r.getAs("report_month"), k -> new ArrayList<>()).add(r);
    }

    Model model(YearMonth month, String companyName, LocalDate issueDate) {
      String m = month.toString();
      List<String> trendMonths = trendMonths(month);
      List<Row> scorecard = of("client_scorecard", m);
      List<Row> settlement = of("settlement_quality", trendMonths);
      List<Row> errors = of("settlement_errors", m);
      List<Row> distribution = of("response_time_distribution", m);
      List<Row> withinLimit = of("response_within_limit", m);
      List<Row> companyTrend = of("company_trend", trendMonths);
      List<Row> compliance = of("sla_compliance", m);
      List<Row> breaches = of("sla_events", m);
      List<Row> frequency = of("service_frequency", m);
      List<Row> recruitment = of("recruitment_shortlist", m);
      List<Row> satisfaction = of("satisfaction", m);
      ReportHeader header = header(companyName, m, issueDate, this);
      List<Row> dissatisfied = this.dissatisfied.getOrDefault(m, List.of());
      return ReportJob.model(month, header, trendMonths, clients, scorecard, settlement, errors, distribution,
          withinLimit, companyTrend, compliance, breaches, frequency, recruitment, satisfaction, dissatisfied);
    }
  }

  private static List<String> trendMonths(YearMonth month) {
    List<String> out = new ArrayList<>();
    for (int i = TREND_MONTHS - 1; i >= 0; i--) out.add(month.minusMonths(i).toString());
    return out;
  }

  /** One month's report model from its gold rows. */
  private static Model model(YearMonth month, ReportHeader header, List<String> trendMonths, List<Row> clients,
      List<Row> scorecard, List<Row> settlement, List<Row> errors, List<Row> distribution, List<Row> withinLimit,
      List<Row> companyTrend, List<Row> compliance, List<Row> breaches, List<Row> frequency, List<Row> recruitment,
      List<Row> satisfaction, List<Row> dissatisfied) {
    String m = month.toString();
    Map<String, String> names = new HashMap<>();
    Map<String, ReportLanguage> languages = new HashMap<>();
    Set<String> clientIds = new TreeSet<>();
    for (Row r : clients) {
      names.put(r.getAs("client_id"), r.getAs("client_name"));
      languages.put(r.getAs("client_id"), ReportLanguage.ofStored(r.getAs("report_language")));
      if (agreementOverlaps(r, month)) clientIds.add(r.getAs("client_id"));
    }
    for (List<Row> rows : List.of(scorecard, errors, distribution, breaches, frequency, recruitment, satisfaction)) {
      rows.forEach(r -> clientIds.add(r.getAs("client_id")));
    }
    settlement.stream().filter(r -> m.equals(r.getAs("month"))).forEach(r -> clientIds.add(r.getAs("client_id")));
    compliance.stream().filter(r -> m.equals(r.getAs("month"))).forEach(r -> clientIds.add(r.getAs("client_id")));
    clientIds.remove("*");

    Map<String, List<Row>> scorecardBy = byClient(scorecard);
    Map<String, List<Row>> settlementBy = byClient(settlement);
    Map<String, List<Row>> errorsBy = byClient(errors);
    Map<String, List<Row>> distributionBy = byClient(distribution);
    Map<String, List<Row>> withinBy = byClient(withinLimit);
    Map<String, List<Row>> complianceBy = byClient(compliance.stream().filter(r -> m.equals(r.getAs("month"))).toList());
    Map<String, List<Row>> breachesBy = byClient(breaches);
    Map<String, List<Row>> frequencyBy = byClient(frequency);
    Map<String, List<Row>> recruitmentBy = byClient(recruitment);
    Map<String, List<Row>> satisfactionBy = byClient(satisfaction);
    Map<String, List<Row>> dissatisfiedBy = byClient(dissatisfied);

    List<ClientReportData> out = new ArrayList<>();
    for (String id : clientIds) {
      String name = names.getOrDefault(id, id);
      List<Row> sq = settlementBy.getOrDefault(id, List.of());
      Row current = sq.stream().filter(r -> m.equals(r.getAs("month"))).findFirst().orElse(null);
      out.add(new ClientReportData(header, id, name,
          scorecardRows(scorecardBy.getOrDefault(id, List.of())),
          current == null ? null : settlementSummary(current),
          clientTrend(sq, trendMonths),
          errorRows(errorsBy.getOrDefault(id, List.of())),
          responseRows(distributionBy.getOrDefault(id, List.of()), withinBy.getOrDefault(id, List.of())),
          slaRows(complianceBy.getOrDefault(id, List.of())),
          breachRows(breachesBy.getOrDefault(id, List.of()), names),
          frequencyRows(frequencyBy.getOrDefault(id, List.of())),
          recruitmentBy.containsKey(id) ? recruitment(recruitmentBy.get(id).get(0)) : null,
          satisfaction(satisfactionBy.getOrDefault(id, List.of()), dissatisfiedBy.getOrDefault(id, List.of())),
          languages.getOrDefault(id, ReportLanguage.DEFAULT)));
    }

    List<SlaBreachRow> worst = breachRows(breaches.stream()
        .filter(r -> !SlaRule.INJURY_CLIENT_NOTICE_12H.name().equals(r.getAs("rule"))).toList(), names);
    OverviewData overview = new OverviewData(header, Ranking.rank(out),
        worst.subList(0, Math.min(WORST_BREACHES, worst.size())),
        responseRows(distributionBy.getOrDefault("*", List.of()), withinBy.getOrDefault("*", List.of())),
        slaRows(complianceBy.getOrDefault("*", List.of())),
        companyTrend(companyTrend, trendMonths));
    return new Model(out, overview);
  }

  // ---- reading ---------------------------------------------------------------------------

  private static Map<String, List<Row>> byClient(List<Row> rows) {
    Map<String, List<Row>> by = new HashMap<>();
    for (Row r : rows) by.computeIfAbsent(r.getAs("client_id"), k -> new ArrayList<>()).add(r);
    return by;
  }

  private static boolean agreementOverlaps(Row client, YearMonth month) {
    Date start = client.getAs("agreement_start");
    Date end = client.getAs("agreement_end");
    if (start == null) return false;
    return !start.toLocalDate().isAfter(month.atEndOfMonth())
        && (end == null || !end.toLocalDate().isBefore(month.atDay(1)));
  }

  /** run_id and as_of of the gold rows shown: the scorecard's, else any table's of the month. */
  private static ReportHeader header(String company, String month, LocalDate issueDate, GoldRows gold) {
    Row source = shownSource(month, gold);
    String runId = source == null ? null : source.getAs("run_id");
    return new ReportHeader(company, month, runId, source == null ? null : ts(source, "as_of"), issueDate);
  }

  /** The gold row whose run_id and as_of a month's report shows (null when the month has none). */
  private static Row shownSource(String month, GoldRows gold) {
    Row source = gold.of("client_scorecard", month).stream()
        .max(Comparator.comparing((Row r) -> ts(r, "as_of"), Comparator.nullsFirst(Comparator.naturalOrder())))
        .orElse(null);
    if (source == null) source = gold.of("settlement_quality", month).stream().findFirst().orElse(null);
    if (source == null) source = gold.of("sla_compliance", month).stream().findFirst().orElse(null);
    return source;
  }


  // ---- gold rows -> model ----------------------------------------------------------------

  private static List<ScorecardRow> scorecardRows(List<Row> rows) {
    Map<String, Row> byKpi = new HashMap<>();
    rows.forEach(r -> byKpi.put(r.getAs("kpi"), r));
    List<ScorecardRow> out = new ArrayList<>();
    for (String kpi : Kpi.all()) {
      Row r = byKpi.remove(kpi);
      if (r != null) out.add(scorecardRow(r));
    }
    byKpi.values().stream().sorted(Comparator.comparing(r -> (String) r.getAs("kpi"))).forEach(r -> out.add(scorecardRow(r)));
    return out;
  }

  private static ScorecardRow scorecardRow(Row r) {
    String kpi = r.getAs("kpi");
    return new ScorecardRow(kpi, kpi.startsWith(Kpi.RESPONSE_P90_PREFIX), dbl(r, "value"),
        dbl(r, "target"), r.getAs("direction"), r.getAs("status"), dbl(r, "change_from_previous"));
  }

  private static SettlementSummary settlementSummary(Row r) {
    return new SettlementSummary(r.getAs("settlement_status"), lng(r, "expected_headcount"), lng(r, "billed_headcount"),
        lng(r, "missing"), lng(r, "extra"), lng(r, "duplicate"), lng(r, "headcount_errors"), lng(r, "evaluated_lines"),
        lng(r, "calc_error_lines"), r.getAs("has_both_errors"), dbl(r, "headcount_error_rate"),
        dbl(r, "calc_error_rate"), lng(r, "correction_batches"));
  }

  private static List<TrendPoint> clientTrend(List<Row> rows, List<String> months) {
    Map<String, Row> byMonth = new HashMap<>();
    rows.forEach(r -> byMonth.put(r.getAs("month"), r));
    List<TrendPoint> out = new ArrayList<>();
    for (String month : months) {
      Row r = byMonth.get(month);
      out.add(new TrendPoint(month, r == null ? null : dbl(r, "headcount_error_rate"),
          r == null ? null : dbl(r, "calc_error_rate"), null));
    }
    return out;
  }

  private static final List<String> ERROR_ORDER = List.of("MISSING", "EXTRA", "DUPLICATE", "CALC");
  private static final List<String> COMPONENT_ORDER = List.of("wage", "pension", "medical", "unemployment",
      "work_injury", "housing_fund", "service_fee", "total");

  private static List<SettlementErrorRow> errorRows(List<Row> rows) {
    return rows.stream()
        .map(r -> new SettlementErrorRow(r.getAs("employee_id"), r.getAs("error"), r.getAs("component"),
            r.getAs("line_id"), (BigDecimal) r.getAs("billed"), (BigDecimal) r.getAs("expected")))
        .sorted(Comparator.comparingInt((SettlementErrorRow e) -> ERROR_ORDER.indexOf(e.error()))
            .thenComparing(SettlementErrorRow::employeeId, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(e -> COMPONENT_ORDER.indexOf(e.component())))
        .toList();
  }

  /** All seven metrics once the client has any subject in the month; none at all otherwise. */
  private static List<ResponseRow> responseRows(List<Row> distribution, List<Row> within) {
    if (distribution.isEmpty()) return List.of();
    Map<String, Row> byMetric = new HashMap<>();
    distribution.forEach(r -> byMetric.put(r.getAs("metric"), r));
    Map<String, Row> withinBy = new HashMap<>();
    within.forEach(r -> withinBy.put(r.getAs("metric"), r));
    List<ResponseRow> out = new ArrayList<>();
    for (ResponseMetric metric : ResponseMetric.values()) {
      Row r = byMetric.get(metric.name());
      Row w = withinBy.get(metric.name());
      Double limit = w == null ? null : dbl(w, "limit_hours");
      if (r == null) {
        out.add(new ResponseRow(metric.name(), 0L, 0L, null, null, null, null, null, null,
            List.of(0L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), limit, 0L));
        continue;
      }
      List<Long> buckets = new ArrayList<>();
      for (String b : List.of("bucket_0_4h", "bucket_4_8h", "bucket_8_12h", "bucket_12_24h", "bucket_24_48h",
          "bucket_48_72h", "bucket_72_168h", "bucket_168h_plus")) {
        buckets.add(lng(r, b));
      }
      out.add(new ResponseRow(metric.name(), lng(r, "n"), lng(r, "n_open"), dbl(r, "min_hours"),
          dbl(r, "p50_hours"), dbl(r, "p90_hours"), dbl(r, "p95_hours"), dbl(r, "max_hours"), dbl(r, "mean_hours"),
          buckets, limit, w == null ? null : lng(w, "n_within_limit"))); // no gold row: share shown as a dash, not 0 %
    }
    return out;
  }

  private static List<SlaComplianceRow> slaRows(List<Row> rows) {
    Map<String, Row> byRule = new HashMap<>();
    rows.forEach(r -> byRule.put(r.getAs("rule"), r));
    List<SlaComplianceRow> out = new ArrayList<>();
    for (SlaRule rule : SlaRule.values()) {
      Row r = byRule.get(rule.name());
      if (r == null) continue;
      out.add(new SlaComplianceRow(rule.name(), lng(r, "evaluated"), lng(r, "met"),
          lng(r, "breached"), lng(r, "pending"), dbl(r, "compliance_rate"), rule.inCompanyScore()));
    }
    return out;
  }

  private static List<SlaBreachRow> breachRows(List<Row> rows, Map<String, String> names) {
    return rows.stream()
        .map(r -> {
          String rule = r.getAs("rule");
          String client = r.getAs("client_id");
          return new SlaBreachRow(rule, r.getAs("subject_id"), client, names.getOrDefault(client, client),
              ts(r, "deadline_at"), ts(r, "completed_at"), dbl(r, "lateness_hours"));
        })
        .sorted(Comparator.comparing((SlaBreachRow b) -> b.latenessHours() == null ? 0.0 : -b.latenessHours())
            .thenComparing(SlaBreachRow::rule).thenComparing(SlaBreachRow::subjectId))
        .toList();
  }

  private static List<FrequencyRow> frequencyRows(List<Row> rows) {
    List<String> order = List.of("COMMUNICATION_CLIENT", "COMMUNICATION_EMPLOYEE", "FORMAL_REPORT", "ONSITE_VISIT");
    return rows.stream()
        .map(r -> new FrequencyRow(r.getAs("activity_type"), r.getAs("period"),
            r.getAs("period_type"), r.getAs("min_count"), lng(r, "actual_count"), r.getAs("is_compliant"),
            r.getAs("is_final")))
        .sorted(Comparator.comparingInt((FrequencyRow f) -> order.indexOf(f.activityType())).thenComparing(FrequencyRow::period))
        .toList();
  }

  /** A client's satisfaction rows of the month and its dissatisfied answers, oldest first; null without answers. */
  private static SatisfactionSummary satisfaction(List<Row> rows, List<Row> dissatisfied) {
    if (rows.isEmpty()) return null;
    SatisfactionSummary.Type client = null;
    SatisfactionSummary.Type employee = null;
    for (Row r : rows) {
      SatisfactionSummary.Type t = new SatisfactionSummary.Type(lng(r, "responses"), dbl(r, "mean_score"),
          lng(r, "satisfied"), lng(r, "dissatisfied"), dbl(r, "satisfied_share"), lng(r, "respondents_expected"),
          dbl(r, "response_rate"));
      if (RespondentType.CLIENT.name().equals(r.getAs("respondent_type"))) client = t;
      else employee = t;
    }
    List<DissatisfiedAnswer> answers = dissatisfied.stream()
        .sorted(Comparator.comparing((Row r) -> ts(r, "answered_at")).thenComparing(r -> (String) r.getAs("survey_id")))
        .map(r -> new DissatisfiedAnswer(ts(r, "answered_at"), r.getAs("respondent_type"), r.getAs("employee_id"),
            r.<Integer>getAs("score"), r.getAs("comment")))
        .toList();
    return new SatisfactionSummary(client, employee, answers);
  }

  private static RecruitmentSummary recruitment(Row r) {
    return new RecruitmentSummary(lng(r, "recruitment_cases"), lng(r, "outside_range"), lng(r, "too_few"),
        lng(r, "too_many"), lng(r, "no_count"));
  }

  /** The overview's company trend: gold company_trend's rates of each month, a gap where a month has no row. */
  private static List<TrendPoint> companyTrend(List<Row> rows, List<String> months) {
    Map<String, Row> byMonth = new HashMap<>();
    rows.forEach(r -> byMonth.put(r.getAs("month"), r));
    List<TrendPoint> out = new ArrayList<>();
    for (String month : months) {
      Row r = byMonth.get(month);
      out.add(r == null ? new TrendPoint(month, null, null, null) : new TrendPoint(month, dbl(r, "headcount_error_rate"),
          dbl(r, "calc_error_rate"), dbl(r, "sla_compliance_rate")));
    }
    return out;
  }

  // ---- column access -----------------------------------------------------------------------

  private static Long lng(Row r, String c) {
    Object v = r.getAs(c);
    return v == null ? null : ((Number) v).longValue();
  }

  private static Double dbl(Row r, String c) {
    Object v = r.getAs(c);
    return v == null ? null : ((Number) v).doubleValue();
  }

  private static Instant ts(Row r, String c) {
    Timestamp t = r.getAs(c);
    return t == null ? null : t.toInstant();
  }
}
