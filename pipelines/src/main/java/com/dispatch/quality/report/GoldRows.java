package com.dispatch.quality.report;

import static com.dispatch.quality.report.Cells.ts;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.dispatch.quality.gold.Satisfaction;
import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.reports.model.ReportHeader;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.schema.Silver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The gold rows (and silver clients and surveys) the reports of some months need, each table read
 * once for all of them and grouped by month in Java: gold tables are small (clients × KPIs), and
 * each Delta scan costs a Spark job whatever its size. Reading only; {@link ReportModel} turns the
 * rows into the report model.
 */
final class GoldRows {
  private final Map<String, Map<String, List<Row>>> byTable = new HashMap<>();
  private final List<Row> clients;
  private final Map<String, List<Row>> dissatisfied = new HashMap<>();

  private GoldRows(List<Row> clients) { this.clients = clients; }

  /** Reads the rows of {@code months} (and of their trend months where a table feeds a trend). */
  static GoldRows read(SparkSession spark, Lake lake, List<YearMonth> months) {
    Set<String> ms = new TreeSet<>();
    Set<String> trend = new TreeSet<>();
    for (YearMonth month : months) {
      ms.add(month.toString());
      trend.addAll(ReportModel.trendMonths(month));
    }
    Dataset<Row> clientsTable = DeltaIO.readOrEmpty(spark, lake.silver("clients"), Silver.CLIENTS);
    // A silver clients table written before report_language existed reads as all default (zh-CN).
    Column language = Arrays.asList(clientsTable.columns()).contains("report_language")
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

  /**
   * Each month's answers with score <= 2 from silver surveys (comments masked there), selected as
   * gold/satisfaction selects them, as of the month's gold run shown; none without a gold run.
   */
  private void readDissatisfied(SparkSession spark, Lake lake, List<YearMonth> months) {
    Dataset<Row> surveys = DeltaIO.readOrEmpty(spark, lake.silver("surveys"), Silver.SURVEYS);
    Dataset<Row> all = null;
    for (YearMonth month : months) {
      Row shown = shownSource(month.toString());
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

  /** Silver clients: id, name, agreement dates, report_language. */
  List<Row> clients() { return clients; }

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

  /** The month's dissatisfied survey answers (score <= 2), every client's. */
  List<Row> dissatisfied(String month) {
    return dissatisfied.getOrDefault(month, List.of());
  }

  /** The header of a month's reports: run_id and as_of of the gold rows shown. */
  ReportHeader header(String company, String month, LocalDate issueDate) {
    Row source = shownSource(month);
    String runId = source == null ? null : source.getAs("run_id");
    return new ReportHeader(company, month, runId, source == null ? null : ts(source, "as_of"), issueDate);
  }

  /** The gold row whose run_id and as_of a month's report shows: the scorecard's, else any table's (null: none). */
  private Row shownSource(String month) {
    Row source = of("client_scorecard", month).stream()
        .max(Comparator.comparing((Row r) -> ts(r, "as_of"), Comparator.nullsFirst(Comparator.naturalOrder())))
        .orElse(null);
    if (source == null) source = of("settlement_quality", month).stream().findFirst().orElse(null);
    if (source == null) source = of("sla_compliance", month).stream().findFirst().orElse(null);
    return source;
  }
}
