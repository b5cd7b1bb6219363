package com.dispatch.quality.generate;

import com.dispatch.quality.domain.CaseType;
import com.dispatch.quality.domain.Milestone;
import com.dispatch.quality.domain.ResponseMetric;
import com.dispatch.quality.domain.SlaRule;
import java.io.Closeable;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

/**
 * cases/&lt;month of reported_at&gt;/ and case_events/&lt;month of the milestone&gt;/ (SPEC §2):
 * 2 + up to 2% of the client's heads cases per client-month (stream 3), the first two of every
 * type in turn, plus the plan's designed complaints. Adds every case's SLA subjects (§4.3),
 * response subject (§4.2) and shortlist counts (§4.5) to the truth.
 */
final class CaseWriter implements Closeable {
  static final String[] CASE_COLS = {"case_id", "client_id", "employee_id", "case_type", "occurred_at", "reported_at",
      "candidates_count", "updated_at"};
  /** The third month's cases file has its columns in this order. */
  static final String[] CASE_ORDER_VARIANT = {"reported_at", "case_id", "case_type", "client_id", "employee_id",
      "occurred_at", "updated_at", "candidates_count"};
  static final String[] EVENT_COLS = {"case_id", "milestone", "at"};
  private static final CaseType[] TYPES = CaseType.values();
  private static final double[] TYPE_WEIGHTS = {0.10, 0.30, 0.10, 0.20, 0.20, 0.10};

  private final Scope scope;
  private final FaultPlan plan;
  private final Truth truth;
  private final Map<String, CsvFile> caseFiles = new TreeMap<>();
  private final Map<String, CsvFile> eventFiles = new TreeMap<>();
  /** Per (client, month): cases, too few, too many, no count. */
  private final int[][] recruitment;
  /** The first complaint and work injury written: the bad input adds milestones before their base to them. */
  CaseTimeline firstComplaint;
  CaseTimeline firstInjury;
  private long caseRows;
  private long eventRows;

  CaseWriter(Scope scope, FaultPlan plan, Truth truth) {
    this.scope = scope;
    this.plan = plan;
    this.truth = truth;
    this.recruitment = new int[scope.clients * scope.months][4];
  }

  void writeAll() {
    for (int c = 0; c < scope.clients; c++) {
      int size = scope.clientSize(c);
      for (int m = 0; m < scope.months; m++) {
        Rng r = Rng.of(scope.seed, 3, c, m);
        int n = 2 + (int) Math.floor(size * 0.02 * r.nextDouble());
        for (int j = 0; j < n; j++) {
          CaseType type;
          if (j == 0) type = TYPES[(c + m) % TYPES.length];
          else if (j == 1) type = TYPES[(c + m + 3) % TYPES.length];
          else type = weightedType(r);
          var month = scope.month(m);
          var day = month.atDay(1 + r.nextInt(month.lengthOfMonth()));
          int hour = r.chance(0.85) ? r.between(8, 19) : r.chance(0.5) ? r.between(20, 23) : r.between(0, 7);
          LocalDateTime reported = day.atTime(hour, r.nextInt(60), r.nextInt(60));
          CaseTimeline k = new CaseTimeline.Draw(scope, r, plan.isLateCase(c, m, j))
              .draw(caseId(c, m, String.format("%04d", j + 1)), c, type, reported, size);
          emit(k, r);
        }
      }
    }
    for (FaultPlan.DesignedComplaint d : plan.complaints) emit(designed(d), Rng.of(scope.seed, 7, d.stream()));
  }

  /**
   * The plan's watch cases (SPEC §4.8), after every other case and bad row so that no line of
   * the existing files moves: appended to their months' files.
   */
  void writeWatch() {
    for (FaultPlan.WatchCase w : plan.watchCases) {
      CaseTimeline k = new CaseTimeline();
      k.client = w.client();
      k.id = caseId(w.client(), scope.monthIndex(w.reported().toLocalDate()), w.suffix());
      k.type = w.type();
      k.occurred = w.occurred();
      k.reported = w.reported();
      if (scope.clientSize(w.client()) > 0) k.employee = Scope.employeeId(scope.firstEmployee(w.client()));
      k.events.addAll(w.events());
      emit(k, Rng.of(scope.seed, 7, w.stream()));
      truth.designedWatch(w.tag(), w.rule(), k.id, w.level());
    }
  }

  private CaseTimeline designed(FaultPlan.DesignedComplaint d) {
    CaseTimeline k = new CaseTimeline();
    k.id = caseId(d.client(), d.month(), d.suffix());
    k.client = d.client();
    k.type = CaseType.COMPLAINT;
    k.reported = d.reported();
    if (scope.clientSize(d.client()) > 0) k.employee = Scope.employeeId(scope.firstEmployee(d.client()));
    k.event(Milestone.RESPONDED, d.responded());
    k.event(Milestone.WRITTEN_PLAN, d.plan());
    k.event(Milestone.RESOLVED, d.resolved());
    return k;
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
    return "CASE-" + scope.clientId(c) + "-" + scope.monthText(m).replace("-", "") + "-" + suffix;
  }

  /** Month m's cases file: a BOM in the first month, another column order in the third. */
  CsvFile caseFile(int m) {
    return caseFiles.computeIfAbsent(scope.monthText(m), key -> {
      CsvFile.Layout layout = CsvFile.Layout.plain();
      if (m == 0) layout = layout.withBom();
      if (m == Math.min(2, scope.months - 1) && scope.months > 2) layout = layout.withColumns(CASE_ORDER_VARIANT);
      return new CsvFile(scope.root, "cases/" + key + "/cases_" + key + ".csv", CASE_COLS, layout);
    });
  }

  /** The case_events file of the month of {@code at}. */
  CsvFile eventFile(LocalDateTime at) {
    String key = YearMonth.from(at).toString();
    return eventFiles.computeIfAbsent(key, x -> new CsvFile(scope.root, "case_events/" + x + "/case_events_" + x + ".csv",
        EVENT_COLS, CsvFile.Layout.plain()));
  }

  /** Writes a case and its milestones, and adds its SLA subjects, response subject and shortlist counts to the truth. */
  private void emit(CaseTimeline k, Rng r) {
    int m = scope.monthIndex(k.reported.toLocalDate());
    String client = scope.clientId(k.client);
    LocalDateTime updated = k.reported.plusHours(r.between(1, 6));
    caseFile(m).write(new String[] {k.id, client, k.employee, Variants.spellEnum(r, k.type.name()),
        Variants.spellTimestamp(r, k.occurred), Variants.spellTimestamp(r, k.reported),
        k.candidates == null ? null : k.candidates.toString(), Variants.spellTimestamp(r, updated)});
    caseRows++;
    for (CaseTimeline.Event ev : k.events) {
      eventFile(ev.at()).write(new String[] {k.id, Variants.spellEnum(r, ev.milestone().name()),
          Variants.spellTimestamp(r, ev.at())});
      eventRows++;
    }
    for (SlaRule rule : SlaRule.values()) {
      if (rule.caseType() == k.type) {
        truth.sla(rule, k.id, k.client, m, clockStart(rule, k), deadline(rule, k), completion(rule, k), k.reported);
      }
    }
    for (ResponseMetric metric : ResponseMetric.values()) {
      if (metric.caseType().orElse(null) == k.type) {
        truth.response(metric, k.id, client, scope.monthText(m), k.reported, k.earliest(metric.endMilestone().orElseThrow()));
      }
    }
    if (k.type == CaseType.RECRUITMENT) {
      int[] rc = recruitment[scope.slot(k.client, m)];
      rc[0]++;
      if (k.candidates == null) rc[3]++;
      else if (k.candidates < 2) rc[1]++;
      else if (k.candidates > 3) rc[2]++;
    }
    if (k.type == CaseType.COMPLAINT && firstComplaint == null) firstComplaint = k;
    if (k.type == CaseType.WORK_INJURY && firstInjury == null) firstInjury = k;
  }

  /** SPEC §4.3's deadline of a case rule, with the client's limit. */
  private LocalDateTime deadline(SlaRule rule, CaseTimeline k) {
    return switch (rule) {
      case INJURY_CLIENT_NOTICE_12H -> k.occurred.plusSeconds(scope.limitSeconds(rule, k.client));
      case INJURY_DETERMINATION_30D -> Scope.endOfDay(k.occurred.toLocalDate().plusDays(scope.limitInt(rule, k.client)));
      case COMPLAINT_PLAN_2WD -> Scope.endOfDay(scope.calendar.nthWorkdayAfter(k.reported.toLocalDate(),
          scope.limitInt(rule, k.client)));
      default -> k.reported.plusSeconds(scope.limitSeconds(rule, k.client));
    };
  }

  /** SPEC §4.8: the instant the rule's deadline counts from, occurred_at for the two rules that start at the accident. */
  private static LocalDateTime clockStart(SlaRule rule, CaseTimeline k) {
    return rule == SlaRule.INJURY_CLIENT_NOTICE_12H || rule == SlaRule.INJURY_DETERMINATION_30D ? k.occurred : k.reported;
  }

  /** The completion: reported_at for the client's own notice duty, else the rule's milestone at its earliest. */
  private static LocalDateTime completion(SlaRule rule, CaseTimeline k) {
    return rule == SlaRule.INJURY_CLIENT_NOTICE_12H ? k.reported : k.earliest(rule.completion());
  }

  /** Cases and events written by the bad input count here too. */
  void countEvent() { eventRows++; }

  long caseRows() { return caseRows; }

  long eventRows() { return eventRows; }

  /** {@code _ground_truth/recruitment_shortlist.csv}: SPEC §4.5 per client-month with recruitment cases. */
  void writeTruth() {
    try (CsvFile f = new CsvFile(scope.root, Truth.DIR + "recruitment_shortlist.csv", new String[] {"client_id", "month",
        "recruitment_cases", "outside_range", "too_few", "too_many", "no_count"}, CsvFile.Layout.plain())) {
      for (int c = 0; c < scope.clients; c++) {
        for (int m = 0; m < scope.months; m++) {
          int[] rc = recruitment[scope.slot(c, m)];
          if (rc[0] == 0) continue;
          f.write(new String[] {scope.clientId(c), scope.monthText(m), Integer.toString(rc[0]),
              Integer.toString(rc[1] + rc[2]), Integer.toString(rc[1]), Integer.toString(rc[2]), Integer.toString(rc[3])});
        }
      }
    }
  }

  @Override
  public void close() {
    caseFiles.values().forEach(CsvFile::close);
    eventFiles.values().forEach(CsvFile::close);
  }
}
