package com.dispatch.quality.schema;

import static com.dispatch.quality.schema.Fields.MONEY;
import static com.dispatch.quality.schema.Fields.col;
import static com.dispatch.quality.schema.Fields.concat;
import static com.dispatch.quality.schema.Fields.struct;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Gold tables (SPEC §6): what reports and BI tools read. Every table is partitioned by
 * {@code month} and every row carries {@code run_id} and {@code as_of}. Column comments are
 * written to the Delta table so a BI user can read them. Rates are fractions; hours are decimal
 * hours (seconds / 3600).
 */
public final class Gold {
  private Gold() {}

  public static final String MONTH = "month";

  public static final StructType RUN_COLUMNS = struct(
      col("run_id", StringType, "metrics run that wrote this row"),
      col("as_of", TimestampType, "cut-off instant: facts stamped later were not seen"));

  public static final StructType SETTLEMENT_QUALITY = concat(struct(
      col("client_id", StringType, "client id"),
      col("month", StringType, "service month yyyy-MM"),
      col("settlement_status", StringType, "ISSUED, or MISSING when heads are expected and no batch was issued by as_of"),
      col("expected_headcount", LongType, "employees with >= 1 active assignment day at the client in the month"),
      col("billed_headcount", LongType, "distinct employees in the original settlement"),
      col("missing", LongType, "expected employees with no line in the original settlement"),
      col("extra", LongType, "billed employees who are not expected"),
      col("duplicate", LongType, "expected employees with more than one line"),
      col("headcount_errors", LongType, "missing + extra + duplicate"),
      col("evaluated_lines", LongType, "lines of expected, non-duplicate employees"),
      col("calc_error_lines", LongType, "evaluated lines with a component or total off by >= 0.01 CNY, or total != sum of components"),
      col("has_both_errors", BooleanType, "headcount_errors > 0 and calc_error_lines > 0"),
      col("headcount_error_rate", DoubleType, "headcount_errors / expected_headcount (fraction)"),
      col("calc_error_rate", DoubleType, "calc_error_lines / evaluated_lines (fraction)"),
      col("correction_batches", LongType, "batches issued after the original for this client and month")), RUN_COLUMNS);

  public static final StructType SETTLEMENT_ERRORS = concat(struct(
      col("client_id", StringType, "client id"),
      col("month", StringType, "service month yyyy-MM"),
      col("employee_id", StringType, "employee id"),
      col("error", StringType, "MISSING, EXTRA, DUPLICATE or CALC"),
      col("component", StringType, "CALC only: wage, pension, medical, unemployment, work_injury, housing_fund, service_fee or total"),
      col("line_id", StringType, "settlement line (null for MISSING; first line for EXTRA/DUPLICATE)"),
      col("billed", MONEY, "billed amount, CNY (the component for CALC, the total otherwise)"),
      col("expected", MONEY, "expected amount, CNY (the component for CALC, the total otherwise)")), RUN_COLUMNS);

  public static final StructType RESPONSE_TIME_EVENTS = concat(struct(
      col("metric", StringType, "response metric (SPEC §4.2)"),
      col("subject_id", StringType, "<assignment_id>:JOIN / :LEAVE or case_id"),
      col("client_id", StringType, "client id"),
      col("month", StringType, "month of start_date / end_date / reported_at"),
      col("start_at", TimestampType, "clock start"),
      col("end_at", TimestampType, "clock stop; null while OPEN"),
      col("hours", DoubleType, "end_at - start_at in hours, negative counted as 0; null while OPEN"),
      col("status", StringType, "CLOSED or OPEN as of as_of")), RUN_COLUMNS);

  public static final StructType RESPONSE_TIME_DISTRIBUTION = concat(struct(
      col("metric", StringType, "response metric (SPEC §4.2)"),
      col("client_id", StringType, "client id, or * for the whole company"),
      col("month", StringType, "month yyyy-MM"),
      col("n", LongType, "closed subjects"),
      col("n_open", LongType, "subjects without an end by as_of"),
      col("min_hours", DoubleType, "minimum over closed subjects, hours"),
      col("p50_hours", DoubleType, "median, exact with linear interpolation, hours"),
      col("p90_hours", DoubleType, "90th percentile, exact with linear interpolation, hours"),
      col("p95_hours", DoubleType, "95th percentile, exact with linear interpolation, hours"),
      col("max_hours", DoubleType, "maximum, hours"),
      col("mean_hours", DoubleType, "mean, hours"),
      col("bucket_0_4h", LongType, "closed subjects in [0,4) hours"),
      col("bucket_4_8h", LongType, "closed subjects in [4,8) hours"),
      col("bucket_8_12h", LongType, "closed subjects in [8,12) hours"),
      col("bucket_12_24h", LongType, "closed subjects in [12,24) hours"),
      col("bucket_24_48h", LongType, "closed subjects in [24,48) hours"),
      col("bucket_48_72h", LongType, "closed subjects in [48,72) hours"),
      col("bucket_72_168h", LongType, "closed subjects in [72,168) hours"),
      col("bucket_168h_plus", LongType, "closed subjects at 168 hours or more")), RUN_COLUMNS);

  public static final StructType RESPONSE_WITHIN_LIMIT = concat(struct(
      col("metric", StringType, "response metric (SPEC §4.2)"),
      col("client_id", StringType, "client id, or * for the whole company"),
      col("month", StringType, "month yyyy-MM"),
      col("limit_hours", DoubleType, "the client's effective limit (config/ResponseLimits, sla_policies); for * the limit of clients without their own"),
      col("n", LongType, "closed subjects"),
      col("n_within_limit", LongType, "closed subjects with hours <= their own client's limit"),
      col("within_limit_rate", DoubleType, "n_within_limit / n (fraction); null when n = 0")), RUN_COLUMNS);

  public static final StructType COMPANY_TREND = concat(struct(
      col("month", StringType, "month yyyy-MM"),
      col("issued_settlements", LongType, "clients with an ISSUED settlement in the month"),
      col("headcount_errors", LongType, "sum of headcount_errors over ISSUED settlements"),
      col("expected_headcount", LongType, "sum of expected_headcount over ISSUED settlements"),
      col("headcount_error_rate", DoubleType, "headcount_errors / expected_headcount (pooled fraction)"),
      col("calc_error_lines", LongType, "sum of calc_error_lines over ISSUED settlements"),
      col("evaluated_lines", LongType, "sum of evaluated_lines over ISSUED settlements"),
      col("calc_error_rate", DoubleType, "calc_error_lines / evaluated_lines (pooled fraction)"),
      col("sla_met", LongType, "met of the * sla_compliance rows of the rules in the company score"),
      col("sla_breached", LongType, "breached of the same rows"),
      col("sla_compliance_rate", DoubleType, "sla_met / (sla_met + sla_breached); null when 0")), RUN_COLUMNS);

  public static final StructType SLA_EVENTS = concat(struct(
      col("rule", StringType, "time-limit rule (SPEC §4.3)"),
      col("subject_id", StringType, "assignment_id, line_id or case_id"),
      col("client_id", StringType, "client id"),
      col("month", StringType, "month the subject is evaluated in"),
      col("deadline_at", TimestampType, "deadline instant"),
      col("completed_at", TimestampType, "completion instant; null if not completed by as_of"),
      col("status", StringType, "MET, BREACHED or PENDING"),
      col("lateness_hours", DoubleType, "BREACHED only: completion (or as_of) - deadline, hours")), RUN_COLUMNS);

  public static final StructType SLA_COMPLIANCE = concat(struct(
      col("rule", StringType, "time-limit rule (SPEC §4.3)"),
      col("client_id", StringType, "client id, or * for the whole company"),
      col("month", StringType, "month yyyy-MM"),
      col("evaluated", LongType, "subjects evaluated"),
      col("met", LongType, "completed by the deadline"),
      col("breached", LongType, "completed late, or not completed with the deadline passed"),
      col("pending", LongType, "not completed, deadline not yet passed"),
      col("compliance_rate", DoubleType, "met / (met + breached); null when both are 0")), RUN_COLUMNS);

  public static final StructType SERVICE_FREQUENCY = concat(struct(
      col("client_id", StringType, "client id"),
      col("activity_type", StringType, "activity type"),
      col("period", StringType, "yyyy-MM or yyyy-Qn"),
      col("month", StringType, "month of the run yyyy-MM"),
      col("period_type", StringType, "MONTH or QUARTER"),
      col("min_count", IntegerType, "promised minimum"),
      col("actual_count", LongType, "activities in the period up to the end of the month"),
      col("is_compliant", BooleanType, "actual_count >= min_count"),
      col("is_final", BooleanType, "the period has ended with this month")), RUN_COLUMNS);

  public static final StructType RECRUITMENT_SHORTLIST = concat(struct(
      col("client_id", StringType, "client id"),
      col("month", StringType, "month of reported_at"),
      col("recruitment_cases", LongType, "RECRUITMENT cases reported in the month"),
      col("outside_range", LongType, "candidates_count outside 2..3"),
      col("too_few", LongType, "candidates_count < 2"),
      col("too_many", LongType, "candidates_count > 3"),
      col("no_count", LongType, "candidates_count null (not counted as outside)")), RUN_COLUMNS);

  public static final StructType CLIENT_SCORECARD = concat(struct(
      col("client_id", StringType, "client id"),
      col("month", StringType, "month yyyy-MM"),
      col("kpi", StringType, "KPI code (SPEC §4.6)"),
      col("value", DoubleType, "KPI value: rates as fractions, times in hours"),
      col("target", DoubleType, "target from quality_targets; null = none"),
      col("direction", StringType, "AT_MOST or AT_LEAST"),
      col("status", StringType, "MET, MISSED, NO_DATA (value null); null without a target"),
      col("change_from_previous", DoubleType, "value - previous month's value; null if either is null")), RUN_COLUMNS);

  public static final StructType SATISFACTION = concat(struct(
      col("client_id", StringType, "client id, or * for the whole company"),
      col("month", StringType, "month of answered_at yyyy-MM (Asia/Shanghai)"),
      col("respondent_type", StringType, "CLIENT (the client's HR contact) or EMPLOYEE (dispatched employees)"),
      col("responses", LongType, "answers given in the month by as_of (an employee answering twice counts twice)"),
      col("mean_score", DoubleType, "mean score 1..5 over the answers"),
      col("satisfied", LongType, "answers with score >= 4"),
      col("dissatisfied", LongType, "answers with score <= 2"),
      col("satisfied_share", DoubleType, "satisfied / responses (fraction)"),
      col("respondents_expected", LongType, "EMPLOYEE: expected heads of the month (SPEC §4.1); * = summed over every client; null for CLIENT"),
      col("response_rate", DoubleType, "EMPLOYEE: distinct responding expected heads / respondents_expected; null when 0 and for CLIENT")),
      RUN_COLUMNS);

  /** Every gold table by name (the folder under gold/), in the order the metrics job writes them. */
  public static final Map<String, StructType> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("settlement_quality", SETTLEMENT_QUALITY);
    TABLES.put("settlement_errors", SETTLEMENT_ERRORS);
    TABLES.put("response_time_events", RESPONSE_TIME_EVENTS);
    TABLES.put("response_time_distribution", RESPONSE_TIME_DISTRIBUTION);
    TABLES.put("response_within_limit", RESPONSE_WITHIN_LIMIT);
    TABLES.put("sla_events", SLA_EVENTS);
    TABLES.put("sla_compliance", SLA_COMPLIANCE);
    TABLES.put("service_frequency", SERVICE_FREQUENCY);
    TABLES.put("recruitment_shortlist", RECRUITMENT_SHORTLIST);
    TABLES.put("client_scorecard", CLIENT_SCORECARD);
    TABLES.put("satisfaction", SATISFACTION);
    TABLES.put("company_trend", COMPANY_TREND);
  }

  /** Folder of the early-warning table under gold/ (SPEC §4.8, §6). */
  public static final String SLA_WATCHLIST_TABLE = "sla_watchlist";

  /** Partition column of {@link #SLA_WATCHLIST}: the Shanghai date of the watch run's as_of. */
  public static final String AS_OF_DATE = "as_of_date";

  /**
   * gold/sla_watchlist (SPEC §4.8, §6): the deadlines at risk as of a watch run, partitioned by
   * {@code as_of_date} instead of month (a watch run replaces its day). Not in {@link #TABLES}:
   * that map is the monthly metrics run's, and the watch run writes this table alone.
   */
  public static final StructType SLA_WATCHLIST = concat(struct(
      col(AS_OF_DATE, StringType, "Asia/Shanghai date of as_of yyyy-MM-dd; a watch run replaces its day's rows"),
      col("rule", StringType, "time-limit rule (SPEC §4.3), every rule but INJURY_CLIENT_NOTICE_12H"),
      col("subject_id", StringType, "assignment_id, line_id or case_id, as in sla_events"),
      col("client_id", StringType, "client id"),
      col("month", StringType, "month the subject is evaluated in (its sla_events month) yyyy-MM"),
      col("clock_start_at", TimestampType, "instant the deadline counts from (SPEC §4.8)"),
      col("deadline_at", TimestampType, "deadline instant, the same as in sla_events of the month"),
      col("hours_left", DoubleType, "deadline_at - as_of in hours; negative when overdue"),
      col("elapsed_share", DoubleType, "(as_of - clock_start_at) / (deadline_at - clock_start_at), fraction; above 1 when overdue"),
      col("level", StringType, "OVERDUE, CRITICAL_90 (>= 0.9), WARN_75 (>= 0.75) or WARN_50 (>= 0.5)")), RUN_COLUMNS);

  /** {@code schema} without the run columns ({@link #RUN_COLUMNS}) the writer adds: what a transform returns. */
  public static StructType withoutRunColumns(StructType schema) {
    Set<String> run = Set.of(RUN_COLUMNS.fieldNames());
    return new StructType(Arrays.stream(schema.fields()).filter(f -> !run.contains(f.name()))
        .toArray(StructField[]::new));
  }
}
