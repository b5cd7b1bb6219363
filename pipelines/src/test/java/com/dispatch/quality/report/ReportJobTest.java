package com.dispatch.quality.report;

import org.junit.jupiter.api.Assertions;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.reports.Fmt;
import com.dispatch.quality.reports.ReportRenderer;
import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.model.KeyValue;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.testing.SparkTestBase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gold tables of two clients -> ReportJob -> PDFs: the headline numbers equal the gold values,
 * each PDF holds only its own client's data (SPEC §5), and the manifest is right.
 */
class ReportJobTest extends SparkTestBase {
  private static final String MONTH = "2026-01";
  private static final String RUN = "metrics-20260205T000000Z-abc123";
  private static final Instant AS_OF = Instant.parse("2026-02-04T19:00:00Z");

  @TempDir static Path tmp;
  private Path out;
  private Lake lake;
  private ReportJob.Result result;
  private final Map<String, String> text = new HashMap<>();

  @BeforeAll
  void writeGoldAndRender() throws IOException {
    lake = new Lake(tmp.resolve("lake").toString());
    writeGold(lake);
    out = tmp.resolve("out");
    ReportJob.Settings s = new ReportJob.Settings(lake.root(), YearMonth.parse(MONTH), out, List.of(), 0, 2, 1,
        "华信人力资源服务有限公司", LocalDate.of(2026, 2, 5));
    result = ReportJob.run(spark(), s, "report-test-run", null);
    for (String f : List.of("C0001.pdf", "C0002.pdf", "_overview.pdf")) {
      try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(out.resolve(MONTH).resolve(f)))) {
        text.put(f, new PDFTextStripper().getText(doc));
      }
    }
  }

  @Test
  void clientPdfShowsItsGoldHeadlineNumbers() {
    String a = text.get("C0001.pdf");
    Assertions.assertTrue(a.contains(Fmt.pct(3 / 250.0)), "headcount_error_rate");
    Assertions.assertTrue(a.contains(Fmt.pct(2 / 246.0)), "calc_error_rate");
    Assertions.assertTrue(a.contains(Fmt.hours(10.75)), "p90 of injury dispatch");
    Assertions.assertTrue(a.contains(Fmt.pct(0.9)), "WAGE_ON_TIME compliance");
    Assertions.assertTrue(a.contains("QR-2026-01-C0001"));
    Assertions.assertTrue(a.contains(RUN), "footer names the gold run");
    Assertions.assertTrue(a.contains("上海东方精密制造有限公司"));
    String b = text.get("C0002.pdf");
    Assertions.assertTrue(b.contains(Fmt.pct(7 / 777.0)));
    Assertions.assertTrue(b.contains("苏州新能源科技股份有限公司"));
  }

  @Test
  void settlementSummaryShowsEachHeadcountInItsLabelledRow() {
    // C0001's gold row has distinct numbers on purpose: expected 250, billed 251, missing = extra =
    // duplicate 1, errors 3, evaluated 246, calc errors 2, corrections 0. A label showing another
    // column's figure fails here, in the filled report's data and in the PDF.
    ReportModel model = ReportJob.load(spark(), lake, YearMonth.parse(MONTH), "华信人力资源服务有限公司",
        LocalDate.of(2026, 2, 5));
    ClientReportData c1 = model.clients().stream().filter(c -> c.clientId().equals("C0001")).findFirst().orElseThrow();
    Assertions.assertEquals(250L, c1.settlement().expectedHeadcount());
    Assertions.assertEquals(251L, c1.settlement().billedHeadcount());
    Assertions.assertEquals(246L, c1.settlement().evaluatedLines());
    Map<String, String> rows = new HashMap<>();
    for (KeyValue kv : c1.settlement().rows()) rows.put(kv.label(), kv.value());
    Assertions.assertEquals("250", rows.get("应结算人数"));
    Assertions.assertEquals("251", rows.get("实际结算人数"));
    Assertions.assertEquals("246", rows.get("核对行数"));
    Assertions.assertEquals("3", rows.get("人数差错合计"));

    String a = text.get("C0001.pdf");
    Assertions.assertEquals("250", pdfValue(a, "应结算人数", "本月在岗至少一天的派遣员工"), "expected_headcount");
    Assertions.assertEquals("251", pdfValue(a, "实际结算人数", "原始结算单中的员工人数"), "billed_headcount");
    Assertions.assertEquals("246", pdfValue(a, "核对行数", "应结算且未重复员工的结算行"), "evaluated_lines");
    Assertions.assertEquals(Fmt.pct(3 / 250.0), pdfValue(a, "人数差错率", "人数差错合计 ÷ 应结算人数"),
        "headcount_error_rate");
  }

  /** The text the PDF shows between a summary row's label and its explanation. */
  private static String pdfValue(String pdfText, String label, String note) {
    Matcher m = Pattern.compile("(?<!\\S)" + Pattern.quote(label) + "\\s+(\\S+)\\s+" + Pattern.quote(note)).matcher(pdfText);
    int at = pdfText.indexOf(label);
    Assertions.assertTrue(m.find(), "no row '" + label + " <value> " + note + "' in the PDF text; near the label: "
        + (at < 0 ? "(absent)" : pdfText.substring(at, Math.min(pdfText.length(), at + 80))));
    String value = m.group(1);
    Assertions.assertFalse(m.find(), "two rows labelled " + label);
    return value;
  }

  @Test
  void eachClientPdfIsInItsReportLanguageAndTheOverviewInChinese() {
    String a = text.get("C0001.pdf"); // no report_language: zh-CN
    Assertions.assertTrue(a.contains("服务质量月度报告") && a.contains("人数差错率") && a.contains("2026年1月"), a);
    Assertions.assertFalse(a.contains("Monthly Service Quality Report"));
    String b = text.get("C0002.pdf"); // report_language en-US
    Assertions.assertTrue(b.contains("Monthly Service Quality Report") && b.contains("Headcount error rate")
        && b.contains("January 2026") && b.contains("Labour contract signed by the start date"), b);
    Assertions.assertFalse(b.replace("苏州新能源科技股份有限公司", "").replace("华信人力资源服务有限公司", "")
        .codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN), "CJK text in " + b);
    String o = text.get("_overview.pdf");
    Assertions.assertTrue(o.contains("人数差错率"));
    Assertions.assertFalse(o.contains("Headcount error rate"));
  }

  @Test
  void clientPdfHoldsNoOtherClientsData() {
    String a = text.get("C0001.pdf");
    String b = text.get("C0002.pdf");
    for (String other : List.of("C0002", "苏州新能源科技股份有限公司", "777", Fmt.pct(7 / 777.0), "L-B-900", "A-B-77",
        "EB", "66.66")) {
      Assertions.assertFalse(a.contains(other), "C0001's PDF shows " + other);
    }
    for (String other : List.of("C0001", "上海东方精密制造有限公司", "L-A-100", "A-A-11", Fmt.pct(3 / 250.0), "10.75")) {
      Assertions.assertFalse(b.contains(other), "C0002's PDF shows " + other);
    }
  }

  @Test
  void employeeIdsAreMaskedInThePdf() {
    String a = text.get("C0001.pdf");
    Assertions.assertFalse(a.contains("EA0012345"));
    Assertions.assertTrue(a.contains("EA*****45"));
  }

  @Test
  void overviewRanksEveryClient() {
    String o = text.get("_overview.pdf");
    Assertions.assertTrue(o.contains("C0001") && o.contains("C0002"));
    Assertions.assertTrue(o.contains("66.66") || o.contains(Fmt.hours(66.66)), "worst breach lateness");
  }

  @Test
  void manifestListsPagesAndSha256OfEveryFile() throws IOException {
    List<String> lines = Files.readAllLines(out.resolve(MONTH).resolve("manifest.csv"), StandardCharsets.UTF_8);
    Assertions.assertEquals("client_id,file,pages,sha256,run_id,data_run_id,signer,cert_sha256", lines.get(0));
    Assertions.assertEquals(4, lines.size(), String.join("\n", lines));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      byte[] pdf = Files.readAllBytes(out.resolve(MONTH).resolve(f[1]));
      Assertions.assertEquals(ReportRenderer.sha256(pdf), f[3]);
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        Assertions.assertEquals(doc.getNumberOfPages(), Integer.parseInt(f[2]));
      }
      Assertions.assertEquals("report-test-run", f[4]);
      Assertions.assertEquals(RUN, f[5]);
    }
    Assertions.assertEquals(3, result.pdfs());
  }

  @Test
  void responsePageShowsGoldsWithinLimitShareAtTheClientsOwnLimit() {
    String a = text.get("C0001.pdf");
    Assertions.assertTrue(a.contains("6 小时"), "C0001's own limit for injury dispatch, not the default 12 h");
    Assertions.assertTrue(a.contains(Fmt.pct(2 / 3.0)), "within-limit share from gold");
    // C0002 reports in en-US: the fixed 168 h limit reads "7 days".
    Assertions.assertTrue(text.get("C0002.pdf").contains("7 days"), "COMPLAINT_RECOVERY's fixed 168 h limit");
  }

  @Test
  void companyTrendIsReadFromGoldNotRecomputed() {
    ReportModel model = ReportJob.load(spark(), new Lake(tmp.resolve("lake").toString()), YearMonth.parse(MONTH),
        "华信人力资源服务有限公司", LocalDate.of(2026, 2, 5));
    var point = model.overview().trend().stream().filter(t -> t.month().equals(MONTH)).findFirst().orElseThrow();
    Assertions.assertEquals(0.4242, point.slaCompliance(), 1e-12, "gold's value (sla_compliance alone would give 925/1020)");
    Assertions.assertEquals(0.0097, point.headcountErrorRate(), 1e-12);
    var injury = model.clients().stream().filter(c -> c.clientId().equals("C0001")).findFirst().orElseThrow()
        .response().stream().filter(r -> r.metric().equals("INJURY_DISPATCH")).findFirst().orElseThrow();
    Assertions.assertEquals(6.0, injury.limitHours(), 1e-12);
    Assertions.assertEquals(2L, injury.withinLimit());
  }

  // ---- fixtures: gold rows of two clients ------------------------------------------------

  private void writeGold(Lake lake) {
    put(lake, "settlement_quality", Gold.SETTLEMENT_QUALITY,
        row("C0001", MONTH, "ISSUED", 250L, 251L, 1L, 1L, 1L, 3L, 246L, 2L, true, 3 / 250.0, 2 / 246.0, 0L),
        row("C0002", MONTH, "ISSUED", 777L, 780L, 2L, 3L, 2L, 7L, 770L, 0L, false, 7 / 777.0, 0.0, 1L));
    putMonth(lake, "settlement_quality", Gold.SETTLEMENT_QUALITY, "2025-12",
        row("C0001", "2025-12", "ISSUED", 240L, 240L, 0L, 0L, 0L, 0L, 240L, 1L, false, 0.0, 1 / 240.0, 0L));
    put(lake, "settlement_errors", Gold.SETTLEMENT_ERRORS,
        row("C0001", MONTH, "EA0012345", "MISSING", null, null, null, new BigDecimal("6100.00")),
        row("C0001", MONTH, "EA0019999", "CALC", "wage", "L-A-100", new BigDecimal("5200.00"), new BigDecimal("5100.00")),
        row("C0002", MONTH, "EB0055555", "EXTRA", null, "L-B-900", new BigDecimal("4000.00"), null));
    put(lake, "response_time_distribution", Gold.RESPONSE_TIME_DISTRIBUTION,
        row("INJURY_DISPATCH", "C0001", MONTH, 3L, 1L, 2.0, 5.0, 10.75, 11.375, 11.5, 6.1667, 1L, 1L, 1L, 0L, 0L, 0L, 0L, 0L),
        row("INJURY_DISPATCH", "*", MONTH, 5L, 1L, 2.0, 6.0, 20.0, 22.0, 24.0, 9.0, 1L, 1L, 1L, 2L, 0L, 0L, 0L, 0L),
        row("COMPLAINT_RECOVERY", "C0002", MONTH, 2L, 0L, 13.0, 18.5, 22.9, 23.45, 24.0, 18.5, 0L, 0L, 0L, 1L, 1L, 0L, 0L, 0L));
    put(lake, "response_time_events", Gold.RESPONSE_TIME_EVENTS,
        row("INJURY_DISPATCH", "K-A-1", "C0001", MONTH, ts("2026-01-05T01:00:00Z"), ts("2026-01-05T03:00:00Z"), 2.0, "CLOSED"),
        row("INJURY_DISPATCH", "K-A-2", "C0001", MONTH, ts("2026-01-06T01:00:00Z"), ts("2026-01-06T06:00:00Z"), 5.0, "CLOSED"),
        row("INJURY_DISPATCH", "K-A-3", "C0001", MONTH, ts("2026-01-07T01:00:00Z"), ts("2026-01-07T12:30:00Z"), 11.5, "CLOSED"));
    // C0001's own INJURY_ONSITE_12H policy is 6 h: 2 of its 3 dispatches are within (issue 13 item 4).
    put(lake, "response_within_limit", Gold.RESPONSE_WITHIN_LIMIT,
        row("INJURY_DISPATCH", "C0001", MONTH, 6.0, 3L, 2L, 2 / 3.0),
        row("INJURY_DISPATCH", "*", MONTH, 12.0, 5L, 4L, 0.8),
        row("COMPLAINT_RECOVERY", "C0002", MONTH, 168.0, 2L, 2L, 1.0));
    put(lake, "company_trend", Gold.COMPANY_TREND,
        row(MONTH, 2L, 10L, 1027L, 0.0097, 2L, 1016L, 0.00197, 925L, 95L, 0.4242));
    put(lake, "sla_compliance", Gold.SLA_COMPLIANCE,
        row("WAGE_ON_TIME", "C0001", MONTH, 250L, 225L, 25L, 0L, 0.9),
        row("WAGE_ON_TIME", "C0002", MONTH, 770L, 700L, 70L, 0L, 700 / 770.0),
        row("CONTRACT_BY_START", "C0002", MONTH, 30L, 29L, 1L, 0L, 29 / 30.0),
        row("WAGE_ON_TIME", "*", MONTH, 1020L, 925L, 95L, 0L, 925 / 1020.0));
    put(lake, "sla_events", Gold.SLA_EVENTS,
        row("WAGE_ON_TIME", "L-A-101", "C0001", MONTH, ts("2026-02-10T15:59:59.999Z"), ts("2026-02-11T15:59:59.999Z"), "BREACHED", 24.0),
        row("CONTRACT_BY_START", "A-B-77", "C0002", MONTH, ts("2026-01-10T15:59:59.999Z"), ts("2026-01-13T10:39:35.999Z"), "BREACHED", 66.66),
        row("CONTRACT_BY_START", "A-A-11", "C0001", MONTH, ts("2026-01-10T15:59:59.999Z"), ts("2026-01-09T15:59:59.999Z"), "MET", null));
    put(lake, "service_frequency", Gold.SERVICE_FREQUENCY,
        row("C0001", "ONSITE_VISIT", MONTH, MONTH, "MONTH", 2, 3L, true, true));
    put(lake, "recruitment_shortlist", Gold.RECRUITMENT_SHORTLIST, row("C0002", MONTH, 4L, 1L, 1L, 0L, 0L));
    put(lake, "client_scorecard", Gold.CLIENT_SCORECARD,
        row("C0001", MONTH, "HEADCOUNT_ERROR_RATE", 3 / 250.0, 0.01, "AT_MOST", "MISSED", 3 / 250.0),
        row("C0001", MONTH, "SLA_COMPLIANCE", 0.9, 0.95, "AT_LEAST", "MISSED", null),
        row("C0002", MONTH, "HEADCOUNT_ERROR_RATE", 7 / 777.0, 0.01, "AT_MOST", "MET", null));
    List<Row> clients = List.of(
        RowFactory.create("C0001", "上海东方精密制造有限公司", "上海", new BigDecimal("120.00"), 10,
            Date.valueOf("2024-01-01"), null, null, "clients.csv", 2L, ts("2026-01-01T00:00:00Z"), "ingest-1"),
        RowFactory.create("C0002", "苏州新能源科技股份有限公司", "苏州", new BigDecimal("100.00"), 15,
            Date.valueOf("2024-06-01"), null, "en-US", "clients.csv", 3L, ts("2026-01-01T00:00:00Z"), "ingest-1"));
    DeltaIO.append(spark().createDataFrame(clients, Silver.CLIENTS), lake.silver("clients"), Silver.CLIENTS);
    // The metrics run the rows come from, SUCCEEDED: reports use only published months (issue 11).
    com.dispatch.quality.io.RunLog.record(spark(), lake, new com.dispatch.quality.io.RunLog.RunRecord(RUN, "metrics",
        MONTH, AS_OF, AS_OF, AS_OF, com.dispatch.quality.io.RunLog.SUCCEEDED, "fixture", null));
  }

  private void put(Lake lake, String table, StructType schema, Row... rows) {
    putMonth(lake, table, schema, MONTH, rows);
  }

  private void putMonth(Lake lake, String table, StructType schema, String month, Row... rows) {
    DeltaIO.replaceMonth(spark().createDataFrame(List.of(rows), schema), lake.gold(table), schema, month);
  }

  /** A gold row: the given key and value columns, then run_id and as_of. */
  private static Row row(Object... values) {
    List<Object> all = new ArrayList<>(java.util.Arrays.asList(values));
    all.add(RUN);
    all.add(Timestamp.from(AS_OF));
    return RowFactory.create(all.toArray());
  }

  private static Timestamp ts(String instant) { return Timestamp.from(Instant.parse(instant)); }
}
