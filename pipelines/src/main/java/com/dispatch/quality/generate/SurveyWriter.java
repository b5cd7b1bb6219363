package com.dispatch.quality.generate;

import com.dispatch.quality.domain.ReasonCode;
import com.dispatch.quality.domain.RespondentType;
import java.io.Closeable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * surveys/ (SPEC §2: satisfaction follow-ups, 跟踪回访) and {@code _ground_truth/satisfaction.csv}
 * (SPEC §4.7). Its randomness comes from its own streams (keys {@link #EMPLOYEE_STREAM} and
 * {@link #CLIENT_STREAM}), so adding surveys leaves every other generated file unchanged.
 *
 * <p>Designed cases, at any scale: the last client (when there are two or more) has no surveys at
 * all; client 0 has a low month (mostly scores 1–3, both respondent types) in the third month; the
 * first employee of every surveyed client answers twice in the first month it is expected (one
 * head in the response rate, two responses); leavers sometimes answer an exit follow-up the month
 * after leaving (a response, but not an expected head); one CLIENT answer is re-recorded with a
 * newer updated_at and another score (the truth counts the correction); one CLIENT answer at 07:30
 * on the first of a month is spelled in UTC (the previous day there). Dissatisfied answers often
 * carry a comment, some with a phone number that silver must mask. Four bad rows, one per reason
 * the contract checks (REQUIRED_MISSING, ENUM_ERROR, RANGE_ERROR, UNKNOWN_CLIENT), go to the
 * quarantine truth.
 */
final class SurveyWriter implements Closeable {
  static final String[] COLS = {"survey_id", "client_id", "respondent_type", "employee_id", "answered_at", "score",
      "comment", "updated_at"};
  static final long EMPLOYEE_STREAM = 31;
  static final long CLIENT_STREAM = 32;
  private static final double ANSWER_CHANCE = 0.08;
  private static final double EXIT_ANSWER_CHANCE = 0.25;

  private static final String[] DISSATISFIED = {
      "工资发放晚了三天，希望按时", "社保缴费基数和合同不一致，请核对", "加班费计算有误, 已经反映两次",
      "入职手续办理太慢", "对接人员经常联系不上，请回电 %s", "投诉处理没有\"下文\"，请尽快答复",
      "结算单人数不对\n上月已提出，本月仍未更正"};
  private static final String[] NEUTRAL = {"总体还可以", "希望培训多一些", "有问题能找到人，但回复偏慢"};
  private static final String[] SATISFIED = {"服务及时，满意", "驻场专员很负责", "工资条清楚，社保按时缴纳",
      "问题当天就解决了, 谢谢"};

  private final long seed;
  private final String[] clientIds;
  private final YearMonth[] ym;
  private final int C;
  private final int M;
  private final Truth truth;
  private final Path root;
  private final Map<Integer, CsvFile> monthFiles = new TreeMap<>();
  private CsvFile corrections;
  /** Per (type, client, month) at [(type * C + c) * M + m]: responses, score sum, satisfied, dissatisfied, responding heads. */
  private final long[][] counts;
  private long rows;

  SurveyWriter(Path root, long seed, String[] clientIds, YearMonth[] ym, Truth truth) {
    this.root = root;
    this.seed = seed;
    this.clientIds = clientIds;
    this.ym = ym;
    this.C = clientIds.length;
    this.M = ym.length;
    this.truth = truth;
    this.counts = new long[2 * C * M][5];
  }

  /** The client without any survey: the last one, when there is more than one. */
  boolean surveyed(int c) { return C < 2 || c != C - 1; }

  /** Client 0's low month: the third month of the window (or the last, if shorter). */
  private boolean low(int c, int m) { return c == 0 && m == Math.min(2, M - 1); }

  /**
   * One employee's answers. {@code expectedIn[m]}: the employee is an expected head (SPEC §4.1) of
   * its client in month m; {@code firstOfClient}: the client's first employee, who answers twice.
   */
  void employee(int index, String employeeId, int c, boolean firstOfClient, boolean[] expectedIn) {
    if (!surveyed(c)) return;
    Rng r = Rng.of(seed, EMPLOYEE_STREAM, index);
    boolean twiceDone = false;
    for (int m = 0; m < M; m++) {
      int answers = 0;
      if (expectedIn[m]) {
        if (firstOfClient && !twiceDone) {
          answers = 2;
          twiceDone = true;
        } else if (r.chance(ANSWER_CHANCE)) {
          answers = 1;
        }
      } else if (m > 0 && expectedIn[m - 1] && r.chance(EXIT_ANSWER_CHANCE)) {
        answers = 1;
      }
      for (int j = 1; j <= answers; j++) {
        String id = "SVE-" + employeeId + "-" + ym[m].toString().replace("-", "") + "-" + j;
        LocalDateTime at = ym[m].atDay(1 + r.nextInt(ym[m].lengthOfMonth())).atTime(r.between(9, 18), r.nextInt(60),
            r.nextInt(60));
        int score = score(r, low(c, m));
        write(r, id, c, m, RespondentType.EMPLOYEE, employeeId, at, score, comment(r, score));
      }
      if (answers > 0 && expectedIn[m]) counts[slot(RespondentType.EMPLOYEE, c, m)][4]++;
    }
  }

  /** The clients' HR contacts: one or two answers per surveyed client and month, plus the designed rows. */
  void clientAnswers() {
    for (int c = 0; c < C; c++) {
      if (!surveyed(c)) continue;
      for (int m = 0; m < M; m++) {
        Rng r = Rng.of(seed, CLIENT_STREAM, c, m);
        int n = 1 + r.nextInt(2);
        for (int j = 1; j <= n; j++) {
          String id = "SVC-" + clientIds[c] + "-" + ym[m].toString().replace("-", "") + "-" + j;
          LocalDateTime at = ym[m].atDay(1 + r.nextInt(ym[m].lengthOfMonth())).atTime(r.between(9, 18), r.nextInt(60),
              r.nextInt(60));
          int score = score(r, low(c, m));
          String comment = comment(r, score);
          if (c == 0 && m == 0 && j == 1) {
            // Recorded, then corrected after a call-back: the newer updated_at wins (SPEC §2).
            String spelled = Stamps.local(at);
            file(m).write(new String[] {id, clientIds[c], "CLIENT", null, spelled, Integer.toString(score), comment,
                Stamps.local(at.plusHours(1))});
            rows++;
            int corrected = score >= 4 ? 2 : 5;
            corrections().write(new String[] {id, clientIds[c], "CLIENT", null, spelled, Integer.toString(corrected),
                "回访复核后更正评分", Stamps.local(at.plusDays(3))});
            rows++;
            count(RespondentType.CLIENT, c, m, corrected);
            continue;
          }
          write(r, id, c, m, RespondentType.CLIENT, null, at, score, comment);
        }
        if (c == 0 && m == Math.min(1, M - 1)) {
          // 07:30 on the 1st in Beijing is the previous day in UTC: the answer belongs to month m.
          LocalDateTime at = ym[m].atDay(1).atTime(7, 30);
          String id = "SVC-" + clientIds[c] + "-" + ym[m].toString().replace("-", "") + "-EARLY";
          file(m).write(new String[] {id, clientIds[c], " client ", null, Stamps.spell(at, 1), "4", null,
              Stamps.local(at.plusHours(2))});
          rows++;
          count(RespondentType.CLIENT, c, m, 4);
        }
      }
    }
  }

  /** One bad row per check of the surveys contract, in a file of its own; returned to the quarantine truth. */
  void badRows() {
    String c0 = clientIds[0];
    String ts = Stamps.local(ym[0].atDay(20).atTime(10, 0));
    try (CsvFile f = new CsvFile(root, "surveys/manual/surveys_manual_entry.csv", COLS, CsvFile.Layout.plain())) {
      truth.quarantine("surveys", f.relPath(), f.write(new String[] {"SVX-1", c0, "EMPLOYEE", null, ts, "3", null, ts}),
          ReasonCode.REQUIRED_MISSING);
      truth.quarantine("surveys", f.relPath(), f.write(new String[] {"SVX-2", c0, "MANAGER", null, ts, "3", null, ts}),
          ReasonCode.ENUM_ERROR);
      truth.quarantine("surveys", f.relPath(), f.write(new String[] {"SVX-3", c0, "CLIENT", null, ts, "6", null, ts}),
          ReasonCode.RANGE_ERROR);
      truth.quarantine("surveys", f.relPath(), f.write(new String[] {"SVX-4", "C9999", "CLIENT", null, ts, "4", null, ts}),
          ReasonCode.UNKNOWN_CLIENT);
    }
  }

  /**
   * Writes {@code _ground_truth/satisfaction.csv}: SPEC §4.7 per (client, month, respondent_type)
   * with answers, then the company-wide {@code *} rows. {@code expectedHeads[c * M + m]} are the
   * generator's expected heads (the settlement truth's expected_headcount).
   */
  void writeTruth(int[] expectedHeads) {
    try (CsvFile f = new CsvFile(root, Truth.DIR + "satisfaction.csv", new String[] {"client_id", "month",
        "respondent_type", "responses", "mean_score", "satisfied", "dissatisfied", "satisfied_share",
        "respondents_expected", "response_rate"}, CsvFile.Layout.plain())) {
      for (int c = 0; c < C; c++) {
        for (int m = 0; m < M; m++) {
          for (RespondentType t : RespondentType.values()) {
            long[] n = counts[slot(t, c, m)];
            if (n[0] > 0) f.write(truthRow(clientIds[c], m, t, n, expectedHeads[c * M + m]));
          }
        }
      }
      for (int m = 0; m < M; m++) {
        for (RespondentType t : RespondentType.values()) {
          long[] all = new long[5];
          long heads = 0;
          for (int c = 0; c < C; c++) {
            for (int j = 0; j < 5; j++) all[j] += counts[slot(t, c, m)][j];
            heads += expectedHeads[c * M + m];
          }
          if (all[0] > 0) f.write(truthRow("*", m, t, all, heads));
        }
      }
    }
  }

  long rows() { return rows; }

  private String[] truthRow(String client, int m, RespondentType t, long[] n, long heads) {
    boolean employee = t == RespondentType.EMPLOYEE;
    return new String[] {client, ym[m].toString(), t.name(), Long.toString(n[0]), ratio(n[1], n[0]),
        Long.toString(n[2]), Long.toString(n[3]), ratio(n[2], n[0]), employee ? Long.toString(heads) : null,
        employee && heads > 0 ? ratio(n[4], heads) : null};
  }

  private static String ratio(long a, long b) {
    return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), 6, RoundingMode.HALF_UP).toPlainString();
  }

  private void write(Rng r, String id, int c, int m, RespondentType type, String employeeId, LocalDateTime at,
      int score, String comment) {
    String answered = r.chance(0.1) ? Stamps.spell(at, r.nextInt(Stamps.SPELLINGS)) : Stamps.local(at);
    LocalDateTime updated = at.plusHours(r.between(1, 72));
    file(m).write(new String[] {id, clientIds[c], type.name(), employeeId, answered, Integer.toString(score), comment,
        Stamps.local(updated)});
    rows++;
    count(type, c, m, score);
  }

  private void count(RespondentType type, int c, int m, int score) {
    long[] n = counts[slot(type, c, m)];
    n[0]++;
    n[1] += score;
    if (score >= 4) n[2]++;
    if (score <= 2) n[3]++;
  }

  private int slot(RespondentType type, int c, int m) { return (type.ordinal() * C + c) * M + m; }

  /** Mostly satisfied; in a low month mostly 1–3. */
  private static int score(Rng r, boolean low) {
    double x = r.nextDouble();
    if (low) return x < 0.30 ? 1 : x < 0.65 ? 2 : x < 0.85 ? 3 : x < 0.95 ? 4 : 5;
    return x < 0.03 ? 1 : x < 0.10 ? 2 : x < 0.25 ? 3 : x < 0.60 ? 4 : 5;
  }

  private static String comment(Rng r, int score) {
    if (score <= 2) {
      if (r.chance(0.15)) return null;
      String text = r.pick(DISSATISFIED);
      return text.contains("%s") ? String.format(text, Names.mobile(r)) : text;
    }
    if (r.chance(0.6)) return null;
    return score == 3 ? r.pick(NEUTRAL) : r.pick(SATISFIED);
  }

  private CsvFile file(int m) {
    return monthFiles.computeIfAbsent(m, k -> new CsvFile(root,
        "surveys/" + ym[k] + "/surveys_" + ym[k] + ".csv", COLS, CsvFile.Layout.plain()));
  }

  private CsvFile corrections() {
    if (corrections == null) {
      corrections = new CsvFile(root, "surveys/corrections/surveys_corrections.csv", COLS, CsvFile.Layout.plain());
    }
    return corrections;
  }

  @Override
  public void close() {
    monthFiles.values().forEach(CsvFile::close);
    if (corrections != null) corrections.close();
  }
}
