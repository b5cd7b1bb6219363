package com.dispatch.quality.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.testing.SparkTestBase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §2 optional reference tables: sla_policies, quality_targets, cn_calendar, with their defaults. */
class ReferenceLoaderTest extends SparkTestBase {

  @Test
  void absentReferenceTablesFallBackToSpecDefaults(@TempDir Path dir) {
    ReferenceLoader.References refs = ReferenceLoader.load(spark(), new Lake(dir.toString()));
    assertEquals(0, refs.slaPolicies().limit(SlaRule.INJURY_ONSITE_12H, "C1").compareTo(BigDecimal.valueOf(12)));
    assertEquals(0, refs.slaPolicies().limit(SlaRule.COMPLAINT_PLAN_2WD, "C1").compareTo(BigDecimal.valueOf(2)));
    assertEquals(Optional.empty(), refs.qualityTargets().target(Kpi.HEADCOUNT_ERROR_RATE, "C1"));
    Assertions.assertTrue(refs.calendar().coveredYears().containsAll(Set.of(2025, 2026)), "the bundled calendar");
  }

  @Test
  void silverReferenceRowsOverrideTheDefaults(@TempDir Path dir) {
    Lake lake = new Lake(dir.toString());
    write(lake.silver("sla_policies"), Silver.SLA_POLICIES,
        row(Silver.SLA_POLICIES, "INJURY_ONSITE_12H", "*", new BigDecimal("8.000000")),
        row(Silver.SLA_POLICIES, "INJURY_ONSITE_12H", "C1", new BigDecimal("4.000000")));
    write(lake.silver("quality_targets"), Silver.QUALITY_TARGETS,
        row(Silver.QUALITY_TARGETS, Kpi.SLA_COMPLIANCE, "*", new BigDecimal("0.950000"), "AT_LEAST"));
    write(lake.silver("cn_calendar"), Silver.CN_CALENDAR,
        row(Silver.CN_CALENDAR, Date.valueOf(LocalDate.of(2030, 1, 1)), false, "元旦"));

    ReferenceLoader.References refs = ReferenceLoader.load(spark(), lake);
    assertEquals(0, refs.slaPolicies().limit(SlaRule.INJURY_ONSITE_12H, "C1").compareTo(new BigDecimal("4")));
    assertEquals(0, refs.slaPolicies().limit(SlaRule.INJURY_ONSITE_12H, "C2").compareTo(new BigDecimal("8")));
    assertEquals(0, refs.slaPolicies().limit(SlaRule.INJURY_PLAN_24H, "C1").compareTo(new BigDecimal("24")));
    assertEquals(Kpi.Direction.AT_LEAST, refs.qualityTargets().target(Kpi.SLA_COMPLIANCE, "C9").orElseThrow().direction());
    assertEquals(new TreeSet<>(Set.of(2030)), refs.calendar().coveredYears(), "silver calendar replaces the bundled one");
    Assertions.assertFalse(refs.calendar().isWorkday(LocalDate.of(2030, 1, 1)));
  }

  private void write(String path, StructType schema, Row... rows) {
    DeltaIO.append(spark().createDataFrame(new ArrayList<>(List.of(rows)), schema), path, schema);
  }

  /** The leading business columns; lineage left null. */
  private static Row row(StructType schema, Object... leading) {
    Object[] values = new Object[schema.fields().length];
    System.arraycopy(leading, 0, values, 0, leading.length);
    return RowFactory.create(values);
  }
}
