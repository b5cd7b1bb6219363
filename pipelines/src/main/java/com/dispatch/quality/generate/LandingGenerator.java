package com.dispatch.quality.generate;

import com.dispatch.quality.calendar.WorkCalendar;
import com.dispatch.quality.domain.ActivityType;
import com.dispatch.quality.domain.CaseType;
import com.dispatch.quality.domain.ExpectedSettlement;
import com.dispatch.quality.domain.InsuranceItem;
import com.dispatch.quality.domain.Milestone;
import com.dispatch.quality.domain.ReasonCode;
import com.dispatch.quality.domain.ResponseMetric;
import com.dispatch.quality.domain.SlaRule;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Deterministic landing-zone generator (issue 2, item 6): writes every source of SPEC §2 for
 * {@code clients} clients, {@code employees} employees and {@code months} months, injects
 * settlement errors, late SLAs, slow responses and bad input of every SPEC §3 kind, and writes
 * beside the data ({@code _ground_truth/}) exactly what the pipeline must find.
 *
 * <p>Streaming: employees are a pure function of (seed, index) and are generated, written and
 * forgotten one at a time; only per (client, month) counters stay in memory. Expected amounts
 * come from {@link ExpectedSettlement}, deadlines from {@link WorkCalendar}, limits from the
 * generated sla_policies.csv, so truth and pipeline share their definitions.
 */
public final class LandingGenerator {
  /** Generator settings. */
  public record Config(int clients, int employees, int months, YearMonth startMonth, long seed, Path out) {
    public Config {
      if (clients < 1) throw new IllegalArgumentException("--clients must be >= 1");
      if (employees < 1 || employees > 9_000_000) throw new IllegalArgumentException("--employees must be 1..9000000");
      if (months < 1 || months > 36) throw new IllegalArgumentException("--months must be 1..36");
      if (clients > 9_000) throw new IllegalArgumentException("--clients must be <= 9000");
      if (startMonth == null || out == null) throw new IllegalArgumentException("start month and output directory are required");
    }
  }

  /** What was written. */
  public record Summary(long rosterRows, long settlementLines, long cases, long caseEvents, long activities,
      long badRows, long settlementErrorRows, long slaBreachRows, Duration elapsed) {}

  static final int SHARD = 100_000;
  static final String[] ROSTER_COLS = {"assignment_id", "employee_id", "client_id", "employee_name", "id_card_no", "phone",
      "city", "monthly_wage", "insurance_base", "start_date", "start_notified_at", "contract_signed_date",
      "insurance_registered_date", "end_date", "end_notified_at", "updated_at"};
  static final String[] SETTLEMENT_COLS = {"line_id", "batch_id", "client_id", "service_month", "issued_at", "employee_id",
      "wage", "pension", "medical", "unemployment", "work_injury", "housing_fund", "service_fee", "total",
      "wage_paid_date", "updated_at"};
  static final String[] CORRECTION_ORDER = {"batch_id", "line_id", "service_month", "client_id", "employee_id", "total",
      "wage", "pension", "medical", "unemployment", "work_injury", "housing_fund", "service_fee", "wage_paid_date",
      "issued_at", "updated_at"};
  static final String[] CASE_COLS = {"case_id", "client_id", "employee_id", "case_type", "occurred_at", "reported_at",
      "candidates_count", "updated_at"};
  static final String[] CASE_ORDER_VARIANT = {"reported_at", "case_id", "case_type", "client_id", "employee_id",
      "occurred_at", "updated_at", "candidates_count"};
  static final String[] EVENT_COLS = {"case_id", "milestone", "at"};
  static final String[] ACTIVITY_COLS = {"activity_id", "client_id", "activity_type", "occurred_at", "staff_id",
      "employee_id", "summary"};
  private static final String[] COMPONENTS = {"wage", "pension", "medical", "unemployment", "work_injury", "housing_fund",
      "service_fee", "total"};
  private static final String[] DELTAS = {"100.00", "-50.00", "0.01", "-0.01", "12.34", "-230.50", "1000.00", "3.60"};
  private static final String[] SUMMARIES = {
      "与人事经理沟通本月用工计划", "电话回访员工，反馈良好", "走访车间，检查考勤与安全培训记录",
      "客户反馈：\"夜班补贴\"计算口径需要确认，已记录", "季度服务报告已发送, 含误差率与时限统计",
      "员工咨询社保转移，已解答\n下周跟进办理进度", "现场答疑：工资条、个税、公积金",
      "与客户财务核对结算单，\"服务费\"按人头计", "组织新员工入职培训，共 12 人, 签到表已存档",
      "客户提出增加夜班人手\n需求：3 人，下周一到岗"};
  private static final String[] CHANNELS = {"微信", "电话", "现场", "邮件"};

  private final PrintStream log;
  private final long seed;
  private final WorkCalendar cal = WorkCalendar.bundled();
  private final Reference ref;
  private final int C;
  private final int M;
  private final int N;
  private final YearMonth[] ym;
  private final String[] ymStr;
  private final LocalDate windowStart;
  private final LocalDate windowEnd;
  private final int[] lo;
  private final Reference.RateRow[][][] rateAt; // [city][month][item]
  private final Path root;
  private Truth truth;
  private SurveyWriter surveys;
  private final long started = System.nanoTime();

  // Per (client, month), index k = c * M + m.
  private final boolean[] missingBatch;
  private final LocalDateTime[] issued;
  private final LocalDateTime[] corrIssued;
  private final String[] issuedStr;
  private final String[] corrIssuedStr;
  private final String[] batchId;
  private final String[] corrBatchId;
  private final LocalDate[] due;
  private final LocalDate[] payroll;
  private final int[] expected;
  private final int[] missing;
  private final int[] duplicate;
  private final int[] evaluated;
  private final int[] calcLines;
  private final int[] origLines;
  private final int[] corrLines;
  private final int[] seq;
  private final int[] corrSeq;
  private final Map<Integer, Set<String>> extras = new TreeMap<>();
  private final int typoClient = 0;
  private final int typoMonth;
  private int typoLinesLeft = 3;
  private int phantom;

  private long rosterRows;
  private long settlementLines;
  private long caseRows;
  private long eventRows;
  private long activityRows;
  private long badRows;

  private final Map<String, CsvFile> rosterFiles = new TreeMap<>();
  private final CsvFile[] origFiles;
  private final int[] origShard;
  private final CsvFile[] corrFiles;
  private final int[] corrShard;
  private CsvFile fixFile;
  private final Map<String, CsvFile> caseFiles = new TreeMap<>();
  private final Map<String, CsvFile> eventFiles = new TreeMap<>();
  private final Map<String, CsvFile> activityFiles = new TreeMap<>();
  private final List<Object[]> pendingLeaves = new ArrayList<>();
  private Case firstComplaint;
  private Case firstInjury;
  private final int[][][] activityCounts; // [client][type][month]
  private final int[][] recruitment; // [k] -> cases, tooFew, tooMany, noCount

  private LandingGenerator(Config cfg, PrintStream log) {
    this.log = log;
    this.seed = cfg.seed();
    this.C = cfg.clients();
    this.M = cfg.months();
    this.N = cfg.employees();
    this.root = cfg.out();
    ym = new YearMonth[M];
    ymStr = new String[M];
    for (int m = 0; m < M; m++) {
      ym[m] = cfg.startMonth().plusMonths(m);
      ymStr[m] = ym[m].toString();
    }
    windowStart = ym[0].atDay(1);
    windowEnd = ym[M - 1].atEndOfMonth();
    LocalDate needed = ym[M - 1].plusMonths(1).atEndOfMonth();
    for (LocalDate d = windowStart.withDayOfYear(1); !d.isAfter(needed); d = d.plusYears(1)) {
      if (!cal.covers(d)) {
        throw new IllegalArgumentException("the bundled working-day calendar does not cover " + d.getYear()
            + " (months up to " + ymStr[M - 1] + " need deadlines into " + needed + "); covered: "
            + cal.coveredYears() + ". See docs/calendar.md to add a year.");
      }
    }
    ref = new Reference(C, cfg.startMonth(), M, seed);
    lo = clientRanges();
    rateAt = new Reference.RateRow[Reference.CITIES.length][M][InsuranceItem.values().length];
    for (int city = 0; city < Reference.CITIES.length; city++) {
      for (int m = 0; m < M; m++) {
        for (InsuranceItem item : InsuranceItem.values()) rateAt[city][m][item.ordinal()] = ref.rate(city, item, ym[m].atDay(1));
      }
    }
    int k = C * M;
    missingBatch = new boolean[k];
    issued = new LocalDateTime[k];
    corrIssued = new LocalDateTime[k];
    issuedStr = new String[k];
    corrIssuedStr = new String[k];
    batchId = new String[k];
    corrBatchId = new String[k];
    due = new LocalDate[k];
    payroll = new LocalDate[k];
    expected = new int[k];
    missing = new int[k];
    duplicate = new int[k];
    evaluated = new int[k];
    calcLines = new int[k];
    origLines = new int[k];
    corrLines = new int[k];
    seq = new int[k];
    corrSeq = new int[k];
    origFiles = new CsvFile[M];
    origShard = new int[M];
    corrFiles = new CsvFile[M];
    corrShard = new int[M];
    typoMonth = Math.min(1, M - 1);
    activityCounts = new int[C][ActivityType.values().length][M];
    recruitment = new int[k][4];
    planBatches();
  }

  /** Generates the landing zone and its ground truth into {@code cfg.out()}. */
  public static Summary generate(Config cfg, PrintStream log) {
    return new LandingGenerator(cfg, log).run();
  }

  private Summary run() {
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    progress("writing reference data for " + C + " clients, " + N + " employees, " + M + " months from " + ymStr[0]
        + " (seed " + seed + ") into " + root);
    ref.write(root);
    copyCalendar();
    String[] clientIds = new String[C];
    for (int c = 0; c < C; c++) clientIds[c] = ref.clients.get(c).id();
    truth = new Truth(root, clientIds, ymStr);
    surveys = new SurveyWriter(root, seed, clientIds, ym, truth);
    employees();
    cases();
    activities();
    badInput();
    progress("satisfaction follow-ups (surveys)");
    surveys.clientAnswers();
    surveys.badRows();
    surveys.close();
    surveys.writeTruth(expected);
    closeAll();
    redeliver();
    writeSummaries();
    truth.close();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    progress(String.format("done: %d roster rows, %d settlement lines, %d cases, %d case events, %d activities, %d bad rows",
        rosterRows, settlementLines, caseRows, eventRows, activityRows, badRows));
    return new Summary(rosterRows, settlementLines, caseRows, eventRows, activityRows, badRows,
        truth.settlementErrorRows, truth.slaBreachRows, elapsed);
  }

  private void progress(String msg) {
    if (log != null) log.printf("[generate %6.1f s] %s%n", (System.nanoTime() - started) / 1e9, msg);
  }

  // ---------------------------------------------------------------- layout of clients and batches

  /** Contiguous employee ranges per client with uneven sizes, so employees of a client are generated together. */
  private int[] clientRanges() {
    double[] w = new double[C];
    double total = 0;
    for (int c = 0; c < C; c++) {
      w[c] = 0.5 + 1.5 * Rng.of(seed, 11, c).nextDouble();
      total += w[c];
    }
    int[] r = new int[C + 1];
    double cum = 0;
    for (int c = 0; c < C; c++) {
      r[c] = (int) Math.round(N * cum / total);
      cum += w[c];
    }
    r[C] = N;
    return r;
  }

  private int clientOf(int i) {
    int a = 0;
    int b = C - 1;
    while (a < b) {
      int mid = (a + b + 1) >>> 1;
      if (lo[mid] <= i) a = mid; else b = mid - 1;
    }
    return a;
  }

  /**
   * Issue times, correction batches, wage due dates and payroll dates per client and month. The
   * second client's fourth month (or the last month of a shorter window) gets no batch at all.
   */
  private void planBatches() {
    int missC = Math.min(1, C - 1);
    int missM = Math.min(3, M - 1);
    for (int c = 0; c < C; c++) {
      Reference.Client cl = ref.clients.get(c);
      for (int m = 0; m < M; m++) {
        int k = c * M + m;
        Rng r = Rng.of(seed, 2, c, m);
        missingBatch[k] = c == missC && m == missM && M > 1;
        LocalDate issueDay = ym[m].plusMonths(1).atDay(1).plusDays(r.between(2, 6));
        issued[k] = issueDay.atTime(r.between(9, 17), r.nextInt(60), r.nextInt(60));
        issuedStr[k] = Stamps.local(issued[k]);
        String ymc = ymStr[m].replace("-", "");
        batchId[k] = "ST-" + cl.id() + "-" + ymc + "-01";
        if (!missingBatch[k] && r.chance(0.3)) {
          corrIssued[k] = issued[k].plusDays(r.between(10, 25)).withHour(r.between(9, 17));
          corrIssuedStr[k] = Stamps.spell(corrIssued[k], 2);
          corrBatchId[k] = "ST-" + cl.id() + "-" + ymc + "-02";
        }
        due[k] = wageDue(cal, ym[m], cl.wagePayDay());
        payroll[k] = r.chance(0.08) ? due[k].plusDays(r.between(1, 6)) : cal.onOrBeforeWorkday(due[k].minusDays(r.between(0, 2)));
      }
    }
  }

  /**
   * WAGE_ON_TIME due date (SPEC §4.3): day {@code payDay} of M+1, clamped to that month's last
   * day, moved back to the previous working day when it is not one.
   */
  static LocalDate wageDue(WorkCalendar cal, YearMonth serviceMonth, int payDay) {
    YearMonth payMonth = serviceMonth.plusMonths(1);
    return cal.onOrBeforeWorkday(payMonth.atDay(Math.min(payDay, payMonth.lengthOfMonth())));
  }

  private int limitInt(SlaRule rule, int c) { return ref.policies.limit(rule, ref.clients.get(c).id()).intValue(); }

  private long limitSeconds(SlaRule rule, int c) {
    return ref.policies.limit(rule, ref.clients.get(c).id()).multiply(BigDecimal.valueOf(3600)).longValue();
  }

  private int monthIndex(LocalDate d) {
    long diff = ChronoUnit.MONTHS.between(ym[0], YearMonth.from(d));
    return diff < 0 || diff >= M ? -1 : (int) diff;
  }

  private static LocalDateTime endOfDay(LocalDate d) { return d == null ? null : d.atTime(LocalTime.of(23, 59, 59, 999_000_000)); }

  private static LocalDateTime at(LocalDate d, Rng r) { return d.atTime(r.between(9, 17), r.nextInt(60), r.nextInt(60)); }

  private static LocalDateTime max(LocalDateTime a, LocalDateTime b) { return b != null && b.isAfter(a) ? b : a; }

  // ---------------------------------------------------------------- employees: roster + settlement

  static final class Asg {
    String id;
    LocalDate start;
    LocalDate end;
    BigDecimal wage;
    BigDecimal base;
    String cityField;
    int city;
    boolean realLeave;
    LocalDateTime startNotified;
    LocalDateTime endNotified;
    LocalDate contract;
    LocalDate insurance;
    LocalDateTime updated1;
    LocalDateTime updated2;
  }

  static final class Emp {
    int index;
    String id;
    int client;
    String name;
    String idCard;
    String phone;
    Asg[] asgs;
  }

  static String employeeId(int i) {
    String n = Integer.toString(i + 1);
    return "E" + "00000000".substring(n.length()) + n;
  }

  Emp employee(int i) {
    Rng r = Rng.of(seed, 1, i);
    Emp e = new Emp();
    e.index = i;
    e.id = employeeId(i);
    e.client = clientOf(i);
    Reference.Client cl = ref.clients.get(e.client);
    e.name = Names.person(r);
    e.idCard = Names.idCard(r, LocalDate.of(1970, 1, 1).plusDays(r.nextInt(36 * 365)));
    e.phone = Names.mobile(r);
    double cr = r.nextDouble();
    int city = cl.city();
    String cityField = null;
    if (cr >= 0.85 && cr < 0.90) {
      cityField = Reference.CITIES[city].name();
    } else if (cr >= 0.90) {
      city = r.nextInt(Reference.CITIES.length);
      cityField = Reference.CITIES[city].name();
    }
    int wage = r.chance(0.02) ? 30_000 + 1000 * r.nextInt(31) : 4500 + 100 * r.nextInt(101);
    double br = r.nextDouble();
    int base = br < 0.7 ? wage : br < 0.9 ? 3000 + 100 * r.nextInt(15) : wage - 500;
    int windowDays = (int) ChronoUnit.DAYS.between(windowStart, windowEnd) + 1;
    LocalDate start = r.chance(0.6) ? windowStart.minusDays(r.between(1, 1200)) : windowStart.plusDays(r.nextInt(windowDays));
    LocalDate end = null;
    LocalDate from = start.isBefore(windowStart) ? windowStart : start;
    if (r.chance(0.18)) end = from.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(from, windowEnd) + 1));
    LocalDate change = null;
    if (r.chance(0.08)) {
      LocalDate a = from.plusDays(1);
      LocalDate b = end == null ? windowEnd : end;
      if (!a.isAfter(b)) change = a.plusDays(r.nextInt((int) ChronoUnit.DAYS.between(a, b) + 1));
    }
    String aid = "A" + e.id.substring(1);
    if (change == null) {
      e.asgs = new Asg[] {asg(r, e, aid + "-1", start, end, wage, base, city, cityField, true)};
    } else {
      int wage2 = wage + 100 * r.between(2, 15);
      int base2 = base == wage ? wage2 : base;
      e.asgs = new Asg[] {
          asg(r, e, aid + "-1", start, change.minusDays(1), wage, base, city, cityField, false),
          asg(r, e, aid + "-2", change, end, wage2, base2, city, cityField, true)};
    }
    return e;
  }

  private Asg asg(Rng r, Emp e, String id, LocalDate start, LocalDate end, int wage, int base, int city,
      String cityField, boolean realLeave) {
    Asg a = new Asg();
    a.id = id;
    a.start = start;
    a.end = end;
    a.wage = BigDecimal.valueOf(wage).setScale(2);
    a.base = BigDecimal.valueOf(base).setScale(2);
    a.city = city;
    a.cityField = cityField;
    a.realLeave = realLeave;
    boolean inWindow = !start.isBefore(windowStart);
    a.startNotified = inWindow && r.chance(0.05) ? at(start.plusDays(r.between(0, 4)), r) : at(start.minusDays(r.between(1, 10)), r);
    int contractLimit = limitInt(SlaRule.CONTRACT_BY_START, e.client);
    int insuranceLimit = limitInt(SlaRule.INSURANCE_30D, e.client);
    double x = r.nextDouble();
    if (!inWindow || x < 0.92) a.contract = start.minusDays(r.between(0, 5));
    else if (x < 0.98) a.contract = start.plusDays(contractLimit + r.between(1, 10));
    x = r.nextDouble();
    if (!inWindow || x < 0.92) a.insurance = start.plusDays(r.between(0, Math.max(0, Math.min(20, insuranceLimit - 3))));
    else if (x < 0.98) a.insurance = start.plusDays(insuranceLimit + r.between(1, 15));
    if (end != null && realLeave) {
      x = r.nextDouble();
      if (x < 0.80) a.endNotified = at(end.minusDays(r.between(0, 15)), r);
      else if (x < 0.95) a.endNotified = at(end.plusDays(r.between(1, 10)), r);
    }
    LocalDateTime u = max(a.startNotified, start.atTime(9, 0));
    if (a.contract != null) u = max(u, a.contract.atTime(18, 0));
    if (a.insurance != null) u = max(u, a.insurance.atTime(18, 0));
    if (!inWindow) u = max(u, windowStart.minusDays(r.between(3, 20)).atTime(10, r.nextInt(60)));
    a.updated1 = u.plusHours(r.between(1, 48)).plusMinutes(r.nextInt(60));
    if (end != null) {
      LocalDateTime v = max(a.updated1.plusHours(1), a.endNotified != null ? a.endNotified : end.atTime(18, 0));
      a.updated2 = v.plusHours(r.between(1, 72)).plusMinutes(r.nextInt(60));
    }
    return a;
  }

  private void employees() {
    progress("roster and settlement for " + N + " employees");
    int currentClient = -1;
    for (int i = 0; i < N; i++) {
      shardOfCurrentEmployee = i / SHARD;
      Emp e = employee(i);
      if (e.client != currentClient) {
        flushLeaves();
        currentClient = e.client;
      }
      writeRoster(e);
      settle(e);
      surveys.employee(e.index, e.id, e.client, e.index == lo[e.client], expectedMonths(e));
      if ((i + 1) % 100_000 == 0) progress(String.format("employees %d/%d (%.0f%%)", i + 1, N, 100.0 * (i + 1) / N));
    }
    flushLeaves();
  }

  private void writeRoster(Emp e) {
    Rng r = Rng.of(seed, 5, e.index);
    String client = ref.clients.get(e.client).id();
    for (Asg a : e.asgs) {
      String notified = r.chance(0.1) ? Stamps.spell(a.startNotified, r.nextInt(Stamps.SPELLINGS)) : Stamps.local(a.startNotified);
      String[] v = {a.id, e.id, client, e.name, e.idCard, e.phone, a.cityField, a.wage.toPlainString(), a.base.toPlainString(),
          Stamps.date(a.start), notified, a.contract == null ? null : Stamps.date(a.contract),
          a.insurance == null ? null : Stamps.date(a.insurance), null, null, Stamps.local(a.updated1)};
      rosterFile(a.updated1).write(v);
      rosterRows++;
      if (a.end != null) {
        v = v.clone();
        v[13] = Stamps.date(a.end);
        v[14] = a.endNotified == null ? null : Stamps.local(a.endNotified);
        v[15] = Stamps.local(a.updated2);
        rosterFile(a.updated2).write(v);
        rosterRows++;
      }
      int sm = monthIndex(a.start);
      if (sm >= 0 && !a.start.isBefore(windowStart)) {
        truth.sla(SlaRule.CONTRACT_BY_START, a.id, e.client, sm,
            endOfDay(a.start.plusDays(limitInt(SlaRule.CONTRACT_BY_START, e.client))), endOfDay(a.contract));
        truth.sla(SlaRule.INSURANCE_30D, a.id, e.client, sm,
            endOfDay(a.start.plusDays(limitInt(SlaRule.INSURANCE_30D, e.client))), endOfDay(a.insurance));
      }
    }
  }

  private CsvFile rosterFile(LocalDateTime updated) {
    boolean initial = updated.toLocalDate().isBefore(windowStart);
    String key = initial ? "initial" : YearMonth.from(updated).toString();
    return rosterFiles.computeIfAbsent(key, k -> initial
        ? new CsvFile(root, "roster/roster_initial.csv", ROSTER_COLS, CsvFile.Layout.plain().withCrlf())
        : new CsvFile(root, "roster/" + k + "/roster_" + k + ".csv", ROSTER_COLS, CsvFile.Layout.plain()));
  }

  /** The months in which the employee is an expected head of its client (SPEC §4.1: >= 1 active day). */
  private boolean[] expectedMonths(Emp e) {
    boolean[] in = new boolean[M];
    for (int m = 0; m < M; m++) for (Asg a : e.asgs) in[m] |= activeMask(a, m) != 0;
    return in;
  }

  private int activeMask(Asg a, int m) {
    LocalDate first = ym[m].atDay(1);
    LocalDate last = ym[m].atEndOfMonth();
    LocalDate from = a.start.isAfter(first) ? a.start : first;
    LocalDate to = a.end == null || a.end.isAfter(last) ? last : a.end;
    if (from.isAfter(to)) return 0;
    int bits = 0;
    for (int d = from.getDayOfMonth(); d <= to.getDayOfMonth(); d++) bits |= 1 << (d - 1);
    return bits;
  }

  /** Expected amounts (SPEC §4.1) of a head: wage, five insurance items, service fee, total. */
  private BigDecimal[] amounts(Asg a, int c, int m, int activeDays) {
    BigDecimal[] v = new BigDecimal[8];
    v[0] = ExpectedSettlement.wage(a.wage, activeDays, ym[m].lengthOfMonth());
    for (InsuranceItem item : InsuranceItem.values()) {
      Reference.RateRow rr = rateAt[a.city][m][item.ordinal()];
      v[1 + item.ordinal()] = ExpectedSettlement.contribution(a.base, rr.floor(), rr.ceiling(), rr.rate());
    }
    v[6] = ref.clients.get(c).feePerHead();
    v[7] = sum(v);
    return v;
  }

  private static BigDecimal sum(BigDecimal[] v) {
    BigDecimal t = BigDecimal.ZERO.setScale(2);
    for (int j = 0; j < 7; j++) t = t.add(v[j]);
    return t;
  }

  private void settle(Emp e) {
    Rng r = Rng.of(seed, 6, e.index);
    int c = e.client;
    String client = ref.clients.get(c).id();
    boolean[] billedOrig = new boolean[M];
    boolean[] expectedIn = new boolean[M];
    for (int m = 0; m < M; m++) {
      int k = c * M + m;
      int mask = 0;
      Asg latest = null;
      for (Asg a : e.asgs) {
        int am = activeMask(a, m);
        if (am != 0) {
          mask |= am;
          if (latest == null || a.start.isAfter(latest.start)) latest = a;
        }
      }
      if (mask != 0) {
        expectedIn[m] = true;
        expected[k]++;
        BigDecimal[] exp = amounts(latest, c, m, Integer.bitCount(mask));
        if (missingBatch[k]) continue;
        if (corrIssued[k] != null) correctionLine(k, m, e.id, exp, payroll[k]);
        double roll = r.nextDouble();
        int forced = forcedFault(e, m);
        if (forced > 0) roll = FORCED_ROLL[forced - 1];
        LocalDate paid = payroll[k];
        double pr = r.nextDouble();
        if (pr < 0.004) paid = due[k].plusDays(r.between(1, 10));
        else if (pr < 0.006) paid = null;
        if (roll < 0.004) {
          missing[k]++;
          truth.settlementError(client, ymStr[m], e.id, "MISSING", null, null, null);
        } else if (roll < 0.007) {
          duplicate[k]++;
          truth.settlementError(client, ymStr[m], e.id, "DUPLICATE", null, null, null);
          originalLine(k, m, e.id, exp, paid, null);
          originalLine(k, m, e.id, exp, paid, null);
          billedOrig[m] = true;
        } else {
          BigDecimal[] billed = exp;
          if (roll < 0.011) {
            billed = exp.clone();
            int comp = r.nextInt(7);
            billed[comp] = billed[comp].add(new BigDecimal(r.pick(DELTAS)));
            billed[7] = sum(billed);
            calcLines[k]++;
            truth.settlementError(client, ymStr[m], e.id, "CALC", COMPONENTS[comp], billed[comp], exp[comp]);
            truth.settlementError(client, ymStr[m], e.id, "CALC", "total", billed[7], exp[7]);
          } else if (roll < 0.013) {
            billed = exp.clone();
            billed[7] = billed[7].add(new BigDecimal(r.pick(DELTAS)));
            calcLines[k]++;
            truth.settlementError(client, ymStr[m], e.id, "CALC", "total", billed[7], exp[7]);
          }
          String lineId = originalLine(k, m, e.id, billed, paid, billed == exp ? exp : null);
          billedOrig[m] = true;
          evaluated[k]++;
          truth.sla(SlaRule.WAGE_ON_TIME, lineId, c, m, endOfDay(due[k]), endOfDay(paid));
        }
        if (C > 1 && (r.chance(0.002) || forced == 5)) {
          int other = (c + 1 + r.nextInt(C - 1)) % C;
          if (lo[other + 1] > lo[other]) {
            String otherId = employeeId(lo[other] + r.nextInt(lo[other + 1] - lo[other]));
            extraLine(k, m, otherId, exp, paid);
          }
        }
        if (r.chance(0.0015) || forced == 5) {
          String id = "E9" + String.format("%07d", ++phantom);
          extraLine(k, m, id, exp, paid);
          if (r.chance(0.5) || forced == 5) extraLine(k, m, id, exp, paid);
        }
      } else if (m > 0 && expectedIn[m - 1] && !missingBatch[k] && r.chance(0.10)) {
        // A leaver still billed the month after leaving: an extra head (SPEC §4.1).
        Asg last = e.asgs[e.asgs.length - 1];
        extraLine(k, m, e.id, amounts(last, c, m, ym[m].lengthOfMonth()), payroll[k]);
        billedOrig[m] = true;
      }
    }
    for (Asg a : e.asgs) {
      int sm = monthIndex(a.start);
      if (sm >= 0 && !a.start.isBefore(windowStart) && a.startNotified != null) {
        LocalDateTime best = null;
        for (int m = sm; m < M; m++) {
          int k = c * M + m;
          if (billedOrig[m] && (best == null || issued[k].isBefore(best))) best = issued[k];
          if (expectedIn[m] && corrIssued[k] != null && (best == null || corrIssued[k].isBefore(best))) best = corrIssued[k];
        }
        truth.response(ResponseMetric.ROSTER_TO_SETTLEMENT, a.id + ":JOIN", client, ymStr[sm], a.startNotified, best);
      }
      if (a.end != null && a.endNotified != null) {
        int em = monthIndex(a.end);
        if (em >= 0) pendingLeaves.add(new Object[] {a.id, c, em, a.endNotified, em + 1 < M && billedOrig[em + 1]});
      }
    }
  }

  private static final double[] FORCED_ROLL = {0.0, 0.005, 0.009, 0.012, 0.5};

  /**
   * So that even a small sample shows every settlement error, the first five employees of each
   * client get one fault each in one month: missing, duplicate, wrong component, wrong total,
   * and (beside a correct line) an extra head from another client plus an unknown one billed twice.
   */
  private int forcedFault(Emp e, int m) {
    int j = e.index - lo[e.client];
    return j < 5 && m == (e.client + j) % M ? j + 1 : 0;
  }

  /** LEAVE subjects wait until all of their client's lines are written: only then is it known whether a batch exists. */
  private void flushLeaves() {
    for (Object[] p : pendingLeaves) {
      int c = (Integer) p[1];
      int em = (Integer) p[2];
      LocalDateTime best = null;
      if (em + 1 < M) {
        int k = c * M + em + 1;
        if (origLines[k] > 0 && !(Boolean) p[4]) best = issued[k];
        if (corrLines[k] > 0 && (best == null || corrIssued[k].isBefore(best))) best = corrIssued[k];
      }
      truth.response(ResponseMetric.ROSTER_TO_SETTLEMENT, p[0] + ":LEAVE", ref.clients.get(c).id(), ymStr[em],
          (LocalDateTime) p[3], best);
    }
    pendingLeaves.clear();
  }

  private String[] lineValues(String lineId, String batch, int k, int m, String employee, BigDecimal[] v,
      LocalDate paid, String issuedAt, String updatedAt) {
    return new String[] {lineId, batch, ref.clients.get(k / M).id(), ymStr[m], issuedAt, employee,
        v[0].toPlainString(), v[1].toPlainString(), v[2].toPlainString(), v[3].toPlainString(), v[4].toPlainString(),
        v[5].toPlainString(), v[6].toPlainString(), v[7].toPlainString(), paid == null ? null : Stamps.date(paid), updatedAt};
  }

  private static String seqId(String batch, int n) {
    String s = Integer.toString(n);
    return batch + "-" + "0000000".substring(Math.min(7, s.length())) + s;
  }

  /**
   * Writes a line of the original batch. {@code correctForTypo} non-null marks a correct line
   * that may get the "typo first, corrected file later" treatment.
   */
  private String originalLine(int k, int m, String employee, BigDecimal[] v, LocalDate paid, BigDecimal[] correctForTypo) {
    String lineId = seqId(batchId[k], ++seq[k]);
    CsvFile f = origFile(m);
    if (correctForTypo != null && k / M == typoClient && m == typoMonth && typoLinesLeft > 0) {
      typoLinesLeft--;
      BigDecimal[] typo = v.clone();
      typo[0] = typo[0].add(new BigDecimal("1000.00"));
      typo[7] = sum(typo);
      f.write(lineValues(lineId, batchId[k], k, m, employee, typo, paid, issuedStr[k], issuedStr[k]));
      if (fixFile == null) {
        fixFile = new CsvFile(root, "settlement/" + ymStr[m] + "/settlement_" + ymStr[m] + "_"
            + ref.clients.get(typoClient).id() + "_reissue.csv", SETTLEMENT_COLS, CsvFile.Layout.plain());
      }
      fixFile.write(lineValues(lineId, batchId[k], k, m, employee, v, paid, issuedStr[k],
          Stamps.local(issued[k].plusDays(2))));
      settlementLines++;
    } else {
      f.write(lineValues(lineId, batchId[k], k, m, employee, v, paid, issuedStr[k], issuedStr[k]));
    }
    origLines[k]++;
    settlementLines++;
    return lineId;
  }

  private void extraLine(int k, int m, String employee, BigDecimal[] v, LocalDate paid) {
    if (extras.computeIfAbsent(k, x -> new HashSet<>()).add(employee)) {
      truth.settlementError(ref.clients.get(k / M).id(), ymStr[m], employee, "EXTRA", null, null, null);
    }
    originalLine(k, m, employee, v, paid, null);
  }

  private void correctionLine(int k, int m, String employee, BigDecimal[] v, LocalDate paid) {
    String lineId = seqId(corrBatchId[k], ++corrSeq[k]);
    int shard = shardOfCurrentEmployee;
    if (corrFiles[m] == null || corrShard[m] != shard) {
      if (corrFiles[m] != null) corrFiles[m].close();
      corrFiles[m] = new CsvFile(root, String.format("settlement/%s/corrections_%s_part-%05d.csv", ymStr[m], ymStr[m], shard),
          SETTLEMENT_COLS, CsvFile.Layout.plain().withColumns(CORRECTION_ORDER));
      corrShard[m] = shard;
    }
    corrFiles[m].write(lineValues(lineId, corrBatchId[k], k, m, employee, v, paid, corrIssuedStr[k], corrIssuedStr[k]));
    corrLines[k]++;
    settlementLines++;
  }

  /** Settlement files are split per {@link #SHARD} employees, so a month of a large run is several files. */
  private int shardOfCurrentEmployee;

  private CsvFile origFile(int m) {
    int shard = shardOfCurrentEmployee;
    if (origFiles[m] == null || origShard[m] != shard) {
      if (origFiles[m] != null) origFiles[m].close();
      origFiles[m] = new CsvFile(root, String.format("settlement/%s/settlement_%s_part-%05d.csv", ymStr[m], ymStr[m], shard),
          SETTLEMENT_COLS, CsvFile.Layout.plain());
      origShard[m] = shard;
    }
    return origFiles[m];
  }

  // ---------------------------------------------------------------- cases and milestones

  /** One generated case with its milestones. */
  static final class Case {
    String id;
    int client;
    String employee;
    CaseType type;
    LocalDateTime occurred;
    LocalDateTime reported;
    Integer candidates;
    final List<Object[]> events = new ArrayList<>(); // {Milestone, LocalDateTime}

    void event(Milestone m, LocalDateTime at) { if (at != null) events.add(new Object[] {m, at}); }

    LocalDateTime earliest(Milestone m) {
      LocalDateTime best = null;
      for (Object[] ev : events) {
        LocalDateTime at = (LocalDateTime) ev[1];
        if (ev[0] == m && (best == null || at.isBefore(best))) best = at;
      }
      return best;
    }
  }

  private static final CaseType[] TYPES = CaseType.values();
  private boolean forceLate;

  /** The draw as it is, or one in the "late" band while {@link #forceLate} is set (the draw is still consumed). */
  private double lateOr(double draw) { return forceLate ? 0.9 : draw; }
  private static final double[] TYPE_WEIGHTS = {0.10, 0.30, 0.10, 0.20, 0.20, 0.10};

  private void cases() {
    progress("cases and milestones");
    for (int c = 0; c < C; c++) {
      int size = lo[c + 1] - lo[c];
      for (int m = 0; m < M; m++) {
        Rng r = Rng.of(seed, 3, c, m);
        int n = 2 + (int) Math.floor(size * 0.02 * r.nextDouble());
        for (int j = 0; j < n; j++) {
          CaseType type;
          if (j == 0) type = TYPES[(c + m) % TYPES.length];
          else if (j == 1) type = TYPES[(c + m + 3) % TYPES.length];
          else type = weightedType(r);
          LocalDate day = ym[m].atDay(1 + r.nextInt(ym[m].lengthOfMonth()));
          int hour = r.chance(0.85) ? r.between(8, 19) : r.chance(0.5) ? r.between(20, 23) : r.between(0, 7);
          LocalDateTime reported = day.atTime(hour, r.nextInt(60), r.nextInt(60));
          // The first two cases of one month per client miss every time limit they have, so even
          // a small sample breaches each case rule (SPEC §4.3).
          forceLate = j < 2 && m == c % M;
          Case k = newCase(c, m, j + 1, type, reported, r, size);
          forceLate = false;
          emitCase(k, r);
        }
      }
    }
    specialComplaints();
  }

  private CaseType weightedType(Rng r) {
    double x = r.nextDouble();
    for (int t = 0; t < TYPES.length; t++) {
      x -= TYPE_WEIGHTS[t];
      if (x < 0) return TYPES[t];
    }
    return TYPES[TYPES.length - 1];
  }

  private String caseId(int c, int m, String suffix) {
    return "CASE-" + ref.clients.get(c).id() + "-" + ymStr[m].replace("-", "") + "-" + suffix;
  }

  /** Completion of an hours-limited milestone: mostly well inside the limit, sometimes late, rarely never. */
  private LocalDateTime withinHours(Rng r, LocalDateTime from, long limitSeconds) {
    double x = lateOr(r.nextDouble());
    if (x < 0.85) return from.plusSeconds((long) (limitSeconds * (0.2 + 0.5 * r.nextDouble())));
    if (x < 0.96) return from.plusSeconds(limitSeconds + r.between(3600, 30 * 3600));
    return null;
  }

  /** Completion of a milestone without an SLA: a normal spread, a slow tail, sometimes never. */
  private static LocalDateTime response(Rng r, LocalDateTime from, int lo, int hi, int slowLo, int slowHi, double never) {
    double x = r.nextDouble();
    if (x < never) return null;
    if (x < never + 0.10) return from.plusMinutes(60L * slowLo + r.nextInt(60 * (slowHi - slowLo)));
    return from.plusMinutes(60L * lo + r.nextInt(60 * (hi - lo)));
  }

  private Case newCase(int c, int m, int n, CaseType type, LocalDateTime reported, Rng r, int size) {
    Case k = new Case();
    k.id = caseId(c, m, String.format("%04d", n));
    k.client = c;
    k.type = type;
    k.reported = reported;
    if (size > 0 && type != CaseType.RECRUITMENT && type != CaseType.SPOT_CHECK) k.employee = employeeId(lo[c] + r.nextInt(size));
    switch (type) {
      case WORK_INJURY -> {
        long notice = limitSeconds(SlaRule.INJURY_CLIENT_NOTICE_12H, c);
        k.occurred = r.chance(0.88) ? reported.minusSeconds((long) (notice * (0.05 + 0.6 * r.nextDouble())))
            : reported.minusSeconds(notice + r.between(3600, 36 * 3600));
        LocalDateTime early = k.occurred.plusMinutes(r.between(10, 50));
        k.event(Milestone.ONSITE_HANDLING, r.chance(0.06) && early.isBefore(reported) ? early
            : withinHours(r, reported, limitSeconds(SlaRule.INJURY_ONSITE_12H, c)));
        k.event(Milestone.WRITTEN_PLAN, withinHours(r, reported, limitSeconds(SlaRule.INJURY_PLAN_24H, c)));
        k.event(Milestone.AGENCY_NOTIFIED, withinHours(r, reported, limitSeconds(SlaRule.INJURY_AGENCY_24H, c)));
        int days = limitInt(SlaRule.INJURY_DETERMINATION_30D, c);
        double x = r.nextDouble();
        LocalDate occurredDay = k.occurred.toLocalDate();
        if (x < 0.85) {
          LocalDateTime filed = at(occurredDay.plusDays(r.between(3, Math.max(3, days - 3))), r);
          k.event(Milestone.DETERMINATION_FILED, filed.isAfter(reported) ? filed : reported.plusHours(2));
        } else if (x < 0.96) {
          k.event(Milestone.DETERMINATION_FILED, at(occurredDay.plusDays(days + r.between(1, 10)), r));
        }
      }
      case INSURANCE_CLAIM -> k.event(Milestone.PAID, response(r, reported, 48, 400, 600, 900, 0.05));
      case DISPUTE -> {
        k.event(Milestone.SPECIALIST_ASSIGNED, response(r, reported, 1, 20, 30, 120, 0.03));
        k.event(Milestone.WRITTEN_PLAN, withinHours(r, reported, limitSeconds(SlaRule.DISPUTE_PLAN_24H, c)));
      }
      case COMPLAINT -> {
        LocalDateTime responded = withinHours(r, reported, limitSeconds(SlaRule.COMPLAINT_RESPONSE_24H, c));
        k.event(Milestone.RESPONDED, responded);
        if (responded != null && r.chance(0.10)) k.event(Milestone.RESPONDED, responded.plusHours(r.between(2, 48)));
        LocalDate deadline = cal.nthWorkdayAfter(reported.toLocalDate(), limitInt(SlaRule.COMPLAINT_PLAN_2WD, c));
        double x = lateOr(r.nextDouble());
        if (x < 0.85) {
          int span = (int) ChronoUnit.DAYS.between(reported.toLocalDate(), deadline);
          LocalDateTime plan = at(reported.toLocalDate().plusDays(r.nextInt(span + 1)), r);
          k.event(Milestone.WRITTEN_PLAN, plan.isAfter(reported) ? plan : reported.plusMinutes(r.between(30, 180)));
        } else if (x < 0.96) {
          k.event(Milestone.WRITTEN_PLAN, at(deadline.plusDays(r.between(1, 4)), r));
        }
        k.event(Milestone.RESOLVED, response(r, reported, 6, 200, 300, 600, 0.05));
      }
      case RECRUITMENT -> {
        double x = r.nextDouble();
        k.candidates = x < 0.08 ? null : x < 0.18 ? 1 : x < 0.58 ? 2 : x < 0.93 ? 3 : 4;
        k.event(Milestone.CANDIDATES_PROVIDED, response(r, reported, 24, 120, 200, 400, 0.05));
      }
      case SPOT_CHECK -> k.event(Milestone.DATA_PROVIDED, response(r, reported, 2, 40, 60, 150, 0.03));
      default -> throw new IllegalStateException(type.name());
    }
    return k;
  }

  /**
   * The complaints the SPEC §4.3 examples are about, when the window covers them: one reported on
   * the eve of the 2025 National Day week (plan on 10-10: met), one reported during that holiday
   * (plan on the make-up Saturday 10-11: late), one on a Friday before a normal weekend (plan on
   * Tuesday: met).
   */
  private void specialComplaints() {
    int c = 0;
    LocalDateTime eve = LocalDateTime.of(2025, 9, 30, 16, 30);
    int m = monthIndex(eve.toLocalDate());
    if (m >= 0 && monthIndex(LocalDate.of(2025, 10, 3)) >= 0 && limitInt(SlaRule.COMPLAINT_PLAN_2WD, c) == 2) {
      Case k = special(c, m, "S01", eve);
      k.event(Milestone.RESPONDED, eve.plusHours(2).plusMinutes(40));
      k.event(Milestone.WRITTEN_PLAN, LocalDateTime.of(2025, 10, 10, 10, 0));
      k.event(Milestone.RESOLVED, LocalDateTime.of(2025, 10, 11, 15, 0));
      emitCase(k, Rng.of(seed, 7, 1));
      LocalDateTime holiday = LocalDateTime.of(2025, 10, 3, 11, 0);
      k = special(c, m + 1, "S02", holiday);
      k.event(Milestone.RESPONDED, holiday.plusHours(4).plusMinutes(20));
      k.event(Milestone.WRITTEN_PLAN, LocalDateTime.of(2025, 10, 11, 10, 0));
      k.event(Milestone.RESOLVED, LocalDateTime.of(2025, 10, 13, 17, 0));
      emitCase(k, Rng.of(seed, 7, 2));
    }
    int fm = Math.min(4, M - 1);
    for (LocalDate d = ym[fm].atDay(1); !d.isAfter(ym[fm].atEndOfMonth()); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.FRIDAY && cal.isWorkday(d) && !cal.isWorkday(d.plusDays(1))
          && !cal.isWorkday(d.plusDays(2)) && cal.isWorkday(d.plusDays(3)) && cal.isWorkday(d.plusDays(4))
          && limitInt(SlaRule.COMPLAINT_PLAN_2WD, c) == 2 && limitSeconds(SlaRule.COMPLAINT_RESPONSE_24H, c) >= 17 * 3600) {
        LocalDateTime friday = d.atTime(17, 30);
        Case k = special(c, fm, "S03", friday);
        k.event(Milestone.RESPONDED, d.plusDays(1).atTime(10, 0));
        k.event(Milestone.WRITTEN_PLAN, d.plusDays(4).atTime(16, 0));
        k.event(Milestone.RESOLVED, d.plusDays(5).atTime(11, 0));
        emitCase(k, Rng.of(seed, 7, 3));
        break;
      }
    }
  }

  private Case special(int c, int m, String suffix, LocalDateTime reported) {
    Case k = new Case();
    k.id = caseId(c, m, suffix);
    k.client = c;
    k.type = CaseType.COMPLAINT;
    k.reported = reported;
    if (lo[1] > lo[0]) k.employee = employeeId(lo[0]);
    return k;
  }

  private String spellEnum(Rng r, String value) {
    double x = r.nextDouble();
    if (x < 0.04) return " " + value.toLowerCase() + " ";
    if (x < 0.08) return value.charAt(0) + value.substring(1).toLowerCase();
    return value;
  }

  private String spellTs(Rng r, LocalDateTime t) {
    return t == null ? null : r.chance(0.6) ? Stamps.local(t) : Stamps.spell(t, r.nextInt(Stamps.SPELLINGS));
  }

  private CsvFile caseFile(int m) {
    return caseFiles.computeIfAbsent(ymStr[m], key -> {
      CsvFile.Layout layout = CsvFile.Layout.plain();
      if (m == 0) layout = layout.withBom();
      if (m == Math.min(2, M - 1) && M > 2) layout = layout.withColumns(CASE_ORDER_VARIANT);
      return new CsvFile(root, "cases/" + key + "/cases_" + key + ".csv", CASE_COLS, layout);
    });
  }

  private CsvFile eventFile(LocalDateTime at) {
    String key = YearMonth.from(at).toString();
    return eventFiles.computeIfAbsent(key, x -> new CsvFile(root, "case_events/" + x + "/case_events_" + x + ".csv",
        EVENT_COLS, CsvFile.Layout.plain()));
  }

  /** Writes a case and its milestones, and adds its SLA subjects, response subject and shortlist counts to the truth. */
  private void emitCase(Case k, Rng r) {
    int m = monthIndex(k.reported.toLocalDate());
    String client = ref.clients.get(k.client).id();
    LocalDateTime updated = k.reported.plusHours(r.between(1, 6));
    caseFile(m).write(new String[] {k.id, client, k.employee, spellEnum(r, k.type.name()), spellTs(r, k.occurred),
        spellTs(r, k.reported), k.candidates == null ? null : k.candidates.toString(), spellTs(r, updated)});
    caseRows++;
    for (Object[] ev : k.events) {
      LocalDateTime at = (LocalDateTime) ev[1];
      eventFile(at).write(new String[] {k.id, spellEnum(r, ((Milestone) ev[0]).name()), spellTs(r, at)});
      eventRows++;
    }
    String month = ymStr[m];
    for (SlaRule rule : SlaRule.values()) {
      if (rule.caseType() != k.type) continue;
      LocalDateTime deadline;
      LocalDateTime done;
      switch (rule) {
        case INJURY_CLIENT_NOTICE_12H -> {
          deadline = k.occurred.plusSeconds(limitSeconds(rule, k.client));
          done = k.reported;
        }
        case INJURY_DETERMINATION_30D -> {
          deadline = endOfDay(k.occurred.toLocalDate().plusDays(limitInt(rule, k.client)));
          done = k.earliest(rule.completion());
        }
        case COMPLAINT_PLAN_2WD -> {
          deadline = endOfDay(cal.nthWorkdayAfter(k.reported.toLocalDate(), limitInt(rule, k.client)));
          done = k.earliest(rule.completion());
        }
        default -> {
          deadline = k.reported.plusSeconds(limitSeconds(rule, k.client));
          done = k.earliest(rule.completion());
        }
      }
      truth.sla(rule, k.id, k.client, m, deadline, done);
    }
    for (ResponseMetric metric : ResponseMetric.values()) {
      if (metric.caseType().orElse(null) == k.type) {
        truth.response(metric, k.id, client, month, k.reported, k.earliest(metric.endMilestone().orElseThrow()));
      }
    }
    if (k.type == CaseType.RECRUITMENT) {
      int[] rc = recruitment[k.client * M + m];
      rc[0]++;
      if (k.candidates == null) rc[3]++;
      else if (k.candidates < 2) rc[1]++;
      else if (k.candidates > 3) rc[2]++;
    }
    if (k.type == CaseType.COMPLAINT && firstComplaint == null) firstComplaint = k;
    if (k.type == CaseType.WORK_INJURY && firstInjury == null) firstInjury = k;
  }

  // ---------------------------------------------------------------- activities

  private Reference.Commitment commitment(int c, ActivityType t, LocalDate day, String period) {
    for (Reference.Commitment cm : ref.commitments) {
      if (cm.client() == c && cm.type() == t && (period == null || cm.period().equals(period)) && cm.effectiveOn(day)) return cm;
    }
    return null;
  }

  private CsvFile activityFile(int m) {
    return activityFiles.computeIfAbsent(ymStr[m], key -> {
      CsvFile.Layout layout = CsvFile.Layout.plain();
      if (m == 1) {
        layout = layout.withColumns("activity_id", "client_id", "activity_type", "occurred_at", "channel", "staff_id",
            "employee_id", "summary");
      }
      return new CsvFile(root, "activities/" + key + "/activities_" + key + ".csv", ACTIVITY_COLS, layout);
    });
  }

  private void activities() {
    progress("service activities");
    for (int m = 0; m < M; m++) activityFile(m);
    for (int c = 0; c < C; c++) {
      int size = lo[c + 1] - lo[c];
      String client = ref.clients.get(c).id();
      for (int m = 0; m < M; m++) {
        Rng r = Rng.of(seed, 4, c, m);
        int n = 0;
        for (ActivityType t : ActivityType.values()) {
          Reference.Commitment cm = commitment(c, t, ym[m].atDay(1), null);
          int count;
          if (cm == null) count = r.nextInt(3);
          else if (cm.period().equals("MONTH")) {
            count = r.chance(0.12) ? Math.max(0, cm.minCount() - 1 - r.nextInt(2)) : cm.minCount() + r.nextInt(3);
          } else if (t == ActivityType.FORMAL_REPORT) {
            count = r.chance(0.3) ? 1 : 0;
          } else {
            count = r.nextInt(3);
          }
          activityCounts[c][t.ordinal()][m] = count;
          for (int j = 0; j < count; j++) {
            LocalDateTime at = ym[m].atDay(1 + r.nextInt(ym[m].lengthOfMonth())).atTime(r.between(8, 19), r.nextInt(60), r.nextInt(60));
            String id = "ACT-" + client + "-" + ymStr[m].replace("-", "") + "-" + String.format("%04d", ++n);
            String employee = t == ActivityType.COMMUNICATION_EMPLOYEE && size > 0 ? employeeId(lo[c] + r.nextInt(size)) : null;
            String staff = String.format("S%04d", c * 3 + r.nextInt(3) + 1);
            activityFile(m).write(new String[] {id, client, spellEnum(r, t.name()), spellTs(r, at), staff, employee,
                r.pick(SUMMARIES)}, r.pick(CHANNELS));
            activityRows++;
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- bad input (SPEC §3), always additional rows

  private void bad(String source, CsvFile f, long line, ReasonCode reason) {
    truth.quarantine(source, f.relPath(), line, reason);
    badRows++;
  }

  /**
   * A fixed handful of bad rows of every SPEC §3 kind, appended to good files or in files of their
   * own. Their ids are their own ("-BAD-", "SX-"), so none of them can replace a good row even if
   * it were wrongly accepted.
   */
  private void badInput() {
    progress("bad input of every SPEC §3 kind");
    int m1 = Math.min(1, M - 1);
    String y = ymStr[m1];
    LocalDate d = ym[m1].atDay(10);
    String ds = Stamps.date(d);
    String ts = Stamps.local(d.atTime(10, 0));
    String c1 = ref.clients.get(0).id();

    CsvFile roster = rosterFile(d.atTime(10, 0));
    String[] ok = {"A-BAD-0001", "E99900001", c1, "测试员", null, null, null, "6000.00", "6000.00", ds, ts, ds, ds, null, null, ts};
    String[] v = ok.clone();
    v[3] = null;
    bad("roster", roster, roster.write(v), ReasonCode.REQUIRED_MISSING);
    v = ok.clone();
    v[0] = "A-BAD-0002";
    v[9] = ym[m1].getYear() + "-02-30";
    bad("roster", roster, roster.write(v), ReasonCode.TYPE_ERROR);
    v = ok.clone();
    v[0] = "A-BAD-0003";
    v[7] = "8千";
    bad("roster", roster, roster.write(v), ReasonCode.TYPE_ERROR);
    v = ok.clone();
    v[0] = "A-BAD-0004";
    v[13] = Stamps.date(d.minusDays(5));
    bad("roster", roster, roster.write(v), ReasonCode.RANGE_ERROR);
    v = ok.clone();
    v[0] = "A-BAD-0005";
    v[2] = "C9999";
    bad("roster", roster, roster.write(v), ReasonCode.UNKNOWN_CLIENT);

    CsvFile settlement = origFile(m1);
    String sb = "ST-" + c1 + "-" + y.replace("-", "") + "-X1";
    String[] line = {"SX-0001", sb, c1, y, "2025-08-05 25:61:00", employeeId(0), "5000.00", "800.00", "500.00", "25.00",
        "13.00", "350.00", "120.00", "6808.00", ds, ts};
    bad("settlement", settlement, settlement.write(line), ReasonCode.TYPE_ERROR);
    line = line.clone();
    line[0] = "SX-0002";
    line[4] = ts;
    line[6] = "5,000.00";
    bad("settlement", settlement, settlement.write(line), ReasonCode.TYPE_ERROR);
    line = line.clone();
    line[0] = "SX-0003";
    line[6] = "5000.00";
    line[5] = null;
    bad("settlement", settlement, settlement.write(line), ReasonCode.REQUIRED_MISSING);
    line = line.clone();
    line[0] = "SX-0004";
    line[5] = employeeId(0);
    line[2] = "C9999";
    bad("settlement", settlement, settlement.write(line), ReasonCode.UNKNOWN_CLIENT);
    bad("settlement", settlement, settlement.writeRaw("SX-0005," + sb + "," + c1 + "," + y + "," + ts), ReasonCode.MALFORMED_ROW);

    CsvFile cases = caseFile(m1);
    String[] k = {"CASE-BAD-0001", c1, null, "COMPLAINT", null, "2025/08/03 10:00:00", null, ts};
    bad("cases", cases, cases.write(k), ReasonCode.TYPE_ERROR);
    k = k.clone();
    k[0] = "CASE-BAD-0002";
    k[3] = "INJURY";
    k[4] = ts;
    k[5] = ts;
    bad("cases", cases, cases.write(k), ReasonCode.ENUM_ERROR);
    k = k.clone();
    k[0] = "CASE-BAD-0003";
    k[3] = "DISPUTE";
    k[1] = "C9998";
    bad("cases", cases, cases.write(k), ReasonCode.UNKNOWN_CLIENT);
    k = k.clone();
    k[0] = "CASE-BAD-0004";
    k[1] = c1;
    k[3] = "WORK_INJURY";
    k[4] = null;
    bad("cases", cases, cases.write(k), ReasonCode.REQUIRED_MISSING);

    if (firstComplaint != null) {
      CsvFile events = eventFile(firstComplaint.reported);
      bad("case_events", events, events.write(new String[] {firstComplaint.id, "RESPONDED",
          Stamps.local(firstComplaint.reported.minusHours(2))}), ReasonCode.MILESTONE_BEFORE_BASE);
      bad("case_events", events, events.write(new String[] {firstComplaint.id, "CLOSED",
          Stamps.local(firstComplaint.reported.plusHours(5))}), ReasonCode.ENUM_ERROR);
      bad("case_events", events, events.write(new String[] {firstComplaint.id, "RESOLVED", "2025-13-45 10:00:00"}),
          ReasonCode.TYPE_ERROR);
    }
    if (firstInjury != null) {
      CsvFile events = eventFile(firstInjury.reported);
      bad("case_events", events, events.write(new String[] {firstInjury.id, "ONSITE_HANDLING",
          Stamps.spell(firstInjury.occurred.minusHours(1), 2)}), ReasonCode.MILESTONE_BEFORE_BASE);
    }
    // Kept and ignored (SPEC §2): an event whose case never arrives is neither quarantined nor counted.
    eventFile(d.atTime(9, 0)).write(new String[] {"CASE-" + c1 + "-000000-UNKNOWN", "RESPONDED", ts});
    eventRows++;

    CsvFile acts = activityFile(Math.min(2, M - 1));
    String[] a = {"ACT-BAD-0001", c1, "PHONE_CALL", ts, "S0001", null, "电话沟通"};
    bad("activities", acts, acts.write(a, "电话"), ReasonCode.ENUM_ERROR);
    a = a.clone();
    a[0] = "ACT-BAD-0002";
    a[2] = "ONSITE_VISIT";
    a[1] = "C9999";
    bad("activities", acts, acts.write(a, "现场"), ReasonCode.UNKNOWN_CLIENT);
    a = a.clone();
    a[0] = "ACT-BAD-0003";
    a[1] = c1;
    a[3] = ymStr[Math.min(2, M - 1)] + "-32 10:00:00";
    bad("activities", acts, acts.write(a, "现场"), ReasonCode.TYPE_ERROR);
    a = a.clone();
    a[0] = null;
    a[3] = ts;
    bad("activities", acts, acts.write(a, "现场"), ReasonCode.REQUIRED_MISSING);
    StringBuilder raw = new StringBuilder("ACT-BAD-0005," + c1 + ",ONSITE_VISIT," + ts);
    for (int j = 4; j <= acts.columnCount(); j++) raw.append(",多余");
    bad("activities", acts, acts.writeRaw(raw.toString()), ReasonCode.MALFORMED_ROW);

    String[] noType = {"activity_id", "client_id", "occurred_at", "staff_id", "employee_id", "summary"};
    try (CsvFile f = new CsvFile(root, "activities/" + y + "/activities_" + y + "_mobile_app.csv", ACTIVITY_COLS,
        CsvFile.Layout.plain().withColumns(noType))) {
      for (int j = 1; j <= 3; j++) {
        bad("activities", f, f.write(new String[] {"ACT-APP-000" + j, c1, null, Stamps.local(d.atTime(9 + j, 0)), "S0001",
            null, "移动端补录"}), ReasonCode.MISSING_COLUMN);
      }
    }

    String gbkPath = "roster/" + y + "/roster_" + y + "_legacy_gbk.csv";
    try (CsvFile f = new CsvFile(root, gbkPath, ROSTER_COLS, CsvFile.Layout.plain().withCharset(Charset.forName("GBK")))) {
      f.write(new String[] {"A-GBK-0001", "E99900011", c1, "张伟", null, null, "上海", "7000.00", "7000.00", ds, ts, ds, ds,
          null, null, ts});
      f.write(new String[] {"A-GBK-0002", "E99900012", c1, "李娜", null, null, "上海", "7200.00", "7200.00", ds, ts, ds, ds,
          null, null, ts});
    }
    truth.quarantine("roster", gbkPath, null, ReasonCode.UNREADABLE_FILE);
    badRows++;
  }

  private void closeAll() {
    rosterFiles.values().forEach(CsvFile::close);
    for (CsvFile f : origFiles) if (f != null) f.close();
    for (CsvFile f : corrFiles) if (f != null) f.close();
    if (fixFile != null) fixFile.close();
    caseFiles.values().forEach(CsvFile::close);
    eventFiles.values().forEach(CsvFile::close);
    activityFiles.values().forEach(CsvFile::close);
  }

  /** The first month's activities delivered a second time, byte-identical, under another path: skipped by hash. */
  private void redeliver() {
    try {
      Path src = root.resolve("activities/" + ymStr[0] + "/activities_" + ymStr[0] + ".csv");
      Path dst = root.resolve("activities/resend/activities_" + ymStr[0] + "_resend.csv");
      Files.createDirectories(dst.getParent());
      Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void copyCalendar() {
    try (var in = WorkCalendar.class.getResourceAsStream("/reference/cn_calendar.csv")) {
      Path dst = root.resolve("reference/cn_calendar.csv");
      Files.createDirectories(dst.getParent());
      Files.copy(in, dst, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- truth summaries

  private void writeSummaries() {
    progress("ground truth summaries");
    try (CsvFile f = new CsvFile(root, Truth.DIR + "settlement_quality.csv", new String[] {"client_id", "month",
        "settlement_status", "expected_headcount", "billed_headcount", "missing", "extra", "duplicate", "headcount_errors",
        "evaluated_lines", "calc_error_lines", "correction_batches"}, CsvFile.Layout.plain())) {
      for (int c = 0; c < C; c++) {
        for (int m = 0; m < M; m++) {
          int k = c * M + m;
          int extra = extras.getOrDefault(k, Set.of()).size();
          if (expected[k] == 0 && origLines[k] == 0) continue;
          String client = ref.clients.get(c).id();
          if (origLines[k] == 0) {
            f.write(new String[] {client, ymStr[m], "MISSING", Integer.toString(expected[k]), null, null, null, null, null,
                null, null, null});
            continue;
          }
          f.write(new String[] {client, ymStr[m], "ISSUED", Integer.toString(expected[k]),
              Integer.toString(expected[k] - missing[k] + extra), Integer.toString(missing[k]), Integer.toString(extra),
              Integer.toString(duplicate[k]), Integer.toString(missing[k] + extra + duplicate[k]),
              Integer.toString(evaluated[k]), Integer.toString(calcLines[k]), corrLines[k] > 0 ? "1" : "0"});
        }
      }
    }
    try (CsvFile f = new CsvFile(root, Truth.DIR + "sla_counts.csv", new String[] {"rule", "client_id", "month", "evaluated",
        "met", "breached", "pending"}, CsvFile.Layout.plain())) {
      for (SlaRule rule : SlaRule.values()) {
        int[] n = truth.slaCounts[rule.ordinal()];
        if (n == null) continue;
        for (int c = 0; c < C; c++) {
          for (int m = 0; m < M; m++) {
            int at = (c * M + m) * 3;
            if (n[at] == 0) continue;
            f.write(new String[] {rule.name(), ref.clients.get(c).id(), ymStr[m], Integer.toString(n[at]),
                Integer.toString(n[at + 1]), Integer.toString(n[at + 2]), "0"});
          }
        }
      }
      for (SlaRule rule : SlaRule.values()) {
        int[] n = truth.slaCounts[rule.ordinal()];
        if (n == null) continue;
        for (int m = 0; m < M; m++) {
          long[] all = new long[3];
          for (int c = 0; c < C; c++) for (int j = 0; j < 3; j++) all[j] += n[(c * M + m) * 3 + j];
          if (all[0] == 0) continue;
          f.write(new String[] {rule.name(), "*", ymStr[m], Long.toString(all[0]), Long.toString(all[1]),
              Long.toString(all[2]), "0"});
        }
      }
    }
    try (CsvFile f = new CsvFile(root, Truth.DIR + "service_frequency.csv", new String[] {"client_id", "activity_type",
        "period", "month", "period_type", "min_count", "actual_count", "is_compliant", "is_final"}, CsvFile.Layout.plain())) {
      for (int c = 0; c < C; c++) {
        for (int m = 0; m < M; m++) {
          for (ActivityType t : ActivityType.values()) {
            for (String type : new String[] {"MONTH", "QUARTER"}) {
              YearMonth first = type.equals("MONTH") ? ym[m] : ym[m].withMonth((ym[m].getMonthValue() - 1) / 3 * 3 + 1);
              Reference.Commitment cm = commitment(c, t, first.atDay(1), type);
              if (cm == null) continue;
              int actual = 0;
              for (int q = 0; q <= m; q++) if (!ym[q].isBefore(first)) actual += activityCounts[c][t.ordinal()][q];
              String period = type.equals("MONTH") ? ymStr[m] : first.getYear() + "-Q" + ((first.getMonthValue() + 2) / 3);
              boolean fin = type.equals("MONTH") || ym[m].getMonthValue() % 3 == 0;
              f.write(new String[] {ref.clients.get(c).id(), t.name(), period, ymStr[m], type, Integer.toString(cm.minCount()),
                  Integer.toString(actual), Boolean.toString(actual >= cm.minCount()), Boolean.toString(fin)});
            }
          }
        }
      }
    }
    try (CsvFile f = new CsvFile(root, Truth.DIR + "recruitment_shortlist.csv", new String[] {"client_id", "month",
        "recruitment_cases", "outside_range", "too_few", "too_many", "no_count"}, CsvFile.Layout.plain())) {
      for (int c = 0; c < C; c++) {
        for (int m = 0; m < M; m++) {
          int[] rc = recruitment[c * M + m];
          if (rc[0] == 0) continue;
          f.write(new String[] {ref.clients.get(c).id(), ymStr[m], Integer.toString(rc[0]), Integer.toString(rc[1] + rc[2]),
              Integer.toString(rc[1]), Integer.toString(rc[2]), Integer.toString(rc[3])});
        }
      }
    }
    try (CsvFile f = new CsvFile(root, Truth.DIR + "quarantine.csv", new String[] {"source", "file", "line", "reason"},
        CsvFile.Layout.plain())) {
      for (String[] q : truth.quarantine) f.write(q);
    }
    writeTruthReadme();
  }

  /** The first instant at which every generated fact has happened: the earliest as_of the truth holds for. */
  LocalDateTime truthAsOf() { return ym[M - 1].plusMonths(3).atDay(1).atStartOfDay(); }

  private void writeTruthReadme() {
    String asOf = Stamps.iso(truthAsOf());
    String text = """
        # Ground truth of this generated landing zone

        Written by `quality generate` (seed %d, %d clients, %d employees, %d months from %s) beside
        the data it describes. The ingest skips folders whose name starts with `_`.

        **as_of.** Every timestamp and date the generator writes lies before %s (the first day of
        the third month after the last generated month), so this truth holds for any metrics run
        with `as_of` at or after that instant (e.g. the first day of the fourth month after the
        last one): nothing is PENDING, a missing completion is BREACHED, a missing response end is OPEN.
        Months: only months of the window (%s .. %s) are listed.

        | file | grain | what it says |
        |---|---|---|
        | settlement_errors.csv | client_id, month, employee_id, error, component | SPEC §4.1 on the original batch (earliest issued_at): MISSING, EXTRA (employee not expected, also with two lines), DUPLICATE (expected employee with >1 line), CALC (one row per wrong component, `total` included whenever the billed total differs from the expected total; billed and expected given). |
        | settlement_quality.csv | client_id, month | expected/billed headcount, missing, extra, duplicate, headcount_errors, evaluated_lines, calc_error_lines, correction_batches; settlement_status MISSING (counts empty) for the client-month that never got a batch. |
        | sla_breaches.csv | rule, subject_id | every BREACHED SLA subject of SPEC §4.3 (deadline_at, completed_at; lateness_hours only when completed, since otherwise it depends on as_of). |
        | sla_counts.csv | rule, client_id, month | evaluated, met, breached (pending 0) per rule; client_id `*` = company-wide. INJURY_CLIENT_NOTICE_12H is listed (the client's duty; not in SLA_COMPLIANCE). |
        | response_time_events.csv | metric, subject_id | every SPEC §4.2 subject with start, end, hours (negative durations counted as 0) and CLOSED/OPEN. |
        | service_frequency.csv | client_id, activity_type, period, month | SPEC §4.4 actual vs promised counts (quarters to date, is_final in the quarter's last month). |
        | recruitment_shortlist.csv | client_id, month | SPEC §4.5 counts. |
        | satisfaction.csv | client_id, month, respondent_type | SPEC §4.7 over surveys/: responses, mean_score, satisfied, dissatisfied, satisfied_share; EMPLOYEE rows also respondents_expected (the month's expected heads, = settlement_quality's expected_headcount) and response_rate (distinct responding expected heads); client_id `*` = company-wide (expected heads of every client). The last client has no surveys (its satisfaction KPIs are NO_DATA). |
        | quarantine.csv | source, file, line | every injected bad record with its reason code (SPEC §3); file relative to the landing root; line = physical line where the record starts (header = 1); UNREADABLE_FILE has no line. |

        Deliberate variations that must NOT change any number above: a UTF-8 BOM
        (reference/clients.csv, the first month's cases), CRLF (roster/roster_initial.csv,
        reference/service_commitments.csv), quoted summaries with commas, quotes and newlines,
        all timestamp spellings of SPEC §3 (same instants), enums in mixed case with blanks, an
        unknown `channel` column in the second month's activities, a different column order in
        settlement corrections and in the third month's cases, the first month's activities
        re-delivered byte-identical under activities/resend/, roster rows superseded by newer
        versions (end_date added later), a settlement re-issue file whose newer updated_at fixes
        three lines first delivered with a wage typo (the truth uses the fixed values), repeated
        milestones (the earliest counts) and one event of a case that never arrives (kept, ignored).
        """.formatted(seed, C, N, M, ymStr[0], asOf, ymStr[0], ymStr[M - 1]);
    try {
      Files.writeString(root.resolve(Truth.DIR + "README.md"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
