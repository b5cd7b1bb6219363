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

/** SPEC §4.2 distributions: exact interpolated percentiles, buckets, n_open, company rows. */
class ResponseTimeDistributionTest extends SparkTestBase {
  private static final double EPS = 1e-9;
  private static final MetricContext SEP = context("2025-09", "2025-10-01 00:00");

  private final List<Row> events = new ArrayList<>();

  /** The class shares one instance across tests (SparkTestBase is PER_CLASS). */
  @BeforeEach
  void noEventsYet() { events.clear(); }

  /** Closed subjects of one metric and client with the given durations in hours. */
  private ResponseTimeDistributionTest closed(String metric, String clientId, double... hours) {
    for (double h : hours) {
      events.add(row(Gold.RESPONSE_TIME_EVENTS, "metric", metric, "subject_id", "S" + events.size(),
          "client_id", clientId, "month", "2025-09", "hours", h, "status", "CLOSED"));
    }
    return this;
  }

  private ResponseTimeDistributionTest open(String metric, String clientId, int count) {
    for (int i = 0; i < count; i++) {
      events.add(row(Gold.RESPONSE_TIME_EVENTS, "metric", metric, "subject_id", "S" + events.size(),
          "client_id", clientId, "month", "2025-09", "status", "OPEN"));
    }
    return this;
  }

  private Map<String, Row> distribution() {
    Dataset<Row> in = spark().createDataFrame(events, Gold.RESPONSE_TIME_EVENTS);
    return byKey(ResponseTimeDistribution.compute(in, SEP), "metric", "client_id");
  }

  @Test
  void outputHasTheGoldColumnsWithoutRunColumns() {
    Dataset<Row> out = ResponseTimeDistribution.compute(
        spark().createDataFrame(List.of(), Gold.RESPONSE_TIME_EVENTS), SEP);
    String[] expected = Arrays.stream(Gold.RESPONSE_TIME_DISTRIBUTION.fieldNames())
        .filter(n -> !n.equals("run_id") && !n.equals("as_of")).toArray(String[]::new);
    assertEquals(Arrays.asList(expected), Arrays.asList(out.columns()));
  }

  @Test
  void percentilesAreExactWithLinearInterpolationBetweenClosestRanks() {
    // Sorted 1,2,3,4: rank (n-1)p = 1.5 -> 2.5; 2.7 -> 3 + 0.7 = 3.7; 2.85 -> 3.85.
    Row r = closed("COMPLAINT_RECOVERY", "C1", 4, 1, 3, 2).distribution().get("COMPLAINT_RECOVERY|C1");
    assertEquals(4L, r.<Long>getAs("n"));
    assertEquals(1.0, r.<Double>getAs("min_hours"), EPS);
    assertEquals(2.5, r.<Double>getAs("p50_hours"), EPS);
    assertEquals(3.7, r.<Double>getAs("p90_hours"), EPS);
    assertEquals(3.85, r.<Double>getAs("p95_hours"), EPS);
    assertEquals(4.0, r.<Double>getAs("max_hours"), EPS);
    assertEquals(2.5, r.<Double>getAs("mean_hours"), EPS);
  }

  /**
   * A mean is the same however the rows are split and added up (local mode, a cluster, with or
   * without AQE): summed as doubles, 0.1 + 0.2 + 0.3 is 0.6000000000000001 in one order and 0.6 in
   * another, and the table would differ in its last digits between two runs of the same data.
   */
  @Test
  void meanHoursDoNotDependOnTheOrderTheEventsAreAddedIn() {
    closed("COMPLAINT_RECOVERY", "C1", 0.1, 0.2, 0.3);
    Dataset<Row> in = spark().createDataFrame(events, Gold.RESPONSE_TIME_EVENTS);
    for (int partitions : new int[] {1, 3}) {
      Row r = byKey(ResponseTimeDistribution.compute(in.repartition(partitions), SEP), "metric", "client_id")
          .get("COMPLAINT_RECOVERY|C1");
      assertEquals(0.2, r.<Double>getAs("mean_hours"), 0.0, "exactly 0.2 with " + partitions + " partitions");
    }
  }

  @Test
  void bucketsIncludeTheirLowerBoundAndExcludeTheUpper() {
    Row r = closed("CLAIM_PAYOUT", "C1", 0, 3.999, 4, 7.5, 8, 12, 23.99, 24, 48, 72, 167.9, 168, 500)
        .distribution().get("CLAIM_PAYOUT|C1");
    assertEquals(2L, r.<Long>getAs("bucket_0_4h"));
    assertEquals(2L, r.<Long>getAs("bucket_4_8h"), "exactly 4 h goes to [4,8)");
    assertEquals(1L, r.<Long>getAs("bucket_8_12h"));
    assertEquals(2L, r.<Long>getAs("bucket_12_24h"));
    assertEquals(1L, r.<Long>getAs("bucket_24_48h"));
    assertEquals(1L, r.<Long>getAs("bucket_48_72h"));
    assertEquals(2L, r.<Long>getAs("bucket_72_168h"));
    assertEquals(2L, r.<Long>getAs("bucket_168h_plus"));
  }

  @Test
  void openSubjectsAreCountedApartAndLeaveStatisticsNullWhenNoneClosed() {
    Map<String, Row> out = open("DISPUTE_DISPATCH", "C1", 2).closed("DISPUTE_DISPATCH", "C2", 5).open("DISPUTE_DISPATCH", "C2", 1)
        .distribution();
    Row onlyOpen = out.get("DISPUTE_DISPATCH|C1");
    assertEquals(0L, onlyOpen.<Long>getAs("n"));
    assertEquals(2L, onlyOpen.<Long>getAs("n_open"));
    for (String stat : List.of("min_hours", "p50_hours", "p90_hours", "p95_hours", "max_hours", "mean_hours")) {
      assertNull(onlyOpen.getAs(stat), stat);
    }
    for (String bucket : ResponseTimeDistribution.BUCKET_COLUMNS) assertEquals(0L, onlyOpen.<Long>getAs(bucket), bucket);
    Row mixed = out.get("DISPUTE_DISPATCH|C2");
    assertEquals(1L, mixed.<Long>getAs("n"));
    assertEquals(1L, mixed.<Long>getAs("n_open"));
    assertEquals(5.0, mixed.<Double>getAs("p90_hours"), EPS);
  }

  @Test
  void companyRowPoolsEveryClientPerMetric() {
    Map<String, Row> out = closed("ROSTER_TO_SETTLEMENT", "C1", 1, 2).closed("ROSTER_TO_SETTLEMENT", "C2", 3, 4)
        .open("ROSTER_TO_SETTLEMENT", "C2", 1).closed("INJURY_DISPATCH", "C1", 10).distribution();
    assertEquals(5, out.size(), "two clients and * for ROSTER_TO_SETTLEMENT, C1 and * for INJURY_DISPATCH");
    Row company = out.get("ROSTER_TO_SETTLEMENT|*");
    assertEquals(4L, company.<Long>getAs("n"));
    assertEquals(1L, company.<Long>getAs("n_open"));
    assertEquals(3.7, company.<Double>getAs("p90_hours"), EPS);
    assertEquals(1.5, out.get("ROSTER_TO_SETTLEMENT|C1").<Double>getAs("p50_hours"), EPS);
    assertEquals(10.0, out.get("INJURY_DISPATCH|*").<Double>getAs("max_hours"), EPS);
  }
}
