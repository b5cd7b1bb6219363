package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.SettlementFixtures.FULL_MONTH;
import static com.dispatch.quality.gold.SettlementFixtures.ZERO;
import static com.dispatch.quality.gold.SettlementFixtures.context;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.SparkTestBase;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * SPEC §4.1 expected amounts and the rows of gold/settlement_errors. A line billed at zero makes
 * every expected component visible as a CALC row, which is how the amount rules are checked.
 */
class SettlementErrorsTest extends SparkTestBase {
  private static final String ISSUED = "2025-12-03 10:00:00";
  private static final String AS_OF = "2025-12-31 00:00:00";

  private SettlementFixtures world() { return SettlementFixtures.standard(spark()); }

  /** Rows as "employee|error|component|line|billed|expected", sorted. */
  private static List<String> errors(SettlementFixtures f, String month) {
    Dataset<Row> out = SettlementErrors.compute(f.inputs(), context(month, AS_OF));
    assertEquals(Gold.withoutRunColumns(Gold.SETTLEMENT_ERRORS).simpleString(), out.schema().simpleString());
    return out.collectAsList().stream()
        .map(r -> r.getAs("employee_id") + "|" + r.getAs("error") + "|" + r.getAs("component") + "|"
            + r.getAs("line_id") + "|" + r.getAs("billed") + "|" + r.getAs("expected"))
        .sorted().collect(Collectors.toList());
  }

  /** Expected amount of every component of E1's line billed at zero in {@code month}. */
  private static Map<String, String> expectedOfZeroBill(SettlementFixtures f, String month) {
    f.line("L1", "B1", month, ISSUED, "E1", ZERO);
    Map<String, String> expected = new TreeMap<>();
    for (Row r : SettlementErrors.compute(f.inputs(), context(month, AS_OF)).collectAsList()) {
      assertEquals("CALC", r.getAs("error"));
      expected.put(r.getAs("component"), r.getAs("expected").toString());
    }
    return expected;
  }

  @Test
  void wageIsProRatedForAMidMonthJoinInA31DayMonth() {
    // Joined 2025-01-16: 16 of 31 days.
    SettlementFixtures f = world().assignment("A1", "E1", "2025-01-16", null);
    assertEquals("4800.00", expectedOfZeroBill(f, "2025-01").get("wage"));
  }

  @Test
  void wageIsProRatedForAMidMonthJoinAndALeaveInA30DayMonth() {
    SettlementFixtures join = world().assignment("A1", "E1", "2025-09-11", null); // 20 of 30 days
    assertEquals("6200.00", expectedOfZeroBill(join, "2025-09").get("wage"));
    SettlementFixtures leave = world().assignment("A1", "E1", "2024-03-01", "2025-09-10"); // 10 of 30 days
    assertEquals("3100.00", expectedOfZeroBill(leave, "2025-09").get("wage"));
  }

  @Test
  void wageIsProRatedForAJoinAndLeaveInA28DayMonthWithHalfUpRounding() {
    // 2025-02-10..2025-02-20: 11 of 28 days; 9300 x 11 / 28 = 3653.5714... -> 3653.57.
    SettlementFixtures f = world().assignment("A1", "E1", "2025-02-10", "2025-02-20");
    Map<String, String> expected = expectedOfZeroBill(f, "2025-02");
    assertEquals("3653.57", expected.get("wage"));
    assertEquals("1600.00", expected.get("pension"), "insurance is charged in full for a partial month");
    assertEquals("100.00", expected.get("service_fee"));
    assertEquals("7123.57", expected.get("total"), "total = sum of the seven expected components");
  }

  // Exact half cents (SPEC §1: HALF_UP to 0.01). Each amount below lands exactly on x.xx5, where
  // HALF_UP rounds up and HALF_EVEN, HALF_DOWN, DOWN and FLOOR round down; the 3653.5714 case above
  // (not a half) is where UP and CEILING would round up wrongly.

  @Test
  void wageLandingOnAnExactHalfCentIsRoundedHalfUp() {
    // Joined 2025-09-16: 15 of 30 days. 9300.01 x 15 / 30 = 139500.15 / 30 = 4650.005 exactly:
    // HALF_UP 4650.01; HALF_EVEN (0 is even) and DOWN 4650.00.
    SettlementFixtures f = world().assignment("A1", "E1", "C1", "9300.01", "10000.00", null, "2025-09-16", null);
    Map<String, String> expected = expectedOfZeroBill(f, "2025-09");
    assertEquals("4650.01", expected.get("wage"));
    // 4650.01 + 1600.00 + 1000.00 + 50.00 + 20.00 + 700.00 + 100.00
    assertEquals("8120.01", expected.get("total"));
  }

  @Test
  void contributionEndingInFiveAtTheThirdDecimalIsRoundedHalfUp() {
    // Base 10001.00 (within 5000..30000): unemployment 10001 x 0.005 = 50.005 exactly -> HALF_UP 50.01
    // (HALF_EVEN and DOWN 50.00); work injury 10001 x 0.002 = 20.002 -> 20.00 (UP would say 20.01).
    SettlementFixtures f = world().assignment("A1", "E1", "C1", "9300.00", "10001.00", null, "2024-01-01", null);
    Map<String, String> expected = expectedOfZeroBill(f, "2025-03");
    assertEquals("50.01", expected.get("unemployment"));
    assertEquals("20.00", expected.get("work_injury"));
    assertEquals("1600.16", expected.get("pension"), "10001 x 0.16");
    // 9300.00 + 1600.16 + 1000.10 + 50.01 + 20.00 + 700.07 + 100.00
    assertEquals("12770.34", expected.get("total"));
  }

  @Test
  void billRoundedHalfUpIsCorrectAndTheSameBillRoundedHalfEvenIsACalcError() {
    // Both joined 2025-09-16 (15 of 30 days) with wage 9300.01 and base 10001.00:
    // wage 4650.005 -> 4650.01, unemployment 50.005 -> 50.01, pension 1600.16, medical 1000.10,
    // work injury 20.002 -> 20.00, housing fund 700.07, fee 100.00; total 8120.35.
    // E2's sheet rounded the two half cents to even (4650.00, 50.00) and totals them: 8120.33.
    SettlementFixtures f = world()
        .assignment("A1", "E1", "C1", "9300.01", "10001.00", null, "2025-09-16", null)
        .assignment("A2", "E2", "C1", "9300.01", "10001.00", null, "2025-09-16", null)
        .line("L1", "B1", "2025-09", ISSUED, "E1", new SettlementFixtures.Amounts(
            "4650.01", "1600.16", "1000.10", "50.01", "20.00", "700.07", "100.00", "8120.35"))
        .line("L2", "B1", "2025-09", ISSUED, "E2", new SettlementFixtures.Amounts(
            "4650.00", "1600.16", "1000.10", "50.00", "20.00", "700.07", "100.00", "8120.33"));
    assertEquals(List.of(
        "E2|CALC|total|L2|8120.33|8120.35",
        "E2|CALC|unemployment|L2|50.00|50.01",
        "E2|CALC|wage|L2|4650.00|4650.01"), errors(f, "2025-09"));
  }

  @Test
  void baseBelowTheFloorIsRaisedToTheFloor() {
    SettlementFixtures f = world().assignment("A1", "E1", "C1", "9300.00", "3000.00", null, "2024-01-01", null);
    Map<String, String> expected = expectedOfZeroBill(f, "2025-03");
    assertEquals("800.00", expected.get("pension"), "5000 x 0.16");
    assertEquals("25.00", expected.get("unemployment"), "5000 x 0.005");
  }

  @Test
  void baseAboveTheCeilingIsCappedAtTheCeiling() {
    SettlementFixtures f = world().assignment("A1", "E1", "C1", "9300.00", "40000.00", null, "2024-01-01", null);
    Map<String, String> expected = expectedOfZeroBill(f, "2025-03");
    assertEquals("4800.00", expected.get("pension"), "30000 x 0.16");
    assertEquals("2100.00", expected.get("housing_fund"), "30000 x 0.07");
  }

  @Test
  void rateEffectiveFromTheFirstOfTheNextMonthDoesNotApplyToThisMonth() {
    SettlementFixtures g = new SettlementFixtures(spark()).client("C1", "BJ", "100.00", 15)
        .rate("BJ", "PENSION", "0.16", "5000", "30000", "2020-01-01", "2025-09-30")
        .rate("BJ", "PENSION", "0.20", "5000", "30000", "2025-10-01", null)
        .rate("BJ", "MEDICAL", "0.10", "5000", "30000", "2020-01-01", null)
        .rate("BJ", "UNEMPLOYMENT", "0.005", "5000", "30000", "2020-01-01", null)
        .rate("BJ", "WORK_INJURY", "0.002", "5000", "30000", "2020-01-01", null)
        .rate("BJ", "HOUSING_FUND", "0.07", "5000", "30000", "2020-01-01", null)
        .assignment("A1", "E1", "2024-01-01", null);
    assertEquals("1600.00", expectedOfZeroBill(g, "2025-09").get("pension"));
    SettlementFixtures h = new SettlementFixtures(spark()).client("C1", "BJ", "100.00", 15)
        .rate("BJ", "PENSION", "0.16", "5000", "30000", "2020-01-01", "2025-09-30")
        .rate("BJ", "PENSION", "0.20", "5000", "30000", "2025-10-01", null)
        .rate("BJ", "MEDICAL", "0.10", "5000", "30000", "2020-01-01", null)
        .rate("BJ", "UNEMPLOYMENT", "0.005", "5000", "30000", "2020-01-01", null)
        .rate("BJ", "WORK_INJURY", "0.002", "5000", "30000", "2020-01-01", null)
        .rate("BJ", "HOUSING_FUND", "0.07", "5000", "30000", "2020-01-01", null)
        .assignment("A1", "E1", "2024-01-01", null);
    assertEquals("2000.00", expectedOfZeroBill(h, "2025-10").get("pension"));
  }

  @Test
  void overlappingRateRowsLetTheLatestEffectiveFromWin() {
    SettlementFixtures f = world()
        .rate("SH", "PENSION", "0.14", "5000", "30000", "2025-06-01", null) // overlaps the open 2020 row
        .assignment("A1", "E1", "2024-01-01", null);
    assertEquals("1400.00", expectedOfZeroBill(f, "2025-07").get("pension"));
  }

  @Test
  void wageBaseAndCityComeFromTheAssignmentThatStartsLast() {
    SettlementFixtures f = world().client("C9", "BJ", "100.00", 15)
        .rate("BJ", "PENSION", "0.20", "5000", "30000", "2020-01-01", null)
        .rate("BJ", "MEDICAL", "0.10", "5000", "30000", "2020-01-01", null)
        .rate("BJ", "UNEMPLOYMENT", "0.005", "5000", "30000", "2020-01-01", null)
        .rate("BJ", "WORK_INJURY", "0.002", "5000", "30000", "2020-01-01", null)
        .rate("BJ", "HOUSING_FUND", "0.07", "5000", "30000", "2020-01-01", null)
        .assignment("A1", "E1", "C1", "3100.00", "20000.00", null, "2024-01-01", "2025-01-15")
        .assignment("A2", "E1", "C1", "6200.00", "10000.00", "BJ", "2025-01-16", null);
    Map<String, String> expected = expectedOfZeroBill(f, "2025-01");
    assertEquals("6200.00", expected.get("wage"), "A2's 6200 over all 31 active days");
    assertEquals("2000.00", expected.get("pension"), "A2's base 10000 at A2's city BJ rate 0.20");
  }

  @Test
  void wrongTotalIsOneCalcRowOnTheTotal() {
    SettlementFixtures f = world().assignment("A1", "E1", "2024-01-01", null)
        .line("L1", "B1", "2025-11", ISSUED, "E1", FULL_MONTH.withTotal("12770.01"));
    assertEquals(List.of("E1|CALC|total|L1|12770.01|12770.00"), errors(f, "2025-11"));
  }

  @Test
  void totalThatIsNotTheSumOfTheBilledComponentsMakesACalcErrorLine() {
    // The pension is 0.01 too high; the total equals the expected total, so it is not the sum.
    SettlementFixtures f = world().assignment("A1", "E1", "2024-01-01", null)
        .line("L1", "B1", "2025-11", ISSUED, "E1", FULL_MONTH.withPension("1600.01"));
    assertEquals(List.of("E1|CALC|pension|L1|1600.01|1600.00"), errors(f, "2025-11"));
    Row q = SettlementQuality.compute(f.inputs(), context("2025-11", AS_OF)).first();
    assertEquals(1L, q.<Long>getAs("calc_error_lines"));
  }

  @Test
  void headcountErrorsAreOneRowPerEmployeeWithTotals() {
    SettlementFixtures f = world()
        .assignment("A1", "E1", "2024-01-01", null)
        .assignment("A2", "E2", "2024-01-01", null)
        .assignment("A3", "E3", "2024-01-01", null)
        .line("L1", "B1", "2025-11", ISSUED, "E1", FULL_MONTH)
        .line("L2b", "B1", "2025-11", ISSUED, "E2", FULL_MONTH)
        .line("L2a", "B1", "2025-11", ISSUED, "E2", FULL_MONTH)
        .line("L9b", "B1", "2025-11", ISSUED, "E9", FULL_MONTH.withTotal("1.00"))
        .line("L9a", "B1", "2025-11", ISSUED, "E9", FULL_MONTH.withTotal("2.00"));
    assertEquals(List.of(
        "E2|DUPLICATE|null|L2a|25540.00|12770.00",
        "E3|MISSING|null|null|null|12770.00",
        "E9|EXTRA|null|L9a|3.00|null"), errors(f, "2025-11"));
  }

  @Test
  void missingSettlementHasNoErrorRows() {
    SettlementFixtures f = world().assignment("A1", "E1", "2024-01-01", null)
        .line("L1", "B1", "2025-11", "2026-01-03 10:00:00", "E1", ZERO);
    assertEquals(List.of(), errors(f, "2025-11"));
  }

  @Test
  void anExpectedHeadInACityWithoutARateRowFailsTheRunClearly() {
    SettlementFixtures f = world().assignment("A1", "E1", "C1", "9300.00", "10000.00", "GZ", "2024-01-01", null)
        .line("L1", "B1", "2025-11", ISSUED, "E1", FULL_MONTH);
    Exception e = assertThrows(Exception.class, () -> errors(f, "2025-11"));
    String message = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : e.getCause().getMessage());
    org.junit.jupiter.api.Assertions.assertTrue(message.contains("No insurance_rates row for city 'GZ'"), message);
  }
}
