package com.dispatch.quality.gold;

import static com.dispatch.quality.domain.Kpi.CLIENT_SATISFACTION;
import static com.dispatch.quality.domain.Kpi.EMPLOYEE_SATISFACTION;
import static com.dispatch.quality.domain.Kpi.Direction.AT_LEAST;
import static com.dispatch.quality.gold.ScoreFixtures.FEB;
import static com.dispatch.quality.gold.ScoreFixtures.JAN;
import static com.dispatch.quality.gold.ScoreFixtures.byKey;
import static com.dispatch.quality.gold.ScoreFixtures.client;
import static com.dispatch.quality.gold.ScoreFixtures.ctx;
import static com.dispatch.quality.gold.ScoreFixtures.df;
import static com.dispatch.quality.gold.ScoreFixtures.row;
import static com.dispatch.quality.gold.ScoreFixtures.satisfaction;
import static com.dispatch.quality.gold.ScoreFixtures.scorecardInputs;
import static com.dispatch.quality.gold.ScoreFixtures.targets;
import static com.dispatch.quality.gold.ScoreFixtures.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dispatch.quality.config.QualityTargets;
import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.metrics.MetricsJob;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.testing.SparkTestBase;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §4.6/§4.7: CLIENT_SATISFACTION and EMPLOYEE_SATISFACTION on the scorecard, and the surveys a run reads. */
class SatisfactionKpiTest extends SparkTestBase {
  private static final QualityTargets TARGETS = targets(
      CLIENT_SATISFACTION, "*", "0.8", AT_LEAST, EMPLOYEE_SATISFACTION, "*", "0.7", AT_LEAST);

  private Map<String, Row> scorecard(YearMonth month, List<Row> satisfaction) {
    return byKey(ClientScorecard.compute(df(spark(), Silver.CLIENTS, List.of(client("C1", "2024-01-01", null))),
        scorecardInputs(spark(), List.of(), List.of(), List.of(), List.of(), satisfaction), ctx(month, TARGETS)),
        "client_id", "kpi");
  }

  @Test
  void satisfactionKpisAreTheSatisfiedShareOfTheirRespondentType() {
    Map<String, Row> rows = scorecard(JAN, List.of(satisfaction("C1", JAN, "CLIENT", 2, 2),
        satisfaction("C1", JAN, "EMPLOYEE", 10, 6), satisfaction("*", JAN, "EMPLOYEE", 100, 10)));
    Row clientKpi = rows.get("C1|" + CLIENT_SATISFACTION);
    assertEquals(1.0, clientKpi.<Double>getAs("value"), 1e-12);
    assertEquals("MET", clientKpi.getAs("status"));
    Row employeeKpi = rows.get("C1|" + EMPLOYEE_SATISFACTION);
    assertEquals(0.6, employeeKpi.<Double>getAs("value"), 1e-12, "the client's own row, never the * row");
    assertEquals("MISSED", employeeKpi.getAs("status"), "0.6 < 0.7 AT_LEAST");
  }

  @Test
  void satisfactionKpiWithoutResponsesIsNoData() {
    Map<String, Row> rows = scorecard(JAN, List.of(satisfaction("C1", JAN, "CLIENT", 4, 3)));
    Row employeeKpi = rows.get("C1|" + EMPLOYEE_SATISFACTION);
    assertNull(employeeKpi.getAs("value"));
    assertEquals("NO_DATA", employeeKpi.getAs("status"));
    assertEquals(0.75, rows.get("C1|" + CLIENT_SATISFACTION).<Double>getAs("value"), 1e-12);
  }

  @Test
  void satisfactionChangeFromPreviousIsAgainstLastMonthsShare() {
    Map<String, Row> rows = scorecard(FEB, List.of(satisfaction("C1", JAN, "EMPLOYEE", 4, 2),
        satisfaction("C1", FEB, "EMPLOYEE", 4, 3), satisfaction("C1", FEB, "CLIENT", 1, 1)));
    assertEquals(0.25, rows.get("C1|" + EMPLOYEE_SATISFACTION).<Double>getAs("change_from_previous"), 1e-12);
    assertNull(rows.get("C1|" + CLIENT_SATISFACTION).getAs("change_from_previous"), "no CLIENT answers in January");
  }

  @Test
  void metricsRunReadsSurveysAnsweredInThePreviousMonthAndMonthM(@TempDir Path dir) {
    Lake lake = new Lake(dir.toString());
    List<Row> surveys = new ArrayList<>();
    for (String at : List.of("2025-11-30 23:59", "2025-12-01 00:00", "2026-01-31 23:59", "2026-02-01 00:00")) {
      surveys.add(row(Silver.SURVEYS, "survey_id", at, "client_id", "C1", "respondent_type", "CLIENT",
          "answered_at", ts(at), "score", 4, "updated_at", ts(at)));
    }
    DeltaIO.append(spark().createDataFrame(surveys, Silver.SURVEYS), lake.silver("surveys"), Silver.SURVEYS);
    SilverInputs in = MetricsJob.readSilver(spark(), lake, JAN);
    assertEquals(new TreeSet<>(List.of("2025-12-01 00:00", "2026-01-31 23:59")),
        new TreeSet<>(in.surveys().select("survey_id").as(Encoders.STRING()).collectAsList()),
        "December for the previous-month scorecard, January; Beijing-time month bounds");
  }

  @Test
  void aLakeWithoutSurveysReadsThemAsEmpty(@TempDir Path dir) {
    SilverInputs in = MetricsJob.readSilver(spark(), new Lake(dir.toString()), JAN);
    assertEquals(0, in.surveys().count());
    assertEquals(0, Satisfaction.compute(in, ctx(JAN, ScoreFixtures.LATE)).count());
  }
}
