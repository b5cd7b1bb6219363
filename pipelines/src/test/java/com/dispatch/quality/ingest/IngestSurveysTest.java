package com.dispatch.quality.ingest;

import static com.dispatch.quality.ingest.LandingZone.lines;
import static org.apache.spark.sql.functions.col;

import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.RunLog.FileCount;
import com.dispatch.quality.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPEC §2 surveys/ through the contract's checks (§3) into silver: one landing zone, ingested once. */
class IngestSurveysTest extends SparkTestBase {
  private static final String CLIENTS = lines(
      "client_id,client_name,city,service_fee_per_head,wage_pay_day,agreement_start,agreement_end",
      "C0001,北京华信科技有限公司,北京,120.00,15,2024-01-01,");

  private static final String SURVEYS = lines(
      "survey_id,client_id,respondent_type,employee_id,answered_at,score,comment,updated_at",
      "Q1,C0001,CLIENT,,2025-07-10 10:00:00,5,服务及时,2025-07-10 10:00:00",
      "Q2,C0001, employee ,E1,2025-07-11T09:30:00+08:00,2,\"加班费算错, 请回电 13812345678\",2025-07-11 10:00:00",
      "Q3,C0001,EMPLOYEE,,2025-07-12 10:00:00,4,,2025-07-12 10:00:00",
      "Q4,C0001,CLIENT,,2025-07-12 10:00:00,6,,2025-07-12 10:00:00",
      "Q5,C0001,CLIENT,,2025-07-12 10:00:00,0,,2025-07-12 10:00:00",
      "Q6,C0001,HR,,2025-07-12 10:00:00,3,,2025-07-12 10:00:00",
      "Q7,C0404,CLIENT,,2025-07-12 10:00:00,3,,2025-07-12 10:00:00",
      "Q8,C0001,CLIENT,,2025-07-12 10:00:00,4.5,,2025-07-12 10:00:00",
      "Q9,C0001,EMPLOYEE,E2,2025-07-13 10:00:00,1,身份证 110101199001011234 已登记,2025-07-13 10:00:00");

  /** Arrives later: Q1 re-recorded with a newer updated_at, Q9 re-sent with an older one. */
  private static final String SURVEYS_CORRECTED = lines(
      "survey_id,client_id,respondent_type,employee_id,answered_at,score,comment,updated_at",
      "Q1,C0001,CLIENT,,2025-07-10 10:00:00,3,回访后改为一般,2025-07-20 10:00:00",
      "Q9,C0001,EMPLOYEE,E2,2025-07-13 10:00:00,5,,2025-07-01 10:00:00");

  private Lake lake;
  private IngestResult result;

  @BeforeAll
  void ingestOnce() throws Exception {
    Path dir = Files.createTempDirectory("ingest-surveys");
    LandingZone landing = new LandingZone(dir.resolve("landing"))
        .file("reference/clients.csv", 0, CLIENTS)
        .file("surveys/2025-07/surveys.csv", 1, SURVEYS)
        .file("surveys/corrections/surveys_fix.csv", 2, SURVEYS_CORRECTED);
    lake = new Lake(dir.resolve("lake").toUri().toString());
    result = IngestJob.run(spark(), lake, landing.uri());
  }

  private Dataset<Row> silver() { return spark().read().format("delta").load(lake.silver("surveys")); }

  private Row silverRow(String surveyId) {
    List<Row> rows = silver().filter(col("survey_id").equalTo(surveyId)).collectAsList();
    Assertions.assertEquals(1, rows.size(), surveyId + " is one silver row");
    return rows.get(0);
  }

  private void assertQuarantined(long line, String reason, String field) {
    List<Row> rows = spark().read().format("delta").load(lake.quarantine())
        .filter(col("file").equalTo("surveys/2025-07/surveys.csv").and(col("line").equalTo(line))).collectAsList();
    Assertions.assertEquals(1, rows.size(), "line " + line + " is quarantined once");
    Row q = rows.get(0);
    Assertions.assertEquals("surveys", q.getAs("source"));
    Assertions.assertEquals(reason, q.getAs("reason"), (String) q.getAs("message"));
    Assertions.assertTrue(q.<String>getAs("message").contains("field " + field + ":"), (String) q.getAs("message"));
  }

  @Test
  void employeeAnswerWithoutEmployeeIdIsRequiredMissing() {
    assertQuarantined(4, "REQUIRED_MISSING", "employee_id");
  }

  @Test
  void scoreOutsideOneToFiveIsRangeError() {
    assertQuarantined(5, "RANGE_ERROR", "score");
    assertQuarantined(6, "RANGE_ERROR", "score");
  }

  @Test
  void unknownRespondentTypeIsEnumError() {
    assertQuarantined(7, "ENUM_ERROR", "respondent_type");
  }

  @Test
  void answerOfAnUnknownClientIsUnknownClient() {
    assertQuarantined(8, "UNKNOWN_CLIENT", "client_id");
  }

  @Test
  void fractionalScoreIsTypeError() {
    assertQuarantined(9, "TYPE_ERROR", "score");
  }

  @Test
  void everyRowIsAcceptedOrQuarantined() {
    FileCount f = result.files().stream().filter(c -> c.file().equals("surveys/2025-07/surveys.csv")).findFirst()
        .orElseThrow();
    Assertions.assertEquals(9, f.rowsRead());
    Assertions.assertEquals(3, f.rowsAccepted(), "Q1, Q2, Q9");
    Assertions.assertEquals(6, f.rowsQuarantined());
    Assertions.assertEquals(3, silver().count());
  }

  @Test
  void respondentTypeIsNormalisedAndTheEmployeeKept() {
    Row q2 = silverRow("Q2");
    Assertions.assertEquals("EMPLOYEE", q2.getAs("respondent_type"));
    Assertions.assertEquals("E1", q2.getAs("employee_id"));
    Assertions.assertEquals(2, (int) q2.getAs("score"));
  }

  @Test
  void phoneAndIdInACommentAreMaskedInSilver() {
    Assertions.assertEquals("加班费算错, 请回电 138****5678", silverRow("Q2").getAs("comment"));
    Assertions.assertEquals("身份证 110101********1234 已登记", silverRow("Q9").getAs("comment"));
  }

  @Test
  void theLatestUpdatedAtWinsPerSurvey() {
    Assertions.assertEquals(3, (int) silverRow("Q1").getAs("score"), "the correction is newer");
    Assertions.assertEquals(1, (int) silverRow("Q9").getAs("score"), "the re-sent row is older than the first one");
  }
}
