package com.dispatch.quality.generate;

import com.dispatch.quality.domain.ExpectedSettlement;
import com.dispatch.quality.domain.InsuranceItem;
import com.dispatch.quality.domain.ResponseMetric;
import com.dispatch.quality.domain.SlaRule;
import java.io.Closeable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Bills each employee (stream 6 per employee) on the original batches of SPEC §4.1 and adds to
 * the truth what must be found: MISSING, DUPLICATE, CALC and EXTRA rows, the WAGE_ON_TIME subject
 * of every evaluated line and the JOIN/LEAVE subjects of ROSTER_TO_SETTLEMENT (§4.2). Per
 * (client, month) it keeps the counts of {@code settlement_quality.csv}.
 */
final class SettlementWriter implements Closeable {
  static final String[] COMPONENTS = {"wage", "pension", "medical", "unemployment", "work_injury", "housing_fund",
      "service_fee", "total"};
  private static final String[] DELTAS = {"100.00", "-50.00", "0.01", "-0.01", "12.34", "-230.50", "1000.00", "3.60"};

  private final Scope scope;
  private final FaultPlan plan;
  private final SettlementBatches batches;
  private final SettlementFiles files;
  private final Truth truth;
  private final Reference.RateRow[][][] rateAt; // [city][month][item], the rate row effective on the month's first day
  /** Per (client, month). */
  final int[] expected;
  private final int[] missing;
  private final int[] duplicate;
  private final int[] evaluated;
  private final int[] calcLines;
  private final Map<Integer, Set<String>> extras = new TreeMap<>();
  private int phantom;
  /** LEAVE subjects wait until all of their client's lines are written: only then is it known whether a batch exists. */
  private final List<Leave> pendingLeaves = new ArrayList<>();

  private record Leave(String assignmentId, int client, int month, LocalDateTime notified, boolean billedAfter) {}

  SettlementWriter(Scope scope, FaultPlan plan, Truth truth) {
    this.scope = scope;
    this.plan = plan;
    this.truth = truth;
    this.batches = new SettlementBatches(scope, plan);
    this.files = new SettlementFiles(scope, batches, plan);
    int slots = scope.clients * scope.months;
    expected = new int[slots];
    missing = new int[slots];
    duplicate = new int[slots];
    evaluated = new int[slots];
    calcLines = new int[slots];
    rateAt = new Reference.RateRow[Reference.CITIES.length][scope.months][InsuranceItem.values().length];
    for (int city = 0; city < Reference.CITIES.length; city++) {
      for (int m = 0; m < scope.months; m++) {
        for (InsuranceItem item : InsuranceItem.values()) {
          rateAt[city][m][item.ordinal()] = scope.reference.rate(city, item, scope.month(m).atDay(1));
        }
      }
    }
  }

  SettlementFiles files() { return files; }

  /** The months in which the employee is an expected head of its client (SPEC §4.1: >= 1 active day). */
  boolean[] expectedMonths(Workforce.Employee e) {
    boolean[] in = new boolean[scope.months];
    for (int m = 0; m < scope.months; m++) for (Workforce.Assignment a : e.assignments) in[m] |= activeMask(a, m) != 0;
    return in;
  }

  /** Bit d-1 set for each active day d of the assignment in month m. */
  private int activeMask(Workforce.Assignment a, int m) {
    LocalDate first = scope.month(m).atDay(1);
    LocalDate last = scope.month(m).atEndOfMonth();
    LocalDate from = a.start.isAfter(first) ? a.start : first;
    LocalDate to = a.end == null || a.end.isAfter(last) ? last : a.end;
    if (from.isAfter(to)) return 0;
    int bits = 0;
    for (int d = from.getDayOfMonth(); d <= to.getDayOfMonth(); d++) bits |= 1 << (d - 1);
    return bits;
  }

  /** Expected amounts (SPEC §4.1) of a head: wage, five insurance items, service fee, total. */
  private BigDecimal[] amounts(Workforce.Assignment a, int c, int m, int activeDays) {
    BigDecimal[] v = new BigDecimal[8];
    v[0] = ExpectedSettlement.wage(a.wage, activeDays, scope.month(m).lengthOfMonth());
    for (InsuranceItem item : InsuranceItem.values()) {
      Reference.RateRow rr = rateAt[a.city][m][item.ordinal()];
      v[1 + item.ordinal()] = ExpectedSettlement.contribution(a.base, rr.floor(), rr.ceiling(), rr.rate());
    }
    v[6] = scope.client(c).feePerHead();
    v[7] = sum(v);
    return v;
  }

  /** The sum of the seven components. */
  static BigDecimal sum(BigDecimal[] v) {
    BigDecimal t = BigDecimal.ZERO.setScale(2);
    for (int j = 0; j < 7; j++) t = t.add(v[j]);
    return t;
  }

  /** All lines of one employee, month by month, then its JOIN subjects (its LEAVE subjects wait for {@link #flushLeaves}). */
  void settle(Workforce.Employee e) {
    files.employee(e.index);
    Rng r = Rng.of(scope.seed, 6, e.index);
    int c = e.client;
    String client = scope.clientId(c);
    boolean[] billedOriginal = new boolean[scope.months];
    boolean[] expectedIn = new boolean[scope.months];
    for (int m = 0; m < scope.months; m++) {
      int k = scope.slot(c, m);
      int mask = 0;
      Workforce.Assignment latest = null;
      for (Workforce.Assignment a : e.assignments) {
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
        if (batches.missing[k]) continue;
        if (batches.correctionIssued[k] != null) files.correction(c, m, e.id, exp, batches.payroll[k]);
        double roll = r.nextDouble();
        FaultPlan.HeadFault designed = plan.headFault(e.index, c, m);
        FaultPlan.LineFault fault = designed != null ? designed.line() : FaultPlan.LineFault.ofRoll(roll);
        boolean extraHeads = designed != null && designed.extraHeads();
        LocalDate paid = batches.payroll[k];
        double pr = r.nextDouble();
        if (pr < 0.004) paid = batches.wageDue[k].plusDays(r.between(1, 10));
        else if (pr < 0.006) paid = null;
        if (fault == FaultPlan.LineFault.MISSING) {
          missing[k]++;
          truth.settlementError(client, scope.monthText(m), e.id, "MISSING", null, null, null);
        } else if (fault == FaultPlan.LineFault.DUPLICATE) {
          duplicate[k]++;
          truth.settlementError(client, scope.monthText(m), e.id, "DUPLICATE", null, null, null);
          files.original(c, m, e.id, exp, paid, false);
          files.original(c, m, e.id, exp, paid, false);
          billedOriginal[m] = true;
        } else {
          BigDecimal[] billed = miscalculate(r, fault, exp, client, m, e.id);
          if (billed != exp) calcLines[k]++;
          String lineId = files.original(c, m, e.id, billed, paid, billed == exp);
          billedOriginal[m] = true;
          evaluated[k]++;
          LocalDateTime due = Scope.endOfDay(batches.wageDue[k]);
          truth.sla(SlaRule.WAGE_ON_TIME, lineId, c, m, wageClockStart(m, due), due, Scope.endOfDay(paid),
              batches.issued[k]);
        }
        if (scope.clients > 1 && (r.chance(0.002) || extraHeads)) {
          int other = (c + 1 + r.nextInt(scope.clients - 1)) % scope.clients;
          if (scope.clientSize(other) > 0) {
            String otherId = Scope.employeeId(scope.firstEmployee(other) + r.nextInt(scope.clientSize(other)));
            extraLine(c, m, otherId, exp, paid);
          }
        }
        if (r.chance(0.0015) || extraHeads) {
          String id = "E9" + String.format("%07d", ++phantom);
          extraLine(c, m, id, exp, paid);
          if (r.chance(0.5) || extraHeads) extraLine(c, m, id, exp, paid);
        }
      } else if (m > 0 && expectedIn[m - 1] && !batches.missing[k] && r.chance(0.10)) {
        // A leaver still billed the month after leaving: an extra head (SPEC §4.1).
        Workforce.Assignment last = e.assignments[e.assignments.length - 1];
        extraLine(c, m, e.id, amounts(last, c, m, scope.month(m).lengthOfMonth()), batches.payroll[k]);
        billedOriginal[m] = true;
      }
    }
    responseSubjects(e, billedOriginal, expectedIn);
  }

  /**
   * SPEC §4.8: WAGE_ON_TIME's clock for month m starts on the first day of m+1, or at the start of
   * the deadline's day when a pay day on a holiday moved the deadline back into m.
   */
  private LocalDateTime wageClockStart(int m, LocalDateTime due) {
    LocalDateTime nextMonth = scope.month(m).plusMonths(1).atDay(1).atStartOfDay();
    return due.isBefore(nextMonth) ? due.toLocalDate().atStartOfDay() : nextMonth;
  }

  /** The billed amounts of a line with a wrong component or total (the truth gets one CALC row per wrong value), else {@code exp}. */
  private BigDecimal[] miscalculate(Rng r, FaultPlan.LineFault fault, BigDecimal[] exp, String client, int m, String employee) {
    String month = scope.monthText(m);
    if (fault == FaultPlan.LineFault.WRONG_COMPONENT) {
      BigDecimal[] billed = exp.clone();
      int comp = r.nextInt(7);
      billed[comp] = billed[comp].add(new BigDecimal(r.pick(DELTAS)));
      billed[7] = sum(billed);
      truth.settlementError(client, month, employee, "CALC", COMPONENTS[comp], billed[comp], exp[comp]);
      truth.settlementError(client, month, employee, "CALC", "total", billed[7], exp[7]);
      return billed;
    }
    if (fault == FaultPlan.LineFault.WRONG_TOTAL) {
      BigDecimal[] billed = exp.clone();
      billed[7] = billed[7].add(new BigDecimal(r.pick(DELTAS)));
      truth.settlementError(client, month, employee, "CALC", "total", billed[7], exp[7]);
      return billed;
    }
    return exp;
  }

  private void responseSubjects(Workforce.Employee e, boolean[] billedOriginal, boolean[] expectedIn) {
    int c = e.client;
    for (Workforce.Assignment a : e.assignments) {
      int sm = scope.monthIndex(a.start);
      if (sm >= 0 && !a.start.isBefore(scope.windowStart) && a.startNotified != null) {
        LocalDateTime best = null;
        for (int m = sm; m < scope.months; m++) {
          int k = scope.slot(c, m);
          if (billedOriginal[m] && (best == null || batches.issued[k].isBefore(best))) best = batches.issued[k];
          LocalDateTime corr = batches.correctionIssued[k];
          if (expectedIn[m] && corr != null && (best == null || corr.isBefore(best))) best = corr;
        }
        truth.response(ResponseMetric.ROSTER_TO_SETTLEMENT, a.id + ":JOIN", scope.clientId(c), scope.monthText(sm),
            a.startNotified, best);
      }
      if (a.end != null && a.endNotified != null) {
        int em = scope.monthIndex(a.end);
        if (em >= 0) {
          pendingLeaves.add(new Leave(a.id, c, em, a.endNotified, em + 1 < scope.months && billedOriginal[em + 1]));
        }
      }
    }
  }

  /** Writes the LEAVE subjects collected so far: call when a client's employees are all written. */
  void flushLeaves() {
    for (Leave p : pendingLeaves) {
      LocalDateTime best = null;
      if (p.month() + 1 < scope.months) {
        int k = scope.slot(p.client(), p.month() + 1);
        if (files.originalLines[k] > 0 && !p.billedAfter()) best = batches.issued[k];
        LocalDateTime corr = batches.correctionIssued[k];
        if (files.correctionLines[k] > 0 && (best == null || corr.isBefore(best))) best = corr;
      }
      truth.response(ResponseMetric.ROSTER_TO_SETTLEMENT, p.assignmentId() + ":LEAVE", scope.clientId(p.client()),
          scope.monthText(p.month()), p.notified(), best);
    }
    pendingLeaves.clear();
  }

  private void extraLine(int c, int m, String employee, BigDecimal[] v, LocalDate paid) {
    if (extras.computeIfAbsent(scope.slot(c, m), x -> new HashSet<>()).add(employee)) {
      truth.settlementError(scope.clientId(c), scope.monthText(m), employee, "EXTRA", null, null, null);
    }
    files.original(c, m, employee, v, paid, false);
  }

  long lines() { return files.lines(); }

  /** {@code _ground_truth/settlement_quality.csv}: SPEC §4.1 counts per client-month, MISSING without a batch. */
  void writeTruth() {
    try (CsvFile f = new CsvFile(scope.root, Truth.DIR + "settlement_quality.csv", new String[] {"client_id", "month",
        "settlement_status", "expected_headcount", "billed_headcount", "missing", "extra", "duplicate", "headcount_errors",
        "evaluated_lines", "calc_error_lines", "correction_batches"}, CsvFile.Layout.plain())) {
      for (int c = 0; c < scope.clients; c++) {
        for (int m = 0; m < scope.months; m++) {
          int k = scope.slot(c, m);
          int extra = extras.getOrDefault(k, Set.of()).size();
          int lines = files.originalLines[k];
          if (expected[k] == 0 && lines == 0) continue;
          String client = scope.clientId(c);
          if (lines == 0) {
            f.write(new String[] {client, scope.monthText(m), "MISSING", Integer.toString(expected[k]), null, null, null,
                null, null, null, null, null});
            continue;
          }
          f.write(new String[] {client, scope.monthText(m), "ISSUED", Integer.toString(expected[k]),
              Integer.toString(expected[k] - missing[k] + extra), Integer.toString(missing[k]), Integer.toString(extra),
              Integer.toString(duplicate[k]), Integer.toString(missing[k] + extra + duplicate[k]),
              Integer.toString(evaluated[k]), Integer.toString(calcLines[k]),
              files.correctionLines[k] > 0 ? "1" : "0"});
        }
      }
    }
  }

  @Override
  public void close() { files.close(); }
}
