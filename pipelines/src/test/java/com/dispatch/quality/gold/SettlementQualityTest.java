package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.SettlementFixtures.FULL_MONTH;
import static com.dispatch.quality.gold.SettlementFixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;

/** SPEC §4.1 headcount and line counts of gold/settlement_quality, one rule per test. */
class SettlementQualityTest extends SparkTestBase {
  private static final String JAN = "2025-01";
  private static final String AFTER_JAN = "2025-02-10 00:00:00";

  private SettlementFixtures world() { return SettlementFixtures.standard(spark()); }

  private static Row only(Dataset<Row> quality, String clientId) {
    List<Row> rows = quality.where(quality.col("client_id").equalTo(clientId)).collectAsList();
    assertEquals(1, rows.size(), "one settlement_quality row per client and month");
    return rows.get(0);
  }

  private static Row c1(SettlementFixtures f, String month, String asOf) {
    return only(SettlementQuality.compute(f.inputs(), context(month, asOf)), SettlementFixtures.CLIENT);
  }

  private static long n(Row r, String column) { return r.getLong(r.fieldIndex(column)); }

  private static Object v(Row r, String column) { return r.get(r.fieldIndex(column)); }

  @Test
  void outputHasTheGoldColumnsWithoutRunColumns() {
    SettlementFixtures f = world().assignment("A1", "E1", "2024-06-01", null);
    Dataset<Row> out = SettlementQuality.compute(f.inputs(), context(JAN, AFTER_JAN));
    // Built here from the gold constant, not with the production helper, so a wrong column, type,
    // order or comment (what MetricsJob writes to Delta) fails.
    List<StructField> expected = new ArrayList<>();
    for (StructField g : Gold.SETTLEMENT_QUALITY.fields()) {
      if (!List.of("run_id", "as_of").contains(g.name())) expected.add(g);
    }
    assertEquals(Gold.SETTLEMENT_QUALITY.size() - 2, expected.size(), "the gold table has run_id and as_of");
    assertEquals(describe(expected), describe(List.of(out.schema().fields())));
  }

  /** name type comment, one field a line, in order (nullability is the computation's, not the schema's). */
  private static String describe(List<StructField> fields) {
    StringBuilder s = new StringBuilder();
    for (StructField f : fields) {
      s.append(f.name()).append(' ').append(f.dataType().simpleString()).append(' ')
          .append(f.getComment().isDefined() ? f.getComment().get() : "-").append('\n');
    }
    return s.toString();
  }

  @Test
  void correctSettlementHasNoErrors() {
    SettlementFixtures f = world().assignment("A1", "E1", "2024-06-01", null)
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH);
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals("ISSUED", v(r, "settlement_status"));
    assertEquals(1, n(r, "expected_headcount"));
    assertEquals(1, n(r, "billed_headcount"));
    assertEquals(0, n(r, "headcount_errors"));
    assertEquals(1, n(r, "evaluated_lines"));
    assertEquals(0, n(r, "calc_error_lines"));
    assertEquals(0.0, r.getDouble(r.fieldIndex("headcount_error_rate")));
    assertEquals(0.0, r.getDouble(r.fieldIndex("calc_error_rate")));
    assertEquals(0, n(r, "correction_batches"));
    assertFalse(r.getBoolean(r.fieldIndex("has_both_errors")));
  }

  @Test
  void missingHeadIsAnExpectedEmployeeWithoutALineInTheOriginalSettlement() {
    SettlementFixtures f = world()
        .assignment("A1", "E1", "2024-06-01", null)
        .assignment("A2", "E2", "2025-01-20", null)
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH);
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals(2, n(r, "expected_headcount"));
    assertEquals(1, n(r, "billed_headcount"));
    assertEquals(1, n(r, "missing"));
    assertEquals(1, n(r, "headcount_errors"));
    assertEquals(0.5, r.getDouble(r.fieldIndex("headcount_error_rate")));
  }

  @Test
  void extraHeadIsABilledEmployeeWithoutAnActiveDayInTheMonth() {
    SettlementFixtures f = world()
        .assignment("A1", "E1", "2024-06-01", null)
        .assignment("A9", "E9", "2024-06-01", "2024-12-31") // left the day before the month began
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH)
        .line("L9", "B1", JAN, "2025-02-03 10:00:00", "E9", FULL_MONTH);
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals(1, n(r, "expected_headcount"));
    assertEquals(2, n(r, "billed_headcount"));
    assertEquals(1, n(r, "extra"));
    assertEquals(1, n(r, "headcount_errors"));
    assertEquals(1, n(r, "evaluated_lines"), "an extra employee's line is not evaluated");
    assertEquals(1.0, r.getDouble(r.fieldIndex("headcount_error_rate")));
  }

  @Test
  void extraHeadWithTwoLinesCountsAsExtraOnlyNotDuplicate() {
    SettlementFixtures f = world()
        .assignment("A1", "E1", "2024-06-01", null)
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH)
        .line("L9a", "B1", JAN, "2025-02-03 10:00:00", "E9", FULL_MONTH)
        .line("L9b", "B1", JAN, "2025-02-03 10:00:00", "E9", FULL_MONTH);
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals(1, n(r, "extra"));
    assertEquals(0, n(r, "duplicate"));
    assertEquals(1, n(r, "headcount_errors"));
    assertEquals(2, n(r, "billed_headcount"));
  }

  @Test
  void duplicatedHeadIsAnExpectedEmployeeWithTwoLinesAndIsNotEvaluated() {
    SettlementFixtures f = world()
        .assignment("A1", "E1", "2024-06-01", null)
        .assignment("A2", "E2", "2024-06-01", null)
        .line("L1a", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH)
        .line("L1b", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH.withWage("1.00"))
        .line("L2", "B1", JAN, "2025-02-03 10:00:00", "E2", FULL_MONTH);
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals(1, n(r, "duplicate"));
    assertEquals(0, n(r, "missing"));
    assertEquals(1, n(r, "headcount_errors"));
    assertEquals(2, n(r, "billed_headcount"));
    assertEquals(1, n(r, "evaluated_lines"), "only E2's line is evaluated");
    assertEquals(0, n(r, "calc_error_lines"), "the duplicate's wrong wage is not a calc error");
  }

  @Test
  void calcErrorRateIsCalcErrorLinesOverEvaluatedLinesAndBothErrorsAreFlagged() {
    SettlementFixtures f = world()
        .assignment("A1", "E1", "2024-06-01", null)
        .assignment("A2", "E2", "2024-06-01", null)
        .assignment("A3", "E3", "2024-06-01", null)
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH.withTotal("12771.00"))
        .line("L2", "B1", JAN, "2025-02-03 10:00:00", "E2", FULL_MONTH);
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals(2, n(r, "evaluated_lines"));
    assertEquals(1, n(r, "calc_error_lines"));
    assertEquals(0.5, r.getDouble(r.fieldIndex("calc_error_rate")));
    assertEquals(1, n(r, "missing"));
    assertTrue(r.getBoolean(r.fieldIndex("has_both_errors")));
  }

  @Test
  void missingSettlementWhenNoBatchIsIssuedByAsOfHasOnlyTheExpectedHeadcount() {
    SettlementFixtures f = world()
        .assignment("A1", "E1", "2024-06-01", null)
        .assignment("A2", "E2", "2024-06-01", null)
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH);
    Row r = c1(f, JAN, "2025-02-03 09:59:59");
    assertEquals("MISSING", v(r, "settlement_status"));
    assertEquals(2, n(r, "expected_headcount"));
    for (String c : List.of("billed_headcount", "missing", "extra", "duplicate", "headcount_errors",
        "evaluated_lines", "calc_error_lines", "has_both_errors", "headcount_error_rate", "calc_error_rate",
        "correction_batches")) {
      assertNull(v(r, c), c + " is null for a MISSING settlement");
    }
  }

  @Test
  void clientWithNeitherExpectedHeadsNorABatchHasNoRow() {
    SettlementFixtures f = world().client("C2", "SH", "100.00", 15)
        .assignment("A1", "E1", "2024-06-01", null)
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH);
    Dataset<Row> out = SettlementQuality.compute(f.inputs(), context(JAN, AFTER_JAN));
    assertEquals(List.of("C1"), out.select("client_id").as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
  }

  @Test
  void batchWithoutExpectedHeadsHasARowWithNullHeadcountErrorRate() {
    SettlementFixtures f = world().line("L9", "B1", JAN, "2025-02-03 10:00:00", "E9", FULL_MONTH);
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals("ISSUED", v(r, "settlement_status"));
    assertEquals(0, n(r, "expected_headcount"));
    assertEquals(1, n(r, "extra"));
    assertEquals(0, n(r, "evaluated_lines"));
    assertNull(v(r, "headcount_error_rate"), "denominator expected_headcount is 0");
    assertNull(v(r, "calc_error_rate"), "denominator evaluated_lines is 0");
  }

  @Test
  void correctionBatchIsCountedButNotEvaluated() {
    SettlementFixtures f = world()
        .assignment("A1", "E1", "2024-06-01", null)
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH.withWage("9000.00"))
        .line("L1c", "B2", JAN, "2025-02-05 10:00:00", "E1", FULL_MONTH)
        .line("L2c", "B2", JAN, "2025-02-05 10:00:00", "E2", FULL_MONTH);
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals(1, n(r, "correction_batches"));
    assertEquals(1, n(r, "calc_error_lines"), "the original's wrong wage stands; the correction is not evaluated");
    assertEquals(0, n(r, "extra"), "E2 appears only in the correction");
    assertEquals(1, n(r, "billed_headcount"));
  }

  @Test
  void originalSettlementTieOnIssuedAtGoesToTheSmallestBatchId() {
    SettlementFixtures f = world()
        .assignment("A1", "E1", "2024-06-01", null)
        .line("L2", "B2", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH)
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH.withWage("9000.00"));
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals(1, n(r, "calc_error_lines"), "B1 is the original");
    assertEquals(1, n(r, "correction_batches"));
  }

  @Test
  void batchIssuedAfterAsOfDoesNotExistYet() {
    SettlementFixtures f = world()
        .assignment("A1", "E1", "2024-06-01", null)
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH.withWage("9000.00"))
        .line("L1c", "B2", JAN, "2025-02-10 00:00:01", "E1", FULL_MONTH);
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals(0, n(r, "correction_batches"));
    assertEquals(1, n(r, "calc_error_lines"));
  }

  @Test
  void linesOfOtherServiceMonthsAreIgnored() {
    SettlementFixtures f = world()
        .assignment("A1", "E1", "2024-06-01", null)
        .line("L0", "B0", "2024-12", "2025-01-03 10:00:00", "E1", FULL_MONTH.withWage("1.00"))
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1", FULL_MONTH);
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals(0, n(r, "correction_batches"));
    assertEquals(0, n(r, "calc_error_lines"));
  }

  @Test
  void twoAssignmentsInOneMonthAreOneHeadWithTheUnionOfTheirDays() {
    // Days 1-12 (A1 and the overlapping A2) and 20-31 (A3): 24 of 31 days; terms from A3.
    SettlementFixtures f = world()
        .assignment("A1", "E1", "C1", "6200.00", "10000.00", null, "2024-06-01", "2025-01-10")
        .assignment("A2", "E1", "C1", "6200.00", "10000.00", null, "2025-01-05", "2025-01-12")
        .assignment("A3", "E1", "C1", "9300.00", "10000.00", null, "2025-01-20", null)
        .line("L1", "B1", JAN, "2025-02-03 10:00:00", "E1",
            FULL_MONTH.withWage("7200.00").withTotal("10670.00"));
    Row r = c1(f, JAN, AFTER_JAN);
    assertEquals(1, n(r, "expected_headcount"));
    assertEquals(0, n(r, "duplicate"));
    assertEquals(1, n(r, "evaluated_lines"));
    assertEquals(0, n(r, "calc_error_lines"), "9300 x 24 / 31 = 7200.00 is the expected wage");
  }
}
