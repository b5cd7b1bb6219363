package com.dispatch.quality.io;

import com.dispatch.quality.calendar.WorkCalendar;
import com.dispatch.quality.config.QualityTargets;
import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.schema.Silver;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Builds the metric configuration from the silver reference tables (SPEC §2): SLA limits from
 * silver/sla_policies, scorecard targets from silver/quality_targets, the working-day calendar
 * from silver/cn_calendar. The tables are small and are collected to the driver. Absent or empty
 * tables fall back to the SPEC: default limits, no targets, the calendar bundled with the jar.
 */
public final class ReferenceLoader {
  private ReferenceLoader() {}

  public static final String SLA_POLICIES = "sla_policies";
  public static final String QUALITY_TARGETS = "quality_targets";
  public static final String CN_CALENDAR = "cn_calendar";

  /** The configuration of one metrics run. */
  public record References(SlaPolicies slaPolicies, QualityTargets qualityTargets, WorkCalendar calendar) {}

  public static References load(SparkSession spark, Lake lake) {
    return new References(
        slaPolicies(DeltaIO.readOrEmpty(spark, lake.silver(SLA_POLICIES), Silver.SLA_POLICIES)),
        qualityTargets(DeltaIO.readOrEmpty(spark, lake.silver(QUALITY_TARGETS), Silver.QUALITY_TARGETS)),
        calendar(DeltaIO.readOrEmpty(spark, lake.silver(CN_CALENDAR), Silver.CN_CALENDAR)));
  }

  /** Rows of silver/sla_policies (rule, client_id, limit); none = every rule at its default. */
  public static SlaPolicies slaPolicies(Dataset<Row> rows) {
    Map<String, BigDecimal> limits = new HashMap<>();
    for (Row r : rows.select("rule", "client_id", "limit").collectAsList()) {
      limits.put(SlaPolicies.key(r.getString(0), r.getString(1)), r.getDecimal(2));
    }
    return limits.isEmpty() ? SlaPolicies.defaults() : SlaPolicies.of(limits);
  }

  /** Rows of silver/quality_targets (kpi, client_id, target, direction); none = no targets. */
  public static QualityTargets qualityTargets(Dataset<Row> rows) {
    Map<String, QualityTargets.Target> targets = new HashMap<>();
    for (Row r : rows.select("kpi", "client_id", "target", "direction").collectAsList()) {
      Kpi.Direction direction;
      try {
        direction = Kpi.Direction.valueOf(r.getString(3).strip().toUpperCase(java.util.Locale.ROOT));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("silver/quality_targets: kpi " + r.getString(0) + ", client "
            + r.getString(1) + ": direction must be AT_MOST or AT_LEAST, was '" + r.get(3) + "'", e);
      }
      targets.put(QualityTargets.key(r.getString(0), r.getString(1)), new QualityTargets.Target(r.getDecimal(2), direction));
    }
    return targets.isEmpty() ? QualityTargets.none() : QualityTargets.of(targets);
  }

  /** Rows of silver/cn_calendar (date, is_workday); none = the calendar bundled with the jar. */
  public static WorkCalendar calendar(Dataset<Row> rows) {
    List<Row> collected = rows.select("date", "is_workday").collectAsList();
    if (collected.isEmpty()) return WorkCalendar.bundled();
    Map<LocalDate, Boolean> overrides = new TreeMap<>();
    for (Row r : collected) {
      if (r.isNullAt(0) || r.isNullAt(1)) {
        throw new IllegalArgumentException("silver/cn_calendar has a row without date or is_workday: " + r);
      }
      overrides.put(toLocalDate(r.get(0)), r.getBoolean(1));
    }
    return WorkCalendar.of(overrides);
  }

  private static LocalDate toLocalDate(Object v) {
    return v instanceof LocalDate d ? d : ((Date) v).toLocalDate();
  }
}
