package com.dispatch.quality.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated surveys/ and {@code _ground_truth/satisfaction.csv} (SPEC §2, §4.7): the truth agrees
 * with a re-reading of the survey files, and the designed cases are there.
 */
class SurveyWriterTest {
  @TempDir static Path tmp;
  static Path sample;

  @BeforeAll
  static void generateSample() {
    sample = tmp.resolve("sample");
    LandingGenerator.generate(new LandingGenerator.Config(6, 320, 6, YearMonth.of(2025, 7), 20250701L, sample), null);
  }

  private static Map<String, LandingCsv.Rec> truth(String file, String... keys) throws Exception {
    Map<String, LandingCsv.Rec> out = new TreeMap<>();
    for (LandingCsv.Rec r : LandingCsv.read(sample.resolve("_ground_truth/" + file)).records) {
      StringBuilder k = new StringBuilder();
      for (String c : keys) k.append(r.get(c)).append('|');
      out.put(k.toString(), r);
    }
    return out;
  }

  /** Every accepted survey row, the latest updated_at per survey_id (SPEC §2). */
  private static Map<String, LandingCsv.Rec> latestSurveys() throws Exception {
    Set<String> quarantined = new HashSet<>();
    for (LandingCsv.Rec q : LandingCsv.read(sample.resolve("_ground_truth/quarantine.csv")).records) {
      quarantined.add(q.get("file") + "#" + q.get("line"));
    }
    Map<String, LandingCsv.Rec> latest = new HashMap<>();
    for (Path f : LandingCsv.files(sample.resolve("surveys"))) {
      for (LandingCsv.Rec r : LandingCsv.read(f).records) {
        if (quarantined.contains(sample.relativize(f) + "#" + r.line())) continue;
        latest.merge(r.get("survey_id"), r, (a, b) ->
            LandingCsv.instant(b.get("updated_at")).isAfter(LandingCsv.instant(a.get("updated_at"))) ? b : a);
      }
    }
    return latest;
  }

  @Test
  void satisfactionTruthCountsEqualARecountOfTheSurveyFiles() throws Exception {
    Map<String, long[]> recount = new TreeMap<>();
    for (LandingCsv.Rec r : latestSurveys().values()) {
      LocalDateTime at = LandingCsv.instant(r.get("answered_at"));
      String key = r.get("client_id") + "|" + YearMonth.from(at) + "|" + r.get("respondent_type").strip().toUpperCase() + "|";
      int score = Integer.parseInt(r.get("score"));
      long[] n = recount.computeIfAbsent(key, k -> new long[4]);
      n[0]++;
      n[1] += score;
      if (score >= 4) n[2]++;
      if (score <= 2) n[3]++;
    }
    Map<String, LandingCsv.Rec> truth = truth("satisfaction.csv", "client_id", "month", "respondent_type");
    truth.keySet().removeIf(k -> k.startsWith("*|"));
    assertEquals(recount.keySet(), truth.keySet());
    recount.forEach((k, n) -> {
      LandingCsv.Rec t = truth.get(k);
      assertEquals(n[0], Long.parseLong(t.get("responses")), k);
      assertEquals(n[1] / (double) n[0], Double.parseDouble(t.get("mean_score")), 1e-6, k);
      assertEquals(n[2], Long.parseLong(t.get("satisfied")), k);
      assertEquals(n[3], Long.parseLong(t.get("dissatisfied")), k);
    });
  }

  @Test
  void respondentsExpectedAreTheSettlementTruthsExpectedHeadcount() throws Exception {
    Map<String, LandingCsv.Rec> settlement = truth("settlement_quality.csv", "client_id", "month");
    int checked = 0;
    for (LandingCsv.Rec t : truth("satisfaction.csv", "client_id", "month", "respondent_type").values()) {
      if (!"EMPLOYEE".equals(t.get("respondent_type")) || "*".equals(t.get("client_id"))) continue;
      LandingCsv.Rec s = settlement.get(t.get("client_id") + "|" + t.get("month") + "|");
      assertEquals(s.get("expected_headcount"), t.get("respondents_expected"), t.get("client_id") + " " + t.get("month"));
      checked++;
    }
    assertTrue(checked > 20, "checked " + checked);
  }

  @Test
  void theLastClientHasNoSurveysAndEveryOtherOneHas() throws Exception {
    Set<String> clients = new HashSet<>();
    for (LandingCsv.Rec r : latestSurveys().values()) clients.add(r.get("client_id"));
    assertFalse(clients.contains("C0006"));
    assertEquals(Set.of("C0001", "C0002", "C0003", "C0004", "C0005"), clients);
  }

  @Test
  void anEmployeeAnswersTwiceInOneMonth() throws Exception {
    Map<String, Integer> answers = new HashMap<>();
    for (LandingCsv.Rec r : latestSurveys().values()) {
      if (r.get("employee_id") == null) continue;
      answers.merge(r.get("employee_id") + "|" + YearMonth.from(LandingCsv.instant(r.get("answered_at"))), 1, Integer::sum);
    }
    assertEquals(2, answers.get("E00000001|2025-07"), "the first employee of C0001 answers twice in July");
    LandingCsv.Rec july = truth("satisfaction.csv", "client_id", "month", "respondent_type").get("C0001|2025-07|EMPLOYEE|");
    assertTrue(Double.parseDouble(july.get("response_rate")) * Long.parseLong(july.get("respondents_expected"))
        < Long.parseLong(july.get("responses")), "two answers, one reached head");
  }

  @Test
  void clientZeroHasALowThirdMonth() throws Exception {
    Map<String, LandingCsv.Rec> truth = truth("satisfaction.csv", "client_id", "month", "respondent_type");
    for (String type : new String[] {"CLIENT", "EMPLOYEE"}) {
      double mean = Double.parseDouble(truth.get("C0001|2025-09|" + type + "|").get("mean_score"));
      assertTrue(mean < 3.0, type + " mean " + mean);
    }
  }
}
