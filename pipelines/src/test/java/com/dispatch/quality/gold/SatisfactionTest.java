package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.ScoreFixtures.JAN;
import static com.dispatch.quality.gold.ScoreFixtures.LATE;
import static com.dispatch.quality.gold.ScoreFixtures.at;
import static com.dispatch.quality.gold.ScoreFixtures.byKey;
import static com.dispatch.quality.gold.ScoreFixtures.ctx;
import static com.dispatch.quality.gold.ScoreFixtures.date;
import static com.dispatch.quality.gold.ScoreFixtures.df;
import static com.dispatch.quality.gold.ScoreFixtures.row;
import static com.dispatch.quality.gold.ScoreFixtures.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.testing.SparkTestBase;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** SPEC §4.7 satisfaction follow-ups, from tiny silver surveys and roster rows. */
class SatisfactionTest extends SparkTestBase {
  private static final String CLIENT = "CLIENT";
  private static final String EMPLOYEE = "EMPLOYEE";
  private int nextSurvey;

  /** An answer of January 2026 (local time) with the given score. */
  private Row survey(String client, String type, String employee, String answeredAt, int score) {
    String id = "S" + (++nextSurvey);
    return row(Silver.SURVEYS, "survey_id", id, "client_id", client, "respondent_type", type, "employee_id", employee,
        "answered_at", ts(answeredAt), "score", score, "comment", null, "updated_at", ts(answeredAt));
  }

  private Row employeeAnswer(String client, String employee, int score) {
    return survey(client, EMPLOYEE, employee, "2026-01-15 10:00", score);
  }

  private Row clientAnswer(String client, int score) {
    return survey(client, CLIENT, null, "2026-01-15 10:00", score);
  }

  private static Row assignment(String assignmentId, String employee, String client, String start, String end) {
    return row(Silver.ROSTER, "assignment_id", assignmentId, "employee_id", employee, "client_id", client,
        "start_date", date(start), "end_date", date(end));
  }

  /** Employees E1..En of {@code client}, each on an assignment covering all of January. */
  private static List<Row> heads(String client, int n) {
    return java.util.stream.IntStream.rangeClosed(1, n)
        .mapToObj(i -> assignment(client + "-A" + i, "E" + i + client, client, "2025-06-01", null)).toList();
  }

  private Dataset<Row> compute(List<Row> roster, List<Row> surveys, Instant asOf) {
    SilverInputs in = new SilverInputs(df(spark(), Silver.CLIENTS, List.of()), df(spark(), Silver.ROSTER, roster),
        df(spark(), Silver.SETTLEMENT, List.of()), df(spark(), Silver.CASES, List.of()),
        df(spark(), Silver.CASE_EVENTS, List.of()), df(spark(), Silver.ACTIVITIES, List.of()),
        df(spark(), Silver.SERVICE_COMMITMENTS, List.of()), df(spark(), Silver.INSURANCE_RATES, List.of()),
        df(spark(), Silver.SURVEYS, surveys));
    return Satisfaction.compute(in, ctx(JAN, asOf));
  }

  private Map<String, Row> rows(List<Row> roster, List<Row> surveys) {
    return byKey(compute(roster, surveys, LATE), "client_id", "respondent_type");
  }

  @Test
  void satisfiedShareCountsScoresOfFourAndFive() {
    Row r = rows(List.of(), List.of(clientAnswer("C1", 5), clientAnswer("C1", 4), clientAnswer("C1", 3),
        clientAnswer("C1", 2), clientAnswer("C1", 1))).get("C1|CLIENT");
    assertEquals(5L, (long) r.getAs("responses"));
    assertEquals(2L, (long) r.getAs("satisfied"), "scores 5 and 4");
    assertEquals(0.4, r.<Double>getAs("satisfied_share"), 1e-12);
  }

  @Test
  void dissatisfiedCountsScoresOfTwoAndBelow() {
    Row r = rows(List.of(), List.of(clientAnswer("C1", 3), clientAnswer("C1", 2), clientAnswer("C1", 1),
        clientAnswer("C1", 4))).get("C1|CLIENT");
    assertEquals(2L, (long) r.getAs("dissatisfied"), "scores 2 and 1; 3 is neither");
    assertEquals(1L, (long) r.getAs("satisfied"));
  }

  @Test
  void meanScoreIsOverEveryAnswerOfTheType() {
    Map<String, Row> rows = rows(heads("C1", 3), List.of(employeeAnswer("C1", "E1C1", 5),
        employeeAnswer("C1", "E1C1", 2), employeeAnswer("C1", "E2C1", 4), clientAnswer("C1", 1)));
    assertEquals(11.0 / 3, rows.get("C1|EMPLOYEE").<Double>getAs("mean_score"), 1e-12,
        "both answers of E1 count; the client's answer is in its own row");
    assertEquals(1.0, rows.get("C1|CLIENT").<Double>getAs("mean_score"), 1e-12);
  }

  @Test
  void surveyAnsweredAfterAsOfIsNotCounted() {
    List<Row> surveys = List.of(survey("C1", CLIENT, null, "2026-01-10 09:00", 5),
        survey("C1", CLIENT, null, "2026-01-20 09:00", 1));
    Row r = byKey(compute(List.of(), surveys, at("2026-01-15 00:00")), "client_id", "respondent_type").get("C1|CLIENT");
    assertEquals(1L, (long) r.getAs("responses"), "the answer of 20 January is after as_of");
    assertEquals(1.0, r.<Double>getAs("satisfied_share"), 1e-12);
  }

  @Test
  void surveyCountsInTheMonthOfItsShanghaiDate() {
    Row r = rows(List.of(), List.of(survey("C1", CLIENT, null, "2025-12-31 23:59", 1),
        survey("C1", CLIENT, null, "2026-01-01 00:01", 5),
        survey("C1", CLIENT, null, "2026-01-31 23:59", 4),
        survey("C1", CLIENT, null, "2026-02-01 00:01", 1))).get("C1|CLIENT");
    assertEquals(2L, (long) r.getAs("responses"), "1 and 31 January in Beijing time, not the UTC dates");
    assertEquals(0L, (long) r.getAs("dissatisfied"));
  }

  @Test
  void responseRateCountsAnEmployeeWhoAnswersTwiceOnce() {
    Row r = rows(heads("C1", 4), List.of(employeeAnswer("C1", "E1C1", 5), employeeAnswer("C1", "E1C1", 3),
        employeeAnswer("C1", "E2C1", 4))).get("C1|EMPLOYEE");
    assertEquals(3L, (long) r.getAs("responses"), "responses count answers");
    assertEquals(4L, (long) r.getAs("respondents_expected"));
    assertEquals(0.5, r.<Double>getAs("response_rate"), 1e-12, "E1 and E2 of four heads");
  }

  @Test
  void responseRateCountsOnlyRespondentsWhoAreExpectedHeads() {
    List<Row> roster = List.of(
        assignment("A1", "E1", "C1", "2025-06-01", null),
        assignment("A2", "E2", "C1", "2025-06-01", null),
        assignment("A3", "LEFT", "C1", "2025-06-01", "2025-12-31"),
        assignment("A4", "OTHER", "C2", "2025-06-01", null));
    Row r = rows(roster, List.of(employeeAnswer("C1", "E1", 4), employeeAnswer("C1", "LEFT", 2),
        employeeAnswer("C1", "OTHER", 5), employeeAnswer("C1", "E404", 1))).get("C1|EMPLOYEE");
    assertEquals(4L, (long) r.getAs("responses"), "every answer counts in the scores");
    assertEquals(2L, (long) r.getAs("respondents_expected"), "E1 and E2 are active in January");
    assertEquals(0.5, r.<Double>getAs("response_rate"), 1e-12,
        "only E1: the leaver, another client's employee and an unknown id are not expected heads of C1");
  }

  @Test
  void respondentsExpectedAreTheExpectedHeadsOfTheMonth() {
    List<Row> roster = List.of(
        assignment("A1", "E1", "C1", "2025-06-01", "2026-01-10"),
        assignment("A1-2", "E1", "C1", "2026-01-11", null),
        assignment("A2", "E2", "C1", "2026-01-31", null),
        assignment("A3", "E3", "C1", "2026-02-01", null),
        assignment("A4", "E4", "C1", "2025-01-01", "2025-12-31"));
    Row r = rows(roster, List.of(employeeAnswer("C1", "E1", 4))).get("C1|EMPLOYEE");
    assertEquals(2L, (long) r.getAs("respondents_expected"),
        "E1 (two assignments, one head) and E2 (one active day); E3 starts in February, E4 left in December");
    assertEquals(0.5, r.<Double>getAs("response_rate"), 1e-12);
  }

  @Test
  void responseRateIsNullWhenNoHeadIsExpected() {
    Row r = rows(List.of(), List.of(employeeAnswer("C1", "E1", 4))).get("C1|EMPLOYEE");
    assertEquals(0L, (long) r.getAs("respondents_expected"));
    assertNull(r.getAs("response_rate"));
  }

  @Test
  void clientAnswersHaveNeitherRespondentsExpectedNorResponseRate() {
    Row r = rows(heads("C1", 2), List.of(clientAnswer("C1", 5))).get("C1|CLIENT");
    assertNull(r.getAs("respondents_expected"));
    assertNull(r.getAs("response_rate"));
  }

  @Test
  void aRowExistsOnlyForATypeWithAtLeastOneResponse() {
    Map<String, Row> rows = rows(heads("C1", 2), List.of(clientAnswer("C1", 5)));
    assertFalse(rows.containsKey("C1|EMPLOYEE"), "C1 has heads but no employee answered");
    assertEquals(2, rows.size(), "C1|CLIENT and *|CLIENT: " + rows.keySet());
  }

  @Test
  void companyRowSumsRespondentsExpectedOverEveryClient() {
    List<Row> roster = new java.util.ArrayList<>(heads("C1", 4));
    roster.addAll(heads("C2", 6));
    Map<String, Row> rows = rows(roster, List.of(employeeAnswer("C1", "E1C1", 5), employeeAnswer("C1", "E1C1", 4),
        employeeAnswer("C1", "E2C1", 1), clientAnswer("C2", 4)));
    Row all = rows.get("*|EMPLOYEE");
    assertEquals(3L, (long) all.getAs("responses"));
    assertEquals(10L, (long) all.getAs("respondents_expected"), "C2's six heads count though none answered");
    assertEquals(0.2, all.<Double>getAs("response_rate"), 1e-12, "two responding heads of ten");
    assertEquals(2.0 / 3, all.<Double>getAs("satisfied_share"), 1e-12);
    Row clients = rows.get("*|CLIENT");
    assertEquals(1L, (long) clients.getAs("responses"));
    assertNull(clients.getAs("respondents_expected"));
  }

  @Test
  void companyRowCountsEachClientsRespondingExpectedHeads() {
    List<Row> roster = List.of(assignment("A1", "E1", "C1", "2025-06-01", null),
        assignment("A2", "E1", "C2", "2025-06-01", null));
    Row all = rows(roster, List.of(employeeAnswer("C1", "E1", 5), employeeAnswer("C2", "E1", 5))).get("*|EMPLOYEE");
    assertEquals(2L, (long) all.getAs("respondents_expected"), "E1 is a head at both clients");
    assertEquals(1.0, all.<Double>getAs("response_rate"), 1e-12, "and responds at both");
  }

  @Test
  void noSurveysGiveNoRows() {
    Dataset<Row> out = compute(heads("C1", 3), List.of(), LATE);
    assertEquals(0, out.count());
    assertEquals(Arrays.asList(Gold.SATISFACTION.fieldNames()).subList(0, Gold.SATISFACTION.fieldNames().length - 2),
        Arrays.asList(out.columns()), "the gold columns without run_id and as_of, in order");
  }
}
