package com.dispatch.quality.e2e;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dispatch.quality.ingest.IngestJob;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.metrics.MetricsJob;
import com.dispatch.quality.report.ReportJob;
import com.dispatch.quality.testing.SparkTestBase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SPEC §5 through the whole pipeline: a landing zone whose roster, settlement and activities carry
 * resident IDs and mobile numbers in every spelling people type (in the ID and phone columns, in a
 * name, in free text, in rows that fail a check and in malformed rows) is ingested, computed and
 * rendered. Only bronze may still hold a raw number; silver, quarantine, gold and the PDFs' text
 * (extracted by poppler's pdftotext, not by the renderer's own library) must not.
 */
class PrivacyEndToEndTest extends SparkTestBase {
  private static final YearMonth MONTH = YearMonth.of(2025, 11);
  private static final Instant AS_OF = Instant.parse("2025-12-19T16:00:00Z");

  /** Every planted number as its bare digits (what must never appear once separators are dropped). */
  private static final List<String> PLANTED = List.of(
      "110101199001011234", "13812345678", "11010119920202234X", "13822345678", "110101199303033456", "13832345678",
      "110101930404456", "13842345678", "13852345678", "11010119950505567X", "13862345678", "110101199606066789",
      "13872345678", "110101199707077890", "13882345678", "13892345678", "110101199808088901", "13912345678",
      "13912345679", "110101931212123", "13922345678", "13932345678", "110101199909099012", "13942345678",
      "13952345678");

  private static final String ROSTER_HEADER = "assignment_id,employee_id,client_id,employee_name,id_card_no,phone,city,"
      + "monthly_wage,insurance_base,start_date,start_notified_at,contract_signed_date,insurance_registered_date,"
      + "end_date,end_notified_at,updated_at";
  private static final String ASSIGNED = ",,8000.00,6000.00,2025-11-01,2025-10-28 10:00:00,2025-10-30,2025-11-10,,,"
      + "2025-11-01 09:00:00";

  @TempDir static Path dir;
  private Lake lake;
  private Path pdfs;

  @BeforeAll
  void ingestComputeAndRender() throws IOException {
    Path landing = dir.resolve("landing");
    write(landing.resolve("reference/clients.csv"),
        "client_id,client_name,city,service_fee_per_head,wage_pay_day,agreement_start,agreement_end",
        "C0001,北京华信科技有限公司,北京,120.00,15,2024-01-01,");
    List<String> rates = new ArrayList<>(List.of("city,item,employer_rate,base_floor,base_ceiling,effective_from,effective_to"));
    for (String item : List.of("PENSION", "MEDICAL", "UNEMPLOYMENT", "WORK_INJURY", "HOUSING_FUND")) {
      rates.add("北京," + item + ",0.1,3000.00,30000.00,2024-01-01,");
    }
    write(landing.resolve("reference/insurance_rates.csv"), rates.toArray(String[]::new));
    write(landing.resolve("roster/2025-11/roster.csv"), ROSTER_HEADER,
        "A1,E1,C0001,张三,110101199001011234,13812345678" + ASSIGNED,
        "A2,E2,C0001,李四,11010119920202234X,138-2234-5678" + ASSIGNED,
        "A3,E3,C0001,王五,110101 19930303 3456,+86 138 3234 5678" + ASSIGNED,
        "A4,E4,C0001,赵六,110101930404456,8613842345678" + ASSIGNED,
        "A5,E5,C0001,钱七 13852345678,11010119950505567x,+8613862345678" + ASSIGNED,
        // TYPE_ERROR (monthly_wage): quarantined with its raw row.
        "A6,E6,C0001,孙八,110101199606066789,138 7234 5678,,8千,6000.00,2025-11-01,,,,,,2025-11-01 09:00:00",
        // MALFORMED_ROW: too few fields, so no column holds the ID or the phone; only the raw text does.
        "A7,E7,C0001,周九,110101199707077890,138-8234-5678 / 13892345678");
    write(landing.resolve("settlement/2025-11/settlement.csv"),
        "line_id,batch_id,client_id,service_month,issued_at,employee_id,wage,pension,medical,unemployment,work_injury,"
            + "housing_fund,service_fee,total,wage_paid_date,updated_at",
        "L1,B1,C0001,2025-11,2025-12-01 10:00:00,E1,8000.00,600.00,600.00,600.00,600.00,600.00,120.00,11120.00,2025-12-10,"
            + "2025-12-01 10:00:00",
        "L2,B1,C0001,2025-11,2025-12-01 10:00:00,E2,7000.00,600.00,600.00,600.00,600.00,600.00,120.00,10120.00,2025-12-20,"
            + "2025-12-01 10:00:00");
    write(landing.resolve("activities/2025-11/activities.csv"),
        "activity_id,client_id,activity_type,occurred_at,staff_id,employee_id,summary",
        "ACT1,C0001,COMMUNICATION_EMPLOYEE,2025-11-05 10:00:00,S01,E1,"
            + "回访张三，电话138-9234-5678，身份证110101199808088901；金额5000.00元，日期2025-11-05，工单SX-0001",
        "ACT2,C0001,COMMUNICATION_CLIENT,2025-11-06 10:00:00,S01,,"
            + "\"HR手机 +86 139 1234 5678, 员工8613912345679, 老身份证 110101931212123; 旧号+8613922345678\"",
        "ACT3,C0001,ONSITE_VISIT,2025-11-07 10:00:00,S01,,\"现场登记：\n13932345678\n110101199909099012\"",
        // MALFORMED_ROW (one field too many) and TYPE_ERROR (occurred_at), each with a number in its text.
        "ACT4,C0001,ONSITE_VISIT,2025-11-08 10:00:00,S01,,电话 139 4234 5678,多余",
        "ACT5,C0001,ONSITE_VISIT,2025-11-31 10:00:00,S01,,手机 139-5234-5678");

    lake = new Lake(dir.resolve("lake").toUri().toString());
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    IngestJob.run(spark(), lake, landing.toUri().toString());
    MetricsJob.run(spark(), lake, MONTH, AS_OF, quiet);
    Path out = dir.resolve("out");
    ReportJob.run(spark(), new ReportJob.Settings(lake.root(), MONTH, out, List.of(), 0, 1, 50, null,
        LocalDate.of(2025, 12, 20)), "report-privacy-test", null);
    pdfs = out.resolve(MONTH.toString());
  }

  @Test
  void bronzeStillHoldsEveryPlantedNumberSoTheChecksBelowAreNotVacuous() {
    String bronze = String.join("\n", strings(table(lake.bronze("roster")), table(lake.bronze("activities"))));
    for (String n : PLANTED) Assertions.assertTrue(compact(bronze).contains(n), n + " not in bronze: the fixture lost it");
  }

  @Test
  void silverHoldsNoRawIdOrPhoneNumber() throws IOException {
    assertNoPlantedNumber(tablesUnder("silver"));
  }

  @Test
  void quarantineRawAndMessagesHoldNoRawIdOrPhoneNumberIncludingMalformedRows() {
    Dataset<Row> q = table(lake.quarantine());
    assertEquals(List.of("MALFORMED_ROW", "MALFORMED_ROW", "TYPE_ERROR", "TYPE_ERROR"),
        q.orderBy("reason").select("reason").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
    assertNoPlantedNumber(Map.of("quarantine", strings(q)));
    String malformed = q.where(col("raw").startsWith("A7,")).first().getAs("raw");
    assertEquals("A7,E7,C0001,周九,110101********7890,138****5678 / 138****5678", malformed);
  }

  @Test
  void goldHoldsNoRawIdOrPhoneNumber() throws IOException {
    Map<String, List<String>> gold = tablesUnder("gold");
    Assertions.assertTrue(gold.containsKey("gold/settlement_quality") && gold.containsKey("gold/client_scorecard"), gold.keySet().toString());
    assertNoPlantedNumber(gold);
  }

  @Test
  void renderedPdfTextHoldsNoRawIdOrPhoneNumber() throws Exception {
    Map<String, List<String>> texts = new LinkedHashMap<>();
    try (Stream<Path> files = Files.list(pdfs)) {
      for (Path pdf : files.filter(p -> p.toString().endsWith(".pdf")).sorted().toList()) {
        texts.put(pdf.getFileName().toString(), List.of(pdftotext(pdf)));
      }
    }
    assertEquals(List.of("C0001.pdf", "_overview.pdf"), new ArrayList<>(texts.keySet()));
    Assertions.assertTrue(texts.get("C0001.pdf").get(0).contains("北京华信科技有限公司"), "pdftotext read the report");
    assertNoPlantedNumber(texts);
  }

  @Test
  void structuredFieldsTakeTheSpecFormWhateverTheSpelling() {
    Map<String, String> ids = new LinkedHashMap<>();
    Map<String, String> phones = new LinkedHashMap<>();
    for (Row r : table(lake.silver("roster")).orderBy("assignment_id").collectAsList()) {
      ids.put(r.getAs("assignment_id"), r.getAs("id_card_no"));
      phones.put(r.getAs("assignment_id"), r.getAs("phone"));
    }
    assertEquals(Map.of("A1", "110101********1234", "A2", "110101********234X", "A3", "110101********3456",
        "A4", "110101*****4456", "A5", "110101********567x"), ids);
    assertEquals(Map.of("A1", "138****5678", "A2", "138****5678", "A3", "138****5678", "A4", "138****5678",
        "A5", "138****5678"), phones);
    assertEquals("钱七 138****5678",
        table(lake.silver("roster")).where(col("assignment_id").equalTo("A5")).first().getAs("employee_name"));
  }

  @Test
  void freeTextKeepsEverythingButTheNumbersOfPeople() {
    Map<String, String> summary = new LinkedHashMap<>();
    for (Row r : table(lake.silver("activities")).orderBy("activity_id").collectAsList()) {
      summary.put(r.getAs("activity_id"), r.getAs("summary"));
    }
    assertEquals("回访张三，电话138****5678，身份证110101********8901；金额5000.00元，日期2025-11-05，工单SX-0001",
        summary.get("ACT1"));
    assertEquals("HR手机 139****5678, 员工139****5679, 老身份证 110101*****2123; 旧号139****5678", summary.get("ACT2"));
    assertEquals("现场登记：\n139****5678\n110101********9012", summary.get("ACT3"));
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static void write(Path file, String... lines) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
  }

  private Dataset<Row> table(String path) { return spark().read().format("delta").load(path); }

  /** Every Delta table under lake/<layer>/, as its string values. */
  private Map<String, List<String>> tablesUnder(String layer) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    try (Stream<Path> dirs = Files.list(Path.of(java.net.URI.create(lake.root())).resolve(layer))) {
      for (Path t : dirs.filter(Files::isDirectory).sorted().toList()) {
        out.put(layer + "/" + t.getFileName(), strings(table(t.toUri().toString())));
      }
    }
    Assertions.assertFalse(out.isEmpty(), "no table under " + layer);
    return out;
  }

  /** The values of every string (and string map/array) column, one entry per value. */
  @SafeVarargs
  private static List<String> strings(Dataset<Row>... tables) {
    List<String> values = new ArrayList<>();
    for (Dataset<Row> t : tables) {
      List<org.apache.spark.sql.Column> cols = new ArrayList<>();
      for (StructField f : t.schema().fields()) {
        if (f.dataType().equals(DataTypes.StringType)) cols.add(col(f.name()));
        else if (!f.dataType().typeName().matches("integer|long|double|decimal.*|boolean|date|timestamp|short|byte")) {
          cols.add(org.apache.spark.sql.functions.to_json(col(f.name())));
        }
      }
      if (cols.isEmpty()) continue;
      for (Row r : t.select(cols.toArray(org.apache.spark.sql.Column[]::new)).collectAsList()) {
        for (int i = 0; i < r.size(); i++) if (!r.isNullAt(i)) values.add(r.getString(i));
      }
    }
    return values;
  }

  /** Drops what people put between digit groups, so a surviving number is found in any spelling. */
  private static String compact(String s) { return s.replaceAll("[\\s\\-+/\\u3000]", "").toUpperCase(); }

  private static void assertNoPlantedNumber(Map<String, List<String>> where) {
    List<String> leaks = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : where.entrySet()) {
      for (String v : e.getValue()) {
        String c = compact(v);
        for (String n : PLANTED) if (c.contains(n)) leaks.add(e.getKey() + ": " + n + " in " + v);
      }
    }
    Assertions.assertTrue(leaks.isEmpty(), String.join("\n", leaks));
  }

  private static String pdftotext(Path pdf) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("pdftotext", "-enc", "UTF-8", pdf.toString(), "-").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), "pdftotext " + pdf + ": " + text);
    return text;
  }
}
