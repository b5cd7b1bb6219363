package com.dispatch.quality.ingest;

import com.dispatch.quality.csv.CsvReader;
import static com.dispatch.quality.ingest.LandingZone.lines;
import static org.apache.spark.sql.functions.col;

import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.RunLog.FileCount;
import com.dispatch.quality.testing.SparkTestBase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 6: bad input beyond SPEC §3's list. Each bad file gets a named error (file,
 * line, field where there is one), every other file is ingested, and rows read = accepted +
 * quarantined still holds for every file.
 */
class IngestBadInputTest extends SparkTestBase {
  private static final String HEADER =
      "assignment_id,employee_id,client_id,employee_name,monthly_wage,insurance_base,start_date,updated_at";
  private static final String ROW = ",C0001,张三,8000,6000,2025-07-01,2025-07-01 09:00:00";

  private static final int BIG_FIELD_CHARS = 50 * 1024 * 1024;

  private IngestResult result;
  private Lake lake;

  private static byte[] zipOf(String name, String text) throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(b)) {
      z.putNextEntry(new ZipEntry(name));
      z.write(text.getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    return b.toByteArray();
  }

  @BeforeAll
  void ingestALandingZoneFullOfBadFiles() throws Exception {
    Path dir = Files.createTempDirectory("bad-input");
    StringBuilder wide = new StringBuilder(HEADER);
    StringBuilder wideRow = new StringBuilder("A5,E5" + ROW);
    for (int i = 0; i < 10_000; i++) {
      wide.append(",x").append(i);
      wideRow.append(",v").append(i);
    }
    LandingZone landing = new LandingZone(dir.resolve("landing"))
        .file("reference/clients.csv", 0, lines(
            "client_id,client_name,city,service_fee_per_head,wage_pay_day,agreement_start,agreement_end",
            "C0001,北京华信科技有限公司,北京,120.00,15,2024-01-01,"))
        .file("roster/good.csv", 1, lines(HEADER, "A1,E1" + ROW))
        // Cut off inside a quoted field: the last record never closes its quote.
        .file("roster/cut.csv", 2, HEADER + "\nA2,E2" + ROW + "\nA3,E3,C0001,\"王五,8000,6000")
        .file("roster/nul.csv", 3, lines(HEADER, "A4,E4,C0001,张\u0000三,8000,6000,2025-07-01,2025-07-01 09:00:00"))
        .file("roster/wide.csv", 4, lines(wide.toString(), wideRow.toString()))
        .file("roster/header_only.csv", 5, lines(HEADER))
        .file("roster/dup_header.csv", 6, lines(HEADER + ",employee_id", "A6,E6" + ROW + ",E7"))
        .file("roster/empty.csv", 7, "")
        .bytes("roster/archive.csv", 8, zipOf("roster.csv", lines(HEADER, "A8,E8" + ROW)));
    // One quoted field of 50 MB (with a line end every MB), between two good rows.
    StringBuilder big = new StringBuilder(BIG_FIELD_CHARS);
    for (int i = 1; i <= BIG_FIELD_CHARS; i++) big.append(i % (1 << 20) == 0 ? '\n' : 'x');
    landing.file("roster/big.csv", 9, lines(HEADER, "A9,E9" + ROW,
        "A10,E10,C0001,\"" + big + "\",8000,6000,2025-07-01,2025-07-01 09:00:00", "A11,E11" + ROW));
    big = null;
    // A directory named like a CSV file is a folder: its files belong to the source.
    landing.file("roster/folder.csv/inner.csv", 10, lines(HEADER, "A12,E12" + ROW));
    lake = new Lake(dir.resolve("lake").toString());
    result = IngestJob.run(spark(), lake, landing.uri());
  }

  private FileCount count(String file) {
    return result.files().stream().filter(f -> f.file().equals(file)).findFirst().orElseThrow(
        () -> new AssertionError(file + " not in the reconciliation: " + result.files()));
  }

  private List<Row> quarantine(String file) {
    return spark().read().format("delta").load(lake.quarantine()).filter(col("file").equalTo(file))
        .select("line", "reason", "message").orderBy("line").collectAsList();
  }

  @Test
  void everyFileReconcilesAndTheGoodRowsOfEveryFileReachSilver() {
    Assertions.assertTrue(result.reconciled(), String.join("; ", result.failures()));
    Assertions.assertEquals(List.of("A1", "A11", "A12", "A2", "A5", "A9"), spark().read().format("delta").load(lake.silver("roster"))
        .select("assignment_id").orderBy("assignment_id").as(Encoders.STRING()).collectAsList());
  }

  @Test
  void aFileCutOffInsideAQuotedFieldQuarantinesItsLastRecordNamingTheLine() {
    Assertions.assertEquals(2, count("roster/cut.csv").rowsRead());
    List<Row> q = quarantine("roster/cut.csv");
    Assertions.assertEquals(1, q.size(), q.toString());
    Assertions.assertEquals(3L, q.get(0).getLong(0));
    Assertions.assertEquals("MALFORMED_ROW", q.get(0).getString(1));
    Assertions.assertTrue(q.get(0).getString(2).contains("roster/cut.csv line 3: a quoted field is never closed"),
        q.get(0).getString(2));
  }

  @Test
  void aNulByteInAFieldIsATypeErrorNamingTheField() {
    List<Row> q = quarantine("roster/nul.csv");
    Assertions.assertEquals("TYPE_ERROR", q.get(0).getString(1));
    Assertions.assertTrue(q.get(0).getString(2).contains("roster/nul.csv line 2: field employee_name: contains a NUL byte"),
        q.get(0).getString(2));
  }

  @Test
  void aTenThousandColumnHeaderIsReadAndItsUnknownColumnsKeptInBronze() {
    Assertions.assertEquals(1, count("roster/wide.csv").rowsAccepted());
    Row bronze = spark().read().format("delta").load(lake.bronze("roster")).filter(col("assignment_id").equalTo("A5"))
        .first();
    Assertions.assertEquals(10_000, bronze.getJavaMap(bronze.fieldIndex("extra_columns")).size());
  }

  @Test
  void aHeaderOnlyFileIsIngestedWithNoRows() {
    FileCount c = count("roster/header_only.csv");
    Assertions.assertEquals("INGESTED", c.status());
    Assertions.assertEquals(0, c.rowsRead());
  }

  @Test
  void duplicateHeaderNamesAnEmptyFileAndAZipAreUnreadableWithTheirReason() {
    for (String[] f : new String[][] {
        {"roster/dup_header.csv", "header names column 'employee_id' twice"},
        {"roster/empty.csv", "empty file: no header row"},
        {"roster/archive.csv", "a ZIP archive"}}) {
      Assertions.assertEquals("UNREADABLE", count(f[0]).status(), f[0]);
      List<Row> q = quarantine(f[0]);
      Assertions.assertEquals(1, q.size(), f[0] + ": " + q);
      Assertions.assertEquals("UNREADABLE_FILE", q.get(0).getString(1));
      Assertions.assertTrue(q.get(0).getString(2).startsWith(f[0] + ": ") && q.get(0).getString(2).contains(f[1]),
          q.get(0).getString(2));
    }
  }

  @Test
  void aDirectoryNamedLikeACsvFileIsAFolderWhoseFilesAreIngested() {
    Assertions.assertTrue(result.files().stream().noneMatch(f -> f.file().equals("roster/folder.csv")), result.files()
        .toString());
    Assertions.assertEquals(1, count("roster/folder.csv/inner.csv").rowsAccepted());
  }

  @Test
  void aFiftyMegabyteFieldIsAMalformedRowNamingLineAndFieldAndTheRowsAroundItAreIngested() {
    FileCount c = count("roster/big.csv");
    Assertions.assertEquals(List.of(3L, 2L, 1L), List.of(c.rowsRead(), c.rowsAccepted(), c.rowsQuarantined()));
    List<Row> q = quarantine("roster/big.csv");
    Assertions.assertEquals(1, q.size(), "one quarantined row");
    Assertions.assertEquals(3L, q.get(0).getLong(0));
    Assertions.assertEquals("MALFORMED_ROW", q.get(0).getString(1));
    Assertions.assertTrue(q.get(0).getString(2).startsWith(String.format(java.util.Locale.ROOT,
        "roster/big.csv line 3: field employee_name holds %,d characters, more than", BIG_FIELD_CHARS)),
        q.get(0).getString(2));
    int rawChars = spark().read().format("delta").load(lake.quarantine()).filter(col("file").equalTo("roster/big.csv"))
        .first().<String>getAs("raw").length();
    Assertions.assertTrue(rawChars <= CsvReader.MAX_FIELD_CHARS + 100, "the raw row is kept cut: " + rawChars);
    Row after = spark().read().format("delta").load(lake.bronze("roster")).filter(col("assignment_id").equalTo("A11"))
        .select("source_line").first();
    Assertions.assertEquals(54L, after.getLong(0), "the 50 line ends inside the field still count");
  }

  @Test
  void aFileThatDisappearsAfterBeingListedIsUnreadableAndNotLogged() throws Exception {
    Path gone = Files.createTempDirectory("gone").resolve("roster/x.csv");
    LandingFile listed = new LandingFile("roster", gone.toUri().toString(), "roster/x.csv", 120, 0);
    FileProbe.Result r = FileProbe.probe(listed, new Configuration());
    Assertions.assertTrue(r.problem().startsWith(FileProbe.GONE), r.problem());
  }
}
