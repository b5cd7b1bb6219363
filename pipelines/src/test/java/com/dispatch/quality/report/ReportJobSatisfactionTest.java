package com.dispatch.quality.report;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.metrics.MetricsJob;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.testing.SparkTestBase;
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
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section 七、满意度回访 from gold satisfaction and silver surveys, one client's answers only (SPEC §4.7, §5). */
class ReportJobSatisfactionTest extends SparkTestBase {
  private static final YearMonth MONTH = YearMonth.of(2026, 1);
  private static final Instant AS_OF = Instant.parse("2026-01-25T16:00:00Z"); // 2026-01-26 00:00 Beijing

  @TempDir static Path tmp;
  private final Map<String, String> text = new HashMap<>();

  @BeforeAll
  void writeLakeAndRender() throws Exception {
    Lake lake = new Lake(tmp.resolve("lake").toString());
    write(lake.silver("clients"), Silver.CLIENTS, List.of(
        row(Silver.CLIENTS, "client_id", "C0001", "client_name", "上海东方精密制造有限公司", "agreement_start", Date.valueOf("2024-01-01")),
        row(Silver.CLIENTS, "client_id", "C0002", "client_name", "苏州新能源科技股份有限公司", "agreement_start", Date.valueOf("2024-01-01"))));
    write(lake.silver("surveys"), Silver.SURVEYS, List.of(
        survey("Q1", "C0001", "EMPLOYEE", "EA0012345", "2026-01-10T02:00:00Z", 2, "加班费算错，请回电 138****5678"),
        survey("Q2", "C0001", "CLIENT", null, "2026-01-11T02:00:00Z", 5, "很满意"),
        survey("Q3", "C0001", "EMPLOYEE", "EA0019999", "2026-01-28T02:00:00Z", 1, "截止后才回访的意见"),
        survey("Q4", "C0002", "CLIENT", null, "2026-01-12T02:00:00Z", 1, "另一家单位的意见")));
    MetricsJob.writeMonth(lake, "satisfaction", df(Gold.SATISFACTION, List.of(
        row(Gold.SATISFACTION, "client_id", "C0001", "month", "2026-01", "respondent_type", "EMPLOYEE", "responses", 1L,
            "mean_score", 2.0, "satisfied", 0L, "dissatisfied", 1L, "satisfied_share", 0.0, "respondents_expected", 40L,
            "response_rate", 0.025),
        row(Gold.SATISFACTION, "client_id", "C0001", "month", "2026-01", "respondent_type", "CLIENT", "responses", 1L,
            "mean_score", 5.0, "satisfied", 1L, "dissatisfied", 0L, "satisfied_share", 1.0))),
        MONTH, "metrics-sat", AS_OF);
    MetricsJob.writeMonth(lake, "client_scorecard", df(Gold.CLIENT_SCORECARD, List.of(
        row(Gold.CLIENT_SCORECARD, "client_id", "C0001", "month", "2026-01", "kpi", "EMPLOYEE_SATISFACTION", "value", 0.0,
            "target", 0.7, "direction", "AT_LEAST", "status", "MISSED"),
        row(Gold.CLIENT_SCORECARD, "client_id", "C0002", "month", "2026-01", "kpi", "EMPLOYEE_SATISFACTION",
            "target", 0.7, "direction", "AT_LEAST", "status", "NO_DATA"))),
        MONTH, "metrics-sat", AS_OF);
    // The metrics run the rows come from, SUCCEEDED: reports use only published months (issue 11).
    com.dispatch.quality.io.RunLog.record(spark(), lake, new com.dispatch.quality.io.RunLog.RunRecord("metrics-sat",
        "metrics", MONTH.toString(), AS_OF, AS_OF, AS_OF, com.dispatch.quality.io.RunLog.SUCCEEDED, "fixture", null));
    Path out = tmp.resolve("out");
    ReportJob.run(spark(), new ReportJob.Settings(lake.root(), MONTH, out, List.of(), 0, 2, 10, null,
        LocalDate.of(2026, 2, 5)), "report-sat", null);
    for (String f : List.of("C0001.pdf", "C0002.pdf", "_overview.pdf")) {
      try (PDDocument doc = Loader.loadPDF(Files.readAllBytes(out.resolve(MONTH.toString()).resolve(f)))) {
        text.put(f, new PDFTextStripper().getText(doc));
      }
    }
  }

  @Test
  void clientReportListsItsDissatisfiedAnswersMasked() {
    String a = text.get("C0001.pdf");
    Assertions.assertTrue(a.contains("七、满意度回访"));
    Assertions.assertTrue(a.contains("加班费算错，请回电 138****5678"), "the silver comment");
    Assertions.assertTrue(a.contains("EA*****45"));
    Assertions.assertFalse(a.contains("EA0012345"), "employee id masked");
    Assertions.assertTrue(a.contains("2.50%"), "response rate 1 of 40");
    Assertions.assertFalse(a.contains("很满意"), "only dissatisfied answers are listed");
  }

  @Test
  void answersAfterTheGoldRunsAsOfAreNotListed() {
    Assertions.assertFalse(text.get("C0001.pdf").contains("截止后才回访的意见"));
  }

  @Test
  void anotherClientsAnswersNeverAppear() {
    Assertions.assertFalse(text.get("C0001.pdf").contains("另一家单位的意见"));
    String b = text.get("C0002.pdf");
    Assertions.assertFalse(b.contains("加班费算错"));
    Assertions.assertTrue(b.contains("七、满意度回访") && b.contains("本月无相关数据"), "C0002 has no gold satisfaction row");
  }

  @Test
  void overviewRankingHasTheSatisfactionColumn() {
    Assertions.assertTrue(text.get("_overview.pdf").contains("满意占比"));
  }

  private Row survey(String id, String client, String type, String employee, String answeredAt, int score, String comment) {
    Timestamp at = Timestamp.from(Instant.parse(answeredAt));
    return row(Silver.SURVEYS, "survey_id", id, "client_id", client, "respondent_type", type, "employee_id", employee,
        "answered_at", at, "score", score, "comment", comment, "updated_at", at);
  }

  private org.apache.spark.sql.Dataset<Row> df(StructType schema, List<Row> rows) {
    StructType withoutRun = new StructType(java.util.Arrays.stream(schema.fields())
        .filter(f -> !f.name().equals("run_id") && !f.name().equals("as_of")).toArray(org.apache.spark.sql.types.StructField[]::new));
    List<Row> cut = new ArrayList<>();
    for (Row r : rows) {
      Object[] v = new Object[withoutRun.size()];
      for (int i = 0; i < v.length; i++) v[i] = r.get(i);
      cut.add(RowFactory.create(v));
    }
    return spark().createDataFrame(cut, withoutRun);
  }

  private void write(String path, StructType schema, List<Row> rows) {
    DeltaIO.append(spark().createDataFrame(new ArrayList<>(rows), schema), path, schema);
  }

  private static Row row(StructType schema, Object... nameValues) {
    Object[] values = new Object[schema.fields().length];
    for (int i = 0; i < nameValues.length; i += 2) values[schema.fieldIndex((String) nameValues[i])] = nameValues[i + 1];
    return RowFactory.create(values);
  }
}
