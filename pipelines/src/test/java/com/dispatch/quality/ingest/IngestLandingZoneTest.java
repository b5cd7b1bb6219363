package com.dispatch.quality.ingest;

import static com.dispatch.quality.ingest.LandingZone.crlf;
import static com.dispatch.quality.ingest.LandingZone.lines;
import static org.apache.spark.sql.functions.col;

import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.RunLog.FileCount;
import com.dispatch.quality.schema.Sources;
import com.dispatch.quality.testing.SparkTestBase;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One landing zone holding every kind of bad input of SPEC §3 and every CSV shape of SPEC §1,
 * ingested once; each test checks one rule on the resulting bronze, silver and quarantine.
 */
class IngestLandingZoneTest extends SparkTestBase {
  private static final String CLIENTS = lines(
      "client_id,client_name,city,service_fee_per_head,wage_pay_day,agreement_start,agreement_end",
      "C0001,北京华信科技有限公司,北京,120.00,15,2024-01-01,",
      "C0002,上海联合制造有限公司,上海,95.5,10,2024-03-01,2026-12-31",
      "C0003,广州坏数据有限公司,广州,80,32,2024-01-01,");

  private static final String SLA_POLICIES = lines(
      "rule,client_id,limit",
      "INJURY_ONSITE_12H,*,8",
      "COMPLAINT_RESPONSE_24H,C0001,12",
      "DISPUTE_PLAN_24H,C0404,12");

  /** BOM, CRLF, a quoted multi-line field, an unknown extra column and one row per row-level fault. */
  private static final String ROSTER_JULY = "\uFEFF" + crlf(
      "assignment_id,client_id,employee_id,employee_name,id_card_no,phone,city,monthly_wage,insurance_base,"
          + "start_date,start_notified_at,contract_signed_date,insurance_registered_date,end_date,end_notified_at,updated_at,remark",
      "A1,C0001,E1,张三,110101199001011234,13812345678,,8000.00,6000,2025-07-01,2025-06-28 10:00:00,2025-06-30,2025-07-10,,,2025-07-01 09:00:00,ok",
      "A2,C0001,E2,李四,110101199202022345,13987654321,,7000,6000,2025-07-15,,,,2025-07-10,,2025-07-16 09:00:00,",
      "A3,C9999,E3,王五,,,,6000,5000,2025-07-01,,,,,,2025-07-01 09:00:00,",
      "A4,C0001,E4,赵六,,,,,5000,2025-07-01,,,,,,2025-07-01 09:00:00,",
      "A5,C0001,E5,钱七,,,,6000,5000,2025-13-01,,,,,,2025-07-01 09:00:00,",
      "A6,C0001,E6,\"孙\r\n八\",110101199512120018,15011112222,,6000,5000,2025-07-01,,,,,,2025-07-01T09:00:00+08:00,\"multi\r\nline\"",
      "A7,C0001,E7,周九,,,,6000,5000",
      "A8,C0001,E8,吴十,,,,-1,5000,2025-07-01,,,,,,2025-07-01 09:00:00,",
      "A9,C0001,E9,郑一,,,,,5000,2025-13-01,,,,,,2025-07-01 09:00:00,",
      "A10,C0001,E10,冯二,,,,5000,5000,2025-07-01,,,,,,2025-07-01 09:00:00,first",
      "A11,C0001,E11,陈三,,,,5000,5000,2025-07-01,,,,,,2025-07-05 09:00:00,");

  /** Arrives later; different column order, header names in other case and with blanks. */
  private static final String ROSTER_AUGUST = lines(
      " Updated_At ,ASSIGNMENT_ID,employee_id,client_id,employee_name,monthly_wage,insurance_base,start_date",
      "2025-08-01 09:00:00,A1,E1,C0001,张三,8800,6000,2025-07-01",
      "2025-07-01 09:00:00,A10,E10,C0001,冯二,5100,5000,2025-07-01",
      "2025-07-01 09:00:00,A11,E11,C0001,陈三,5200,5000,2025-07-01",
      "2025-08-01 09:00:00,A12,E12,C0001,褚四,4000,4000,2025-08-01",
      "2025-08-01 09:00:00,A12,E12,C0001,褚四,4100,4000,2025-08-01");

  private static final String ROSTER_NO_UPDATED_AT = lines(
      "assignment_id,employee_id,client_id,employee_name,monthly_wage,insurance_base,start_date",
      "A20,E20,C0001,卫五,5000,5000,2025-07-01",
      "A21,E21,C0001,蒋六,5000,5000,2025-07-01");

  private static final String SETTLEMENT = lines(
      "service_month,line_id,batch_id,client_id,issued_at,employee_id,wage,pension,medical,unemployment,work_injury,"
          + "housing_fund,service_fee,total,wage_paid_date,updated_at,note",
      "2025-07,L1,B1,C0001,2025-08-05 10:00:00,E1,8000.00,960,600,30,12,720,120,10442.00,2025-08-15,2025-08-05 10:00:00,首批",
      "2025-07,L2,B1,C0001,2025-08-05 10:00:00,E6,6000,720,450,22.5,9,540,120.005,7861.50,,2025-08-05 10:00:00,",
      "2025-7,L3,B1,C0001,2025-08-05 10:00:00,E10,5000,600,375,18.75,7.5,450,120,6571.25,,2025-08-05 10:00:00,");

  private static final String CASES = lines(
      "case_id,client_id,employee_id,case_type,occurred_at,reported_at,candidates_count,updated_at",
      "K1,C0001,E1, work_injury ,2025-07-03 08:00:00,2025-07-03 10:00:00,,2025-07-03 10:00:00",
      "K2,C0001,E1,WORK_INJURY,,2025-07-03 10:00:00,,2025-07-03 10:00:00",
      "K3,C0001,,COMPLAINT,,2025-07-04T02:00:00Z,,2025-07-04 10:00:00",
      "K4,C0001,,HOLIDAY,,2025-07-04 10:00:00,,2025-07-04 10:00:00");

  private static final String CASE_EVENTS = lines(
      "case_id,milestone,at",
      "K1,onsite_handling,2025-07-03 09:00:00",
      "K1,WRITTEN_PLAN,2025-07-03 07:00:00",
      "K3,RESPONDED,2025-07-04 09:59:59",
      "K99,RESPONDED,2025-07-01 00:00:00");

  private static final String ACTIVITIES = lines(
      "activity_id,client_id,activity_type,occurred_at,staff_id,employee_id,summary",
      "V1,C0001,onsite_visit,2025-07-10 14:00:00,S1,,到场回访 联系电话13812345678",
      "V2,C0001,FORMAL_REPORT,2025-07-11 09:00:00,S1,,old version");

  /** Sorts before activities/a.csv by path but arrives after it. */
  private static final String ACTIVITIES_CORRECTED = lines(
      "activity_id,client_id,activity_type,occurred_at,staff_id,employee_id,summary",
      "V2,C0001,FORMAL_REPORT,2025-07-11 09:00:00,S1,,new version");

  private static final String ACTIVITIES_GBK = lines(
      "activity_id,client_id,activity_type,occurred_at,staff_id,employee_id,summary",
      "V9,C0001,ONSITE_VISIT,2025-07-12 10:00:00,S1,,到场处理");

  private Lake lake;
  private LandingZone landing;
  private IngestResult result;

  @BeforeAll
  void ingestOnce() throws Exception {
    Path dir = Files.createTempDirectory("ingest-landing");
    landing = new LandingZone(dir.resolve("landing"))
        .file("reference/clients.csv", 0, CLIENTS)
        .file("reference/sla_policies.csv", 0, SLA_POLICIES)
        .file("roster/2025-07.csv", 1, ROSTER_JULY)
        .file("roster/2025-08.csv", 2, ROSTER_AUGUST)
        .file("roster/broken/no_updated_at.csv", 2, ROSTER_NO_UPDATED_AT)
        .file("settlement/2025-07.csv", 3, SETTLEMENT)
        .file("cases/cases.csv", 3, CASES)
        .file("case_events/events.csv", 3, CASE_EVENTS)
        .file("activities/a.csv", 3, ACTIVITIES)
        .file("activities/resent/a_copy.csv", 4, ACTIVITIES)
        .file("activities/0_corrected.csv", 5, ACTIVITIES_CORRECTED)
        .file("activities/gbk.csv", 5, ACTIVITIES_GBK, Charset.forName("GBK"))
        .file("_ground_truth/roster.csv", 5, "not,landing,data\n");
    lake = new Lake(dir.resolve("lake").toUri().toString());
    result = IngestJob.run(spark(), lake, landing.uri());
  }

  // ---------------------------------------------------------------- fixtures

  private Dataset<Row> silver(String entity) { return spark().read().format("delta").load(lake.silver(entity)); }

  private Dataset<Row> quarantine() { return spark().read().format("delta").load(lake.quarantine()); }

  private Row silverRow(String entity, String keyColumn, String key) {
    List<Row> rows = silver(entity).filter(col(keyColumn).equalTo(key)).collectAsList();
    Assertions.assertEquals(1, rows.size(), entity + " " + key + " is one silver row");
    return rows.get(0);
  }

  /** The quarantine entry of file:line (exactly one). */
  private Row quarantined(String file, long line) {
    List<Row> rows = quarantine().filter(col("file").equalTo(file).and(col("line").equalTo(line))).collectAsList();
    Assertions.assertEquals(1, rows.size(), file + " line " + line + " is quarantined once");
    return rows.get(0);
  }

  private void assertQuarantined(String file, long line, String reason, String field) {
    Row q = quarantined(file, line);
    Assertions.assertEquals(reason, q.getAs("reason"), (String) q.getAs("message"));
    String message = q.getAs("message");
    Assertions.assertTrue(message.startsWith(file + " line " + line + ": "), message);
    if (field != null) Assertions.assertTrue(message.contains("field " + field + ":"), message);
  }

  private FileCount count(String file) {
    return result.files().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow();
  }

  private static BigDecimal money(String s) { return new BigDecimal(s); }

  // ---------------------------------------------------------------- SPEC §3 reason codes

  @Test
  void requiredMissingWhenARequiredFieldIsEmpty() {
    assertQuarantined("roster/2025-07.csv", 5, "REQUIRED_MISSING", "monthly_wage");
  }

  @Test
  void workInjuryWithoutOccurredAtIsRequiredMissing() {
    assertQuarantined("cases/cases.csv", 3, "REQUIRED_MISSING", "occurred_at");
  }

  @Test
  void missingColumnQuarantinesEveryRowOfTheFile() {
    assertQuarantined("roster/broken/no_updated_at.csv", 2, "MISSING_COLUMN", "updated_at");
    assertQuarantined("roster/broken/no_updated_at.csv", 3, "MISSING_COLUMN", "updated_at");
    Assertions.assertEquals(new FileCount("roster", "roster/broken/no_updated_at.csv", "INGESTED", 2, 0, 2),
        count("roster/broken/no_updated_at.csv"));
  }

  @Test
  void typeErrorMessageNamesFileLineAndField() {
    Assertions.assertEquals("roster/2025-07.csv line 6: field start_date: '2025-13-01' is not a date (yyyy-MM-dd)",
        quarantined("roster/2025-07.csv", 6).getAs("message"));
    Assertions.assertEquals("TYPE_ERROR", quarantined("roster/2025-07.csv", 6).getAs("reason"));
  }

  @Test
  void moneyWithMoreThanTwoDecimalsIsATypeErrorSayingSo() {
    assertQuarantined("settlement/2025-07.csv", 3, "TYPE_ERROR", "service_fee");
    Assertions.assertTrue(quarantined("settlement/2025-07.csv", 3).<String>getAs("message").contains("more than 2 decimals"));
  }

  @Test
  void serviceMonthMustBeYearDashMonth() {
    assertQuarantined("settlement/2025-07.csv", 4, "TYPE_ERROR", "service_month");
  }

  @Test
  void enumErrorForAValueOutsideTheList() {
    assertQuarantined("cases/cases.csv", 5, "ENUM_ERROR", "case_type");
  }

  @Test
  void rangeErrorWhenEndDateIsBeforeStartDate() {
    assertQuarantined("roster/2025-07.csv", 3, "RANGE_ERROR", "end_date");
  }

  @Test
  void rangeErrorForNegativeWageAndPayDayOutsideOneToThirtyOne() {
    assertQuarantined("roster/2025-07.csv", 11, "RANGE_ERROR", "monthly_wage");
    assertQuarantined("reference/clients.csv", 4, "RANGE_ERROR", "wage_pay_day");
  }

  @Test
  void unknownClientIsQuarantined() {
    assertQuarantined("roster/2025-07.csv", 4, "UNKNOWN_CLIENT", "client_id");
    assertQuarantined("reference/sla_policies.csv", 4, "UNKNOWN_CLIENT", "client_id");
  }

  @Test
  void starClientIsTheDefaultRowInSlaPolicies() {
    Assertions.assertEquals(new BigDecimal("8.000000"), silverRow("sla_policies", "client_id", "*").getAs("limit"));
  }

  @Test
  void milestoneBeforeReportedAtIsQuarantined() {
    assertQuarantined("case_events/events.csv", 4, "MILESTONE_BEFORE_BASE", "at");
  }

  @Test
  void workInjuryMilestoneCountsFromOccurredAtNotReportedAt() {
    assertQuarantined("case_events/events.csv", 3, "MILESTONE_BEFORE_BASE", "at");
    List<Row> onsite = silver("case_events").filter(col("case_id").equalTo("K1")).collectAsList();
    Assertions.assertEquals(1, onsite.size());
    Assertions.assertEquals("ONSITE_HANDLING", onsite.get(0).getAs("milestone"), "before the report, after the accident: kept");
  }

  @Test
  void eventsOfAnUnknownCaseAreKept() {
    Assertions.assertEquals(1, silver("case_events").filter(col("case_id").equalTo("K99")).count());
  }

  @Test
  void malformedRowWhenFieldCountDiffersFromHeader() {
    assertQuarantined("roster/2025-07.csv", 10, "MALFORMED_ROW", null);
    Assertions.assertEquals("A7,C0001,E7,周九,,,,6000,5000", quarantined("roster/2025-07.csv", 10).getAs("raw"));
  }

  @Test
  void severalFaultsGetTheFirstInSpecOrder() {
    // line 12: monthly_wage empty (REQUIRED_MISSING) and start_date '2025-13-01' (TYPE_ERROR)
    assertQuarantined("roster/2025-07.csv", 12, "REQUIRED_MISSING", "monthly_wage");
  }

  @Test
  void nonUtf8FileIsOneUnreadableEntryWithoutLineAndOtherFilesGoOn() {
    List<Row> rows = quarantine().filter(col("file").equalTo("activities/gbk.csv")).collectAsList();
    Assertions.assertEquals(1, rows.size());
    Assertions.assertEquals("UNREADABLE_FILE", rows.get(0).getAs("reason"));
    Assertions.assertTrue(rows.get(0).isNullAt(rows.get(0).fieldIndex("line")));
    Assertions.assertEquals("UNREADABLE", count("activities/gbk.csv").status());
    Assertions.assertEquals(1, silver("activities").filter(col("activity_id").equalTo("V1")).count());
  }

  // ---------------------------------------------------------------- SPEC §1 CSV shapes and values

  @Test
  void bomCrlfFileIsReadWithItsFirstColumnNamed() {
    Assertions.assertEquals("C0001", silverRow("roster", "assignment_id", "A6").getAs("client_id"));
  }

  @Test
  void quotedMultiLineFieldKeepsItsNewlineAndTheRecordItsStartLine() {
    Row a6 = silverRow("roster", "assignment_id", "A6");
    Assertions.assertEquals("孙\r\n八", a6.getAs("employee_name"));
    Assertions.assertEquals(7L, (long) a6.getAs("source_line"));
    Assertions.assertEquals(12L, (long) silverRow("roster", "assignment_id", "A11").getAs("source_line") - 2,
        "A11 starts on physical line 14, two lines later than its record number + 1");
  }

  @Test
  void columnOrderMayDifferBetweenFilesAndHeaderNamesMatchCaseInsensitively() {
    Row a1 = silverRow("roster", "assignment_id", "A1");
    Assertions.assertEquals(money("8800.00"), a1.getAs("monthly_wage"));
    Assertions.assertEquals("roster/2025-08.csv", a1.getAs("source_file"));
    Row l1 = silverRow("settlement", "line_id", "L1");
    Assertions.assertEquals(money("10442.00"), l1.getAs("total"));
    Assertions.assertEquals("2025-07", l1.getAs("service_month"));
  }

  @Test
  void unknownExtraColumnsAreKeptInBronzeOnly() {
    Row b = spark().read().format("delta").load(lake.bronze("settlement"))
        .filter(col("source_line").equalTo(2)).collectAsList().get(0);
    Assertions.assertEquals("首批", b.<scala.collection.Map<String, String>>getAs("extra_columns").get("note").get());
    Assertions.assertFalse(List.of(silver("settlement").columns()).contains("note"));
  }

  @Test
  void enumsAreCaseInsensitiveTrimmedAndStoredUpperCase() {
    Assertions.assertEquals("WORK_INJURY", silverRow("cases", "case_id", "K1").getAs("case_type"));
    Assertions.assertEquals("ONSITE_VISIT", silverRow("activities", "activity_id", "V1").getAs("activity_type"));
  }

  @Test
  void isoTimestampWithZIsStoredAsThatInstant() {
    Assertions.assertEquals(Timestamp.from(Instant.parse("2025-07-04T02:00:00Z")),
        silverRow("cases", "case_id", "K3").getAs("reported_at"));
    Assertions.assertEquals(Timestamp.from(Instant.parse("2025-07-03T02:00:00Z")),
        silverRow("cases", "case_id", "K1").getAs("reported_at"), "local spelling is Asia/Shanghai");
  }

  @Test
  void silverTablesHaveTheSilverSchemas() {
    for (Sources.SourceSpec s : List.of(Sources.CLIENTS, Sources.ROSTER, Sources.SETTLEMENT, Sources.CASES,
        Sources.CASE_EVENTS, Sources.ACTIVITIES, Sources.SLA_POLICIES)) {
      Assertions.assertEquals(List.of(s.silver().fieldNames()), List.of(silver(s.name()).columns()), s.name());
    }
  }

  // ---------------------------------------------------------------- SPEC §2 dedup

  @Test
  void latestUpdatedAtWins() {
    Assertions.assertEquals(money("8800.00"), silverRow("roster", "assignment_id", "A1").getAs("monthly_wage"));
    Assertions.assertEquals(money("5000.00"), silverRow("roster", "assignment_id", "A11").getAs("monthly_wage"),
        "a later file with an older updated_at does not win");
  }

  @Test
  void equalUpdatedAtGoesToTheFileThatArrivedLast() {
    Assertions.assertEquals(money("5100.00"), silverRow("roster", "assignment_id", "A10").getAs("monthly_wage"));
  }

  @Test
  void withinAFileTheLaterLineWins() {
    Assertions.assertEquals(money("4100.00"), silverRow("roster", "assignment_id", "A12").getAs("monthly_wage"));
  }

  @Test
  void withoutUpdatedAtTheFileModifiedLastWinsWhateverItsPath() {
    Row v2 = silverRow("activities", "activity_id", "V2");
    Assertions.assertEquals("new version", v2.getAs("summary"));
    Assertions.assertEquals("activities/0_corrected.csv", v2.getAs("source_file"));
  }

  // ---------------------------------------------------------------- SPEC §5 privacy

  private static final Pattern ID = Pattern.compile("\\d{17}[\\dXx]");
  private static final Pattern PHONE = Pattern.compile("1\\d{10}");

  @Test
  void idAndPhoneAreMaskedInSilver() {
    Row a6 = silverRow("roster", "assignment_id", "A6");
    Assertions.assertEquals("110101********0018", a6.getAs("id_card_no"));
    Assertions.assertEquals("150****2222", a6.getAs("phone"));
  }

  @Test
  void noUnmaskedIdOrPhoneSurvivesInAnySilverTable() {
    int scanned = 0;
    for (Sources.SourceSpec s : Sources.ALL) {
      if (!com.dispatch.quality.io.DeltaIO.exists(spark(), lake.silver(s.name()))) continue;
      Dataset<Row> t = silver(s.name());
      for (Row r : t.collectAsList()) {
        for (StructField f : t.schema().fields()) {
          if (f.dataType() != DataTypes.StringType || r.isNullAt(r.fieldIndex(f.name()))) continue;
          String v = r.getAs(f.name());
          Assertions.assertFalse(ID.matcher(v).find(), s.name() + "." + f.name() + " holds an ID: " + v);
          Assertions.assertFalse(PHONE.matcher(v).find(), s.name() + "." + f.name() + " holds a phone: " + v);
          scanned++;
        }
      }
    }
    Assertions.assertTrue(scanned > 50, "scanned " + scanned + " strings");
  }

  @Test
  void quarantineHoldsNoUnmaskedIdOrPhone() {
    Row a2 = quarantined("roster/2025-07.csv", 3);
    Assertions.assertTrue(a2.<String>getAs("raw").contains("110101********2345"), (String) a2.getAs("raw"));
    for (Row r : quarantine().collectAsList()) {
      for (String field : List.of("raw", "message")) {
        String v = r.getAs(field);
        if (v == null) continue;
        Assertions.assertFalse(ID.matcher(v).find(), field + ": " + v);
        Assertions.assertFalse(PHONE.matcher(v).find(), field + ": " + v);
      }
    }
  }

  @Test
  void bronzeKeepsTheRawValues() {
    Row a1 = spark().read().format("delta").load(lake.bronze("roster"))
        .filter(col("assignment_id").equalTo("A1").and(col("source_file").equalTo("roster/2025-07.csv")))
        .collectAsList().get(0);
    Assertions.assertEquals("110101199001011234", a1.getAs("id_card_no"));
  }

  // ---------------------------------------------------------------- SPEC §3 reconciliation and re-delivery

  @Test
  void everyFileReconcilesRowsReadAsAcceptedPlusQuarantined() {
    Assertions.assertTrue(result.reconciled(), result.table());
    for (FileCount f : result.files()) {
      Assertions.assertEquals(f.rowsRead(), f.rowsAccepted() + f.rowsQuarantined(), f.file());
    }
    Assertions.assertEquals(new FileCount("roster", "roster/2025-07.csv", "INGESTED", 11, 4, 7), count("roster/2025-07.csv"));
    Assertions.assertEquals(new FileCount("case_events", "case_events/events.csv", "INGESTED", 4, 2, 2),
        count("case_events/events.csv"));
  }

  @Test
  void quarantineCountsMatchTheReconciliation() {
    long unreadable = result.count(IngestResult.UNREADABLE);
    Assertions.assertEquals(result.rowsQuarantined() + unreadable, quarantine().count());
  }

  @Test
  void identicalBytesUnderAnotherPathAreSkipped() {
    Assertions.assertEquals("SKIPPED_DUPLICATE", count("activities/resent/a_copy.csv").status());
    Assertions.assertEquals(0, quarantine().filter(col("file").equalTo("activities/resent/a_copy.csv")).count());
  }

  @Test
  void underscoreFoldersAreNotLandingData() {
    Assertions.assertTrue(result.files().stream().noneMatch(f -> f.file().startsWith("_")));
  }

  @Test
  void theRunIsRecordedWithItsPerFileCounts() {
    Row run = spark().read().format("delta").load(lake.runs())
        .filter(col("run_id").equalTo(result.runId())).collectAsList().get(0);
    Assertions.assertEquals("SUCCEEDED", run.getAs("status"));
    Assertions.assertEquals("ingest", run.getAs("command"));
    Assertions.assertEquals(result.files().size(), run.getList(run.fieldIndex("file_counts")).size());
  }

  @Test
  void rerunOnTheSameLandingChangesNoRowCount() {
    Map<String, Long> before = rowCounts();
    IngestResult again = IngestJob.run(spark(), lake, landing.uri());
    Assertions.assertEquals(before, rowCounts());
    Assertions.assertTrue(again.files().stream().allMatch(f -> f.status().equals("SKIPPED_DUPLICATE")), again.table());
  }

  private Map<String, Long> rowCounts() {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (Sources.SourceSpec s : Sources.ALL) {
      if (com.dispatch.quality.io.DeltaIO.exists(spark(), lake.silver(s.name()))) {
        counts.put(s.name(), silver(s.name()).count());
      }
    }
    counts.put("quarantine", quarantine().count());
    return counts;
  }
}
