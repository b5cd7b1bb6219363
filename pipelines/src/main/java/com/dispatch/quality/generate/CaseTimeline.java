package com.dispatch.quality.generate;

import com.dispatch.quality.domain.CaseType;
import com.dispatch.quality.domain.Milestone;
import com.dispatch.quality.domain.SlaRule;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One service case and its milestones (SPEC §2 cases/, case_events/), drawn from the case's
 * stream: time-limited milestones mostly well inside the client's limit, sometimes late, rarely
 * never; milestones without a limit with a normal spread and a slow tail. A case the fault plan
 * makes late draws the same numbers but lands every limited milestone in the late band.
 */
final class CaseTimeline {
  String id;
  int client;
  String employee;
  CaseType type;
  LocalDateTime occurred;
  LocalDateTime reported;
  Integer candidates;
  final List<Event> events = new ArrayList<>();

  record Event(Milestone milestone, LocalDateTime at) {}

  void event(Milestone m, LocalDateTime at) { if (at != null) events.add(new Event(m, at)); }

  /** A milestone that occurs several times counts at its earliest (SPEC §2). */
  LocalDateTime earliest(Milestone m) {
    LocalDateTime best = null;
    for (Event ev : events) if (ev.milestone() == m && (best == null || ev.at().isBefore(best))) best = ev.at();
    return best;
  }

  /** Draws a case's instants and milestones. */
  static final class Draw {
    private final Scope scope;
    private final Rng r;
    private final boolean late;

    Draw(Scope scope, Rng r, boolean late) {
      this.scope = scope;
      this.r = r;
      this.late = late;
    }

    /** The draw as it is, or one in the "late" band for a late case (the draw is still consumed). */
    private double lateOr(double draw) { return late ? 0.9 : draw; }

    /** Completion of an hours-limited milestone: mostly well inside the limit, sometimes late, rarely never. */
    private LocalDateTime withinHours(LocalDateTime from, long limitSeconds) {
      double x = lateOr(r.nextDouble());
      if (x < 0.85) return from.plusSeconds((long) (limitSeconds * (0.2 + 0.5 * r.nextDouble())));
      if (x < 0.96) return from.plusSeconds(limitSeconds + r.between(3600, 30 * 3600));
      return null;
    }

    /** Completion of a milestone without an SLA: a normal spread, a slow tail, sometimes never. */
    private LocalDateTime response(LocalDateTime from, int lo, int hi, int slowLo, int slowHi, double never) {
      double x = r.nextDouble();
      if (x < never) return null;
      if (x < never + 0.10) return from.plusMinutes(60L * slowLo + r.nextInt(60 * (slowHi - slowLo)));
      return from.plusMinutes(60L * lo + r.nextInt(60 * (hi - lo)));
    }

    CaseTimeline draw(String id, int c, CaseType type, LocalDateTime reported, int size) {
      CaseTimeline k = new CaseTimeline();
      k.id = id;
      k.client = c;
      k.type = type;
      k.reported = reported;
      if (size > 0 && type != CaseType.RECRUITMENT && type != CaseType.SPOT_CHECK) {
        k.employee = Scope.employeeId(scope.firstEmployee(c) + r.nextInt(size));
      }
      switch (type) {
        case WORK_INJURY -> injury(k, c, reported);
        case INSURANCE_CLAIM -> k.event(Milestone.PAID, response(reported, 48, 400, 600, 900, 0.05));
        case DISPUTE -> {
          k.event(Milestone.SPECIALIST_ASSIGNED, response(reported, 1, 20, 30, 120, 0.03));
          k.event(Milestone.WRITTEN_PLAN, withinHours(reported, scope.limitSeconds(SlaRule.DISPUTE_PLAN_24H, c)));
        }
        case COMPLAINT -> complaint(k, c, reported);
        case RECRUITMENT -> {
          double x = r.nextDouble();
          k.candidates = x < 0.08 ? null : x < 0.18 ? 1 : x < 0.58 ? 2 : x < 0.93 ? 3 : 4;
          k.event(Milestone.CANDIDATES_PROVIDED, response(reported, 24, 120, 200, 400, 0.05));
        }
        case SPOT_CHECK -> k.event(Milestone.DATA_PROVIDED, response(reported, 2, 40, 60, 150, 0.03));
        default -> throw new IllegalStateException(type.name());
      }
      return k;
    }

    private void injury(CaseTimeline k, int c, LocalDateTime reported) {
      long notice = scope.limitSeconds(SlaRule.INJURY_CLIENT_NOTICE_12H, c);
      k.occurred = r.chance(0.88) ? reported.minusSeconds((long) (notice * (0.05 + 0.6 * r.nextDouble())))
          : reported.minusSeconds(notice + r.between(3600, 36 * 3600));
      LocalDateTime early = k.occurred.plusMinutes(r.between(10, 50));
      k.event(Milestone.ONSITE_HANDLING, r.chance(0.06) && early.isBefore(reported) ? early
          : withinHours(reported, scope.limitSeconds(SlaRule.INJURY_ONSITE_12H, c)));
      k.event(Milestone.WRITTEN_PLAN, withinHours(reported, scope.limitSeconds(SlaRule.INJURY_PLAN_24H, c)));
      k.event(Milestone.AGENCY_NOTIFIED, withinHours(reported, scope.limitSeconds(SlaRule.INJURY_AGENCY_24H, c)));
      int days = scope.limitInt(SlaRule.INJURY_DETERMINATION_30D, c);
      double x = r.nextDouble();
      LocalDate occurredDay = k.occurred.toLocalDate();
      if (x < 0.85) {
        LocalDateTime filed = Scope.at(occurredDay.plusDays(r.between(3, Math.max(3, days - 3))), r);
        k.event(Milestone.DETERMINATION_FILED, filed.isAfter(reported) ? filed : reported.plusHours(2));
      } else if (x < 0.96) {
        k.event(Milestone.DETERMINATION_FILED, Scope.at(occurredDay.plusDays(days + r.between(1, 10)), r));
      }
    }

    private void complaint(CaseTimeline k, int c, LocalDateTime reported) {
      LocalDateTime responded = withinHours(reported, scope.limitSeconds(SlaRule.COMPLAINT_RESPONSE_24H, c));
      k.event(Milestone.RESPONDED, responded);
      if (responded != null && r.chance(0.10)) k.event(Milestone.RESPONDED, responded.plusHours(r.between(2, 48)));
      LocalDate deadline = scope.calendar.nthWorkdayAfter(reported.toLocalDate(), scope.limitInt(SlaRule.COMPLAINT_PLAN_2WD, c));
      double x = lateOr(r.nextDouble());
      if (x < 0.85) {
        int span = (int) ChronoUnit.DAYS.between(reported.toLocalDate(), deadline);
        LocalDateTime plan = Scope.at(reported.toLocalDate().plusDays(r.nextInt(span + 1)), r);
        k.event(Milestone.WRITTEN_PLAN, plan.isAfter(reported) ? plan : reported.plusMinutes(r.between(30, 180)));
      } else if (x < 0.96) {
        k.event(Milestone.WRITTEN_PLAN, Scope.at(deadline.plusDays(r.between(1, 4)), r));
      }
      k.event(Milestone.RESOLVED, response(reported, 6, 200, 300, 600, 0.05));
    }
  }
}
