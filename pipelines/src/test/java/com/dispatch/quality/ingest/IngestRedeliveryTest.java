package com.dispatch.quality.ingest;

import static com.dispatch.quality.ingest.LandingZone.lines;
import static org.apache.spark.sql.functions.col;

import com.dispatch.quality.cli.QualityCli;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.RunLog.FileCount;
import com.dispatch.quality.testing.SparkTestBase;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/** SPEC §2/§3 across runs: re-delivered bytes are skipped, corrected files supersede by key. */
class IngestRedeliveryTest extends SparkTestBase {
  private static final String CLIENTS = lines(
      "client_id,client_name,city,service_fee_per_head,wage_pay_day,agreement_start,agreement_end",
      "C0001,北京华信科技有限公司,北京,120.00,15,2024-01-01,");

  private static final String HEADER = "assignment_id,employee_id,client_id,employee_name,monthly_wage,insurance_base,start_date,updated_at";

  private static String roster(String... rows) {
    String[] all = new String[rows.length + 1];
    all[0] = HEADER;
    System.arraycopy(rows, 0, all, 1, rows.length);
    return lines(all);
  }

  private static FileCount count(IngestResult r, String file) {
    return r.files().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow();
  }

  private BigDecimal wage(Lake lake, String assignment) {
    List<Row> rows = spark().read().format("delta").load(lake.silver("roster"))
        .filter(col("assignment_id").equalTo(assignment)).collectAsList();
    Assertions.assertEquals(1, rows.size());
    return rows.get(0).getAs("monthly_wage");
  }

  @Test
  void sameBytesUnderAnotherPathInALaterRunAreSkipped() throws Exception {
    Path dir = Files.createTempDirectory("redelivery");
    LandingZone landing = new LandingZone(dir.resolve("landing"))
        .file("reference/clients.csv", 0, CLIENTS)
        .file("roster/2025-07.csv", 1, roster("A1,E1,C0001,张三,8000,6000,2025-07-01,2025-07-01 09:00:00"));
    Lake lake = new Lake(dir.resolve("lake").toString());
    IngestJob.run(spark(), lake, landing.uri());
    landing.file("roster/resent/2025-07-again.csv", 9, roster("A1,E1,C0001,张三,8000,6000,2025-07-01,2025-07-01 09:00:00"));

    IngestResult second = IngestJob.run(spark(), lake, landing.uri());

    Assertions.assertEquals("SKIPPED_DUPLICATE", count(second, "roster/resent/2025-07-again.csv").status());
    Assertions.assertEquals("roster/2025-07.csv", spark().read().format("delta").load(lake.silver("roster"))
        .first().getAs("source_file"));
  }

  @Test
  void correctedFileSupersedesByKeyAndAnOlderUpdateDoesNot() throws Exception {
    Path dir = Files.createTempDirectory("corrected");
    LandingZone landing = new LandingZone(dir.resolve("landing"))
        .file("reference/clients.csv", 0, CLIENTS)
        .file("roster/2025-07.csv", 1, roster(
            "A1,E1,C0001,张三,8000,6000,2025-07-01,2025-07-01 09:00:00",
            "A2,E2,C0001,李四,7000,6000,2025-07-01,2025-07-20 09:00:00"));
    Lake lake = new Lake(dir.resolve("lake").toString());
    IngestJob.run(spark(), lake, landing.uri());

    // Same path, new bytes: A1 corrected with the same updated_at (the later file wins), A2 with
    // an older updated_at (the newer silver row stays).
    landing.file("roster/2025-07.csv", 30, roster(
        "A1,E1,C0001,张三,8500,6000,2025-07-01,2025-07-01 09:00:00",
        "A2,E2,C0001,李四,6500,6000,2025-07-01,2025-07-10 09:00:00"));
    IngestResult second = IngestJob.run(spark(), lake, landing.uri());

    Assertions.assertEquals("INGESTED", count(second, "roster/2025-07.csv").status());
    Assertions.assertEquals(new BigDecimal("8500.00"), wage(lake, "A1"));
    Assertions.assertEquals(new BigDecimal("7000.00"), wage(lake, "A2"));
  }

  @Test
  void aFileLoggedUnderTheSamePathSizeAndTimeIsNotReadAgain() throws Exception {
    Path dir = Files.createTempDirectory("quickcheck");
    LandingZone landing = new LandingZone(dir.resolve("landing"))
        .file("reference/clients.csv", 0, CLIENTS)
        .file("roster/2025-07.csv", 1, roster("A1,E1,C0001,张三,8000,6000,2025-07-01,2025-07-01 09:00:00"));
    Lake lake = new Lake(dir.resolve("lake").toString());
    IngestJob.run(spark(), lake, landing.uri());

    // Same size and modification time, bytes no longer UTF-8: read, it would be UNREADABLE.
    Path file = landing.root.resolve("roster/2025-07.csv");
    var mtime = Files.getLastModifiedTime(file);
    byte[] bytes = Files.readAllBytes(file);
    java.util.Arrays.fill(bytes, bytes.length - 10, bytes.length - 1, (byte) 0xFF);
    Files.write(file, bytes);
    Files.setLastModifiedTime(file, mtime);
    IngestResult second = IngestJob.run(spark(), lake, landing.uri());

    Assertions.assertEquals("SKIPPED_DUPLICATE", count(second, "roster/2025-07.csv").status());
    Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(mtime.toMillis() + 60_000));
    IngestResult third = IngestJob.run(spark(), lake, landing.uri());
    Assertions.assertEquals("UNREADABLE", count(third, "roster/2025-07.csv").status());
  }

  @Test
  void aSettlementLineRedeliveredUnderAnotherMonthReplacesItsOldRow() throws Exception {
    String header = "line_id,batch_id,client_id,service_month,issued_at,employee_id,wage,pension,medical,"
        + "unemployment,work_injury,housing_fund,service_fee,total,wage_paid_date,updated_at";
    String amounts = "8000.00,0.00,0.00,0.00,0.00,0.00,120.00,8120.00,";
    Path dir = Files.createTempDirectory("moved");
    LandingZone landing = new LandingZone(dir.resolve("landing"))
        .file("reference/clients.csv", 0, CLIENTS)
        .file("settlement/2025-07/s.csv", 1, lines(header,
            "L1,B1,C0001,2025-07,2025-08-01 09:00:00,E1," + amounts + "2025-08-15,2025-08-01 09:00:00",
            "L2,B1,C0001,2025-07,2025-08-01 09:00:00,E2," + amounts + "2025-08-15,2025-08-01 09:00:00"));
    Lake lake = new Lake(dir.resolve("lake").toString());
    IngestJob.run(spark(), lake, landing.uri());

    landing.file("settlement/2025-08/s.csv", 2, lines(header,
        "L1,B2,C0001,2025-08,2025-09-01 09:00:00,E1," + amounts + "2025-09-15,2025-09-01 09:00:00",
        "L3,B2,C0001,2025-08,2025-09-01 09:00:00,E3," + amounts + "2025-09-15,2025-09-01 09:00:00"));
    IngestJob.run(spark(), lake, landing.uri());

    List<Row> rows = spark().read().format("delta").load(lake.silver("settlement"))
        .orderBy("line_id").select("line_id", "service_month").collectAsList();
    Assertions.assertEquals("[[L1,2025-08], [L2,2025-07], [L3,2025-08]]", rows.toString());
  }

  @Test
  void ingestCommandPrintsTheReconciliationAndExitsZero() throws Exception {
    Path dir = Files.createTempDirectory("cli");
    LandingZone landing = new LandingZone(dir.resolve("landing"))
        .file("reference/clients.csv", 0, CLIENTS)
        .file("roster/2025-07.csv", 1, roster("A1,E1,C0404,张三,8000,6000,2025-07-01,2025-07-01 09:00:00"));
    int exit = QualityCli.execute("ingest", "--landing", landing.root.toString(),
        "--lake", dir.resolve("lake").toString(), "--master", "local[2]");
    Assertions.assertEquals(0, exit);
    Assertions.assertEquals(1, spark().read().format("delta").load(dir.resolve("lake").resolve("quarantine").toString())
        .filter(col("reason").equalTo("UNKNOWN_CLIENT")).count());
  }
}
