package com.dispatch.quality.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.model.RankingRow;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Section 七、满意度回访 of the client report and the overview's satisfaction column (SPEC §4.7, issue 13). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SatisfactionSectionTest {
  private ReportRenderer renderer;
  private ClientReportData full;
  private String fullText;

  @BeforeAll
  void renderOnce() throws IOException {
    renderer = new ReportRenderer();
    full = SampleModels.fullClient("C0001", "上海东方精密制造有限公司");
    fullText = ReportRendererTest.text(renderer.renderClient(full).pdf());
  }

  /** The text between section 七 and the appendix. */
  private static String section(String text) {
    int from = text.indexOf("七、满意度回访");
    int to = text.indexOf("附录：指标口径说明", from);
    assertTrue(from >= 0 && to > from, "section 七 before the appendix");
    return text.substring(from, to);
  }

  @Test
  void sectionShowsResponsesMeanSatisfiedShareAndResponseRate() {
    String s = section(fullText);
    assertTrue(s.contains("用工单位回访次数"), s);
    assertTrue(s.contains("3.50"), "client mean score, 2 decimals: " + s);
    assertTrue(s.contains("50.00%"), "client satisfied share: " + s);
    assertTrue(s.contains("3.89"), "employee mean 3.888889 HALF_UP: " + s);
    assertTrue(s.contains("66.67%"), "employee satisfied share: " + s);
    assertTrue(s.contains("15.38%") && s.contains("52 人"), "response rate over 52 expected heads: " + s);
  }

  @Test
  void dissatisfiedAnswersAreListedWithMaskedIdsAndComments() {
    String s = section(fullText);
    assertTrue(s.contains("E0*****11") && s.contains("E0*****01"), s);
    assertFalse(s.contains("E00000011"), "no full employee id");
    assertTrue(s.contains("157****6727"), "the comment as masked in silver");
    assertTrue(s.contains("2026-01-08 12:19"), "answered_at in Beijing time");
    assertTrue(s.contains("用工单位") && s.contains("1 分"), "the client's own dissatisfied answer");
  }

  @Test
  void clientWithoutAnswersSaysSo() throws IOException {
    String s = section(ReportRendererTest.text(renderer.renderClient(
        SampleModels.emptyClient("C0009", "无数据测试有限公司")).pdf()));
    assertTrue(s.contains("本月无相关数据"), s);
    assertFalse(s.contains("不满意回访明细"), "no empty list header");
  }

  @Test
  void overviewRankingShowsClientAndEmployeeSatisfiedShares() throws IOException {
    List<RankingRow> rows = Ranking.rank(List.of(full));
    assertEquals("50.00% / 66.67%", rows.get(0).satisfactionText());
    String overview = ReportRendererTest.text(renderer.renderOverview(SampleModels.overview(List.of(full))).pdf());
    assertTrue(overview.contains("50.00% / 66.67%") || overview.contains("50.00% /\n66.67%"), overview);
  }
}
