package com.dispatch.quality.generate;

import com.dispatch.quality.calendar.WorkCalendar;
import com.dispatch.quality.domain.SlaRule;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;

/**
 * What every writer of one generator run shares, fixed before the first row is written: the
 * months of the window, the clients and the contiguous range of employee indexes each one has,
 * the reference data, the working-day calendar and the SLA limits. Immutable.
 *
 * <p>Per (client, month) arrays of the writers are indexed by {@link #slot(int, int)}.
 */
final class Scope {
  final long seed;
  final Path root;
  final int clients;
  final int employees;
  final int months;
  final WorkCalendar calendar = WorkCalendar.bundled();
  final Reference reference;
  final LocalDate windowStart;
  final LocalDate windowEnd;
  private final YearMonth[] month;
  private final String[] monthText;
  /** Client c has the employee indexes firstEmployee[c] .. firstEmployee[c + 1] - 1. */
  private final int[] firstEmployee;

  Scope(LandingGenerator.Config cfg) {
    this.seed = cfg.seed();
    this.root = cfg.out();
    this.clients = cfg.clients();
    this.employees = cfg.employees();
    this.months = cfg.months();
    month = new YearMonth[months];
    monthText = new String[months];
    for (int m = 0; m < months; m++) {
      month[m] = cfg.startMonth().plusMonths(m);
      monthText[m] = month[m].toString();
    }
    windowStart = month[0].atDay(1);
    windowEnd = month[months - 1].atEndOfMonth();
    requireCalendarYears();
    reference = new Reference(clients, cfg.startMonth(), months, seed);
    firstEmployee = clientRanges();
  }

  /** Deadlines of the last month run into the next one (wages, complaint plans): the calendar must cover them. */
  private void requireCalendarYears() {
    LocalDate needed = month[months - 1].plusMonths(1).atEndOfMonth();
    for (LocalDate d = windowStart.withDayOfYear(1); !d.isAfter(needed); d = d.plusYears(1)) {
      if (!calendar.covers(d)) {
        throw new IllegalArgumentException("the bundled working-day calendar does not cover " + d.getYear()
            + " (months up to " + monthText[months - 1] + " need deadlines into " + needed + "); covered: "
            + calendar.coveredYears() + ". See docs/calendar.md to add a year.");
      }
    }
  }

  /** Contiguous employee ranges per client with uneven sizes, so employees of a client are generated together. */
  private int[] clientRanges() {
    double[] weight = new double[clients];
    double total = 0;
    for (int c = 0; c < clients; c++) {
      weight[c] = 0.5 + 1.5 * Rng.of(seed, 11, c).nextDouble();
      total += weight[c];
    }
    int[] first = new int[clients + 1];
    double cumulative = 0;
    for (int c = 0; c < clients; c++) {
      first[c] = (int) Math.round(employees * cumulative / total);
      cumulative += weight[c];
    }
    first[clients] = employees;
    return first;
  }

  YearMonth month(int m) { return month[m]; }

  /** {@code yyyy-MM} of month m. */
  String monthText(int m) { return monthText[m]; }

  YearMonth[] monthsArray() { return month.clone(); }

  String[] monthTexts() { return monthText.clone(); }

  /** Index of the month of {@code d} in the window, or -1 outside it. */
  int monthIndex(LocalDate d) {
    long diff = ChronoUnit.MONTHS.between(month[0], YearMonth.from(d));
    return diff < 0 || diff >= months ? -1 : (int) diff;
  }

  int slot(int client, int m) { return client * months + m; }

  Reference.Client client(int c) { return reference.clients.get(c); }

  String clientId(int c) { return reference.clients.get(c).id(); }

  String[] clientIds() {
    String[] ids = new String[clients];
    for (int c = 0; c < clients; c++) ids[c] = clientId(c);
    return ids;
  }

  int firstEmployee(int c) { return firstEmployee[c]; }

  int clientSize(int c) { return firstEmployee[c + 1] - firstEmployee[c]; }

  /** The client whose range holds employee index i. */
  int clientOf(int i) {
    int a = 0;
    int b = clients - 1;
    while (a < b) {
      int mid = (a + b + 1) >>> 1;
      if (firstEmployee[mid] <= i) a = mid; else b = mid - 1;
    }
    return a;
  }

  /** A rule's limit for client c in whole units (days, working days, hours). */
  int limitInt(SlaRule rule, int c) { return reference.policies.limit(rule, clientId(c)).intValue(); }

  /** An hours-limited rule's limit for client c in seconds. */
  long limitSeconds(SlaRule rule, int c) {
    return reference.policies.limit(rule, clientId(c)).multiply(BigDecimal.valueOf(3600)).longValue();
  }

  static String employeeId(int i) {
    String n = Integer.toString(i + 1);
    return "E" + "00000000".substring(n.length()) + n;
  }

  static LocalDateTime endOfDay(LocalDate d) { return d == null ? null : d.atTime(LocalTime.of(23, 59, 59, 999_000_000)); }

  /** A random office-hours instant on day d. */
  static LocalDateTime at(LocalDate d, Rng r) { return d.atTime(r.between(9, 17), r.nextInt(60), r.nextInt(60)); }

  static LocalDateTime max(LocalDateTime a, LocalDateTime b) { return b != null && b.isAfter(a) ? b : a; }
}
