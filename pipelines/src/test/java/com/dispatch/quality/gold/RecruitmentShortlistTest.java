package com.dispatch.quality.gold;

import static com.dispatch.quality.gold.ScoreFixtures.JAN;
import static com.dispatch.quality.gold.ScoreFixtures.LATE;
import static com.dispatch.quality.gold.ScoreFixtures.at;
import static com.dispatch.quality.gold.ScoreFixtures.byKey;
import static com.dispatch.quality.gold.ScoreFixtures.caseRow;
import static com.dispatch.quality.gold.ScoreFixtures.ctx;
import static com.dispatch.quality.gold.ScoreFixtures.recruitment;
import static com.dispatch.quality.gold.ScoreFixtures.silver;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dispatch.quality.testing.SparkTestBase;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/** SPEC §4.5 recruitment shortlist: 2–3 candidates promised per request. */
class RecruitmentShortlistTest extends SparkTestBase {

  private Map<String, Row> shortlist(List<Row> cases, Instant asOf) {
    return byKey(RecruitmentShortlist.compute(silver(spark(), List.of(), List.of(), List.of(), cases), ctx(JAN, asOf)),
        "client_id", "month");
  }

  @Test
  void shortlistsOfOneToFourCandidatesAndANullCount() {
    Row r = shortlist(List.of(
        recruitment("R1", "C1", "2026-01-05 09:00", 1),
        recruitment("R2", "C1", "2026-01-06 09:00", 2),
        recruitment("R3", "C1", "2026-01-07 09:00", 3),
        recruitment("R4", "C1", "2026-01-08 09:00", 4),
        recruitment("R5", "C1", "2026-01-09 09:00", null)), LATE).get("C1|2026-01");
    assertEquals(5L, (long) r.getAs("recruitment_cases"));
    assertEquals(2L, (long) r.getAs("outside_range"), "1 and 4; the null count is not outside");
    assertEquals(1L, (long) r.getAs("too_few"));
    assertEquals(1L, (long) r.getAs("too_many"));
    assertEquals(1L, (long) r.getAs("no_count"));
  }

  @Test
  void onlyRecruitmentCasesReportedInTheMonthByAsOfCount() {
    Map<String, Row> rows = shortlist(List.of(
        recruitment("R1", "C1", "2026-01-05 09:00", 1),
        recruitment("R2", "C1", "2026-01-25 09:00", 1),
        recruitment("R3", "C1", "2025-12-31 23:30", 1),
        recruitment("R4", "C1", "2026-02-01 00:10", 1),
        caseRow("X1", "C1", "COMPLAINT", "2026-01-05 09:00", null),
        caseRow("X2", "C2", "DISPUTE", "2026-01-05 09:00", null)), at("2026-01-20 00:00"));
    assertEquals(1, rows.size(), "C2 has no recruitment case, so no row");
    assertEquals(1L, (long) rows.get("C1|2026-01").getAs("recruitment_cases"),
        "R2 reported after as_of, R3 in December, R4 in February (Shanghai time)");
  }
}
