package com.dispatch.quality.generate;

import com.dispatch.quality.domain.ActivityType;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * activities/&lt;month&gt;/ (SPEC §2): per client-month (stream 4) and activity type, the
 * promised count or more, 12% of MONTH promises one or two short; the second month's file has
 * an unknown {@code channel} column, and the first month's file is re-delivered byte-identical
 * under activities/resend/. Writes {@code _ground_truth/service_frequency.csv} (SPEC §4.4).
 */
final class ActivityWriter implements Closeable {
  static final String[] COLS = {"activity_id", "client_id", "activity_type", "occurred_at", "staff_id",
      "employee_id", "summary"};
  private static final String[] SUMMARIES = {
      "与人事经理沟通本月用工计划", "电话回访员工，反馈良好", "走访车间，检查考勤与安全培训记录",
      "客户反馈：\"夜班补贴\"计算口径需要确认，已记录", "季度服务报告已发送, 含误差率与时限统计",
      "员工咨询社保转移，已解答\n下周跟进办理进度", "现场答疑：工资条、个税、公积金",
      "与客户财务核对结算单，\"服务费\"按人头计", "组织新员工入职培训，共 12 人, 签到表已存档",
      "客户提出增加夜班人手\n需求：3 人，下周一到岗"};
  private static final String[] CHANNELS = {"微信", "电话", "现场", "邮件"};

  private final Scope scope;
  private final Map<String, CsvFile> files = new TreeMap<>();
  private final int[][][] counts; // [client][type][month]
  private long rows;

  ActivityWriter(Scope scope) {
    this.scope = scope;
    this.counts = new int[scope.clients][ActivityType.values().length][scope.months];
  }

  /** The commitment of client c for type t effective on {@code day} (any period when {@code period} is null). */
  private Reference.Commitment commitment(int c, ActivityType t, LocalDate day, String period) {
    for (Reference.Commitment cm : scope.reference.commitments) {
      if (cm.client() == c && cm.type() == t && (period == null || cm.period().equals(period)) && cm.effectiveOn(day)) return cm;
    }
    return null;
  }

  CsvFile file(int m) {
    return files.computeIfAbsent(scope.monthText(m), key -> {
      CsvFile.Layout layout = CsvFile.Layout.plain();
      if (m == 1) {
        layout = layout.withColumns("activity_id", "client_id", "activity_type", "occurred_at", "channel", "staff_id",
            "employee_id", "summary");
      }
      return new CsvFile(scope.root, "activities/" + key + "/activities_" + key + ".csv", COLS, layout);
    });
  }

  void writeAll() {
    for (int m = 0; m < scope.months; m++) file(m);
    for (int c = 0; c < scope.clients; c++) {
      int size = scope.clientSize(c);
      String client = scope.clientId(c);
      for (int m = 0; m < scope.months; m++) {
        YearMonth month = scope.month(m);
        Rng r = Rng.of(scope.seed, 4, c, m);
        int n = 0;
        for (ActivityType t : ActivityType.values()) {
          Reference.Commitment cm = commitment(c, t, month.atDay(1), null);
          int count;
          if (cm == null) count = r.nextInt(3);
          else if (cm.period().equals("MONTH")) {
            count = r.chance(0.12) ? Math.max(0, cm.minCount() - 1 - r.nextInt(2)) : cm.minCount() + r.nextInt(3);
          } else if (t == ActivityType.FORMAL_REPORT) {
            count = r.chance(0.3) ? 1 : 0;
          } else {
            count = r.nextInt(3);
          }
          counts[c][t.ordinal()][m] = count;
          for (int j = 0; j < count; j++) {
            LocalDateTime at = month.atDay(1 + r.nextInt(month.lengthOfMonth())).atTime(r.between(8, 19), r.nextInt(60),
                r.nextInt(60));
            String id = "ACT-" + client + "-" + scope.monthText(m).replace("-", "") + "-" + String.format("%04d", ++n);
            String employee = t == ActivityType.COMMUNICATION_EMPLOYEE && size > 0
                ? Scope.employeeId(scope.firstEmployee(c) + r.nextInt(size)) : null;
            String staff = String.format("S%04d", c * 3 + r.nextInt(3) + 1);
            file(m).write(new String[] {id, client, Variants.spellEnum(r, t.name()), Variants.spellTimestamp(r, at), staff,
                employee, r.pick(SUMMARIES)}, r.pick(CHANNELS));
            rows++;
          }
        }
      }
    }
  }

  long rows() { return rows; }

  /** The first month's activities delivered a second time, byte-identical, under another path: skipped by hash. Call after close. */
  void redeliverFirstMonth() {
    try {
      Path src = scope.root.resolve("activities/" + scope.monthText(0) + "/activities_" + scope.monthText(0) + ".csv");
      Path dst = scope.root.resolve("activities/resend/activities_" + scope.monthText(0) + "_resend.csv");
      Files.createDirectories(dst.getParent());
      Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code _ground_truth/service_frequency.csv}: actual vs promised per commitment and period (quarters to date). */
  void writeTruth() {
    try (CsvFile f = new CsvFile(scope.root, Truth.DIR + "service_frequency.csv", new String[] {"client_id", "activity_type",
        "period", "month", "period_type", "min_count", "actual_count", "is_compliant", "is_final"}, CsvFile.Layout.plain())) {
      for (int c = 0; c < scope.clients; c++) {
        for (int m = 0; m < scope.months; m++) {
          YearMonth month = scope.month(m);
          for (ActivityType t : ActivityType.values()) {
            for (String type : new String[] {"MONTH", "QUARTER"}) {
              YearMonth first = type.equals("MONTH") ? month : month.withMonth((month.getMonthValue() - 1) / 3 * 3 + 1);
              Reference.Commitment cm = commitment(c, t, first.atDay(1), type);
              if (cm == null) continue;
              int actual = 0;
              for (int q = 0; q <= m; q++) if (!scope.month(q).isBefore(first)) actual += counts[c][t.ordinal()][q];
              String period = type.equals("MONTH") ? scope.monthText(m) : first.getYear() + "-Q" + ((first.getMonthValue() + 2) / 3);
              boolean fin = type.equals("MONTH") || month.getMonthValue() % 3 == 0;
              f.write(new String[] {scope.clientId(c), t.name(), period, scope.monthText(m), type,
                  Integer.toString(cm.minCount()), Integer.toString(actual), Boolean.toString(actual >= cm.minCount()),
                  Boolean.toString(fin)});
            }
          }
        }
      }
    }
  }

  @Override
  public void close() { files.values().forEach(CsvFile::close); }
}
