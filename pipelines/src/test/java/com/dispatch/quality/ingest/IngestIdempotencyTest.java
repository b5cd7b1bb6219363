package com.dispatch.quality.ingest;

import static com.dispatch.quality.ingest.LandingZone.lines;
import static org.apache.spark.sql.functions.col;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.IngestLock;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.RunLog;
import com.dispatch.quality.schema.Sources;
import com.dispatch.quality.spark.SparkActivity;
import com.dispatch.quality.testing.SparkTestBase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, items 1, 3 and 4: a rerun after a dead ingest equals one clean run; reference files
 * are snapshots; one ingest at a time per lake.
 */
class IngestIdempotencyTest extends SparkTestBase {
  private static final String CLIENTS_HEADER =
      "client_id,client_name,city,service_fee_per_head,wage_pay_day,agreement_start,agreement_end";
  private static final String ROSTER_HEADER =
      "assignment_id,employee_id,client_id,employee_name,monthly_wage,insurance_base,start_date,updated_at";

  private static LandingZone landing(Path dir) {
    return new LandingZone(dir.resolve("landing"))
        .file("reference/clients.csv", 0, lines(CLIENTS_HEADER,
            "C0001,北京华信科技有限公司,北京,120.00,15,2024-01-01,",
            "C0002,上海华信科技有限公司,上海,100.00,10,2024-01-01,"))
        .file("roster/2025-07.csv", 1, lines(ROSTER_HEADER,
            "A1,E1,C0001,张三,8000,6000,2025-07-01,2025-07-01 09:00:00",
            "A2,E2,C0404,李四,7000,6000,2025-07-01,2025-07-01 09:00:00", // UNKNOWN_CLIENT
            "A3,E3,C0002,王五,abc,6000,2025-07-01,2025-07-01 09:00:00")) // TYPE_ERROR
        .file("roster/2025-08.csv", 2, lines(ROSTER_HEADER,
            "A1,E1,C0001,张三,8100,6000,2025-07-01,2025-08-01 09:00:00",
            "A4,E4,C0002,赵六,9000,7000,2025-08-01,2025-08-01 09:00:00"));
  }

  private long rows(String path) { return spark().read().format("delta").load(path).count(); }

  private Dataset<Row> table(String path, String... drop) {
    return spark().read().format("delta").load(path).drop(drop);
  }

  /** Removes a run's end row: the lake then looks exactly as if the run was killed just before it. */
  private void killBeforeEndRow(Lake lake, String runId) {
    DeltaIO.delete(spark(), lake.runs(), col("run_id").equalTo(runId).and(col("status").notEqual(RunLog.STARTED)));
  }

  @Test
  void rerunAfterADeadIngestLeavesTheLakeAsOneCleanRun() throws Exception {
    Path dir = Files.createTempDirectory("idempotent");
    LandingZone landing = landing(dir);
    Lake clean = new Lake(dir.resolve("clean").toString());
    IngestJob.run(spark(), clean, landing.uri());

    Lake lake = new Lake(dir.resolve("lake").toString());
    IngestResult dead = IngestJob.run(spark(), lake, landing.uri());
    killBeforeEndRow(lake, dead.runId());
    IngestResult rerun = IngestJob.run(spark(), lake, landing.uri());

    Assertions.assertEquals(7, rerun.rowsRead(), "the dead run's files are read again");
    for (var s : List.of(Sources.CLIENTS, Sources.ROSTER)) {
      Assertions.assertEquals(rows(clean.bronze(s.name())), rows(lake.bronze(s.name())), "bronze " + s.name());
      assertDataFrameNoOrderEquals(table(clean.silver(s.name()), "run_id"), table(lake.silver(s.name()), "run_id"));
      Assertions.assertEquals(0, table(lake.silver(s.name())).filter(col("run_id").equalTo(dead.runId())).count(),
          "silver rows re-stamped with the run that ingested them again");
    }
    assertDataFrameNoOrderEquals(table(clean.quarantine(), "run_id"), table(lake.quarantine(), "run_id"));
    assertDataFrameNoOrderEquals(table(clean.ingestedFiles(), "run_id", "ingested_at"),
        table(lake.ingestedFiles(), "run_id", "ingested_at"));
    List<Row> deadRows = table(lake.runs()).filter(col("run_id").equalTo(dead.runId())).orderBy("started_at", "status")
        .select("status", "message").collectAsList();
    Assertions.assertEquals(2, deadRows.size(), deadRows.toString());
    Assertions.assertEquals(RunLog.FAILED, deadRows.get(0).getString(0));
    Assertions.assertTrue(deadRows.get(0).getString(1).contains("cleaned up by ingest run " + rerun.runId()),
        deadRows.get(0).getString(1));
  }

  @Test
  void aNormalIngestStartsWithAStartedRowAndSpendsNoRecoveryCommits() throws Exception {
    Path dir = Files.createTempDirectory("commits");
    LandingZone landing = landing(dir);
    Lake lake = new Lake(dir.resolve("lake").toString());
    IngestJob.run(spark(), lake, landing.uri());
    landing.file("roster/2025-09.csv", 3, lines(ROSTER_HEADER, "A5,E5,C0001,孙七,8000,6000,2025-09-01,2025-09-01 09:00:00"));

    SparkActivity.Snapshot before = SparkActivity.now();
    IngestResult second = IngestJob.run(spark(), lake, landing.uri());
    long commits = SparkActivity.now().commits() - before.commits();

    // STARTED + bronze + silver + ingested_files + end row; no quarantine rows, nothing to recover.
    Assertions.assertEquals(5, commits);
    Assertions.assertEquals(List.of(RunLog.STARTED, RunLog.SUCCEEDED), table(lake.runs())
        .filter(col("run_id").equalTo(second.runId())).orderBy("status").select("status").as(
            org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void newestReferenceFileReplacesTheTableAndTheOldVersionStaysInHistory() throws Exception {
    Path dir = Files.createTempDirectory("snapshot");
    LandingZone landing = landing(dir);
    Lake lake = new Lake(dir.resolve("lake").toString());
    IngestJob.run(spark(), lake, landing.uri());
    long before = DeltaIO.version(spark(), lake.silver("clients"));
    landing.file("reference/clients.csv", 10, lines(CLIENTS_HEADER, "C0001,北京华信科技有限公司,北京,130.00,15,2024-01-01,"));

    IngestJob.run(spark(), lake, landing.uri());

    Assertions.assertEquals("[[C0001,130.00]]", table(lake.silver("clients")).select("client_id", "service_fee_per_head")
        .collectAsList().toString(), "C0002, removed from the file, is gone");
    Assertions.assertEquals(2, DeltaIO.readVersion(spark(), lake.silver("clients"), before).count());
  }

  @Test
  void anOlderReferenceFileArrivingLaterDoesNotReplaceANewerSnapshot() throws Exception {
    Path dir = Files.createTempDirectory("older");
    LandingZone landing = landing(dir);
    Lake lake = new Lake(dir.resolve("lake").toString());
    IngestJob.run(spark(), lake, landing.uri());
    // Delivered now, but modified (arrival order) before clients.csv: an old snapshot restored late.
    landing.file("reference/clients_2023.csv", -60, lines(CLIENTS_HEADER, "C0009,旧客户,北京,90.00,15,2023-01-01,"));

    IngestResult second = IngestJob.run(spark(), lake, landing.uri());

    Assertions.assertEquals("INGESTED", second.files().stream().filter(f -> f.file().equals("reference/clients_2023.csv"))
        .findFirst().orElseThrow().status());
    Assertions.assertEquals("[C0001, C0002]", table(lake.silver("clients")).orderBy("client_id").select("client_id")
        .as(org.apache.spark.sql.Encoders.STRING()).collectAsList().toString());
    Assertions.assertEquals(1, table(lake.bronze("clients")).filter(col("client_id").equalTo("C0009")).count(),
        "the late file's rows are kept in bronze");
  }

  @Test
  void aSecondIngestOfTheSameLakeWaitsThenStopsWithAClearMessage() throws Exception {
    Path dir = Files.createTempDirectory("locked");
    LandingZone landing = landing(dir);
    Lake lake = new Lake(dir.resolve("lake").toString());
    System.setProperty("quality.ingestLock.waitSeconds", "2");
    try (IngestLock held = IngestLock.acquire(spark().sparkContext().hadoopConfiguration(), lake, "ingest-other",
        s -> { })) {
      IllegalStateException e = Assertions.assertThrows(IllegalStateException.class,
          () -> IngestJob.run(spark(), lake, landing.uri()));
      Assertions.assertTrue(e.getMessage().contains("another ingest holds the lake's ingest lock"), e.getMessage());
      Assertions.assertTrue(e.getMessage().contains("ingest-other"), e.getMessage());
    } finally {
      System.clearProperty("quality.ingestLock.waitSeconds");
    }
    Assertions.assertFalse(DeltaIO.exists(spark(), lake.bronze("roster")), "the waiting ingest wrote nothing");
    IngestJob.run(spark(), lake, landing.uri()); // released: the next one runs
    Assertions.assertEquals(5, rows(lake.bronze("roster")));
  }

  @Test
  void aLockLeftByAKilledProcessIsTakenOver() throws Exception {
    Path dir = Files.createTempDirectory("stale");
    LandingZone landing = landing(dir);
    Lake lake = new Lake(dir.resolve("lake").toString());
    Path lock = Path.of(IngestLock.location(lake));
    Files.createDirectories(lock.getParent());
    Files.writeString(lock, "ingest-killed " + java.net.InetAddress.getLocalHost().getHostName()
        + " 2147483646 2025-08-01T00:00:00Z\n");

    IngestJob.run(spark(), lake, landing.uri());

    Assertions.assertEquals(5, rows(lake.bronze("roster")));
    Assertions.assertFalse(Files.exists(lock), "released after the run");
  }

  @Test
  void caseEventsKeptWhileTheirCaseWasUnknownAreCheckedWhenItArrivesSoTwoStepsEqualOne() throws Exception {
    Path dir = Files.createTempDirectory("late-case");
    String events = lines("case_id,milestone,at",
        "K1,RESPONDED,2025-07-01 08:00:00", // before the case's reported_at: MILESTONE_BEFORE_BASE
        "K1,RESOLVED,2025-07-02 10:00:00");
    String cases = lines("case_id,client_id,employee_id,case_type,occurred_at,reported_at,candidates_count,updated_at",
        "K1,C0001,,COMPLAINT,,2025-07-01 09:00:00,,2025-07-01 09:00:00");
    LandingZone twoSteps = landing(dir.resolve("two")).file("case_events/e.csv", 3, events);
    Lake lake = new Lake(dir.resolve("lake-two").toString());
    IngestJob.run(spark(), lake, twoSteps.uri());
    Assertions.assertEquals(2, rows(lake.silver("case_events")), "kept while K1 is unknown");
    twoSteps.file("cases/c.csv", 4, cases);
    IngestJob.run(spark(), lake, twoSteps.uri());

    LandingZone oneStep = landing(dir.resolve("one")).file("case_events/e.csv", 3, events).file("cases/c.csv", 4, cases);
    Lake once = new Lake(dir.resolve("lake-one").toString());
    IngestJob.run(spark(), once, oneStep.uri());

    assertDataFrameNoOrderEquals(table(once.silver("case_events"), "run_id"), table(lake.silver("case_events"), "run_id"));
    assertDataFrameNoOrderEquals(table(once.quarantine(), "run_id"), table(lake.quarantine(), "run_id"));
    Assertions.assertEquals(1, table(lake.quarantine()).filter(col("reason").equalTo("MILESTONE_BEFORE_BASE")).count());
  }
}
