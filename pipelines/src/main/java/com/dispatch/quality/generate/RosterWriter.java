package com.dispatch.quality.generate;

import com.dispatch.quality.domain.SlaRule;
import java.io.Closeable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * roster/ (SPEC §2): one file per month of {@code updated_at} (CRLF roster_initial.csv before the
 * window); a leave is a second version of the assignment's row in a later file. Adds the
 * CONTRACT_BY_START and INSURANCE_30D subjects of assignments starting in the window to the truth.
 */
final class RosterWriter implements Closeable {
  static final String[] COLS = {"assignment_id", "employee_id", "client_id", "employee_name", "id_card_no", "phone",
      "city", "monthly_wage", "insurance_base", "start_date", "start_notified_at", "contract_signed_date",
      "insurance_registered_date", "end_date", "end_notified_at", "updated_at"};
  private static final int END_DATE = 13;
  private static final int END_NOTIFIED_AT = 14;
  private static final int UPDATED_AT = 15;

  private final Scope scope;
  private final Truth truth;
  private final Map<String, CsvFile> files = new TreeMap<>();
  private long rows;

  RosterWriter(Scope scope, Truth truth) {
    this.scope = scope;
    this.truth = truth;
  }

  void write(Workforce.Employee e) {
    Rng r = Rng.of(scope.seed, 5, e.index);
    String client = scope.clientId(e.client);
    for (Workforce.Assignment a : e.assignments) {
      String notified = r.chance(0.1) ? Stamps.spell(a.startNotified, r.nextInt(Stamps.SPELLINGS)) : Stamps.local(a.startNotified);
      String[] v = {a.id, e.id, client, e.name, e.idCard, e.phone, a.cityField, a.wage.toPlainString(), a.base.toPlainString(),
          Stamps.date(a.start), notified, a.contractSigned == null ? null : Stamps.date(a.contractSigned),
          a.insuranceRegistered == null ? null : Stamps.date(a.insuranceRegistered), null, null, Stamps.local(a.firstUpdated)};
      file(a.firstUpdated).write(v);
      rows++;
      if (a.end != null) {
        v = v.clone();
        v[END_DATE] = Stamps.date(a.end);
        v[END_NOTIFIED_AT] = a.endNotified == null ? null : Stamps.local(a.endNotified);
        v[UPDATED_AT] = Stamps.local(a.endUpdated);
        file(a.endUpdated).write(v);
        rows++;
      }
      int sm = scope.monthIndex(a.start);
      if (sm >= 0 && !a.start.isBefore(scope.windowStart)) {
        LocalDateTime contractDue = Scope.endOfDay(a.start.plusDays(scope.limitInt(SlaRule.CONTRACT_BY_START, e.client)));
        truth.sla(SlaRule.CONTRACT_BY_START, a.id, e.client, sm, contractClockStart(a.startNotified, a.start, contractDue),
            contractDue, Scope.endOfDay(a.contractSigned), null);
        truth.sla(SlaRule.INSURANCE_30D, a.id, e.client, sm, a.start.atStartOfDay(),
            Scope.endOfDay(a.start.plusDays(scope.limitInt(SlaRule.INSURANCE_30D, e.client))),
            Scope.endOfDay(a.insuranceRegistered), null);
      }
    }
  }

  /**
   * SPEC §4.8: CONTRACT_BY_START's clock starts at the hire notice, or at the start of start_date
   * when there is none or it came after the deadline's day had begun.
   */
  static LocalDateTime contractClockStart(LocalDateTime notified, LocalDate start, LocalDateTime deadline) {
    return notified == null || notified.isAfter(deadline.toLocalDate().atStartOfDay()) ? start.atStartOfDay() : notified;
  }

  /** The file that holds rows updated at {@code updated}. */
  CsvFile file(LocalDateTime updated) {
    boolean initial = updated.toLocalDate().isBefore(scope.windowStart);
    String key = initial ? "initial" : YearMonth.from(updated).toString();
    return files.computeIfAbsent(key, k -> initial
        ? new CsvFile(scope.root, "roster/roster_initial.csv", COLS, CsvFile.Layout.plain().withCrlf())
        : new CsvFile(scope.root, "roster/" + k + "/roster_" + k + ".csv", COLS, CsvFile.Layout.plain()));
  }

  long rows() { return rows; }

  @Override
  public void close() { files.values().forEach(CsvFile::close); }
}
