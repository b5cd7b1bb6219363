package com.dispatch.quality.schema;

import static com.dispatch.quality.schema.Fields.MONEY;
import static com.dispatch.quality.schema.Fields.NUMBER;
import static com.dispatch.quality.schema.Fields.RATE;
import static com.dispatch.quality.schema.Fields.col;
import static com.dispatch.quality.schema.Fields.concat;
import static com.dispatch.quality.schema.Fields.struct;
import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DateType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;

import org.apache.spark.sql.types.StructType;

/**
 * Silver entities (SPEC §2, §6): typed, validated, deduplicated by business key, PII masked.
 * One table per source; the table name is the entity name under {@code silver/}. Every silver
 * row carries its lineage (the file and physical line it came from) which also orders
 * same-key rows that have no updated_at (SPEC §2: later file, then later line, wins).
 */
public final class Silver {
  private Silver() {}

  public static final StructType LINEAGE = struct(
      col("source_file", StringType, "landing file the row came from"),
      col("source_line", LongType, "physical line where the record starts (header = 1)"),
      col("file_modified_at", TimestampType, "modification time of the source file (arrival order)"),
      col("run_id", StringType, "ingest run that wrote this version of the row"));

  public static final StructType CLIENTS = concat(struct(
      col("client_id", StringType, "client (用工单位) id"),
      col("client_name", StringType, "legal name, Chinese"),
      col("city", StringType, "default social-insurance city"),
      col("service_fee_per_head", MONEY, "monthly service fee per billed head, CNY"),
      col("wage_pay_day", IntegerType, "day of month M+1 wages for M are due"),
      col("agreement_start", DateType, "dispatch agreement start"),
      col("agreement_end", DateType, "dispatch agreement end; null = open")), LINEAGE);

  public static final StructType SERVICE_COMMITMENTS = concat(struct(
      col("client_id", StringType, "client id"),
      col("activity_type", StringType, "COMMUNICATION_CLIENT, COMMUNICATION_EMPLOYEE, FORMAL_REPORT, ONSITE_VISIT"),
      col("period", StringType, "MONTH or QUARTER"),
      col("min_count", IntegerType, "promised minimum activities per period"),
      col("effective_from", DateType, "first day the commitment applies"),
      col("effective_to", DateType, "last day; null = open")), LINEAGE);

  public static final StructType INSURANCE_RATES = concat(struct(
      col("city", StringType, "social-insurance city"),
      col("item", StringType, "PENSION, MEDICAL, UNEMPLOYMENT, WORK_INJURY, HOUSING_FUND"),
      col("employer_rate", RATE, "employer contribution rate, fraction"),
      col("base_floor", MONEY, "contribution base lower bound, CNY"),
      col("base_ceiling", MONEY, "contribution base upper bound, CNY"),
      col("effective_from", DateType, "first day the rate applies"),
      col("effective_to", DateType, "last day; null = open")), LINEAGE);

  public static final StructType CN_CALENDAR = concat(struct(
      col("date", DateType, "calendar date that differs from Mon-Fri work / Sat-Sun off"),
      col("is_workday", BooleanType, "true = make-up working day (调休), false = public holiday"),
      col("note", StringType, "holiday name")), LINEAGE);

  public static final StructType SLA_POLICIES = concat(struct(
      col("rule", StringType, "SLA rule code (SPEC §4.3)"),
      col("client_id", StringType, "client id or * for the default"),
      col("limit", NUMBER, "limit in the rule's own unit")), LINEAGE);

  public static final StructType QUALITY_TARGETS = concat(struct(
      col("kpi", StringType, "KPI code (SPEC §4.6)"),
      col("client_id", StringType, "client id or * for the default"),
      col("target", NUMBER, "target value: rates as fractions, times in hours"),
      col("direction", StringType, "AT_MOST or AT_LEAST")), LINEAGE);

  public static final StructType ROSTER = concat(struct(
      col("assignment_id", StringType, "dispatch assignment id"),
      col("employee_id", StringType, "employee id"),
      col("client_id", StringType, "client id"),
      col("employee_name", StringType, "employee name"),
      col("id_card_no", StringType, "resident ID, masked: first 6 and last 4 kept"),
      col("phone", StringType, "phone, masked: 138****5678"),
      col("city", StringType, "social-insurance city; null = client's city"),
      col("monthly_wage", MONEY, "agreed monthly gross wage, CNY"),
      col("insurance_base", MONEY, "contribution base, CNY"),
      col("start_date", DateType, "first working day at the client (用工之日)"),
      col("start_notified_at", TimestampType, "when the company was told the hire is confirmed"),
      col("contract_signed_date", DateType, "labour contract signed"),
      col("insurance_registered_date", DateType, "social-insurance registration filed"),
      col("end_date", DateType, "last working day; null = on assignment"),
      col("end_notified_at", TimestampType, "when the client's leave notice was received"),
      col("updated_at", TimestampType, "last change upstream")), LINEAGE);

  public static final StructType SETTLEMENT = concat(struct(
      col("line_id", StringType, "settlement line id"),
      col("batch_id", StringType, "issued settlement sheet"),
      col("client_id", StringType, "client id"),
      col("service_month", StringType, "billed month yyyy-MM"),
      col("issued_at", TimestampType, "when the batch was issued"),
      col("employee_id", StringType, "employee id"),
      col("wage", MONEY, "billed wage, CNY"),
      col("pension", MONEY, "billed employer pension, CNY"),
      col("medical", MONEY, "billed employer medical, CNY"),
      col("unemployment", MONEY, "billed employer unemployment, CNY"),
      col("work_injury", MONEY, "billed employer work-injury, CNY"),
      col("housing_fund", MONEY, "billed employer housing fund, CNY"),
      col("service_fee", MONEY, "billed service fee, CNY"),
      col("total", MONEY, "billed total, CNY"),
      col("wage_paid_date", DateType, "date wage was paid to the employee"),
      col("updated_at", TimestampType, "last change upstream")), LINEAGE);

  public static final StructType CASES = concat(struct(
      col("case_id", StringType, "case id"),
      col("client_id", StringType, "client id"),
      col("employee_id", StringType, "employee id"),
      col("case_type", StringType, "WORK_INJURY, INSURANCE_CLAIM, DISPUTE, COMPLAINT, RECRUITMENT, SPOT_CHECK"),
      col("occurred_at", TimestampType, "accident / diagnosis time (WORK_INJURY)"),
      col("reported_at", TimestampType, "when the company received the report (接报)"),
      col("candidates_count", IntegerType, "RECRUITMENT: candidates shortlisted"),
      col("updated_at", TimestampType, "last change upstream")), LINEAGE);

  public static final StructType CASE_EVENTS = concat(struct(
      col("case_id", StringType, "case id"),
      col("milestone", StringType, "milestone code"),
      col("at", TimestampType, "when the milestone happened")), LINEAGE);

  public static final StructType ACTIVITIES = concat(struct(
      col("activity_id", StringType, "activity id"),
      col("client_id", StringType, "client id"),
      col("activity_type", StringType, "activity type"),
      col("occurred_at", TimestampType, "when it happened"),
      col("staff_id", StringType, "account manager"),
      col("employee_id", StringType, "employee (COMMUNICATION_EMPLOYEE)"),
      col("summary", StringType, "free text")), LINEAGE);

  public static final StructType SURVEYS = concat(struct(
      col("survey_id", StringType, "satisfaction follow-up (跟踪回访) answer id"),
      col("client_id", StringType, "client id"),
      col("respondent_type", StringType, "CLIENT (the client's HR contact) or EMPLOYEE (a dispatched employee)"),
      col("employee_id", StringType, "responding employee (EMPLOYEE answers)"),
      col("answered_at", TimestampType, "when the answer was given"),
      col("score", IntegerType, "overall satisfaction 1 (very dissatisfied) .. 5 (very satisfied)"),
      col("comment", StringType, "free text, ID and phone numbers masked"),
      col("updated_at", TimestampType, "last change upstream")), LINEAGE);
}
