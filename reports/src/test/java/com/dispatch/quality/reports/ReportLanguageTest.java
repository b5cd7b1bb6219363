package com.dispatch.quality.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.reports.model.ClientReportData;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 13 item 3: a client's report in its report_language. The same model rendered in Chinese
 * and in English: same figures, every label from the language's bundle.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportLanguageTest {
  private static final String CLIENT_NAME = "上海东方精密制造有限公司";
  private ClientReportData chinese;
  private String zh;
  private String en;
  private int zhPages;
  private int enPages;

  @BeforeAll
  void renderBoth() throws IOException {
    ReportRenderer renderer = new ReportRenderer();
    chinese = SampleModels.fullClient("C0001", CLIENT_NAME);
    RenderedReport zhPdf = renderer.renderClient(chinese);
    RenderedReport enPdf = renderer.renderClient(chinese.inLanguage(ReportLanguage.EN_US));
    zh = ReportRendererTest.text(zhPdf.pdf());
    en = ReportRendererTest.text(enPdf.pdf());
    zhPages = zhPdf.pages();
    enPages = enPdf.pages();
  }

  @Test
  void everyKeyOfOneBundleIsInTheOtherWithTheSamePlaceholders() throws IOException {
    Properties zhCn = bundle("zh_CN");
    Properties enUs = bundle("en_US");
    assertEquals(new TreeSet<>(zhCn.stringPropertyNames()), new TreeSet<>(enUs.stringPropertyNames()));
    for (String key : zhCn.stringPropertyNames()) {
      assertFalse(enUs.getProperty(key).isBlank(), key);
      assertEquals(placeholders(zhCn.getProperty(key)), placeholders(enUs.getProperty(key)), key);
    }
  }

  @Test
  void clientWithoutReportLanguageGetsTheChineseReport() {
    assertEquals(ReportLanguage.ZH_CN, chinese.language());
    assertEquals(ReportLanguage.ZH_CN, ReportLanguage.ofStored(null));
    assertEquals(ReportLanguage.ZH_CN, ReportLanguage.ofStored(" "));
    assertEquals(ReportLanguage.EN_US, ReportLanguage.ofStored("en-US"));
    assertThrows(IllegalArgumentException.class, () -> ReportLanguage.ofStored("fr-FR"));
    for (String label : List.of("服务质量月度报告", "一、服务质量总览", "人数差错率", "未达标", "附录：指标口径说明", "2026年1月",
        "第 1 页 共 ")) {
      assertTrue(zh.contains(label), label);
    }
    assertFalse(zh.contains("Monthly Service Quality Report"));
  }

  @Test
  void englishReportHasEnglishLabelsAndNoChineseLabelText() {
    for (String label : List.of("Monthly Service Quality Report", "(January 2026)", "Client:", "Reporting period:",
        "2026-01-01 to 2026-01-31", "February 5, 2026", "(Beijing time)", "1. Service quality overview",
        "2. Settlement accuracy (error rates)", "3. Response speed", "4. Service time limits", "5. Service frequency",
        "6. Recruitment shortlists", "7. Satisfaction follow-ups", "Appendix: definitions", "Headcount error rate",
        "Work injury on-site staff P90", "Missed", "No data", "In progress", "Labour contract signed by the start date",
        "(client duty)", "On-site visits", "Wage", "Amount", "Expected headcount", "Employee coverage",
        "Original statement", "Page 1 of " + enPages, "pp")) {
      assertTrue(oneLine(en).contains(label), label); // a longer English label may wrap in its cell
    }
    // Names and comments are data, not labels: the client's and the issuing company's legal names
    // and the respondents' own words stay as written.
    String labelsOnly = en.replace(CLIENT_NAME, "").replace(chinese.header().companyName(), "");
    for (var answer : chinese.satisfaction().dissatisfied()) {
      for (String part : answer.commentText().split("\n")) labelsOnly = labelsOnly.replace(part.strip(), "");
    }
    List<String> cjk = new ArrayList<>();
    for (String line : labelsOnly.split("\n")) {
      if (line.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)) cjk.add(line);
    }
    assertEquals(List.of(), cjk, "lines with Chinese text in the English report");
  }

  @Test
  void englishAndChineseReportsShowTheSameFigures() {
    assertEquals(figures(zh), figures(en));
    assertTrue(figures(zh).size() > 40, "the comparison must see the report's figures: " + figures(zh));
    assertEquals(zhPages, enPages, "same sections, same page breaks");
  }

  @Test
  void numbersAndDatesFollowTheLocale() {
    Labels e = Labels.of(ReportLanguage.EN_US);
    Labels z = Labels.of(ReportLanguage.ZH_CN);
    assertEquals("November 2025", e.month(java.time.YearMonth.of(2025, 11)));
    assertEquals("2025年11月", z.month(java.time.YearMonth.of(2025, 11)));
    assertEquals("1,234,567.89", e.money(new java.math.BigDecimal("1234567.885")));
    assertEquals("12,345", e.count(12345));
    assertEquals("+0.35 pp", e.pctPoints(0.0035));
    assertEquals("+0.35个百分点", z.pctPoints(0.0035));
    assertEquals("30 days", e.limit(720.0));
    assertEquals("12 h", e.limit(12.0));
    assertEquals("1.73%", e.pct(0.01725));
  }

  private static String oneLine(String text) { return text.replaceAll("\\s+", " "); }

  /** Decimal figures (rates, hours, money) in reading order of the text, e.g. "1.72%", "6,100.00". */
  private static List<String> figures(String text) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("[+-]?\\d[\\d,]*\\.\\d+%?").matcher(text);
    while (m.find()) out.add(m.group());
    out.sort(null); // the order of lines may differ where a longer English label wraps
    return out;
  }

  private static Set<String> placeholders(String pattern) {
    Set<String> out = new TreeSet<>();
    Matcher m = Pattern.compile("\\{\\d+").matcher(pattern);
    while (m.find()) out.add(m.group());
    return out;
  }

  private static Properties bundle(String locale) throws IOException {
    Properties p = new Properties();
    try (Reader r = new InputStreamReader(ReportLanguageTest.class.getClassLoader()
        .getResourceAsStream("reports/i18n/labels_" + locale + ".properties"), StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return p;
  }
}
