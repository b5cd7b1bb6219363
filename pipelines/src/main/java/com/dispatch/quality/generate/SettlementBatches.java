package com.dispatch.quality.generate;

import com.dispatch.quality.calendar.WorkCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;

/**
 * The settlement sheets of every (client, month), fixed before any line is written (stream 2 per
 * client-month): the original batch issued 2–6 days into M+1, a correction batch for 30% of
 * sheets 10–25 days later, the WAGE_ON_TIME due date and the day payroll actually ran (8% late).
 * The plan's missing client-month gets no batch. Arrays indexed by {@link Scope#slot}.
 */
final class SettlementBatches {
  final boolean[] missing;
  final LocalDateTime[] issued;
  final String[] issuedText;
  final String[] batchId;
  /** Null where the sheet has no correction batch. */
  final LocalDateTime[] correctionIssued;
  final String[] correctionIssuedText;
  final String[] correctionBatchId;
  final LocalDate[] wageDue;
  final LocalDate[] payroll;

  SettlementBatches(Scope scope, FaultPlan plan) {
    int slots = scope.clients * scope.months;
    missing = new boolean[slots];
    issued = new LocalDateTime[slots];
    issuedText = new String[slots];
    batchId = new String[slots];
    correctionIssued = new LocalDateTime[slots];
    correctionIssuedText = new String[slots];
    correctionBatchId = new String[slots];
    wageDue = new LocalDate[slots];
    payroll = new LocalDate[slots];
    WorkCalendar cal = scope.calendar;
    for (int c = 0; c < scope.clients; c++) {
      Reference.Client cl = scope.client(c);
      for (int m = 0; m < scope.months; m++) {
        int k = scope.slot(c, m);
        Rng r = Rng.of(scope.seed, 2, c, m);
        missing[k] = plan.isMissingBatch(c, m);
        LocalDate issueDay = scope.month(m).plusMonths(1).atDay(1).plusDays(r.between(2, 6));
        issued[k] = issueDay.atTime(r.between(9, 17), r.nextInt(60), r.nextInt(60));
        issuedText[k] = Stamps.local(issued[k]);
        String ymc = scope.monthText(m).replace("-", "");
        batchId[k] = "ST-" + cl.id() + "-" + ymc + "-01";
        if (!missing[k] && r.chance(0.3)) {
          correctionIssued[k] = issued[k].plusDays(r.between(10, 25)).withHour(r.between(9, 17));
          correctionIssuedText[k] = Stamps.spell(correctionIssued[k], 2);
          correctionBatchId[k] = "ST-" + cl.id() + "-" + ymc + "-02";
        }
        wageDue[k] = wageDue(cal, scope.month(m), cl.wagePayDay());
        payroll[k] = r.chance(0.08)
            ? wageDue[k].plusDays(r.between(1, 6)) : cal.onOrBeforeWorkday(wageDue[k].minusDays(r.between(0, 2)));
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
}
