package com.dispatch.quality.gold;

import com.dispatch.quality.calendar.WorkCalendar;
import com.dispatch.quality.config.QualityTargets;
import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.schema.Silver;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Tiny inline rows for the frequency, shortlist and scorecard tests: silver rows with only the
 * columns a rule reads (the rest null), and gold-shaped rows of the transforms the scorecard
 * reads. Times are Asia/Shanghai local, written {@code yyyy-MM-dd HH:mm}.
 */
final class ScoreFixtures {
  private ScoreFixtures() {}

  static final YearMonth JAN = YearMonth.of(2026, 1);
  static final YearMonth FEB = YearMonth.of(2026, 2);
  static final YearMonth MAR = YearMonth.of(2026, 3);

  /** A local Asia/Shanghai time as an instant. */
  static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime.replace(' ', 'T')).atZone(MetricContext.ZONE).toInstant();
  }

  /** as_of far after every fixture: nothing is cut off. */
  static final Instant LATE = at("2030-01-01 00:00");

  static MetricContext ctx(YearMonth month, Instant asOf) {
    return new MetricContext(month, asOf, WorkCalendar.bundled(), SlaPolicies.defaults(), QualityTargets.none());
  }

  static MetricContext ctx(YearMonth month, QualityTargets targets) {
    return new MetricContext(month, LATE, WorkCalendar.bundled(), SlaPolicies.defaults(), targets);
  }

  // ---- silver rows -------------------------------------------------------------------------

  static Row commitment(String client, String activityType, String period, int minCount, String from, String to) {
    return row(Silver.SERVICE_COMMITMENTS, "client_id", client, "activity_type", activityType, "period", period,
        "min_count", minCount, "effective_from", date(from), "effective_to", date(to));
  }

  static Row activity(String id, String client, String activityType, String occurredAt) {
    return row(Silver.ACTIVITIES, "activity_id", id, "client_id", client, "activity_type", activityType,
        "occurred_at", ts(occurredAt));
  }

  static Row recruitment(String caseId, String client, String reportedAt, Integer candidates) {
    return caseRow(caseId, client, "RECRUITMENT", reportedAt, candidates);
  }

  static Row caseRow(String caseId, String client, String caseType, String reportedAt, Integer candidates) {
    return row(Silver.CASES, "case_id", caseId, "client_id", client, "case_type", caseType,
        "reported_at", ts(reportedAt), "candidates_count", candidates, "updated_at", ts(reportedAt));
  }

  static Row client(String client, String agreementStart, String agreementEnd) {
    return row(Silver.CLIENTS, "client_id", client, "client_name", "客户" + client, "city", "上海",
        "service_fee_per_head", new BigDecimal("100.00"), "wage_pay_day", 10,
        "agreement_start", date(agreementStart), "agreement_end", date(agreementEnd));
  }

  /** Silver inputs with the given rows and every other table empty. */
  static SilverInputs silver(SparkSession spark, List<Row> clients, List<Row> commitments, List<Row> activities,
      List<Row> cases) {
    return new SilverInputs(
        df(spark, Silver.CLIENTS, clients),
        df(spark, Silver.ROSTER, List.of()),
        df(spark, Silver.SETTLEMENT, List.of()),
        df(spark, Silver.CASES, cases),
        df(spark, Silver.CASE_EVENTS, List.of()),
        df(spark, Silver.ACTIVITIES, activities),
        df(spark, Silver.SERVICE_COMMITMENTS, commitments),
        df(spark, Silver.INSURANCE_RATES, List.of()));
  }

  // ---- gold rows the scorecard reads -------------------------------------------------------

  static Row settlementQuality(String client, YearMonth month, Double headcountErrorRate, Double calcErrorRate) {
    return row(Gold.SETTLEMENT_QUALITY, "client_id", client, "month", month.toString(),
        "settlement_status", headcountErrorRate == null ? "MISSING" : "ISSUED",
        "headcount_error_rate", headcountErrorRate, "calc_error_rate", calcErrorRate);
  }

  static Row slaCompliance(String rule, String client, YearMonth month, long met, long breached) {
    return row(Gold.SLA_COMPLIANCE, "rule", rule, "client_id", client, "month", month.toString(),
        "evaluated", met + breached, "met", met, "breached", breached, "pending", 0L,
        "compliance_rate", met + breached == 0 ? null : (double) met / (met + breached));
  }

  /** A frequency row, final when it is a MONTH period or the month closes the quarter. */
  static Row frequency(String client, String activityType, YearMonth month, String periodType, boolean compliant) {
    return frequency(client, activityType, month, periodType, compliant,
        periodType.equals("MONTH") || month.getMonthValue() % 3 == 0);
  }

  static Row frequency(String client, String activityType, YearMonth month, String periodType, boolean compliant,
      boolean isFinal) {
    return row(Gold.SERVICE_FREQUENCY, "client_id", client, "activity_type", activityType,
        "period", periodType.equals("MONTH") ? month.toString() : month.getYear() + "-Q1",
        "month", month.toString(), "period_type", periodType, "min_count", 1,
        "actual_count", compliant ? 1L : 0L, "is_compliant", compliant, "is_final", isFinal);
  }

  static Row distribution(String metric, String client, YearMonth month, Double p90Hours) {
    return row(Gold.RESPONSE_TIME_DISTRIBUTION, "metric", metric, "client_id", client, "month", month.toString(),
        "n", p90Hours == null ? 0L : 3L, "n_open", 0L, "p90_hours", p90Hours);
  }

  static ClientScorecard.Inputs scorecardInputs(SparkSession spark, List<Row> settlementQuality,
      List<Row> slaCompliance, List<Row> serviceFrequency, List<Row> distributions) {
    return scorecardInputs(spark, settlementQuality, slaCompliance, serviceFrequency, distributions, List.of());
  }

  static ClientScorecard.Inputs scorecardInputs(SparkSession spark, List<Row> settlementQuality,
      List<Row> slaCompliance, List<Row> serviceFrequency, List<Row> distributions, List<Row> satisfaction) {
    return new ClientScorecard.Inputs(
        df(spark, Gold.SETTLEMENT_QUALITY, settlementQuality),
        df(spark, Gold.SLA_COMPLIANCE, slaCompliance),
        df(spark, Gold.SERVICE_FREQUENCY, serviceFrequency),
        df(spark, Gold.RESPONSE_TIME_DISTRIBUTION, distributions),
        df(spark, Gold.SATISFACTION, satisfaction));
  }

  /** A satisfaction row of one client, month and respondent type with its satisfied share. */
  static Row satisfaction(String client, YearMonth month, String respondentType, long responses, long satisfied) {
    return row(Gold.SATISFACTION, "client_id", client, "month", month.toString(), "respondent_type", respondentType,
        "responses", responses, "satisfied", satisfied, "satisfied_share", (double) satisfied / responses);
  }

  /** Targets as (kpi, client_id, target, direction) quadruples. */
  static QualityTargets targets(Object... kpiClientTargetDirection) {
    Map<String, QualityTargets.Target> m = new HashMap<>();
    for (int i = 0; i < kpiClientTargetDirection.length; i += 4) {
      m.put(QualityTargets.key((String) kpiClientTargetDirection[i], (String) kpiClientTargetDirection[i + 1]),
          new QualityTargets.Target(new BigDecimal((String) kpiClientTargetDirection[i + 2]),
              (Kpi.Direction) kpiClientTargetDirection[i + 3]));
    }
    return QualityTargets.of(m);
  }

  // ---- plumbing ----------------------------------------------------------------------------

  static Dataset<Row> df(SparkSession spark, StructType schema, List<Row> rows) {
    return spark.createDataFrame(new ArrayList<>(rows), schema);
  }

  /** A row of {@code schema} with the named columns set and every other column null. */
  static Row row(StructType schema, Object... nameValues) {
    Object[] values = new Object[schema.fields().length];
    for (int i = 0; i < nameValues.length; i += 2) {
      values[schema.fieldIndex((String) nameValues[i])] = nameValues[i + 1];
    }
    return RowFactory.create(values);
  }

  static Date date(String d) { return d == null ? null : Date.valueOf(LocalDate.parse(d)); }

  static Timestamp ts(String localDateTime) { return localDateTime == null ? null : Timestamp.from(at(localDateTime)); }

  /** Collected rows of {@code df} keyed by the given columns joined with '|'. */
  static Map<String, Row> byKey(Dataset<Row> df, String... keyColumns) {
    Map<String, Row> out = new HashMap<>();
    for (Row r : df.collectAsList()) {
      String key = String.join("|", Arrays.stream(keyColumns).map(c -> String.valueOf((Object) r.getAs(c))).toList());
      if (out.put(key, r) != null) throw new AssertionError("duplicate key " + key + " in " + df.collectAsList());
    }
    return out;
  }
}
