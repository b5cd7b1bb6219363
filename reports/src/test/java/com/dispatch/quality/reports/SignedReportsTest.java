package com.dispatch.quality.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.sign.PdfSigner;
import com.dispatch.quality.reports.sign.SignedVerifier;
import com.dispatch.quality.reports.sign.SigningKey;
import com.dispatch.quality.reports.sign.TestKeys;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13 item 2: the reports carry a PAdES signature of the company's key, visible at the
 * seal position. Checked independently of the signing code: PDFBox reads the signature
 * dictionary and the widget, Bouncy Castle verifies the CMS over the signed byte range
 * ({@link SignedVerifier}). The
 * external verifiers (pdfsig, pyHanko) run in {@code .ci/signatures.sh}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedReportsTest {
  private static final char[] PASSWORD = "test-only-password".toCharArray();
  private static final String SIGNER = "华信人力资源服务有限公司 质量签章";

  @TempDir static Path tmp;
  private ReportRenderer renderer;
  private TestKeys.Issued issued;
  private SigningKey key;
  private PdfSigner signer;
  private RenderedReport unsigned;
  private byte[] signed;

  @BeforeAll
  void signOnce() throws Exception {
    renderer = new ReportRenderer();
    issued = TestKeys.selfSigned("CN=" + SIGNER + ",O=华信人力资源服务有限公司,C=CN");
    Path p12 = TestKeys.pkcs12(tmp.resolve("company.p12"), "seal", issued, PASSWORD);
    key = SigningKey.load(p12, "seal", PASSWORD);
    signer = new PdfSigner(key, null, "服务质量月度报告");
    unsigned = renderer.renderClient(SampleModels.fullClient("C0001", "上海东方精密制造有限公司"));
    signed = ReportRenderer.sign(unsigned, signer).pdf();
  }

  @Test
  void signedReportCarriesOneCadesSignatureOfTheCompanyKey() throws Exception {
    try (PDDocument doc = Loader.loadPDF(signed)) {
      List<PDSignature> sigs = doc.getSignatureDictionaries();
      assertEquals(1, sigs.size());
      PDSignature sig = sigs.get(0);
      assertEquals("ETSI.CAdES.detached", sig.getSubFilter(), "PAdES sub-filter");
      assertEquals(SIGNER, sig.getName());
      assertNotNull(sig.getSignDate());
      assertTrue(verifies(sig, signed), "CMS signature over the byte range verifies with the certificate");
    }
  }

  @Test
  void signatureCoversTheWholeFileButItsOwnValue() throws Exception {
    try (PDDocument doc = Loader.loadPDF(signed)) {
      int[] range = doc.getSignatureDictionaries().get(0).getByteRange();
      assertEquals(0, range[0]);
      assertEquals(signed.length, range[2] + range[3], "the byte range reaches the end of the file");
    }
  }

  @Test
  void oneChangedByteInTheSignedRangeBreaksTheSignature() throws Exception {
    byte[] tampered = signed.clone();
    int at = tampered.length / 3; // inside the rendered revision, well before the signature's /Contents
    tampered[at] ^= 0x01;
    try (PDDocument doc = Loader.loadPDF(signed)) {
      PDSignature sig = doc.getSignatureDictionaries().get(0);
      assertTrue(at < sig.getByteRange()[1], "the changed byte is in the signed range");
      assertFalse(verifies(sig, tampered), "digest must no longer match");
    }
  }

  @Test
  void signingKeepsTheRenderedRevisionByteForByte() {
    byte[] prefix = java.util.Arrays.copyOf(signed, unsigned.pdf().length);
    assertArrayEquals(unsigned.pdf(), prefix, "the signature is an incremental update of the rendered PDF");
  }

  @Test
  void cmsHasSigningCertificateV2AndNoSigningTimeAttribute() throws Exception {
    try (PDDocument doc = Loader.loadPDF(signed)) {
      CMSSignedData cms = new CMSSignedData(doc.getSignatureDictionaries().get(0).getContents(signed));
      SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
      assertNotNull(si.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2), "PAdES needs ESS signing-certificate-v2");
      assertNull(si.getSignedAttributes().get(PKCSObjectIdentifiers.pkcs_9_at_signingTime), "PAdES forbids a CMS signing-time");
      assertNull(si.getUnsignedAttributes(), "no time-stamp without a TSA");
    }
  }

  @Test
  void visibleSignatureSitsOnTheSealPlaceholderOfTheCover() throws Exception {
    assertNotNull(unsigned.seal(), "the client template keys its （盖章） element 'seal'");
    assertEquals(1, unsigned.seal().page());
    try (PDDocument doc = Loader.loadPDF(signed); PDDocument before = Loader.loadPDF(unsigned.pdf())) {
      PDPage cover = doc.getPage(0);
      PDAnnotationWidget widget = null;
      for (PDAnnotation a : cover.getAnnotations()) if (a instanceof PDAnnotationWidget w) widget = w;
      assertNotNull(widget, "signature widget on the cover");
      PDRectangle r = widget.getRectangle();
      assertTrue(r.getWidth() > 100 && r.getHeight() > 40, "visible, not a zero box: " + r);
      assertNotNull(widget.getNormalAppearanceStream(), "the widget has an appearance");
      // What the unsigned page shows inside the widget's box is the placeholder itself.
      PDFTextStripperByArea strip = new PDFTextStripperByArea();
      float top = before.getPage(0).getMediaBox().getHeight() - r.getUpperRightY();
      strip.addRegion("seal", new Rectangle2D.Float(r.getLowerLeftX(), top, r.getWidth(), r.getHeight()));
      strip.extractRegions(before.getPage(0));
      assertTrue(strip.getTextForRegion("seal").contains("盖章"), "box covers: " + strip.getTextForRegion("seal"));
    }
  }

  @Test
  void signerNameAndFingerprintComeFromTheCertificate() throws Exception {
    assertEquals(SIGNER, key.signerName());
    String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(issued.cert().getEncoded()));
    assertEquals(expected, key.certSha256());
  }

  @Test
  void overviewWithoutSealIsSignedInvisibly() throws Exception {
    ClientReportData a = SampleModels.fullClient("C0001", "上海东方精密制造有限公司");
    RenderedReport overview = renderer.renderOverview(SampleModels.overview(List.of(a)));
    assertNull(overview.seal());
    byte[] pdf = ReportRenderer.sign(overview, signer).pdf();
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      assertEquals(1, doc.getSignatureDictionaries().size());
      assertTrue(verifies(doc.getSignatureDictionaries().get(0), pdf));
    }
  }

  @Test
  void monthRenderSignsEveryPdfAndManifestNamesSignerAndFingerprint(@TempDir Path out) throws Exception {
    ClientReportData a = SampleModels.fullClient("C0001", "上海东方精密制造有限公司");
    ClientReportData b = SampleModels.emptyClient("C0002", "苏州新能源科技股份有限公司");
    renderer.renderMonth(out, List.of(a, b), SampleModels.overview(List.of(a, b)), "report-sign-1", 2, 0, null, false, signer);
    List<String> lines = Files.readAllLines(out.resolve("2026-01/manifest.csv"), StandardCharsets.UTF_8);
    assertEquals(ManifestEntry.HEADER, lines.get(0));
    assertTrue(lines.get(0).endsWith(",signer,cert_sha256"));
    assertEquals(4, lines.size());
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      byte[] pdf = Files.readAllBytes(out.resolve("2026-01").resolve(f[1]));
      assertEquals(ReportRenderer.sha256(pdf), f[3], "sha256 of the signed bytes, " + f[1]);
      assertEquals(SIGNER, f[6], f[1]);
      assertEquals(key.certSha256(), f[7], f[1]);
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        assertTrue(verifies(doc.getSignatureDictionaries().get(0), pdf), f[1]);
      }
    }
    try (var files = Files.list(out.resolve("2026-01"))) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
    }
  }

  @Test
  void unsignedMonthRenderLeavesSignerColumnsEmpty(@TempDir Path out) throws Exception {
    ClientReportData a = SampleModels.emptyClient("C0002", "苏州新能源科技股份有限公司");
    renderer.renderMonth(out, List.of(a), SampleModels.overview(List.of(a)), "report-sign-2", 1, 0, null, false, null);
    List<String> lines = Files.readAllLines(out.resolve("2026-01/manifest.csv"), StandardCharsets.UTF_8);
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      assertEquals(8, f.length, line);
      assertEquals("", f[6]);
      assertEquals("", f[7]);
      try (PDDocument doc = Loader.loadPDF(out.resolve("2026-01").resolve(f[1]).toFile())) {
        assertTrue(doc.getSignatureDictionaries().isEmpty());
      }
    }
  }

  @Test
  void wrongPasswordOrAliasFailsNamingTheProblemNotThePassword() throws Exception {
    Path p12 = TestKeys.pkcs12(tmp.resolve("other.p12"), "seal", issued, PASSWORD);
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
        () -> SigningKey.load(p12, "seal", "nope".toCharArray()));
    assertTrue(wrong.getMessage().contains("wrong password"), wrong.getMessage());
    assertFalse(wrong.getMessage().contains("nope"));
    IllegalArgumentException alias = assertThrows(IllegalArgumentException.class,
        () -> SigningKey.load(p12, "company", PASSWORD));
    assertTrue(alias.getMessage().contains("no alias 'company'"), alias.getMessage());
    assertFalse(alias.getMessage().contains(new String(PASSWORD)));
  }

  @Test
  void textOfTheReportIsUnchangedBySigning() throws Exception {
    try (PDDocument a = Loader.loadPDF(unsigned.pdf()); PDDocument b = Loader.loadPDF(signed)) {
      assertEquals(new PDFTextStripper().getText(a), new PDFTextStripper().getText(b));
      assertEquals(a.getNumberOfPages(), b.getNumberOfPages());
    }
  }

  private static boolean verifies(PDSignature sig, byte[] pdf) throws Exception {
    return SignedVerifier.verifies(sig, pdf);
  }
}
