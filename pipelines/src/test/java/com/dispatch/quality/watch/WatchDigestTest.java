package com.dispatch.quality.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.domain.WatchLevel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watch digest (issue 12): folder, order and grouping by level, per-client pages, empty list, CSV, subject. */
class WatchDigestTest {
  private static final Instant AS_OF = Instant.parse("2025-12-15T02:00:00Z");   // 10:00 Shanghai

  @TempDir Path out;

  private static WatchDigest.Entry entry(WatchLevel level, String client, SlaRule rule, String subject, double hoursLeft) {
    Instant deadline = AS_OF.plusSeconds((long) (hoursLeft * 3600));
    return new WatchDigest.Entry(level, client, client + "公司", rule, subject, "2025-12",
        deadline.minusSeconds(86_400), deadline, hoursLeft, 0.6);
  }

  @Test
  void digestIsGroupedByLevelMostUrgentFirstAndSortedByHoursLeftWithOnePagePerClient() throws Exception {
    List<WatchDigest.Entry> entries = List.of(
        entry(WatchLevel.WARN_50, "C2", SlaRule.COMPLAINT_PLAN_2WD, "K9", 30),
        entry(WatchLevel.OVERDUE, "C1", SlaRule.CONTRACT_BY_START, "A7", -2),
        entry(WatchLevel.OVERDUE, "C2", SlaRule.COMPLAINT_RESPONSE_24H, "K1", -20),
        entry(WatchLevel.CRITICAL_90, "C1", SlaRule.INJURY_ONSITE_12H, "I3", 0.5));
    Path dir = WatchDigest.write(out, AS_OF, "watch-test", entries);
    assertEquals(out.resolve("watch/2025-12-15/1000"), dir);

    String html = Files.readString(dir.resolve("digest.html"), StandardCharsets.UTF_8);
    int k1 = html.indexOf("K1"), a7 = html.indexOf("A7"), i3 = html.indexOf("I3"), k9 = html.indexOf("K9");
    assertTrue(k1 < a7 && a7 < i3 && i3 < k9, "OVERDUE by hours left, then CRITICAL_90, then WARN_50");
    assertTrue(html.contains("投诉24小时内响应") && html.contains("-20.0"));

    List<String> csv = Files.readAllLines(dir.resolve("digest.csv"), StandardCharsets.UTF_8);
    assertEquals(5, csv.size());
    assertTrue(csv.get(0).startsWith("\uFEFFlevel,"));
    assertTrue(csv.get(1).startsWith("OVERDUE,") && csv.get(1).contains(",K1,"));

    String c1 = Files.readString(dir.resolve("C1.html"), StandardCharsets.UTF_8);
    assertTrue(c1.contains("A7") && c1.contains("I3"));
    assertFalse(c1.contains("K1") || c1.contains("K9") || c1.contains("C2公司"), "a client's page holds only its rows");
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of("C1.html", "C2.html", "digest.csv", "digest.html", "summary.json"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
    String summary = Files.readString(dir.resolve("summary.json"), StandardCharsets.UTF_8);
    assertTrue(summary.contains("\"urgent\": 3"), summary);
    assertTrue(summary.contains("【服务时限预警】2025-12-15 10:00 已超时 2 · 紧急 1 · 预警 0 · 关注 1"), summary);
  }

  @Test
  void aPayrollIsOneRowOfTheDigestWithItsLineCountButEveryLineInTheCsv() throws Exception {
    List<WatchDigest.Entry> entries = List.of(
        entry(WatchLevel.WARN_75, "C1", SlaRule.WAGE_ON_TIME, "L2", 40),
        entry(WatchLevel.WARN_75, "C1", SlaRule.WAGE_ON_TIME, "L1", 40),
        entry(WatchLevel.WARN_75, "C1", SlaRule.WAGE_ON_TIME, "L3", 40),
        entry(WatchLevel.WARN_75, "C2", SlaRule.WAGE_ON_TIME, "M1", 40));
    Path dir = WatchDigest.write(out, AS_OF, "watch-test", entries);
    String html = Files.readString(dir.resolve("digest.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("<code>L1</code> 等共 3 条结算明细"), html);
    assertFalse(html.contains("L2"));
    assertTrue(html.contains("<code>M1</code></td>"));
    assertEquals(5, Files.readAllLines(dir.resolve("digest.csv"), StandardCharsets.UTF_8).size());
  }

  @Test
  void anEmptyWatchlistWritesADigestThatSaysSoAndARerunOfTheMinuteLeavesNoStalePage() throws Exception {
    WatchDigest.write(out, AS_OF, "watch-1", List.of(entry(WatchLevel.OVERDUE, "C1", SlaRule.INSURANCE_30D, "A1", -1)));
    Path dir = WatchDigest.write(out, AS_OF, "watch-2", List.of());
    String html = Files.readString(dir.resolve("digest.html"), StandardCharsets.UTF_8);
    assertTrue(html.contains("没有已超时或已用时过半的服务时限事项"), html);
    assertFalse(Files.exists(dir.resolve("C1.html")));
    assertEquals(1, Files.readAllLines(dir.resolve("digest.csv"), StandardCharsets.UTF_8).size());
    assertTrue(Files.readString(dir.resolve("summary.json")).contains("\"total\": 0"));
  }
}
