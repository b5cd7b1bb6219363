package com.dispatch.quality.watch;

import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.domain.WatchLevel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The watch run's digest (SPEC §4.8; issue 12): {@code <out>/watch/<as_of_date>/<HHmm>/} holds
 * {@code digest.html} (company-wide, for the quality managers), {@code digest.csv} (the same rows),
 * one {@code <client_id>.html} per client with entries (that client's rows only, for its account
 * manager) and {@code summary.json} (counts per level and the mail subject, for the DAG). Rows are
 * grouped by level, most urgent first, and sorted by hours left. No Spark: it gets collected rows.
 */
public final class WatchDigest {
  private WatchDigest() {}

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);
  private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZONE);
  private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm").withZone(ZONE);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZONE);

  /** One watchlist row with the client's name (null when silver has no such client). */
  public record Entry(WatchLevel level, String clientId, String clientName, SlaRule rule, String subjectId,
      String month, Instant clockStartAt, Instant deadlineAt, double hoursLeft, Double elapsedShare) {}

  /** Digest order: level (most urgent first), then hours left, then client, rule, subject. */
  static final Comparator<Entry> ORDER = Comparator.comparing(Entry::level)
      .thenComparingDouble(Entry::hoursLeft)
      .thenComparing(Entry::clientId)
      .thenComparing(e -> e.rule().name())
      .thenComparing(Entry::subjectId);

  /** {@code <out>/watch/<as_of_date>/<HHmm>}, the folder of one run's digest. */
  public static Path folder(Path out, Instant asOf) {
    return out.resolve("watch").resolve(DAY.format(asOf)).resolve(HHMM.format(asOf));
  }

  /** Counts per level, every level present (0 when none). */
  public static Map<WatchLevel, Long> counts(List<Entry> entries) {
    Map<WatchLevel, Long> c = new EnumMap<>(WatchLevel.class);
    for (WatchLevel l : WatchLevel.values()) c.put(l, 0L);
    for (Entry e : entries) c.merge(e.level(), 1L, Long::sum);
    return c;
  }

  /** The mail subject: 【服务时限预警】<as_of> 已超时 n · 紧急 n · 预警 n · 关注 n. */
  public static String subject(Instant asOf, Map<WatchLevel, Long> counts) {
    List<String> parts = new ArrayList<>();
    for (WatchLevel l : WatchLevel.values()) parts.add(l.shortName() + " " + counts.get(l));
    return "【服务时限预警】" + MINUTE.format(asOf) + " " + String.join(" · ", parts);
  }

  /**
   * Writes the digest folder, replacing a previous digest of the same minute (so a client who left
   * the list keeps no stale file). Files are written to a fresh sibling folder that is then moved
   * into place, so a reader never sees a half-written digest. Returns the folder.
   */
  public static Path write(Path out, Instant asOf, String runId, List<Entry> entries) {
    List<Entry> sorted = entries.stream().sorted(ORDER).toList();
    Path target = folder(out, asOf);
    try {
      Files.createDirectories(target.getParent());
      // Not createTempDirectory: its owner-only permissions would hide the digest from the mailer's account.
      Path tmp = Files.createDirectory(target.getParent().resolve("." + target.getFileName() + "-"
          + java.util.UUID.randomUUID()));
      Map<WatchLevel, Long> counts = counts(sorted);
      Files.writeString(tmp.resolve("digest.html"), html(asOf, runId, sorted, null), StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("digest.csv"), csv(sorted), StandardCharsets.UTF_8);
      Files.writeString(tmp.resolve("summary.json"), summaryJson(asOf, runId, counts), StandardCharsets.UTF_8);
      Map<String, List<Entry>> byClient = new TreeMap<>();
      for (Entry e : sorted) byClient.computeIfAbsent(e.clientId(), k -> new ArrayList<>()).add(e);
      for (Map.Entry<String, List<Entry>> c : byClient.entrySet()) {
        Files.writeString(tmp.resolve(fileName(c.getKey()) + ".html"), html(asOf, runId, c.getValue(), c.getKey()),
            StandardCharsets.UTF_8);
      }
      if (Files.exists(target)) deleteTree(target);
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the watch digest under " + target + ": " + e.getMessage(), e);
    }
  }

  /** A client id as a file name: anything but letters, digits, '-' and '_' becomes '_'. */
  static String fileName(String clientId) { return clientId.replaceAll("[^A-Za-z0-9_-]", "_"); }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  /** digest.csv: UTF-8 with a BOM (so Excel shows the Chinese), RFC-4180 quoting, digest order. */
  static String csv(List<Entry> sorted) {
    StringBuilder b = new StringBuilder("\uFEFF");
    b.append("level,level_name,client_id,client_name,rule,rule_name,subject_id,month,clock_start_at,deadline_at,"
        + "hours_left,elapsed_share\r\n");
    for (Entry e : sorted) {
      b.append(String.join(",", List.of(e.level().name(), q(e.level().chineseName()), q(e.clientId()),
          q(e.clientName() == null ? "" : e.clientName()), e.rule().name(), q(e.rule().chineseName()), q(e.subjectId()),
          e.month(), e.clockStartAt() == null ? "" : ISO.format(e.clockStartAt()), ISO.format(e.deadlineAt()),
          String.format(Locale.ROOT, "%.2f", e.hoursLeft()),
          e.elapsedShare() == null ? "" : String.format(Locale.ROOT, "%.4f", e.elapsedShare())))).append("\r\n");
    }
    return b.toString();
  }

  private static String q(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) return s;
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  static String summaryJson(Instant asOf, String runId, Map<WatchLevel, Long> counts) {
    StringBuilder c = new StringBuilder();
    long total = 0;
    for (WatchLevel l : WatchLevel.values()) {
      c.append(c.length() == 0 ? "" : ", ").append('"').append(l.name()).append("\": ").append(counts.get(l));
      total += counts.get(l);
    }
    long urgent = counts.entrySet().stream().filter(e -> e.getKey().urgent()).mapToLong(Map.Entry::getValue).sum();
    return "{\n  \"as_of\": \"" + ISO.format(asOf) + "\",\n  \"as_of_date\": \"" + DAY.format(asOf)
        + "\",\n  \"run_id\": \"" + json(runId) + "\",\n  \"total\": " + total + ",\n  \"urgent\": " + urgent
        + ",\n  \"counts\": {" + c + "},\n  \"subject\": \"" + json(subject(asOf, counts)) + "\"\n}\n";
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder();
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') b.append('\\').append(ch);
      else if (ch < 0x20) b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      else b.append(ch);
    }
    return b.toString();
  }

  private static final Map<WatchLevel, String> COLOURS = Map.of(
      WatchLevel.OVERDUE, "#b71c1c", WatchLevel.CRITICAL_90, "#e65100",
      WatchLevel.WARN_75, "#f9a825", WatchLevel.WARN_50, "#1565c0");

  /**
   * The HTML page (inline styles only: mail clients drop style sheets). {@code clientId} null =
   * the company-wide digest; otherwise the page of that client, whose rows the caller passes.
   */
  static String html(Instant asOf, String runId, List<Entry> sorted, String clientId) {
    Map<WatchLevel, Long> counts = counts(sorted);
    String when = MINUTE.format(asOf);
    String scope = clientId == null ? "全公司" : clientName(sorted, clientId);
    StringBuilder b = new StringBuilder();
    b.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>服务时限预警 ").append(esc(when)).append(" · ").append(esc(scope)).append("</title>\n")
        .append("</head>\n<body style=\"margin:0;padding:24px;font-family:'Microsoft YaHei','PingFang SC',"
            + "'WenQuanYi Micro Hei','Noto Sans CJK SC',sans-serif;color:#212121;background:#fafafa\">\n")
        .append("<h1 style=\"font-size:22px;margin:0 0 4px\">服务时限预警（").append(esc(scope)).append("）</h1>\n")
        .append("<p style=\"margin:0 0 16px;color:#616161;font-size:13px\">截至 ").append(esc(when))
        .append("（北京时间） · 统计月份 上月、本月、下月 · 运行 ").append(esc(runId)).append("</p>\n");
    b.append("<table style=\"border-collapse:collapse;margin:0 0 20px\"><tr>");
    for (WatchLevel l : WatchLevel.values()) {
      b.append("<td style=\"padding:8px 16px;border:1px solid #e0e0e0;background:#fff;text-align:center\">")
          .append("<div style=\"font-size:22px;font-weight:bold;color:").append(COLOURS.get(l)).append("\">")
          .append(counts.get(l)).append("</div><div style=\"font-size:12px;color:#616161\">")
          .append(esc(l.chineseName())).append("</div></td>");
    }
    b.append("</tr></table>\n");
    if (sorted.isEmpty()) {
      b.append("<p style=\"font-size:15px;padding:16px;background:#e8f5e9;border:1px solid #c8e6c9\">")
          .append("截至 ").append(esc(when)).append("，没有已超时或已用时过半的服务时限事项。</p>\n");
    }
    for (WatchLevel l : WatchLevel.values()) {
      List<Entry> rows = sorted.stream().filter(e -> e.level() == l).toList();
      if (rows.isEmpty()) continue;
      b.append("<h2 style=\"font-size:17px;margin:20px 0 8px;padding-left:8px;border-left:5px solid ")
          .append(COLOURS.get(l)).append("\">").append(esc(l.chineseName())).append(" · ").append(rows.size())
          .append(" 项</h2>\n");
      b.append("<table style=\"border-collapse:collapse;width:100%;background:#fff;font-size:13px\">\n<tr>");
      for (String h : List.of("客户", "时限规则", "对象编号", "月份", "截止时间", "剩余小时", "已用时")) {
        b.append("<th style=\"text-align:left;padding:6px 8px;border-bottom:2px solid #bdbdbd;background:#f5f5f5\">")
            .append(h).append("</th>");
      }
      b.append("</tr>\n");
      for (List<Entry> group : foldPayrolls(rows)) {
        Entry e = group.get(0);
        String subject = "<code>" + esc(e.subjectId()) + "</code>"
            + (group.size() > 1 ? " 等共 " + group.size() + " 条结算明细" : "");
        String td = "<td style=\"padding:6px 8px;border-bottom:1px solid #eeeeee\">";
        b.append("<tr>").append(td).append(esc(e.clientName() == null ? e.clientId() : e.clientName()))
            .append(" <span style=\"color:#9e9e9e\">").append(esc(e.clientId())).append("</span></td>")
            .append(td).append(esc(e.rule().chineseName())).append("</td>")
            .append(td).append(subject).append("</td>")
            .append(td).append(esc(e.month())).append("</td>")
            .append(td).append(esc(MINUTE.format(e.deadlineAt()))).append("</td>")
            .append("<td style=\"padding:6px 8px;border-bottom:1px solid #eeeeee;text-align:right;font-weight:bold;color:")
            .append(e.hoursLeft() < 0 ? COLOURS.get(WatchLevel.OVERDUE) : "#212121").append("\">")
            .append(String.format(Locale.ROOT, "%.1f", e.hoursLeft())).append("</td>")
            .append("<td style=\"padding:6px 8px;border-bottom:1px solid #eeeeee;text-align:right\">")
            .append(e.elapsedShare() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", e.elapsedShare() * 100))
            .append("</td></tr>\n");
      }
      b.append("</table>\n");
    }
    b.append("<p style=\"margin-top:24px;color:#9e9e9e;font-size:12px\">剩余小时 = 截止时间 − 统计时点，负数表示已超时。"
        + "已用时 = 自计时起点起已用去的时限比例。内部资料，供质量管理与客户经理跟进使用。</p>\n</body>\n</html>\n");
    return b.toString();
  }

  /**
   * The rows of one level in display groups: WAGE_ON_TIME lines of the same client, month and
   * deadline are one payroll, paid in one go, so the page shows them as one row with their count
   * (digest.csv and the table keep every line); every other entry is a group of its own.
   */
  static List<List<Entry>> foldPayrolls(List<Entry> rows) {
    List<List<Entry>> out = new ArrayList<>();
    for (Entry e : rows) {
      List<Entry> last = out.isEmpty() ? null : out.get(out.size() - 1);
      Entry head = last == null ? null : last.get(0);
      if (head != null && e.rule() == SlaRule.WAGE_ON_TIME && head.rule() == SlaRule.WAGE_ON_TIME
          && e.clientId().equals(head.clientId()) && e.month().equals(head.month())
          && e.deadlineAt().equals(head.deadlineAt())) {
        last.add(e);
      } else {
        out.add(new ArrayList<>(List.of(e)));
      }
    }
    return out;
  }

  private static String clientName(List<Entry> rows, String clientId) {
    String name = rows.isEmpty() ? null : rows.get(0).clientName();
    return name == null ? clientId : name + "（" + clientId + "）";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
