package com.dispatch.quality.schema;

import com.dispatch.quality.domain.ActivityType;
import com.dispatch.quality.domain.CaseType;
import com.dispatch.quality.domain.InsuranceItem;
import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.domain.Milestone;
import com.dispatch.quality.domain.PeriodType;
import com.dispatch.quality.domain.ReasonCode;
import com.dispatch.quality.domain.RespondentType;
import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.reports.ReportLanguage;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The landing contract (SPEC §2): per source its columns (type, required flag, enum values,
 * range), its cross-field rules, its business key and its referential checks. Ingestion applies
 * this table through one mechanism ({@code silver.RowValidator}, {@code silver.ReferenceChecks});
 * adding a rule is one line here.
 *
 * <p>Sources are listed in ingestion order: clients first (every other source's client_id is
 * checked against them), cases before case_events (milestones are checked against their case).
 */
public final class Sources {
  private Sources() {}

  /** How a landing string is typed. */
  public enum FieldType {
    STRING, ENUM, DATE, TIMESTAMP, MONTH, MONEY, RATE, NUMBER, INT, BOOLEAN
  }

  /** Privacy treatment in silver (SPEC §5). */
  public enum Pii {
    NONE,
    /** 18-char resident ID: first 6 + ******** + last 4. */
    ID_CARD,
    /** Phone: first 3 + **** + last 4. */
    PHONE,
    /** Free text: any ID or mobile-phone number inside it is masked (every text column but ids). */
    FREE_TEXT
  }

  /** Inclusive numeric bounds; null = unbounded. */
  public record Range(BigDecimal min, BigDecimal max) implements Serializable {
    public boolean contains(BigDecimal v) {
      return (min == null || v.compareTo(min) >= 0) && (max == null || v.compareTo(max) <= 0);
    }

    public String describe() {
      if (max == null) return "must be >= " + min.toPlainString();
      if (min == null) return "must be <= " + max.toPlainString();
      return "must be between " + min.toPlainString() + " and " + max.toPlainString();
    }
  }

  /** One landing column. Built fluently: {@code col("wage_pay_day", INT).required().between(1, 31)}. */
  public record ColumnSpec(String name, FieldType type, boolean isRequired, List<String> enumValues,
      Range range, Pii pii) implements Serializable {
    public ColumnSpec required() { return new ColumnSpec(name, type, true, enumValues, range, pii); }

    public ColumnSpec nonNegative() { return withRange(new Range(BigDecimal.ZERO, null)); }

    public ColumnSpec between(long min, long max) {
      return withRange(new Range(BigDecimal.valueOf(min), BigDecimal.valueOf(max)));
    }

    public ColumnSpec pii(Pii kind) { return new ColumnSpec(name, type, isRequired, enumValues, range, kind); }

    private ColumnSpec withRange(Range r) { return new ColumnSpec(name, type, isRequired, enumValues, r, pii); }
  }

  /** What a rule found wrong: the field it names and the detail after "field x: ". */
  public record Violation(ReasonCode reason, String field, String detail) implements Serializable {}

  /** Typed values of one row by column name (null = empty or not typable). */
  @FunctionalInterface
  public interface Values {
    Object get(String column);
  }

  /** A named check over the typed values of one row. */
  public interface RowRule extends Serializable {
    String name();

    Optional<Violation> check(Values row);
  }

  /** {@code later >= earlier} when both are present (RANGE_ERROR), e.g. end_date >= start_date. */
  public record NotBefore(String later, String earlier) implements RowRule {
    public String name() { return later + "_not_before_" + earlier; }

    public Optional<Violation> check(Values row) {
      Object a = row.get(later);
      Object b = row.get(earlier);
      if (a == null || b == null) return Optional.empty();
      @SuppressWarnings({"unchecked", "rawtypes"})
      int c = ((Comparable) a).compareTo(b);
      return c < 0
          ? Optional.of(new Violation(ReasonCode.RANGE_ERROR, later, "'" + a + "' is before " + earlier + " '" + b + "'"))
          : Optional.empty();
    }
  }

  /** {@code field} is required when {@code whenField} equals {@code whenValue} (REQUIRED_MISSING). */
  public record RequiredWhen(String field, String whenField, String whenValue) implements RowRule {
    public String name() { return field + "_required_for_" + whenValue; }

    public Optional<Violation> check(Values row) {
      return whenValue.equals(row.get(whenField)) && row.get(field) == null
          ? Optional.of(new Violation(ReasonCode.REQUIRED_MISSING, field,
              "is required when " + whenField + " is " + whenValue))
          : Optional.empty();
    }
  }

  /** Checks that need other tables; applied with joins after the row rules. */
  public enum ReferenceCheck {
    /** client_id must be a known client (UNKNOWN_CLIENT). */
    CLIENT_EXISTS,
    /** client_id must be a known client or {@code *} (UNKNOWN_CLIENT). */
    CLIENT_EXISTS_OR_STAR,
    /** a milestone may not precede its known case's base instant (MILESTONE_BEFORE_BASE). */
    MILESTONE_NOT_BEFORE_CASE
  }

  /**
   * One landing source. {@code folder} is the landing folder for transactional sources; for
   * reference sources it is {@code reference} and files are matched by name (see
   * {@code ingest.Landing}).
   */
  public record SourceSpec(String name, boolean reference, List<ColumnSpec> columns, List<RowRule> rowRules,
      List<String> keys, List<ReferenceCheck> referenceChecks, StructType silver, String partitionBy)
      implements Serializable {
    public SourceSpec {
      String[] business = businessColumns(silver);
      String[] declared = columns.stream().map(ColumnSpec::name).toArray(String[]::new);
      if (!Arrays.equals(business, declared)) {
        throw new IllegalStateException("contract of " + name + " does not match its silver schema: "
            + Arrays.toString(declared) + " vs " + Arrays.toString(business));
      }
    }

    public String folder() { return reference ? "reference" : name; }

    public ColumnSpec column(String col) {
      return columns.stream().filter(c -> c.name().equals(col)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException(name + " has no column " + col));
    }

    public List<String> columnNames() { return columns.stream().map(ColumnSpec::name).toList(); }

    public boolean hasColumn(String col) { return columns.stream().anyMatch(c -> c.name().equals(col)); }
  }

  /** Silver columns that come from the landing file (every column but the lineage ones). */
  static String[] businessColumns(StructType silver) {
    List<String> lineage = Arrays.asList(Silver.LINEAGE.fieldNames());
    List<String> out = new ArrayList<>();
    for (StructField f : silver.fields()) if (!lineage.contains(f.name())) out.add(f.name());
    return out.toArray(new String[0]);
  }

  /**
   * A column. Text columns are masked as free text by default (SPEC §5: IDs and phone numbers are
   * masked wherever a person typed them, e.g. a phone in employee_name or in a new comment
   * column); only identifiers ({@code *_id}) stay byte-exact, because keys and joins use them.
   */
  static ColumnSpec col(String name, FieldType type) {
    Pii pii = type == FieldType.STRING && !name.endsWith("_id") ? Pii.FREE_TEXT : Pii.NONE;
    return new ColumnSpec(name, type, false, List.of(), null, pii);
  }

  static ColumnSpec enumCol(String name, Enum<?>[] values) {
    return new ColumnSpec(name, FieldType.ENUM, false, Arrays.stream(values).map(Enum::name).toList(), null, Pii.NONE);
  }

  static ColumnSpec enumCol(String name, String... values) {
    return new ColumnSpec(name, FieldType.ENUM, false, List.of(values), null, Pii.NONE);
  }

  private static List<String> keys(String... k) { return List.of(k); }

  private static List<RowRule> rules(RowRule... r) { return List.of(r); }

  private static List<ReferenceCheck> refs(ReferenceCheck... r) { return List.of(r); }

  private static final FieldType STRING = FieldType.STRING;
  private static final FieldType DATE = FieldType.DATE;
  private static final FieldType TIMESTAMP = FieldType.TIMESTAMP;
  private static final FieldType MONEY = FieldType.MONEY;
  private static final FieldType INT = FieldType.INT;

  public static final SourceSpec CLIENTS = new SourceSpec("clients", true, List.of(
      col("client_id", STRING).required(),
      col("client_name", STRING).required(),
      col("city", STRING).required(),
      col("service_fee_per_head", MONEY).required().nonNegative(),
      col("wage_pay_day", INT).required().between(1, 31),
      col("agreement_start", DATE).required(),
      col("agreement_end", DATE),
      enumCol("report_language", ReportLanguage.tags())),
      rules(new NotBefore("agreement_end", "agreement_start")),
      keys("client_id"), refs(), Silver.CLIENTS, null);

  public static final SourceSpec SERVICE_COMMITMENTS = new SourceSpec("service_commitments", true, List.of(
      col("client_id", STRING).required(),
      enumCol("activity_type", ActivityType.values()).required(),
      enumCol("period", PeriodType.values()).required(),
      col("min_count", INT).required().nonNegative(),
      col("effective_from", DATE).required(),
      col("effective_to", DATE)),
      rules(new NotBefore("effective_to", "effective_from")),
      keys("client_id", "activity_type", "effective_from"), refs(ReferenceCheck.CLIENT_EXISTS),
      Silver.SERVICE_COMMITMENTS, null);

  public static final SourceSpec INSURANCE_RATES = new SourceSpec("insurance_rates", true, List.of(
      col("city", STRING).required(),
      enumCol("item", InsuranceItem.values()).required(),
      col("employer_rate", FieldType.RATE).required().between(0, 1),
      col("base_floor", MONEY).required().nonNegative(),
      col("base_ceiling", MONEY).required().nonNegative(),
      col("effective_from", DATE).required(),
      col("effective_to", DATE)),
      rules(new NotBefore("effective_to", "effective_from"), new NotBefore("base_ceiling", "base_floor")),
      keys("city", "item", "effective_from"), refs(), Silver.INSURANCE_RATES, null);

  public static final SourceSpec CN_CALENDAR = new SourceSpec("cn_calendar", true, List.of(
      col("date", DATE).required(),
      col("is_workday", FieldType.BOOLEAN).required(),
      col("note", STRING)),
      rules(), keys("date"), refs(), Silver.CN_CALENDAR, null);

  public static final SourceSpec SLA_POLICIES = new SourceSpec("sla_policies", true, List.of(
      enumCol("rule", SlaRule.values()).required(),
      col("client_id", STRING).required(),
      col("limit", FieldType.NUMBER).required().nonNegative()),
      rules(), keys("rule", "client_id"), refs(ReferenceCheck.CLIENT_EXISTS_OR_STAR), Silver.SLA_POLICIES, null);

  public static final SourceSpec QUALITY_TARGETS = new SourceSpec("quality_targets", true, List.of(
      enumCol("kpi", Kpi.all().toArray(new String[0])).required(),
      col("client_id", STRING).required(),
      col("target", FieldType.NUMBER).required(),
      enumCol("direction", Kpi.Direction.values()).required()),
      rules(), keys("kpi", "client_id"), refs(ReferenceCheck.CLIENT_EXISTS_OR_STAR), Silver.QUALITY_TARGETS, null);

  public static final SourceSpec ROSTER = new SourceSpec("roster", false, List.of(
      col("assignment_id", STRING).required(),
      col("employee_id", STRING).required(),
      col("client_id", STRING).required(),
      col("employee_name", STRING).required(),
      col("id_card_no", STRING).pii(Pii.ID_CARD),
      col("phone", STRING).pii(Pii.PHONE),
      col("city", STRING),
      col("monthly_wage", MONEY).required().nonNegative(),
      col("insurance_base", MONEY).required().nonNegative(),
      col("start_date", DATE).required(),
      col("start_notified_at", TIMESTAMP),
      col("contract_signed_date", DATE),
      col("insurance_registered_date", DATE),
      col("end_date", DATE),
      col("end_notified_at", TIMESTAMP),
      col("updated_at", TIMESTAMP).required()),
      rules(new NotBefore("end_date", "start_date")),
      keys("assignment_id"), refs(ReferenceCheck.CLIENT_EXISTS), Silver.ROSTER, null);

  public static final SourceSpec SETTLEMENT = new SourceSpec("settlement", false, List.of(
      col("line_id", STRING).required(),
      col("batch_id", STRING).required(),
      col("client_id", STRING).required(),
      col("service_month", FieldType.MONTH).required(),
      col("issued_at", TIMESTAMP).required(),
      col("employee_id", STRING).required(),
      // Negative amounts are credits (SPEC §2): no range on billed components.
      col("wage", MONEY).required(),
      col("pension", MONEY).required(),
      col("medical", MONEY).required(),
      col("unemployment", MONEY).required(),
      col("work_injury", MONEY).required(),
      col("housing_fund", MONEY).required(),
      col("service_fee", MONEY).required(),
      col("total", MONEY).required(),
      col("wage_paid_date", DATE),
      col("updated_at", TIMESTAMP).required()),
      rules(), keys("line_id"), refs(ReferenceCheck.CLIENT_EXISTS), Silver.SETTLEMENT, "service_month");

  public static final SourceSpec CASES = new SourceSpec("cases", false, List.of(
      col("case_id", STRING).required(),
      col("client_id", STRING).required(),
      col("employee_id", STRING),
      enumCol("case_type", CaseType.values()).required(),
      col("occurred_at", TIMESTAMP),
      col("reported_at", TIMESTAMP).required(),
      col("candidates_count", INT).nonNegative(),
      col("updated_at", TIMESTAMP).required()),
      rules(new RequiredWhen("occurred_at", "case_type", CaseType.WORK_INJURY.name())),
      keys("case_id"), refs(ReferenceCheck.CLIENT_EXISTS), Silver.CASES, null);

  public static final SourceSpec CASE_EVENTS = new SourceSpec("case_events", false, List.of(
      col("case_id", STRING).required(),
      enumCol("milestone", Milestone.values()).required(),
      col("at", TIMESTAMP).required()),
      rules(), keys("case_id", "milestone", "at"), refs(ReferenceCheck.MILESTONE_NOT_BEFORE_CASE),
      Silver.CASE_EVENTS, null);

  public static final SourceSpec ACTIVITIES = new SourceSpec("activities", false, List.of(
      col("activity_id", STRING).required(),
      col("client_id", STRING).required(),
      enumCol("activity_type", ActivityType.values()).required(),
      col("occurred_at", TIMESTAMP).required(),
      col("staff_id", STRING),
      col("employee_id", STRING),
      col("summary", STRING).pii(Pii.FREE_TEXT)),
      rules(), keys("activity_id"), refs(ReferenceCheck.CLIENT_EXISTS), Silver.ACTIVITIES, null);

  /** Satisfaction follow-ups (SPEC §2 surveys/, optional folder): an EMPLOYEE answer names its employee. */
  public static final SourceSpec SURVEYS = new SourceSpec("surveys", false, List.of(
      col("survey_id", STRING).required(),
      col("client_id", STRING).required(),
      enumCol("respondent_type", RespondentType.values()).required(),
      col("employee_id", STRING),
      col("answered_at", TIMESTAMP).required(),
      col("score", INT).required().between(1, 5),
      col("comment", STRING).pii(Pii.FREE_TEXT),
      col("updated_at", TIMESTAMP).required()),
      rules(new RequiredWhen("employee_id", "respondent_type", RespondentType.EMPLOYEE.name())),
      keys("survey_id"), refs(ReferenceCheck.CLIENT_EXISTS), Silver.SURVEYS, null);

  /** Every source, in ingestion order. */
  public static final List<SourceSpec> ALL = List.of(CLIENTS, SERVICE_COMMITMENTS, INSURANCE_RATES, CN_CALENDAR,
      SLA_POLICIES, QUALITY_TARGETS, ROSTER, SETTLEMENT, CASES, CASE_EVENTS, ACTIVITIES, SURVEYS);

  public static SourceSpec byName(String name) {
    return ALL.stream().filter(s -> Objects.equals(s.name(), name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown source " + name));
  }
}
