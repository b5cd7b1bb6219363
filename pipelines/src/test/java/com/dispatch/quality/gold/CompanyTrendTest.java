package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.CaseFixtures.context;
import static com.dispatch.quality.gold.CaseFixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * gold/company_trend (issue 13 item 4): the overview's company-wide rates of a month, pooled in
 * gold instead of computed by the report.
 */
class CompanyTrendTest extends SparkTestBase {
  private static final double EPS = 1e-12;
  private static final MetricContext SEP = context("2025-09", "2025-10-01 00:00");

  private static Row settlement(String client, String status, long errors, long expected, long calcErrors, long evaluated) {
    return row(Gold.SETTLEMENT_QUALITY, "client_id", client, "month", "2025-09", "settlement_status", status,
        "expected_headcount", expected, "headcount_errors", errors, "evaluated_lines", evaluated,
        "calc_error_lines", calcErrors, "headcount_error_rate", expected == 0 ? null : errors / (double) expected,
        "calc_error_rate", evaluated == 0 ? null : calcErrors / (double) evaluated);
  }

  private static Row sla(String rule, String client, long met, long breached) {
    return row(Gold.SLA_COMPLIANCE, "rule", rule, "client_id", client, "month", "2025-09",
        "evaluated", met + breached, "met", met, "breached", breached, "pending", 0L,
        "compliance_rate", met + breached == 0 ? null : met / (double) (met + breached));
  }

  private Row trend(List<Row> settlement, List<Row> sla) {
    List<Row> rows = CompanyTrend.compute(spark().createDataFrame(settlement, Gold.SETTLEMENT_QUALITY),
        spark().createDataFrame(sla, Gold.SLA_COMPLIANCE), SEP).collectAsList();
    assertEquals(1, rows.size(), "one row per month");
    return rows.get(0);
  }

  @Test
  void outputHasTheGoldColumnsWithoutRunColumns() {
    Dataset<Row> out = CompanyTrend.compute(spark().createDataFrame(List.of(), Gold.SETTLEMENT_QUALITY),
        spark().createDataFrame(List.of(), Gold.SLA_COMPLIANCE), SEP);
    String[] expected = Arrays.stream(Gold.COMPANY_TREND.fieldNames())
        .filter(n -> !n.equals("run_id") && !n.equals("as_of")).toArray(String[]::new);
    assertEquals(Arrays.asList(expected), Arrays.asList(out.columns()));
  }

  @Test
  void settlementRatesArePooledOverIssuedSettlementsNotAveragedOverClients() {
    Row r = trend(List.of(settlement("C1", "ISSUED", 1, 100, 2, 99), settlement("C2", "ISSUED", 9, 300, 0, 291),
        settlement("C3", "MISSING", 40, 40, 0, 0)), List.of());
    assertEquals("2025-09", r.<String>getAs("month"));
    assertEquals(2L, r.<Long>getAs("issued_settlements"));
    assertEquals(10L, r.<Long>getAs("headcount_errors"));
    assertEquals(400L, r.<Long>getAs("expected_headcount"));
    assertEquals(10 / 400.0, r.<Double>getAs("headcount_error_rate"), EPS, "not (1% + 3%) / 2, and C3 MISSING left out");
    assertEquals(2 / 390.0, r.<Double>getAs("calc_error_rate"), EPS);
  }

  @Test
  void slaComplianceComesFromCompanyRowsOfTheRulesInTheCompanyScore() {
    Row r = trend(List.of(), List.of(sla("WAGE_ON_TIME", "*", 90, 10), sla("CONTRACT_BY_START", "*", 9, 1),
        sla("INJURY_CLIENT_NOTICE_12H", "*", 0, 50), sla("WAGE_ON_TIME", "C1", 1, 99)));
    assertEquals(99L, r.<Long>getAs("sla_met"));
    assertEquals(11L, r.<Long>getAs("sla_breached"));
    assertEquals(99 / 110.0, r.<Double>getAs("sla_compliance_rate"), EPS,
        "the client's own duty (INJURY_CLIENT_NOTICE_12H) and client rows stay out");
  }

  @Test
  void monthWithoutDataHasARowWithoutRates() {
    Row r = trend(List.of(), List.of());
    assertEquals(0L, r.<Long>getAs("issued_settlements"));
    assertNull(r.getAs("headcount_error_rate"));
    assertNull(r.getAs("calc_error_rate"));
    assertNull(r.getAs("sla_compliance_rate"));
  }
}
