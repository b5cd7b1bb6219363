package com.dispatch.quality.report;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.reports.ReportRenderer;
import com.dispatch.quality.reports.sign.PdfSigner;
import com.dispatch.quality.reports.sign.SigningKey;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.testing.Keytool;
import com.dispatch.quality.testing.SparkTestBase;
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
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.spark.sql.RowFactory;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 2 through the report job: a keytool keystore signs every PDF of the month, the
 * manifest names signer and fingerprint, and a run without a keystore says it is unsigned.
 */
class SignedReportJobTest extends SparkTestBase {
  private static final String MONTH = "2026-01";
  private static final String PASSWORD = "report-job-test-pw";
  @TempDir static Path tmp;
  private Lake lake;
  private Path p12;

  @BeforeAll
  void goldAndKey() {
    lake = new Lake(tmp.resolve("lake").toString());
    Timestamp asOf = Timestamp.from(Instant.parse("2026-02-04T19:00:00Z"));
    DeltaIO.replaceMonth(spark().createDataFrame(List.of(
        RowFactory.create("C0001", MONTH, "ISSUED", 250L, 251L, 1L, 1L, 1L, 3L, 246L, 2L, true, 3 / 250.0, 2 / 246.0, 0L,
            "metrics-test", asOf)), Gold.SETTLEMENT_QUALITY), lake.gold("settlement_quality"), Gold.SETTLEMENT_QUALITY, MONTH);
    DeltaIO.append(spark().createDataFrame(List.of(
        RowFactory.create("C0001", "上海东方精密制造有限公司", "上海", new BigDecimal("120.00"), 10,
            Date.valueOf("2024-01-01"), null, null, "clients.csv", 2L, asOf, "ingest-1")), Silver.CLIENTS),
        lake.silver("clients"), Silver.CLIENTS);
    // The metrics run the rows come from, SUCCEEDED: reports use only published months (issue 11).
    com.dispatch.quality.io.RunLog.record(spark(), lake, new com.dispatch.quality.io.RunLog.RunRecord("metrics-test",
        "metrics", MONTH, asOf.toInstant(), asOf.toInstant(), asOf.toInstant(), com.dispatch.quality.io.RunLog.SUCCEEDED,
        "fixture", null));
    p12 = Keytool.selfSigned(tmp.resolve("company.p12"), "seal", "CN=Huaxin HR Quality Seal,O=Huaxin,C=CN", PASSWORD);
  }

  private ReportJob.Settings settings(Path out) {
    return new ReportJob.Settings(lake.root(), YearMonth.parse(MONTH), out, List.of(), 0, 2, 1, null, LocalDate.of(2026, 2, 5));
  }

  @Test
  void signedRunSignsEveryPdfAndRecordsSignerAndFingerprint() throws Exception {
    PdfSigner signer = new PdfSigner(SigningKey.load(p12, "seal", PASSWORD.toCharArray()), null, "服务质量月度报告");
    Path out = tmp.resolve("signed");
    List<String> progress = new ArrayList<>();
    ReportJob.Result r = ReportJob.run(spark(), settings(out), "report-signed", progress::add, signer);
    Assertions.assertEquals(2, r.pdfs());
    Assertions.assertTrue(progress.stream().anyMatch(l -> l.contains("signing every PDF as \"Huaxin HR Quality Seal\"")), progress.toString());
    String fingerprint = Keytool.sha256Fingerprint(p12, "seal", PASSWORD);
    List<String> lines = Files.readAllLines(out.resolve(MONTH).resolve("manifest.csv"), StandardCharsets.UTF_8);
    Assertions.assertEquals("client_id,file,pages,sha256,run_id,data_run_id,signer,cert_sha256", lines.get(0));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      Assertions.assertEquals("Huaxin HR Quality Seal", f[6], line);
      Assertions.assertEquals(fingerprint, f[7], line);
      byte[] pdf = Files.readAllBytes(out.resolve(MONTH).resolve(f[1]));
      Assertions.assertEquals(ReportRenderer.sha256(pdf), f[3]);
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        Assertions.assertEquals(1, doc.getSignatureDictionaries().size(), f[1]);
        Assertions.assertTrue(verifies(doc.getSignatureDictionaries().get(0), pdf), f[1]);
      }
    }
  }

  @Test
  void runWithoutKeystoreSaysThePdfsAreUnsigned() throws Exception {
    Path out = tmp.resolve("unsigned");
    List<String> progress = new ArrayList<>();
    ReportJob.run(spark(), settings(out), "report-unsigned", progress::add, null);
    Assertions.assertTrue(progress.contains("report: PDFs are NOT signed (no --sign-keystore given)"), progress.toString());
    for (String line : Files.readAllLines(out.resolve(MONTH).resolve("manifest.csv")).subList(1, 3)) {
      Assertions.assertTrue(line.endsWith(",,"), "signer and cert_sha256 empty: " + line);
    }
    try (PDDocument doc = Loader.loadPDF(out.resolve(MONTH).resolve("C0001.pdf").toFile())) {
      Assertions.assertTrue(doc.getSignatureDictionaries().isEmpty());
    }
  }

  private static boolean verifies(PDSignature sig, byte[] pdf) throws Exception {
    CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), sig.getContents(pdf));
    SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
    @SuppressWarnings("unchecked")
    X509CertificateHolder cert = (X509CertificateHolder) cms.getCertificates().getMatches(si.getSID()).iterator().next();
    return si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert));
  }
}
