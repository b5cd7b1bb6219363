package com.dispatch.quality.gold;

import com.dispatch.quality.calendar.WorkCalendar;
import com.dispatch.quality.config.QualityTargets;
import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.domain.CaseType;
import com.dispatch.quality.domain.Milestone;
import com.dispatch.quality.schema.Silver;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Tiny silver inputs for the response-time and time-limit tests: cases, milestones, roster
 * assignments and settlement lines, each holding only the columns the rule reads (the rest null).
 * Times are written as local Asia/Shanghai "yyyy-MM-dd HH:mm".
 */
final class CaseFixtures {
  static final WorkCalendar CALENDAR = WorkCalendar.bundled();

  private final SparkSession spark;
  private final List<Row> cases = new ArrayList<>();
  private final List<Row> caseEvents = new ArrayList<>();
  private final List<Row> roster = new ArrayList<>();
  private final List<Row> settlement = new ArrayList<>();

  CaseFixtures(SparkSession spark) { this.spark = spark; }

  /** A local Asia/Shanghai time "yyyy-MM-dd HH:mm[:ss]" as an instant. */
  static Instant instant(String local) {
    String iso = local.replace(' ', 'T');
    if (iso.length() == 16) iso += ":00";
    return LocalDateTime.parse(iso).atZone(MetricContext.ZONE).toInstant();
  }

  static Timestamp ts(String local) { return local == null ? null : Timestamp.from(instant(local)); }

  static Date date(String d) { return d == null ? null : Date.valueOf(LocalDate.parse(d)); }

  /** Month M evaluated as of a local time, default limits, the bundled calendar. */
  static MetricContext context(String month, String asOfLocal) {
    return context(month, asOfLocal, SlaPolicies.defaults());
  }

  static MetricContext context(String month, String asOfLocal, SlaPolicies policies) {
    return new MetricContext(YearMonth.parse(month), instant(asOfLocal), CALENDAR, policies, QualityTargets.none());
  }

  CaseFixtures reported(String caseId, String clientId, CaseType type, String reportedAt) {
    cases.add(row(Silver.CASES, "case_id", caseId, "client_id", clientId, "case_type", type.name(),
        "reported_at", ts(reportedAt)));
    return this;
  }

  CaseFixtures injury(String caseId, String clientId, String occurredAt, String reportedAt) {
    cases.add(row(Silver.CASES, "case_id", caseId, "client_id", clientId, "case_type", CaseType.WORK_INJURY.name(),
        "occurred_at", ts(occurredAt), "reported_at", ts(reportedAt)));
    return this;
  }

  CaseFixtures milestone(String caseId, Milestone milestone, String at) {
    caseEvents.add(row(Silver.CASE_EVENTS, "case_id", caseId, "milestone", milestone.name(), "at", ts(at)));
    return this;
  }

  /** An assignment that started, with the hire notice time (null = never notified). */
  CaseFixtures joiner(String assignmentId, String employeeId, String clientId, String startDate, String startNotifiedAt) {
    roster.add(row(Silver.ROSTER, "assignment_id", assignmentId, "employee_id", employeeId, "client_id", clientId,
        "start_date", date(startDate), "start_notified_at", ts(startNotifiedAt)));
    return this;
  }

  /** An assignment that ended, with the leave notice time (null = never notified). */
  CaseFixtures leaver(String assignmentId, String employeeId, String clientId, String endDate, String endNotifiedAt) {
    roster.add(row(Silver.ROSTER, "assignment_id", assignmentId, "employee_id", employeeId, "client_id", clientId,
        "start_date", date("2024-01-01"), "end_date", date(endDate), "end_notified_at", ts(endNotifiedAt)));
    return this;
  }

  /** An assignment starting on startDate with its contract and insurance dates (either may be null). */
  CaseFixtures hire(String assignmentId, String clientId, String startDate, String contractSignedDate,
      String insuranceRegisteredDate) {
    roster.add(row(Silver.ROSTER, "assignment_id", assignmentId, "employee_id", "E-" + assignmentId, "client_id", clientId,
        "start_date", date(startDate), "contract_signed_date", date(contractSignedDate),
        "insurance_registered_date", date(insuranceRegisteredDate)));
    return this;
  }

  /** An assignment starting on startDate, told to the company at startNotifiedAt (null = never), nothing done yet. */
  CaseFixtures hireNotified(String assignmentId, String clientId, String startDate, String startNotifiedAt) {
    roster.add(row(Silver.ROSTER, "assignment_id", assignmentId, "employee_id", "E-" + assignmentId, "client_id", clientId,
        "start_date", date(startDate), "start_notified_at", ts(startNotifiedAt)));
    return this;
  }

  /** One settlement line of batch (client, service month, batch) billing an employee. */
  CaseFixtures billed(String batchId, String clientId, String serviceMonth, String issuedAt, String employeeId) {
    settlement.add(row(Silver.SETTLEMENT, "line_id", batchId + "-" + employeeId, "batch_id", batchId,
        "client_id", clientId, "service_month", serviceMonth, "issued_at", ts(issuedAt), "employee_id", employeeId));
    return this;
  }

  SilverInputs inputs() {
    return new SilverInputs(empty(Silver.CLIENTS), frame(roster, Silver.ROSTER), frame(settlement, Silver.SETTLEMENT),
        frame(cases, Silver.CASES), frame(caseEvents, Silver.CASE_EVENTS), empty(Silver.ACTIVITIES),
        empty(Silver.SERVICE_COMMITMENTS), empty(Silver.INSURANCE_RATES));
  }

  private Dataset<Row> frame(List<Row> rows, StructType schema) { return spark.createDataFrame(rows, schema); }

  private Dataset<Row> empty(StructType schema) { return frame(List.of(), schema); }

  /** A row of {@code schema} with the named columns set and every other column null. */
  static Row row(StructType schema, Object... namesAndValues) {
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      String name = (String) namesAndValues[i];
      schema.fieldIndex(name); // fails fast on a misspelt column
      values.put(name, namesAndValues[i + 1]);
    }
    Object[] cells = new Object[schema.size()];
    for (int i = 0; i < cells.length; i++) cells[i] = values.get(schema.fields()[i].name());
    return RowFactory.create(cells);
  }

  /** Output rows keyed by the value of one column (subject_id, or "metric|client_id"). */
  static Map<String, Row> byKey(Dataset<Row> out, String... keyColumns) {
    Map<String, Row> m = new HashMap<>();
    for (Row r : out.collectAsList()) {
      StringBuilder k = new StringBuilder();
      for (String c : keyColumns) k.append(k.length() == 0 ? "" : "|").append((Object) r.getAs(c));
      if (m.put(k.toString(), r) != null) throw new AssertionError("duplicate key " + k + " in " + out.collectAsList());
    }
    return m;
  }
}
