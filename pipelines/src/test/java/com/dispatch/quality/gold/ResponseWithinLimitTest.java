package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.CaseFixtures.byKey;
import static com.dispatch.quality.gold.CaseFixtures.context;
import static com.dispatch.quality.gold.CaseFixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * gold/response_within_limit (issue 13 item 4): the response page's "share within the limit",
 * measured in gold against each client's effective limit, so that it cannot contradict the
 * client's SLA page.
 */
class ResponseWithinLimitTest extends SparkTestBase {
  private static final double EPS = 1e-9;
  private final List<Row> events = new ArrayList<>();

  @BeforeEach
  void noEventsYet() { events.clear(); }

  private ResponseWithinLimitTest closed(String metric, String clientId, double... hours) {
    for (double h : hours) {
      events.add(row(Gold.RESPONSE_TIME_EVENTS, "metric", metric, "subject_id", "S" + events.size(),
          "client_id", clientId, "month", "2025-09", "hours", h, "status", "CLOSED"));
    }
    return this;
  }

  private ResponseWithinLimitTest open(String metric, String clientId) {
    events.add(row(Gold.RESPONSE_TIME_EVENTS, "metric", metric, "subject_id", "S" + events.size(),
        "client_id", clientId, "month", "2025-09", "status", "OPEN"));
    return this;
  }

  private Map<String, Row> within(SlaPolicies policies) {
    Dataset<Row> in = spark().createDataFrame(events, Gold.RESPONSE_TIME_EVENTS);
    return byKey(ResponseWithinLimit.compute(in, context("2025-09", "2025-10-01 00:00", policies)), "metric", "client_id");
  }

  private static SlaPolicies policies(Object... ruleClientLimit) {
    Map<String, BigDecimal> m = new java.util.HashMap<>();
    for (int i = 0; i < ruleClientLimit.length; i += 3) {
      m.put(SlaPolicies.key((String) ruleClientLimit[i], (String) ruleClientLimit[i + 1]), new BigDecimal(ruleClientLimit[i + 2].toString()));
    }
    return SlaPolicies.of(m);
  }

  @Test
  void outputHasTheGoldColumnsWithoutRunColumns() {
    Dataset<Row> out = ResponseWithinLimit.compute(spark().createDataFrame(List.of(), Gold.RESPONSE_TIME_EVENTS),
        context("2025-09", "2025-10-01 00:00"));
    String[] expected = Arrays.stream(Gold.RESPONSE_WITHIN_LIMIT.fieldNames())
        .filter(n -> !n.equals("run_id") && !n.equals("as_of")).toArray(String[]::new);
    assertEquals(Arrays.asList(expected), Arrays.asList(out.columns()));
  }

  @Test
  void injuryDispatchIsMeasuredAgainstTheClientsOwnOnsiteLimit() {
    // INJURY_DISPATCH runs the clock of INJURY_ONSITE_12H: C2's policy of 6 h applies to C2 only.
    Map<String, Row> out = closed("INJURY_DISPATCH", "C1", 5, 12, 13).closed("INJURY_DISPATCH", "C2", 5, 7)
        .open("INJURY_DISPATCH", "C2").within(policies("INJURY_ONSITE_12H", "C2", 6));
    Row c1 = out.get("INJURY_DISPATCH|C1");
    assertEquals(12.0, c1.<Double>getAs("limit_hours"), EPS);
    assertEquals(3L, c1.<Long>getAs("n"));
    assertEquals(2L, c1.<Long>getAs("n_within_limit"), "exactly 12 h is within a 12 h limit");
    assertEquals(2 / 3.0, c1.<Double>getAs("within_limit_rate"), EPS);
    Row c2 = out.get("INJURY_DISPATCH|C2");
    assertEquals(6.0, c2.<Double>getAs("limit_hours"), EPS);
    assertEquals(2L, c2.<Long>getAs("n"), "OPEN subjects are not in the share");
    assertEquals(1L, c2.<Long>getAs("n_within_limit"), "7 h misses C2's own 6 h");
  }

  @Test
  void companyRowCountsEachSubjectAgainstItsOwnClientsLimit() {
    Row company = closed("INJURY_DISPATCH", "C1", 5, 12, 13).closed("INJURY_DISPATCH", "C2", 5, 7)
        .within(policies("INJURY_ONSITE_12H", "C2", 6)).get("INJURY_DISPATCH|*");
    assertEquals(5L, company.<Long>getAs("n"));
    assertEquals(3L, company.<Long>getAs("n_within_limit"), "C1: 5, 12; C2: 5");
    assertEquals(12.0, company.<Double>getAs("limit_hours"), EPS, "the limit of clients without a policy of their own");
  }

  @Test
  void starPolicyIsTheLimitOfEveryClientWithoutItsOwn() {
    Map<String, Row> out = closed("DISPUTE_DISPATCH", "C1", 7, 9).closed("DISPUTE_DISPATCH", "C2", 29)
        .within(policies("DISPUTE_PLAN_24H", "*", 8, "DISPUTE_PLAN_24H", "C2", 30));
    assertEquals(8.0, out.get("DISPUTE_DISPATCH|C1").<Double>getAs("limit_hours"), EPS);
    assertEquals(1L, out.get("DISPUTE_DISPATCH|C1").<Long>getAs("n_within_limit"));
    assertEquals(30.0, out.get("DISPUTE_DISPATCH|C2").<Double>getAs("limit_hours"), EPS);
    assertEquals(1L, out.get("DISPUTE_DISPATCH|C2").<Long>getAs("n_within_limit"));
    assertEquals(8.0, out.get("DISPUTE_DISPATCH|*").<Double>getAs("limit_hours"), EPS);
    assertEquals(2L, out.get("DISPUTE_DISPATCH|*").<Long>getAs("n_within_limit"));
  }

  @Test
  void metricsOnAClockWithoutAnSlaRuleKeepTheirFixedLimit() {
    Row r = closed("COMPLAINT_RECOVERY", "C1", 100, 168, 169).within(policies("COMPLAINT_RESPONSE_24H", "C1", 2))
        .get("COMPLAINT_RECOVERY|C1");
    assertEquals(168.0, r.<Double>getAs("limit_hours"), EPS, "COMPLAINT_RECOVERY's clock is no §4.3 rule's");
    assertEquals(2L, r.<Long>getAs("n_within_limit"));
  }

  @Test
  void onlyOpenSubjectsGiveARowWithoutRate() {
    Row r = open("SPOT_CHECK_DATA", "C1").within(SlaPolicies.defaults()).get("SPOT_CHECK_DATA|C1");
    assertEquals(0L, r.<Long>getAs("n"));
    assertEquals(0L, r.<Long>getAs("n_within_limit"));
    assertNull(r.getAs("within_limit_rate"));
    assertEquals(48.0, r.<Double>getAs("limit_hours"), EPS);
  }
}
