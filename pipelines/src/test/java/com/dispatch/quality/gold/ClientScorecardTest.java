package com.dispatch.quality.gold;

import static com.dispatch.quality.domain.Kpi.CALC_ERROR_RATE;
import static com.dispatch.quality.domain.Kpi.FREQUENCY_COMPLIANCE;
import static com.dispatch.quality.domain.Kpi.HEADCOUNT_ERROR_RATE;
import static com.dispatch.quality.domain.Kpi.SLA_COMPLIANCE;
import static com.dispatch.quality.domain.Kpi.Direction.AT_LEAST;
import static com.dispatch.quality.domain.Kpi.Direction.AT_MOST;
import static com.dispatch.quality.gold.ScoreFixtures.FEB;
import static com.dispatch.quality.gold.ScoreFixtures.JAN;
import static com.dispatch.quality.gold.ScoreFixtures.MAR;
import static com.dispatch.quality.gold.ScoreFixtures.byKey;
import static com.dispatch.quality.gold.ScoreFixtures.client;
import static com.dispatch.quality.gold.ScoreFixtures.ctx;
import static com.dispatch.quality.gold.ScoreFixtures.df;
import static com.dispatch.quality.gold.ScoreFixtures.distribution;
import static com.dispatch.quality.gold.ScoreFixtures.frequency;
import static com.dispatch.quality.gold.ScoreFixtures.scorecardInputs;
import static com.dispatch.quality.gold.ScoreFixtures.settlementQuality;
import static com.dispatch.quality.gold.ScoreFixtures.slaCompliance;
import static com.dispatch.quality.gold.ScoreFixtures.targets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dispatch.quality.config.QualityTargets;
import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.domain.ResponseMetric;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.testing.SparkTestBase;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** SPEC §4.6 client scorecard, from gold-shaped rows of the other transforms. */
class ClientScorecardTest extends SparkTestBase {

  private static final List<Row> CLIENTS = List.of(
      client("C1", "2024-01-01", null), client("C2", "2024-01-01", null));

  private Map<String, Row> scorecard(YearMonth month, QualityTargets targets, List<Row> settlementQuality,
      List<Row> slaCompliance, List<Row> frequency, List<Row> distributions) {
    return scorecard(month, targets, CLIENTS, settlementQuality, slaCompliance, frequency, distributions);
  }

  private Map<String, Row> scorecard(YearMonth month, QualityTargets targets, List<Row> clients,
      List<Row> settlementQuality, List<Row> slaCompliance, List<Row> frequency, List<Row> distributions) {
    return byKey(ClientScorecard.compute(df(spark(), Silver.CLIENTS, clients),
        scorecardInputs(spark(), settlementQuality, slaCompliance, frequency, distributions),
        ctx(month, targets)), "client_id", "kpi");
  }

  private Map<String, Row> settlementOnly(QualityTargets targets, List<Row> settlementQuality) {
    return scorecard(JAN, targets, settlementQuality, List.of(), List.of(), List.of());
  }

  @Test
  void everyKpiOfEveryAgreementClientGetsARow() {
    Map<String, Row> rows = settlementOnly(QualityTargets.none(), List.of());
    assertEquals(2 * Kpi.all().size(), rows.size());
    assertEquals(JAN.toString(), rows.get("C1|" + Kpi.responseP90(ResponseMetric.CLAIM_PAYOUT)).getAs("month"));
  }

  @Test
  void atMostTargetIsMetAtOrBelowTheTarget() {
    Map<String, Row> rows = settlementOnly(targets(HEADCOUNT_ERROR_RATE, "*", "0.02", AT_MOST), List.of(
        settlementQuality("C1", JAN, 0.02, 0.0), settlementQuality("C2", JAN, 0.05, 0.0)));
    Row c1 = rows.get("C1|" + HEADCOUNT_ERROR_RATE);
    assertEquals("MET", c1.getAs("status"));
    assertEquals(0.02, c1.<Double>getAs("target"));
    assertEquals("AT_MOST", c1.getAs("direction"));
    assertEquals("MISSED", rows.get("C2|" + HEADCOUNT_ERROR_RATE).getAs("status"));
  }

  @Test
  void atLeastTargetIsMetAtOrAboveTheTarget() {
    Map<String, Row> rows = scorecard(JAN, targets(SLA_COMPLIANCE, "*", "0.95", AT_LEAST), List.of(),
        List.of(slaCompliance("COMPLAINT_RESPONSE_24H", "C1", JAN, 19, 1),
            slaCompliance("COMPLAINT_RESPONSE_24H", "C2", JAN, 9, 1)),
        List.of(), List.of());
    assertEquals(0.95, rows.get("C1|" + SLA_COMPLIANCE).<Double>getAs("value"), 1e-12);
    assertEquals("MET", rows.get("C1|" + SLA_COMPLIANCE).getAs("status"));
    assertEquals("MISSED", rows.get("C2|" + SLA_COMPLIANCE).getAs("status"));
  }

  @Test
  void nullValueWithATargetIsNoData() {
    Map<String, Row> rows = settlementOnly(targets(HEADCOUNT_ERROR_RATE, "*", "0.02", AT_MOST),
        List.of(settlementQuality("C1", JAN, null, null)));
    assertNull(rows.get("C1|" + HEADCOUNT_ERROR_RATE).getAs("value"));
    assertEquals("NO_DATA", rows.get("C1|" + HEADCOUNT_ERROR_RATE).getAs("status"), "a MISSING settlement");
    assertEquals("NO_DATA", rows.get("C2|" + HEADCOUNT_ERROR_RATE).getAs("status"), "no settlement row at all");
  }

  @Test
  void kpiWithoutATargetHasANullStatus() {
    Row calc = settlementOnly(targets(HEADCOUNT_ERROR_RATE, "*", "0.02", AT_MOST),
        List.of(settlementQuality("C1", JAN, 0.0, 0.25))).get("C1|" + CALC_ERROR_RATE);
    assertEquals(0.25, calc.<Double>getAs("value"));
    assertNull(calc.getAs("target"));
    assertNull(calc.getAs("direction"));
    assertNull(calc.getAs("status"));
  }

  @Test
  void clientTargetOverridesTheDefaultRow() {
    Map<String, Row> rows = settlementOnly(
        targets(CALC_ERROR_RATE, "*", "0.02", AT_MOST, CALC_ERROR_RATE, "C1", "0.005", AT_MOST),
        List.of(settlementQuality("C1", JAN, 0.0, 0.01), settlementQuality("C2", JAN, 0.0, 0.01)));
    assertEquals(0.005, rows.get("C1|" + CALC_ERROR_RATE).<Double>getAs("target"));
    assertEquals("MISSED", rows.get("C1|" + CALC_ERROR_RATE).getAs("status"));
    assertEquals(0.02, rows.get("C2|" + CALC_ERROR_RATE).<Double>getAs("target"));
    assertEquals("MET", rows.get("C2|" + CALC_ERROR_RATE).getAs("status"));
  }

  @Test
  void slaComplianceExcludesInjuryClientNoticeWhichIsTheClientsDuty() {
    Map<String, Row> rows = scorecard(JAN, QualityTargets.none(), List.of(), List.of(
        slaCompliance("INJURY_CLIENT_NOTICE_12H", "C1", JAN, 0, 5),
        slaCompliance("COMPLAINT_RESPONSE_24H", "C1", JAN, 3, 1),
        slaCompliance("INJURY_ONSITE_12H", "C1", JAN, 1, 0),
        slaCompliance("COMPLAINT_RESPONSE_24H", "*", JAN, 0, 100)), List.of(), List.of());
    assertEquals(0.8, rows.get("C1|" + SLA_COMPLIANCE).<Double>getAs("value"), 1e-12);
    assertNull(rows.get("C2|" + SLA_COMPLIANCE).getAs("value"), "the company-wide row is nobody's");
  }

  @Test
  void slaComplianceIsNullWhenNothingIsMetOrBreached() {
    Map<String, Row> rows = scorecard(JAN, QualityTargets.none(), List.of(), List.of(
        slaCompliance("INJURY_CLIENT_NOTICE_12H", "C1", JAN, 2, 0)), List.of(), List.of());
    assertNull(rows.get("C1|" + SLA_COMPLIANCE).getAs("value"));
  }

  @Test
  void frequencyComplianceCountsMonthAndFinalQuarterCommitmentsOnly() {
    Map<String, Row> rows = scorecard(MAR, QualityTargets.none(), List.of(), List.of(), List.of(
        frequency("C1", "COMMUNICATION_CLIENT", MAR, "MONTH", true),
        frequency("C1", "FORMAL_REPORT", MAR, "MONTH", false),
        frequency("C1", "ONSITE_VISIT", MAR, "QUARTER", true),
        frequency("C2", "ONSITE_VISIT", FEB, "QUARTER", false)), List.of());
    assertEquals(2.0 / 3, rows.get("C1|" + FREQUENCY_COMPLIANCE).<Double>getAs("value"), 1e-12);
  }

  @Test
  void quarterInProgressIsNotScored() {
    Map<String, Row> rows = scorecard(FEB, QualityTargets.none(), List.of(), List.of(), List.of(
        frequency("C1", "ONSITE_VISIT", FEB, "QUARTER", false, false),
        frequency("C2", "ONSITE_VISIT", FEB, "QUARTER", false, false),
        frequency("C2", "FORMAL_REPORT", FEB, "MONTH", true, true)), List.of());
    assertNull(rows.get("C1|" + FREQUENCY_COMPLIANCE).getAs("value"));
    assertEquals(1.0, rows.get("C2|" + FREQUENCY_COMPLIANCE).<Double>getAs("value"));
  }

  @Test
  void responseP90IsTheClientsOwnDistributionRow() {
    String kpi = Kpi.responseP90(ResponseMetric.COMPLAINT_RECOVERY);
    Map<String, Row> rows = scorecard(JAN, QualityTargets.none(), List.of(), List.of(), List.of(), List.of(
        distribution("COMPLAINT_RECOVERY", "C1", JAN, 30.5),
        distribution("COMPLAINT_RECOVERY", "*", JAN, 99.0),
        distribution("COMPLAINT_RECOVERY", "C1", FEB, 10.0)));
    assertEquals(30.5, rows.get("C1|" + kpi).<Double>getAs("value"));
    assertNull(rows.get("C2|" + kpi).getAs("value"));
  }

  @Test
  void changeFromPreviousMonthIsValueMinusPreviousValue() {
    Map<String, Row> rows = scorecard(FEB, QualityTargets.none(), List.of(
        settlementQuality("C1", JAN, 0.02, 0.10), settlementQuality("C1", FEB, 0.05, 0.10),
        settlementQuality("C2", FEB, 0.01, 0.0)), List.of(), List.of(), List.of());
    assertEquals(0.03, rows.get("C1|" + HEADCOUNT_ERROR_RATE).<Double>getAs("change_from_previous"));
    assertEquals(0.0, rows.get("C1|" + CALC_ERROR_RATE).<Double>getAs("change_from_previous"));
    assertNull(rows.get("C2|" + HEADCOUNT_ERROR_RATE).getAs("change_from_previous"), "no January value");
  }

  @Test
  void clientOutsideItsAgreementIsScoredOnlyWhenItHasRows() {
    List<Row> clients = List.of(client("C1", "2024-01-01", "2025-12-31"), client("C2", "2024-01-01", "2025-12-31"),
        client("C3", "2026-02-01", null));
    Map<String, Row> rows = scorecard(JAN, QualityTargets.none(), clients,
        List.of(settlementQuality("C1", JAN, 0.0, 0.0)), List.of(), List.of(), List.of());
    assertEquals(Kpi.all().size(), rows.size(), "C1 was still billed in January; C2 ended, C3 not started");
    assertEquals(0.0, rows.get("C1|" + HEADCOUNT_ERROR_RATE).<Double>getAs("value"));
  }
}
