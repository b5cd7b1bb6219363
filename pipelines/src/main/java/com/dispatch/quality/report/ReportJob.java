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
  public record Result(List<ManifestEntry> entries, String dataRunId, Instant dataAsOf, double loadSeconds,
      double renderSeconds) {
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
    long t0 = System.nanoTime();
    // Only a month whose gold rows all come from its last SUCCEEDED metrics run (issue 11).
    Publication.Published published = Publication.require(spark, new Lake(s.lake()), s.month());
    Model model = load(spark, new Lake(s.lake()), s.month(), s.companyName(), s.issueDate());
    Publication.requireUnchanged(spark, new Lake(s.lake()), published, model.overview().header().runId());
    List<ClientReportData> selected = model.clients();
    if (!s.clients().isEmpty()) {
      Set<String> wanted = new TreeSet<>(s.clients());
      selected = selected.stream().filter(c -> wanted.contains(c.clientId())).toList();
      Set<String> unknown = new TreeSet<>(wanted);
      selected.forEach(c -> unknown.remove(c.clientId()));
      if (!unknown.isEmpty()) throw new IllegalArgumentException("no such client in " + s.month() + ": " + unknown);
    }
    if (s.limit() > 0 && selected.size() > s.limit()) selected = selected.subList(0, s.limit());
    boolean partial = !s.clients().isEmpty() || s.limit() > 0;
    long t1 = System.nanoTime();
    if (progress != null) {
      progress.accept(String.format(java.util.Locale.ROOT, "report: read gold for %s in %.1f s; rendering %d client PDFs + overview on %d threads",
          s.month(), (t1 - t0) / 1e9, selected.size(), s.threads()));
      progress.accept(signingLine(signer));
    }
    List<ManifestEntry> entries = Templates.RENDERER.renderMonth(s.out(), selected, model.overview(), runId, s.threads(),
        s.progressEvery(), progress, partial, signer);
    long t2 = System.nanoTime();
    ReportHeader h = model.overview().header();
    return new Result(entries, h.runId(), h.asOf(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
  }

  /** What a run says about its signatures: by whom, which certificate, or that there are none. */
  public static String signingLine(PdfSigner signer) {
    if (signer == null) return "report: PDFs are NOT signed (no --sign-keystore given)";
    return "report: signing every PDF as \"" + signer.key().signerName() + "\" (certificate SHA-256 "
        + signer.key().certSha256() + ")" + (signer.timestamps() ? ", with an RFC 3161 time-stamp" : "");
  }

  /** Reads the gold tables of {@code month} and builds the report model of every client. */
  public static Model load(SparkSession spark, Lake lake, YearMonth month, String companyName, LocalDate issueDate) {
    String m = month.toString();
    List<String> trendMonths = new ArrayList<>();
    for (int i = TREND_MONTHS - 1; i >= 0; i--) trendMonths.add(month.minusMonths(i).toString());

    List<Row> scorecard = monthRows(spark, lake, "client_scorecard", Gold.CLIENT_SCORECARD, m);
    List<Row> settlement = read(spark, lake, "settlement_quality", Gold.SETTLEMENT_QUALITY)
        .filter(col("month").isin(trendMonths.toArray())).collectAsList();
    List<Row> errors = monthRows(spark, lake, "settlement_errors", Gold.SETTLEMENT_ERRORS, m);
    List<Row> distribution = monthRows(spark, lake, "response_time_distribution", Gold.RESPONSE_TIME_DISTRIBUTION, m);
    List<Row> withinLimit = monthRows(spark, lake, "response_within_limit", Gold.RESPONSE_WITHIN_LIMIT, m);
    List<Row> companyTrend = read(spark, lake, "company_trend", Gold.COMPANY_TREND)
        .filter(col("month").isin(trendMonths.toArray())).collectAsList();
    List<Row> compliance = monthRows(spark, lake, "sla_compliance", Gold.SLA_COMPLIANCE, m);
    List<Row> breaches = read(spark, lake, "sla_events", Gold.SLA_EVENTS)
        .filter(col("month").equalTo(m).and(col("status").equalTo("BREACHED"))).collectAsList();
    List<Row> frequency = monthRows(spark, lake, "service_frequency", Gold.SERVICE_FREQUENCY, m);
    List<Row> recruitment = monthRows(spark, lake, "recruitment_shortlist", Gold.RECRUITMENT_SHORTLIST, m);
    List<Row> satisfaction = monthRows(spark, lake, "satisfaction", Gold.SATISFACTION, m);
    Dataset<Row> clientsTable = DeltaIO.readOrEmpty(spark, lake.silver("clients"), Silver.CLIENTS);
    // A silver clients table written before report_language existed reads as all default (zh-CN).
    Column language = java.util.Arrays.asList(clientsTable.columns()).contains("report_language")
        ? col("report_language") : lit(null).cast("string").as("report_language");
    List<Row> clients = clientsTable.select(col("client_id"), col("client_name"), col("agreement_start"),
        col("agreement_end"), language).collectAsList();

    ReportHeader header = header(companyName, m, issueDate, scorecard, settlement, compliance);
    List<Row> dissatisfied = dissatisfiedAnswers(spark, lake, month, header.asOf());
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

  private static Dataset<Row> read(SparkSession spark, Lake lake, String table, StructType schema) {
    return DeltaIO.readOrEmpty(spark, lake.gold(table), schema);
  }

  private static List<Row> monthRows(SparkSession spark, Lake lake, String table, StructType schema, String month) {
    return read(spark, lake, table, schema).filter(col("month").equalTo(month)).collectAsList();
  }

  /**
   * The month's answers with score <= 2 from silver surveys (comments masked there), selected as
   * gold/satisfaction selects them, as of the gold run shown; none without a gold run.
   */
  private static List<Row> dissatisfiedAnswers(SparkSession spark, Lake lake, YearMonth month, Instant asOf) {
    if (asOf == null) return List.of();
    Dataset<Row> surveys = DeltaIO.readOrEmpty(spark, lake.silver("surveys"), Silver.SURVEYS);
    return Satisfaction.answersOfMonth(surveys, month, asOf).where(Satisfaction.isDissatisfied())
        .select("client_id", "answered_at", "respondent_type", "employee_id", "score", "comment", "survey_id")
        .collectAsList();
  }

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
  private static ReportHeader header(String company, String month, LocalDate issueDate, List<Row> scorecard,
      List<Row> settlement, List<Row> compliance) {
    Row source = scorecard.stream().max(Comparator.comparing((Row r) -> ts(r, "as_of"), Comparator.nullsFirst(Comparator.naturalOrder())))
        .orElse(null);
    if (source == null) source = settlement.stream().filter(r -> month.equals(r.getAs("month"))).findFirst().orElse(null);
    if (source == null) source = compliance.stream().filter(r -> month.equals(r.getAs("month"))).findFirst().orElse(null);
    String runId = source == null ? null : source.getAs("run_id");
    Instant asOf = source == null ? null : ts(source, "as_of");
    return new ReportHeader(company, month, runId, asOf, issueDate);
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
