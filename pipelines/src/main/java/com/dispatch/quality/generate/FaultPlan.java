package com.dispatch.quality.generate;

import com.dispatch.quality.domain.SlaRule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The designed anomalies of a run, as data: one entry per scenario, each with a stable tag, so
 * that even the smallest sample shows every settlement error and breaches every case rule, and
 * the worked examples of SPEC §4.3 are in the data. The writers ask the plan; they hold no
 * scenario of their own. Random faults (the rates in {@link LineFault#ofRoll}) come on top, and
 * bad input of SPEC §3 is listed in {@link BadInput}.
 */
final class FaultPlan {
  /** A designed scenario. */
  sealed interface Scenario permits HeadFault, MissingBatch, TypoReissue, LateCases, DesignedComplaint {
    String tag();
  }

  /** What happens to an expected head's line in the original batch (SPEC §4.1). */
  enum LineFault {
    NONE, MISSING, DUPLICATE, WRONG_COMPONENT, WRONG_TOTAL;

    /** The random fault of a line: 0.4% missing, 0.3% duplicate, 0.4% a wrong component, 0.2% a wrong total. */
    static LineFault ofRoll(double roll) {
      if (roll < 0.004) return MISSING;
      if (roll < 0.007) return DUPLICATE;
      if (roll < 0.011) return WRONG_COMPONENT;
      if (roll < 0.013) return WRONG_TOTAL;
      return NONE;
    }
  }

  /**
   * The client's employee at {@code offset} in its range gets {@code line} in month (client +
   * offset) mod months; with {@code extraHeads}, beside a correct line, an employee of another
   * client and an unknown employee billed twice are added to that client's sheet.
   */
  record HeadFault(String tag, int offset, LineFault line, boolean extraHeads) implements Scenario {}

  /** The client-month that never gets a settlement batch (settlement_status MISSING). */
  record MissingBatch(String tag, int client, int month) implements Scenario {}

  /** The first {@code lines} correct lines of a client-month are delivered with a wage typo (+1000.00) and re-issued fixed. */
  record TypoReissue(String tag, int client, int month, int lines) implements Scenario {}

  /** The first {@code cases} cases of each client's month (client mod months) miss every time limit they have. */
  record LateCases(String tag, int cases) implements Scenario {}

  /** A complaint with fixed instants (the SPEC §4.3 examples); {@code stream} keys its spelling randomness. */
  record DesignedComplaint(String tag, int client, int month, String suffix, LocalDateTime reported,
      LocalDateTime responded, LocalDateTime plan, LocalDateTime resolved, long stream) implements Scenario {}

  static final List<HeadFault> HEAD_FAULTS = List.of(
      new HeadFault("settlement.missing-head", 0, LineFault.MISSING, false),
      new HeadFault("settlement.duplicate-head", 1, LineFault.DUPLICATE, false),
      new HeadFault("settlement.wrong-component", 2, LineFault.WRONG_COMPONENT, false),
      new HeadFault("settlement.wrong-total", 3, LineFault.WRONG_TOTAL, false),
      new HeadFault("settlement.extra-heads", 4, LineFault.NONE, true));

  private final Scope scope;
  final MissingBatch missingBatch;
  final TypoReissue typoReissue;
  final LateCases lateCases = new LateCases("cases.late-every-rule", 2);
  final List<DesignedComplaint> complaints;

  FaultPlan(Scope scope) {
    this.scope = scope;
    int months = scope.months;
    missingBatch = months > 1
        ? new MissingBatch("settlement.no-batch", Math.min(1, scope.clients - 1), Math.min(3, months - 1)) : null;
    typoReissue = new TypoReissue("settlement.typo-reissued", 0, Math.min(1, months - 1), 3);
    complaints = designedComplaints();
  }

  List<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>(HEAD_FAULTS);
    if (missingBatch != null) all.add(missingBatch);
    all.add(typoReissue);
    all.add(lateCases);
    all.addAll(complaints);
    return all;
  }

  /** The designed fault of employee index i in month m, or null. */
  HeadFault headFault(int employeeIndex, int client, int m) {
    int offset = employeeIndex - scope.firstEmployee(client);
    return offset < HEAD_FAULTS.size() && m == (client + offset) % scope.months ? HEAD_FAULTS.get(offset) : null;
  }

  boolean isMissingBatch(int client, int m) {
    return missingBatch != null && missingBatch.client() == client && missingBatch.month() == m;
  }

  /** Whether the j-th case (from 0) of a client's month is made late. */
  boolean isLateCase(int client, int m, int j) { return j < lateCases.cases() && m == client % scope.months; }

  /**
   * The complaints the SPEC §4.3 examples are about, when the window covers them (client 0, with
   * the default two working days): one reported on the eve of the 2025 National Day week (plan
   * on 10-10: met), one reported during that holiday (plan on the make-up Saturday 10-11: late),
   * one on the first Friday before a normal weekend of the fifth month (plan on Tuesday: met).
   */
  private List<DesignedComplaint> designedComplaints() {
    List<DesignedComplaint> out = new ArrayList<>();
    int c = 0;
    LocalDateTime eve = LocalDateTime.of(2025, 9, 30, 16, 30);
    int m = scope.monthIndex(eve.toLocalDate());
    if (m >= 0 && scope.monthIndex(LocalDate.of(2025, 10, 3)) >= 0 && scope.limitInt(SlaRule.COMPLAINT_PLAN_2WD, c) == 2) {
      out.add(new DesignedComplaint("complaint.national-day-eve", c, m, "S01", eve, eve.plusHours(2).plusMinutes(40),
          LocalDateTime.of(2025, 10, 10, 10, 0), LocalDateTime.of(2025, 10, 11, 15, 0), 1));
      LocalDateTime holiday = LocalDateTime.of(2025, 10, 3, 11, 0);
      out.add(new DesignedComplaint("complaint.during-holiday", c, m + 1, "S02", holiday, holiday.plusHours(4).plusMinutes(20),
          LocalDateTime.of(2025, 10, 11, 10, 0), LocalDateTime.of(2025, 10, 13, 17, 0), 2));
    }
    int fm = Math.min(4, scope.months - 1);
    var cal = scope.calendar;
    for (LocalDate d = scope.month(fm).atDay(1); !d.isAfter(scope.month(fm).atEndOfMonth()); d = d.plusDays(1)) {
      if (d.getDayOfWeek() == DayOfWeek.FRIDAY && cal.isWorkday(d) && !cal.isWorkday(d.plusDays(1))
          && !cal.isWorkday(d.plusDays(2)) && cal.isWorkday(d.plusDays(3)) && cal.isWorkday(d.plusDays(4))
          && scope.limitInt(SlaRule.COMPLAINT_PLAN_2WD, c) == 2
          && scope.limitSeconds(SlaRule.COMPLAINT_RESPONSE_24H, c) >= 17 * 3600) {
        out.add(new DesignedComplaint("complaint.friday-before-weekend", c, fm, "S03", d.atTime(17, 30),
            d.plusDays(1).atTime(10, 0), d.plusDays(4).atTime(16, 0), d.plusDays(5).atTime(11, 0), 3));
        break;
      }
    }
    return out;
  }
}
