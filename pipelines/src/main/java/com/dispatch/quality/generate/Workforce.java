package com.dispatch.quality.generate;

import com.dispatch.quality.domain.SlaRule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The dispatched employees: each one a pure function of (seed, index) on stream 1, so they are
 * generated, written and forgotten one at a time. Most started before the window, some join in
 * it, 18% leave, 8% get a wage change (a second assignment, {@code -2}); contracts and insurance
 * registrations are mostly on time, some late, a few never.
 */
final class Workforce {
  /** One dispatch assignment (a roster row; a leave is a newer version of the same row). */
  static final class Assignment {
    String id;
    LocalDate start;
    LocalDate end;
    BigDecimal wage;
    BigDecimal base;
    /** The roster's city column as written: null = the client's city. */
    String cityField;
    int city;
    /** False for the first assignment of a wage change: its end is not a leave. */
    boolean realLeave;
    LocalDateTime startNotified;
    LocalDateTime endNotified;
    LocalDate contractSigned;
    LocalDate insuranceRegistered;
    /** updated_at of the first version, and of the version that adds the end date. */
    LocalDateTime firstUpdated;
    LocalDateTime endUpdated;
  }

  static final class Employee {
    int index;
    String id;
    int client;
    String name;
    String idCard;
    String phone;
    Assignment[] assignments;
  }

  private final Scope scope;

  Workforce(Scope scope) { this.scope = scope; }

  Employee employee(int i) {
    Rng r = Rng.of(scope.seed, 1, i);
    Employee e = new Employee();
    e.index = i;
    e.id = Scope.employeeId(i);
    e.client = scope.clientOf(i);
    Reference.Client cl = scope.client(e.client);
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
    LocalDate windowStart = scope.windowStart;
    LocalDate windowEnd = scope.windowEnd;
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
      e.assignments = new Assignment[] {assignment(r, e, aid + "-1", start, end, wage, base, city, cityField, true)};
    } else {
      int wage2 = wage + 100 * r.between(2, 15);
      int base2 = base == wage ? wage2 : base;
      e.assignments = new Assignment[] {
          assignment(r, e, aid + "-1", start, change.minusDays(1), wage, base, city, cityField, false),
          assignment(r, e, aid + "-2", change, end, wage2, base2, city, cityField, true)};
    }
    return e;
  }

  /**
   * The new hire of a watch scenario ({@link FaultPlan.WatchHire}): employee index employees + k,
   * one open assignment at the client's city, its instants as the plan gives them; name, ID and
   * phone from a stream of its own (13), so no other employee's draws move.
   */
  Employee hire(FaultPlan.WatchHire h) {
    int i = scope.employees + h.k();
    Rng r = Rng.of(scope.seed, 13, h.k());
    Employee e = new Employee();
    e.index = i;
    e.id = Scope.employeeId(i);
    e.client = h.client();
    e.name = Names.person(r);
    e.idCard = Names.idCard(r, LocalDate.of(1990, 1, 1).plusDays(r.nextInt(12 * 365)));
    e.phone = Names.mobile(r);
    Assignment a = new Assignment();
    a.id = "A" + e.id.substring(1) + "-1";
    a.start = h.start();
    a.wage = BigDecimal.valueOf(6800).setScale(2);
    a.base = a.wage;
    a.city = scope.client(h.client()).city();
    a.realLeave = true;
    a.startNotified = h.notified();
    a.contractSigned = h.contractSigned();
    a.insuranceRegistered = h.insuranceRegistered();
    a.firstUpdated = h.insuranceRegistered().atTime(19, 0);
    e.assignments = new Assignment[] {a};
    return e;
  }

  private Assignment assignment(Rng r, Employee e, String id, LocalDate start, LocalDate end, int wage, int base,
      int city, String cityField, boolean realLeave) {
    Assignment a = new Assignment();
    a.id = id;
    a.start = start;
    a.end = end;
    a.wage = BigDecimal.valueOf(wage).setScale(2);
    a.base = BigDecimal.valueOf(base).setScale(2);
    a.city = city;
    a.cityField = cityField;
    a.realLeave = realLeave;
    boolean inWindow = !start.isBefore(scope.windowStart);
    a.startNotified = inWindow && r.chance(0.05)
        ? Scope.at(start.plusDays(r.between(0, 4)), r) : Scope.at(start.minusDays(r.between(1, 10)), r);
    int contractLimit = scope.limitInt(SlaRule.CONTRACT_BY_START, e.client);
    int insuranceLimit = scope.limitInt(SlaRule.INSURANCE_30D, e.client);
    double x = r.nextDouble();
    if (!inWindow || x < 0.92) a.contractSigned = start.minusDays(r.between(0, 5));
    else if (x < 0.98) a.contractSigned = start.plusDays(contractLimit + r.between(1, 10));
    x = r.nextDouble();
    if (!inWindow || x < 0.92) {
      a.insuranceRegistered = start.plusDays(r.between(0, Math.max(0, Math.min(20, insuranceLimit - 3))));
    } else if (x < 0.98) {
      a.insuranceRegistered = start.plusDays(insuranceLimit + r.between(1, 15));
    }
    if (end != null && realLeave) {
      x = r.nextDouble();
      if (x < 0.80) a.endNotified = Scope.at(end.minusDays(r.between(0, 15)), r);
      else if (x < 0.95) a.endNotified = Scope.at(end.plusDays(r.between(1, 10)), r);
    }
    LocalDateTime u = Scope.max(a.startNotified, start.atTime(9, 0));
    if (a.contractSigned != null) u = Scope.max(u, a.contractSigned.atTime(18, 0));
    if (a.insuranceRegistered != null) u = Scope.max(u, a.insuranceRegistered.atTime(18, 0));
    if (!inWindow) u = Scope.max(u, scope.windowStart.minusDays(r.between(3, 20)).atTime(10, r.nextInt(60)));
    a.firstUpdated = u.plusHours(r.between(1, 48)).plusMinutes(r.nextInt(60));
    if (end != null) {
      LocalDateTime v = Scope.max(a.firstUpdated.plusHours(1), a.endNotified != null ? a.endNotified : end.atTime(18, 0));
      a.endUpdated = v.plusHours(r.between(1, 72)).plusMinutes(r.nextInt(60));
    }
    return a;
  }
}
