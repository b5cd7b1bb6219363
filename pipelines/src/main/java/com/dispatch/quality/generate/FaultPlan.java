package com.dispatch.quality.generate;

import com.dispatch.quality.domain.CaseType;
import com.dispatch.quality.domain.Milestone;
import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.domain.WatchLevel;
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
  sealed interface Scenario permits HeadFault, MissingBatch, TypoReissue, LateCases, DesignedComplaint,
      WatchCase, WatchHire {
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

  /**
   * The as_of the watch scenarios are set around (SPEC §4.8): Monday 2025-10-13 10:00 Shanghai, the
   * first Monday after the make-up working Saturday 2025-10-11 (调休, reference/cn_calendar.csv).
   * The watch truth ({@code _ground_truth/sla_watchlist.csv}) is written when the window covers
   * its three months 2025-09 .. 2025-11.
   */
  static final LocalDateTime WATCH_AS_OF = LocalDateTime.of(2025, 10, 13, 10, 0);

  /**
   * A case whose {@code rule} subject is on the watchlist of {@link #WATCH_AS_OF} at {@code level}
   * (its other rules are done by then or below half their time; Truth checks the level when it
   * writes the watchlist). {@code stream} keys its spelling
   * randomness; the case is written after every other case and bad row, so nothing else moves.
   */
  record WatchCase(String tag, SlaRule rule, WatchLevel level, int client, String suffix, CaseType type,
      LocalDateTime occurred, LocalDateTime reported, List<CaseTimeline.Event> events, long stream) implements Scenario {}

  /**
   * A new hire (employee index employees + {@code k}, billed like any other head) whose
   * CONTRACT_BY_START subject is on the watchlist of {@link #WATCH_AS_OF} at {@code level}, or
   * null when the month window of SPEC §4.8 leaves it out; its insurance clock has not started.
   */
  record WatchHire(String tag, WatchLevel level, int client, int k, LocalDate start, LocalDateTime notified,
      LocalDate contractSigned, LocalDate insuranceRegistered) implements Scenario {}

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
  /** {@link #WATCH_AS_OF} when the window covers its watch months, else null (no watch scenarios, no watch truth). */
  final LocalDateTime watchAsOf;
  final List<WatchCase> watchCases;
  final List<WatchHire> watchHires;

  FaultPlan(Scope scope) {
    this.scope = scope;
    int months = scope.months;
    missingBatch = months > 1
        ? new MissingBatch("settlement.no-batch", Math.min(1, scope.clients - 1), Math.min(3, months - 1)) : null;
    typoReissue = new TypoReissue("settlement.typo-reissued", 0, Math.min(1, months - 1), 3);
    complaints = designedComplaints();
    boolean covered = scope.monthIndex(WATCH_AS_OF.toLocalDate().minusMonths(1)) >= 0
        && scope.monthIndex(WATCH_AS_OF.toLocalDate().plusMonths(1)) >= 0;
    watchAsOf = covered ? WATCH_AS_OF : null;
    watchCases = covered ? watchCases() : List.of();
    watchHires = covered ? watchHires() : List.of();
  }

  List<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>(HEAD_FAULTS);
    if (missingBatch != null) all.add(missingBatch);
    all.add(typoReissue);
    all.add(lateCases);
    all.addAll(complaints);
    all.addAll(watchCases);
    all.addAll(watchHires);
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

  /**
   * Case subjects at every level of SPEC §4.8 at {@link #WATCH_AS_OF} (client 0, default limits;
   * a scenario whose limit differs is left out rather than landing at another level):
   * <ul>
   *   <li>a dispute reported Sun 10-12 08:00 without a plan: due 10-13 08:00, OVERDUE (plan 15:30, late);
   *   <li>a complaint reported Sun 10-12 12:00, responded 10-13 11:20: the response is due 10-13
   *       12:00, 22 of 24 h used, CRITICAL_90 (its plan, due at the end of Tue 10-14, is at 37%: not listed);
   *   <li>a complaint reported Fri 10-10 10:00: the working days after it are the make-up Saturday
   *       10-11 and Mon 10-13, so the plan is due at the end of 10-13 and 72 of 86 h are used, WARN_75
   *       (skipping the Saturday would give the end of 10-14 and 65%, WARN_50);
   *   <li>an occupational disease diagnosed Mon 09-15 09:00 and reported only Sun 09-21 09:00 (a
   *       September case, month(as_of) − 1): the determination is due at the end of 10-15, counted
   *       from the diagnosis, 673 of 735 h used, CRITICAL_90 (a clock from reported_at would give
   *       89.5%, WARN_75); on-site, plan and agency notice were in time.
   * </ul>
   */
  private List<WatchCase> watchCases() {
    int c = 0;
    List<WatchCase> out = new ArrayList<>();
    LocalDateTime d = LocalDateTime.of(2025, 10, 12, 8, 0);
    if (scope.limitSeconds(SlaRule.DISPUTE_PLAN_24H, c) == 24 * 3600) {
      out.add(new WatchCase("watch.dispute-plan-overdue", SlaRule.DISPUTE_PLAN_24H, WatchLevel.OVERDUE, c, "W01",
          CaseType.DISPUTE, null, d, List.of(new CaseTimeline.Event(Milestone.SPECIALIST_ASSIGNED, d.plusMinutes(70)),
              new CaseTimeline.Event(Milestone.WRITTEN_PLAN, d.plusHours(31).plusMinutes(30))), 11));
    }
    boolean complaintLimits = scope.limitSeconds(SlaRule.COMPLAINT_RESPONSE_24H, c) == 24 * 3600
        && scope.limitInt(SlaRule.COMPLAINT_PLAN_2WD, c) == 2;
    if (complaintLimits) {
      LocalDateTime r = LocalDateTime.of(2025, 10, 12, 12, 0);
      out.add(new WatchCase("watch.complaint-response-critical", SlaRule.COMPLAINT_RESPONSE_24H, WatchLevel.CRITICAL_90,
          c, "W02", CaseType.COMPLAINT, null, r, List.of(
              new CaseTimeline.Event(Milestone.RESPONDED, LocalDateTime.of(2025, 10, 13, 11, 20)),
              new CaseTimeline.Event(Milestone.WRITTEN_PLAN, LocalDateTime.of(2025, 10, 14, 16, 0)),
              new CaseTimeline.Event(Milestone.RESOLVED, LocalDateTime.of(2025, 10, 15, 10, 0))), 12));
      LocalDateTime f = LocalDateTime.of(2025, 10, 10, 10, 0);
      out.add(new WatchCase("watch.complaint-plan-across-makeup-saturday", SlaRule.COMPLAINT_PLAN_2WD, WatchLevel.WARN_75,
          c, "W03", CaseType.COMPLAINT, null, f, List.of(
              new CaseTimeline.Event(Milestone.RESPONDED, LocalDateTime.of(2025, 10, 10, 15, 0)),
              new CaseTimeline.Event(Milestone.WRITTEN_PLAN, LocalDateTime.of(2025, 10, 13, 17, 0)),
              new CaseTimeline.Event(Milestone.RESOLVED, LocalDateTime.of(2025, 10, 14, 11, 0))), 13));
    }
    if (scope.limitInt(SlaRule.INJURY_DETERMINATION_30D, c) == 30
        && scope.limitSeconds(SlaRule.INJURY_ONSITE_12H, c) >= 6 * 3600
        && scope.limitSeconds(SlaRule.INJURY_PLAN_24H, c) >= 24 * 3600
        && scope.limitSeconds(SlaRule.INJURY_AGENCY_24H, c) >= 8 * 3600) {
      LocalDateTime r = LocalDateTime.of(2025, 9, 21, 9, 0);
      out.add(new WatchCase("watch.injury-determination-from-diagnosis", SlaRule.INJURY_DETERMINATION_30D,
          WatchLevel.CRITICAL_90, c, "W04", CaseType.WORK_INJURY, LocalDateTime.of(2025, 9, 15, 9, 0), r, List.of(
              new CaseTimeline.Event(Milestone.ONSITE_HANDLING, r.plusHours(5)),
              new CaseTimeline.Event(Milestone.AGENCY_NOTIFIED, r.plusHours(7)),
              new CaseTimeline.Event(Milestone.WRITTEN_PLAN, r.plusHours(23)),
              new CaseTimeline.Event(Milestone.DETERMINATION_FILED, LocalDateTime.of(2025, 10, 15, 15, 0))), 14));
    }
    return out;
  }

  /**
   * Contract subjects of the month window (client 0, contract due on the start date): a hire
   * starting Mon 11-03 (month(as_of) + 1), confirmed on 09-19 09:30 and signed only on 10-30, has
   * used 576.5 of 1094.5 h at as_of, WARN_50; one starting Mon 12-01 (month(as_of) + 2), confirmed
   * on 08-15 10:00, would be at 54% but is outside the window (only when the window holds December).
   */
  private List<WatchHire> watchHires() {
    List<WatchHire> out = new ArrayList<>();
    if (scope.limitInt(SlaRule.CONTRACT_BY_START, 0) != 0) return out;
    out.add(new WatchHire("watch.contract-due-next-month", WatchLevel.WARN_50, 0, 0, LocalDate.of(2025, 11, 3),
        LocalDateTime.of(2025, 9, 19, 9, 30), LocalDate.of(2025, 10, 30), LocalDate.of(2025, 11, 10)));
    if (scope.monthIndex(LocalDate.of(2025, 12, 1)) >= 0) {
      out.add(new WatchHire("watch.contract-after-the-window", null, 0, 1, LocalDate.of(2025, 12, 1),
          LocalDateTime.of(2025, 8, 15, 10, 0), LocalDate.of(2025, 11, 28), LocalDate.of(2025, 12, 5)));
    }
    return out;
  }
}
