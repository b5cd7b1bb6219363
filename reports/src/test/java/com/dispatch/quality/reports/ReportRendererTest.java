package com.dispatch.quality.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.privacy.Masking;
import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.model.ResponseRow;
import com.dispatch.quality.reports.model.ScorecardRow;
import com.dispatch.quality.reports.model.SettlementErrorRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Renders hand-built models and reads the PDFs back with PDFBox (issue 4 "done when"). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportRendererTest {
  private ReportRenderer renderer;
  private ClientReportData full;
  private RenderedReport fullPdf;
  private String fullText;

  @BeforeAll
  void renderOnce() throws IOException {
    renderer = new ReportRenderer();
    full = SampleModels.fullClient("C0001", "上海东方精密制造有限公司");
    fullPdf = renderer.renderClient(full);
    fullText = text(fullPdf.pdf());
  }

  @Test
  void headlineNumbersAppearAsTheModelSays() {
    for (ScorecardRow kpi : full.scorecard()) {
      assertTrue(fullText.contains(kpi.valueText()), kpi.kpi() + " value " + kpi.valueText());
    }
    assertTrue(fullText.contains(Fmt.pct(full.settlement().headcountErrorRate())));
    assertTrue(fullText.contains(Fmt.pct(full.settlement().calcErrorRate())));
    assertTrue(fullText.contains(Fmt.count(full.settlement().expectedHeadcount())));
    ResponseRow roster = full.response().get(0);
    assertTrue(fullText.contains(Fmt.hours(roster.p90Hours())), "p90 " + roster.p90Hours());
    assertTrue(fullText.contains(full.sla().get(1).complianceRateText()));
  }

  @Test
  void formattingRoundsRatesAndHoursHalfUp() {
    assertEquals("1.73%", Fmt.pct(0.01725));
    assertEquals("0.70%", Fmt.pct(2 / 286.0));
    assertEquals("598.25", Fmt.hours(598.25));
    assertEquals("+0.35个百分点", Fmt.pctPoints(0.0035));
    assertEquals("1,234.50", Fmt.money(new java.math.BigDecimal("1234.5")));
    assertEquals(Fmt.NONE, Fmt.pct(null));
  }

  @Test
  void chineseTextRoundTrips() {
    assertTrue(fullText.contains("上海东方精密制造有限公司"));
    assertTrue(fullText.contains("服务质量月度报告"));
    assertTrue(fullText.contains("人数差错率"));
    assertTrue(fullText.contains("未达标"), "status word for MISSED");
    assertTrue(fullText.contains("达标"));
  }

  @Test
  void everyFontIsEmbedded() throws IOException {
    List<String> fonts = new ArrayList<>();
    try (PDDocument doc = Loader.loadPDF(fullPdf.pdf())) {
      for (PDPage page : doc.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          fonts.add(font.getName());
          assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
        }
      }
    }
    assertTrue(fonts.stream().anyMatch(f -> f.contains("WenQuanYi")), "fonts: " + fonts);
  }

  @Test
  void footerNumbersEveryPage() throws IOException {
    assertTrue(fullText.contains("第 1 页 共 " + fullPdf.pages() + " 页"));
    assertTrue(fullText.contains("第 " + fullPdf.pages() + " 页 共 " + fullPdf.pages() + " 页"));
    assertTrue(fullText.contains("QR-2026-01-C0001"));
    assertTrue(fullText.contains(full.header().runId()));
    assertTrue(fullText.contains("2026-02-05 03:00"), "as_of in Beijing time");
  }

  @Test
  void employeeIdsAppearOnlyMasked() {
    for (SettlementErrorRow e : full.settlementErrors()) {
      assertFalse(fullText.contains(e.employeeId()), "unmasked " + e.employeeId());
      assertTrue(fullText.contains(e.maskedEmployeeId()));
    }
    assertEquals("E0*****45", Masking.employeeId("E00012345"));
    assertEquals("***9", Masking.employeeId("E129"));
  }

  @Test
  void sectionWithoutDataSaysSoInWords() throws IOException {
    RenderedReport empty = renderer.renderClient(SampleModels.emptyClient("C0009", "无数据测试有限公司"));
    String text = text(empty.pdf());
    assertTrue(text.contains("本月无相关数据"));
    assertTrue(text.contains("近 12 个月无相关数据"));
    assertTrue(text.contains("本月无超时事项"));
    assertTrue(text.contains("第 1 页 共 " + empty.pages() + " 页"));
    assertFalse(text.contains("null"));
  }

  @Test
  void monthRenderWritesPdfsAndManifestWithPagesAndSha(@TempDir Path out) throws IOException {
    ClientReportData a = SampleModels.fullClient("C0001", "上海东方精密制造有限公司");
    ClientReportData b = SampleModels.emptyClient("C0002", "苏州新能源科技股份有限公司");
    List<String> progress = new ArrayList<>();
    List<ManifestEntry> entries = renderer.renderMonth(out, List.of(a, b), SampleModels.overview(List.of(a, b)),
        "report-test-1", 2, 1, progress::add, false);
    assertEquals(3, entries.size());
    assertEquals(3, progress.size());
    List<String> lines = Files.readAllLines(out.resolve("2026-01/manifest.csv"), StandardCharsets.UTF_8);
    assertEquals(ManifestEntry.HEADER, lines.get(0));
    assertEquals(4, lines.size());
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      byte[] pdf = Files.readAllBytes(out.resolve("2026-01").resolve(f[1]));
      assertEquals(ReportRenderer.sha256(pdf), f[3], f[1]);
      try (PDDocument doc = Loader.loadPDF(pdf)) {
        assertEquals(doc.getNumberOfPages(), Integer.parseInt(f[2]), f[1]);
      }
      assertEquals("report-test-1", f[4]);
    }
    assertTrue(Files.exists(out.resolve("2026-01/_overview.pdf")));
  }

  @Test
  void mergedManifestKeepsOtherFilesLinesVerbatimEvenWithAQuotedCommaAndReplacesTheRenderedOnes(@TempDir Path out)
      throws IOException {
    Path manifest = out.resolve("2026-01/manifest.csv");
    Files.createDirectories(manifest.getParent());
    String kept = "C0009,C0009.pdf,3,abc,report-old,metrics-old,\"Quality, Inc.\",ff00";
    Files.writeString(manifest, ManifestEntry.HEADER + "\n" + kept + "\nC0001,C0001.pdf,1,stale,report-old,,,\n",
        StandardCharsets.UTF_8);
    ClientReportData a = SampleModels.fullClient("C0001", "上海东方精密制造有限公司");
    renderer.renderMonth(out, List.of(a), SampleModels.overview(List.of(a)), "report-test-2", 1, 0, null, true);
    List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
    assertEquals(ManifestEntry.HEADER, lines.get(0));
    assertTrue(lines.contains(kept), lines.toString());
    assertEquals(1, lines.stream().filter(l -> l.startsWith("C0001,")).count(), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("C0001,C0001.pdf,") && l.contains(",report-test-2,")), lines.toString());
    assertFalse(lines.stream().anyMatch(l -> l.contains("stale")), lines.toString());
  }

  @Test
  void overviewRanksClientsAndNamesWorstBreach() throws IOException {
    ClientReportData a = SampleModels.fullClient("C0001", "上海东方精密制造有限公司");
    ClientReportData b = SampleModels.emptyClient("C0002", "苏州新能源科技股份有限公司");
    String text = text(renderer.renderOverview(SampleModels.overview(List.of(b, a))).pdf());
    assertTrue(text.indexOf("C0001") < text.indexOf("C0002"), "client with a judged scorecard ranks first");
    assertTrue(text.contains("723.00"), "largest lateness listed");
    assertTrue(text.contains("QR-2026-01-ALL"));
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(doc);
    }
  }
}
