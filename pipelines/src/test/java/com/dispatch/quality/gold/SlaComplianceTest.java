package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.CaseFixtures.byKey;
import static com.dispatch.quality.gold.CaseFixtures.context;
import static com.dispatch.quality.gold.CaseFixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SPEC §4.3 compliance counts per (rule, client, month) and company-wide (*). */
class SlaComplianceTest extends SparkTestBase {
  private static final double EPS = 1e-9;
  private static final MetricContext SEP = context("2025-09", "2025-10-01 00:00");

  private final List<Row> events = new ArrayList<>();

  /** The class shares one instance across tests (SparkTestBase is PER_CLASS). */
  @BeforeEach
  void noEventsYet() { events.clear(); }

  private SlaComplianceTest event(String rule, String clientId, String status, int count) {
    for (int i = 0; i < count; i++) {
      events.add(row(Gold.SLA_EVENTS, "rule", rule, "subject_id", "S" + events.size(), "client_id", clientId,
          "month", "2025-09", "status", status));
    }
    return this;
  }

  private Map<String, Row> compliance() {
    Dataset<Row> in = spark().createDataFrame(events, Gold.SLA_EVENTS);
    return byKey(SlaCompliance.compute(in, SEP), "rule", "client_id");
  }

  @Test
  void outputHasTheGoldColumnsWithoutRunColumns() {
    Dataset<Row> out = SlaCompliance.compute(spark().createDataFrame(List.of(), Gold.SLA_EVENTS), SEP);
    String[] expected = Arrays.stream(Gold.SLA_COMPLIANCE.fieldNames())
        .filter(n -> !n.equals("run_id") && !n.equals("as_of")).toArray(String[]::new);
    assertEquals(Arrays.asList(expected), Arrays.asList(out.columns()));
  }

  @Test
  void complianceRateIsMetOverMetPlusBreachedWithPendingLeftOut() {
    Row r = event("COMPLAINT_RESPONSE_24H", "C1", "MET", 3).event("COMPLAINT_RESPONSE_24H", "C1", "BREACHED", 1)
        .event("COMPLAINT_RESPONSE_24H", "C1", "PENDING", 2).compliance().get("COMPLAINT_RESPONSE_24H|C1");
    assertEquals(6L, r.<Long>getAs("evaluated"));
    assertEquals(3L, r.<Long>getAs("met"));
    assertEquals(1L, r.<Long>getAs("breached"));
    assertEquals(2L, r.<Long>getAs("pending"));
    assertEquals(0.75, r.<Double>getAs("compliance_rate"), EPS);
    assertEquals("2025-09", r.getAs("month"));
  }

  @Test
  void complianceRateIsNullWhenEverySubjectIsPending() {
    Row r = event("INSURANCE_30D", "C1", "PENDING", 2).compliance().get("INSURANCE_30D|C1");
    assertEquals(2L, r.<Long>getAs("pending"));
    assertNull(r.getAs("compliance_rate"));
  }

  @Test
  void companyRowsPoolEveryClientPerRuleIncludingWageOnTime() {
    Map<String, Row> out = event("WAGE_ON_TIME", "C1", "MET", 1).event("WAGE_ON_TIME", "C2", "BREACHED", 3)
        .event("CONTRACT_BY_START", "C2", "MET", 2).compliance();
    assertEquals(5, out.size(), "C1, C2 and * for WAGE_ON_TIME; C2 and * for CONTRACT_BY_START");
    Row wage = out.get("WAGE_ON_TIME|*");
    assertEquals(4L, wage.<Long>getAs("evaluated"));
    assertEquals(0.25, wage.<Double>getAs("compliance_rate"), EPS);
    assertEquals(1.0, out.get("CONTRACT_BY_START|*").<Double>getAs("compliance_rate"), EPS);
  }
}
