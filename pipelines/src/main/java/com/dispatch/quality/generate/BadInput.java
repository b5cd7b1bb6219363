package com.dispatch.quality.generate;

import com.dispatch.quality.domain.ReasonCode;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Bad input of every SPEC §3 kind, as a list: one entry per bad record with its tag, the file it
 * goes to and the reason code the quarantine must give it. Always additional rows, appended to
 * good files of the second month (or in files of their own); their ids are their own ("-BAD-",
 * "SX-"), so none of them can replace a good row even if it were wrongly accepted.
 */
final class BadInput {
  /** Where a bad record goes. */
  enum Target {
    ROSTER("roster"), SETTLEMENT("settlement"), CASES("cases"), FIRST_COMPLAINT_EVENTS("case_events"),
    FIRST_INJURY_EVENTS("case_events"), UNKNOWN_CASE_EVENTS("case_events"), ACTIVITIES("activities"), MOBILE_APP_ACTIVITIES("activities");

    final String source;

    Target(String source) { this.source = source; }
  }

  /**
   * One bad record: {@code values} in the source's canonical column order, or {@code raw} text;
   * {@code channel} for a file with that extra column. A null reason: not bad, kept and ignored.
   */
  record BadRecord(String tag, Target target, ReasonCode reason, String[] values, String raw, String channel) {}

  /** The file of the mobile app's export, which lacks the required activity_type column (MISSING_COLUMN on every row). */
  static final String[] MOBILE_APP_COLUMNS = {"activity_id", "client_id", "occurred_at", "staff_id", "employee_id", "summary"};

  private final Scope scope;
  private final Truth truth;
  private final RosterWriter roster;
  private final SettlementFiles settlement;
  private final CaseWriter cases;
  private final ActivityWriter activities;
  private final int month;
  private final String monthText;
  private final LocalDate day;
  private long rows;

  BadInput(Scope scope, Truth truth, RosterWriter roster, SettlementFiles settlement, CaseWriter cases,
      ActivityWriter activities) {
    this.scope = scope;
    this.truth = truth;
    this.roster = roster;
    this.settlement = settlement;
    this.cases = cases;
    this.activities = activities;
    this.month = Math.min(1, scope.months - 1);
    this.monthText = scope.monthText(month);
    this.day = scope.month(month).atDay(10);
  }

  /** A copy of {@code base} with (index, value) pairs replaced. */
  private static String[] with(String[] base, Object... indexValue) {
    String[] v = base.clone();
    for (int i = 0; i < indexValue.length; i += 2) v[(Integer) indexValue[i]] = (String) indexValue[i + 1];
    return v;
  }

  private static BadRecord row(String tag, Target target, ReasonCode reason, String[] values) {
    return new BadRecord(tag, target, reason, values, null, null);
  }

  /** The bad records in the order they are written (the quarantine truth lists them in this order). */
  List<BadRecord> records() {
    String ds = Stamps.date(day);
    String ts = Stamps.local(day.atTime(10, 0));
    String c1 = scope.clientId(0);
    List<BadRecord> out = new ArrayList<>();

    String[] person = {"A-BAD-0001", "E99900001", c1, "测试员", null, null, null, "6000.00", "6000.00", ds, ts, ds, ds,
        null, null, ts};
    out.add(row("roster.no-name", Target.ROSTER, ReasonCode.REQUIRED_MISSING, with(person, 3, null)));
    out.add(row("roster.february-30", Target.ROSTER, ReasonCode.TYPE_ERROR,
        with(person, 0, "A-BAD-0002", 9, scope.month(month).getYear() + "-02-30")));
    out.add(row("roster.wage-in-words", Target.ROSTER, ReasonCode.TYPE_ERROR, with(person, 0, "A-BAD-0003", 7, "8千")));
    out.add(row("roster.end-before-start", Target.ROSTER, ReasonCode.RANGE_ERROR,
        with(person, 0, "A-BAD-0004", 13, Stamps.date(day.minusDays(5)))));
    out.add(row("roster.unknown-client", Target.ROSTER, ReasonCode.UNKNOWN_CLIENT, with(person, 0, "A-BAD-0005", 2, "C9999")));

    String batch = "ST-" + c1 + "-" + monthText.replace("-", "") + "-X1";
    String[] line = {"SX-0001", batch, c1, monthText, "2025-08-05 25:61:00", Scope.employeeId(0), "5000.00", "800.00",
        "500.00", "25.00", "13.00", "350.00", "120.00", "6808.00", ds, ts};
    out.add(row("settlement.hour-25", Target.SETTLEMENT, ReasonCode.TYPE_ERROR, line));
    out.add(row("settlement.thousands-separator", Target.SETTLEMENT, ReasonCode.TYPE_ERROR,
        with(line, 0, "SX-0002", 4, ts, 6, "5,000.00")));
    out.add(row("settlement.no-employee", Target.SETTLEMENT, ReasonCode.REQUIRED_MISSING,
        with(line, 0, "SX-0003", 4, ts, 5, null)));
    out.add(row("settlement.unknown-client", Target.SETTLEMENT, ReasonCode.UNKNOWN_CLIENT,
        with(line, 0, "SX-0004", 4, ts, 2, "C9999")));
    out.add(new BadRecord("settlement.five-fields", Target.SETTLEMENT, ReasonCode.MALFORMED_ROW, null,
        "SX-0005," + batch + "," + c1 + "," + monthText + "," + ts, null));

    String[] kase = {"CASE-BAD-0001", c1, null, "COMPLAINT", null, "2025/08/03 10:00:00", null, ts};
    out.add(row("cases.slashed-date", Target.CASES, ReasonCode.TYPE_ERROR, kase));
    out.add(row("cases.unknown-type", Target.CASES, ReasonCode.ENUM_ERROR,
        with(kase, 0, "CASE-BAD-0002", 3, "INJURY", 4, ts, 5, ts)));
    out.add(row("cases.unknown-client", Target.CASES, ReasonCode.UNKNOWN_CLIENT,
        with(kase, 0, "CASE-BAD-0003", 3, "DISPUTE", 4, ts, 5, ts, 1, "C9998")));
    out.add(row("cases.injury-without-occurred-at", Target.CASES, ReasonCode.REQUIRED_MISSING,
        with(kase, 0, "CASE-BAD-0004", 3, "WORK_INJURY", 5, ts)));

    CaseTimeline complaint = cases.firstComplaint;
    if (complaint != null) {
      out.add(row("case_events.responded-before-report", Target.FIRST_COMPLAINT_EVENTS, ReasonCode.MILESTONE_BEFORE_BASE,
          new String[] {complaint.id, "RESPONDED", Stamps.local(complaint.reported.minusHours(2))}));
      out.add(row("case_events.unknown-milestone", Target.FIRST_COMPLAINT_EVENTS, ReasonCode.ENUM_ERROR,
          new String[] {complaint.id, "CLOSED", Stamps.local(complaint.reported.plusHours(5))}));
      out.add(row("case_events.month-13", Target.FIRST_COMPLAINT_EVENTS, ReasonCode.TYPE_ERROR,
          new String[] {complaint.id, "RESOLVED", "2025-13-45 10:00:00"}));
    }
    CaseTimeline injury = cases.firstInjury;
    if (injury != null) {
      out.add(row("case_events.onsite-before-accident", Target.FIRST_INJURY_EVENTS, ReasonCode.MILESTONE_BEFORE_BASE,
          new String[] {injury.id, "ONSITE_HANDLING", Stamps.spell(injury.occurred.minusHours(1), 2)}));
    }

    // Kept and ignored (SPEC §2): an event whose case never arrives is neither quarantined nor counted.
    out.add(row("case_events.case-never-arrives", Target.UNKNOWN_CASE_EVENTS, null,
        new String[] {"CASE-" + c1 + "-000000-UNKNOWN", "RESPONDED", ts}));

    int activityMonth = Math.min(2, scope.months - 1);
    String[] call = {"ACT-BAD-0001", c1, "PHONE_CALL", ts, "S0001", null, "电话沟通"};
    out.add(new BadRecord("activities.unknown-type", Target.ACTIVITIES, ReasonCode.ENUM_ERROR, call, null, "电话"));
    out.add(new BadRecord("activities.unknown-client", Target.ACTIVITIES, ReasonCode.UNKNOWN_CLIENT,
        with(call, 0, "ACT-BAD-0002", 2, "ONSITE_VISIT", 1, "C9999"), null, "现场"));
    out.add(new BadRecord("activities.day-32", Target.ACTIVITIES, ReasonCode.TYPE_ERROR,
        with(call, 0, "ACT-BAD-0003", 2, "ONSITE_VISIT", 3, scope.monthText(activityMonth) + "-32 10:00:00"), null, "现场"));
    out.add(new BadRecord("activities.no-id", Target.ACTIVITIES, ReasonCode.REQUIRED_MISSING,
        with(call, 0, null, 2, "ONSITE_VISIT"), null, "现场"));
    StringBuilder tooMany = new StringBuilder("ACT-BAD-0005," + c1 + ",ONSITE_VISIT," + ts);
    for (int j = 4; j <= activities.file(activityMonth).columnCount(); j++) tooMany.append(",多余");
    out.add(new BadRecord("activities.too-many-fields", Target.ACTIVITIES, ReasonCode.MALFORMED_ROW, null,
        tooMany.toString(), null));
    for (int j = 1; j <= 3; j++) {
      out.add(row("activities.mobile-app-without-type", Target.MOBILE_APP_ACTIVITIES, ReasonCode.MISSING_COLUMN,
          new String[] {"ACT-APP-000" + j, c1, null, Stamps.local(day.atTime(9 + j, 0)), "S0001", null, "移动端补录"}));
    }
    return out;
  }

  /** Writes every record, then the unreadable GBK roster file. */
  void writeAll() {
    String mobileApp = "activities/" + monthText + "/activities_" + monthText + "_mobile_app.csv";
    try (CsvFile app = new CsvFile(scope.root, mobileApp, ActivityWriter.COLS,
        CsvFile.Layout.plain().withColumns(MOBILE_APP_COLUMNS))) {
      for (BadRecord b : records()) {
        CsvFile f = file(b.target(), app);
        long line = b.raw() != null ? f.writeRaw(b.raw()) : b.channel() != null ? f.write(b.values(), b.channel()) : f.write(b.values());
        if (b.reason() == null) {
          cases.countEvent();
        } else {
          truth.quarantine(b.target().source, f.relPath(), line, b.reason());
          rows++;
        }
      }
    }
    unreadableGbkRoster();
  }

  private CsvFile file(Target target, CsvFile mobileApp) {
    return switch (target) {
      case ROSTER -> roster.file(day.atTime(10, 0));
      case SETTLEMENT -> settlement.original(month);
      case CASES -> cases.caseFile(month);
      case FIRST_COMPLAINT_EVENTS -> cases.eventFile(cases.firstComplaint.reported);
      case FIRST_INJURY_EVENTS -> cases.eventFile(cases.firstInjury.reported);
      case UNKNOWN_CASE_EVENTS -> cases.eventFile(day.atTime(9, 0));
      case ACTIVITIES -> activities.file(Math.min(2, scope.months - 1));
      case MOBILE_APP_ACTIVITIES -> mobileApp;
    };
  }

  /** A roster file in GBK: the whole file is UNREADABLE_FILE (one quarantine entry, no line). */
  private void unreadableGbkRoster() {
    String ds = Stamps.date(day);
    String ts = Stamps.local(day.atTime(10, 0));
    String c1 = scope.clientId(0);
    String gbkPath = "roster/" + monthText + "/roster_" + monthText + "_legacy_gbk.csv";
    try (CsvFile f = new CsvFile(scope.root, gbkPath, RosterWriter.COLS, CsvFile.Layout.plain().withCharset(Charset.forName("GBK")))) {
      f.write(new String[] {"A-GBK-0001", "E99900011", c1, "张伟", null, null, "上海", "7000.00", "7000.00", ds, ts, ds, ds,
          null, null, ts});
      f.write(new String[] {"A-GBK-0002", "E99900012", c1, "李娜", null, null, "上海", "7200.00", "7200.00", ds, ts, ds, ds,
          null, null, ts});
    }
    truth.quarantine("roster", gbkPath, null, ReasonCode.UNREADABLE_FILE);
    rows++;
  }

  long rows() { return rows; }
}
