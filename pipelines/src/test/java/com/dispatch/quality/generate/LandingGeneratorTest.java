package com.dispatch.quality.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.domain.ExpectedSettlement;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator's promises (issue 2 item 6): determinism, the landing format of SPEC §2, and a
 * ground truth that agrees with an independent re-reading of the data it describes (SPEC §3, §4).
 */
class LandingGeneratorTest {
  @TempDir static Path tmp;
  static Path sample;

  @BeforeAll
  static void generateSample() {
    sample = tmp.resolve("sample");
    LandingGenerator.generate(new LandingGenerator.Config(6, 320, 6, YearMonth.of(2025, 7), 20250701L, sample), null);
  }

  private static Map<String, String> digests(Path root) throws Exception {
    Map<String, String> out = new TreeMap<>();
    for (Path p : allFiles(root)) {
      out.put(root.relativize(p).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
    }
    return out;
  }

  private static List<Path> allFiles(Path root) throws IOException {
    try (var s = Files.walk(root)) {
      return s.filter(Files::isRegularFile).sorted().toList();
    }
  }

  private static LandingGenerator.Config small(long seed, Path out) {
    return new LandingGenerator.Config(3, 60, 3, YearMonth.of(2025, 9), seed, out);
  }

  @Test
  void sameSeedWritesByteIdenticalFiles() throws Exception {
    LandingGenerator.generate(small(7, tmp.resolve("a")), null);
    LandingGenerator.generate(small(7, tmp.resolve("b")), null);
    assertEquals(digests(tmp.resolve("a")), digests(tmp.resolve("b")));
  }

  @Test
  void differentSeedWritesDifferentData() throws Exception {
    LandingGenerator.generate(small(7, tmp.resolve("c")), null);
    LandingGenerator.generate(small(8, tmp.resolve("d")), null);
    Map<String, String> c = digests(tmp.resolve("c"));
    Map<String, String> d = digests(tmp.resolve("d"));
    assertNotEquals(c.get("roster/roster_initial.csv"), d.get("roster/roster_initial.csv"));
    assertNotEquals(c.get("settlement/2025-09/settlement_2025-09_part-00000.csv"),
        d.get("settlement/2025-09/settlement_2025-09_part-00000.csv"));
  }

  @Test
  void employeesKnobSetsTheNumberOfDistinctRosterEmployees() throws Exception {
    Path out = tmp.resolve("scale");
    LandingGenerator.generate(new LandingGenerator.Config(7, 1234, 2, YearMonth.of(2025, 7), 1, out), null);
    Set<String> employees = new TreeSet<>();
    for (Path f : LandingCsv.files(out.resolve("roster"))) {
      if (!LandingCsv.isUtf8(f)) continue;
      for (LandingCsv.Rec r : LandingCsv.read(f).records) {
        String id = r.get("employee_id");
        if (id != null && !id.startsWith("E999")) employees.add(id);
      }
    }
    assertEquals(1234, employees.size());
    assertEquals("E00000001", ((TreeSet<String>) employees).first());
    assertEquals("E00001234", ((TreeSet<String>) employees).last());
    assertEquals(7, LandingCsv.read(out.resolve("reference/clients.csv")).records.size());
  }

  @Test
  void everyFileIsUtf8ExceptTheDeliberateGbkRoster() throws Exception {
    List<String> notUtf8 = new ArrayList<>();
    for (Path p : allFiles(sample)) if (!LandingCsv.isUtf8(p)) notUtf8.add(sample.relativize(p).toString());
    assertEquals(List.of("roster/2025-08/roster_2025-08_legacy_gbk.csv"), notUtf8);
  }

  @Test
  void redeliveredActivitiesFileIsByteIdenticalToTheOriginal() throws Exception {
    assertEquals(-1L, Files.mismatch(sample.resolve("activities/2025-07/activities_2025-07.csv"),
        sample.resolve("activities/resend/activities_2025-07_resend.csv")));
  }

  @Test
  void calendarIsACopyOfTheBundledOne() throws Exception {
    try (var in = getClass().getResourceAsStream("/reference/cn_calendar.csv")) {
      assertTrue(java.util.Arrays.equals(in.readAllBytes(), Files.readAllBytes(sample.resolve("reference/cn_calendar.csv"))));
    }
  }

  @Test
  void residentIdsCarryAValidChecksumAndPhonesHaveElevenDigits() throws Exception {
    int seen = 0;
    for (Path f : LandingCsv.files(sample.resolve("roster"))) {
      if (!LandingCsv.isUtf8(f)) continue;
      for (LandingCsv.Rec r : LandingCsv.read(f).records) {
        String id = r.get("id_card_no");
        if (id == null) continue;
        assertTrue(id.matches("\\d{17}[\\dX]"), id);
        assertEquals(id.charAt(17), Names.checkChar(id.substring(0, 17)), id);
        assertTrue(r.get("phone").matches("1[3-9]\\d{9}"), r.get("phone"));
        seen++;
      }
    }
    assertTrue(seen > 300);
  }

  // ------------------------------------------------------------------ quarantine truth (SPEC §3)

  private static Set<String> quarantined() throws IOException {
    Set<String> keys = new HashSet<>();
    for (LandingCsv.Rec q : truth("quarantine.csv").records) keys.add(q.get("file") + "#" + q.get("line"));
    return keys;
  }

  private static LandingCsv truth(String name) throws IOException { return LandingCsv.read(sample.resolve("_ground_truth/" + name)); }

  @Test
  void quarantineTruthCountsEveryInjectedBadRecordByReason() throws Exception {
    Map<String, Integer> byReason = new TreeMap<>();
    for (LandingCsv.Rec q : truth("quarantine.csv").records) byReason.merge(q.get("reason"), 1, Integer::sum);
    Map<String, Integer> injected = new TreeMap<>(Map.of("REQUIRED_MISSING", 5, "MISSING_COLUMN", 3, "TYPE_ERROR", 7,
        "ENUM_ERROR", 4, "RANGE_ERROR", 2, "UNKNOWN_CLIENT", 5, "MILESTONE_BEFORE_BASE", 2, "MALFORMED_ROW", 2,
        "UNREADABLE_FILE", 1));
    assertEquals(injected, byReason);
  }

  private static final Map<String, List<String>> REQUIRED = Map.of(
      "roster", List.of("assignment_id", "employee_id", "client_id", "employee_name", "monthly_wage", "insurance_base", "start_date", "updated_at"),
      "settlement", List.of("line_id", "batch_id", "client_id", "service_month", "issued_at", "employee_id", "wage", "pension",
          "medical", "unemployment", "work_injury", "housing_fund", "service_fee", "total", "updated_at"),
      "cases", List.of("case_id", "client_id", "case_type", "reported_at", "updated_at"),
      "case_events", List.of("case_id", "milestone", "at"),
      "activities", List.of("activity_id", "client_id", "activity_type", "occurred_at"),
      "surveys", List.of("survey_id", "client_id", "respondent_type", "answered_at", "score", "updated_at"));

  /** Each listed record is where the truth says, and every record it does not list passes the same checks. */
  @Test
  void quarantineTruthListsExactlyTheRecordsThatFailSpecChecks() throws Exception {
    Set<String> listed = quarantined();
    Set<String> clients = new HashSet<>();
    for (LandingCsv.Rec c : LandingCsv.read(sample.resolve("reference/clients.csv")).records) clients.add(c.get("client_id"));
    Map<String, LocalDateTime> caseBase = new HashMap<>();
    for (Path f : LandingCsv.files(sample.resolve("cases"))) {
      for (LandingCsv.Rec r : LandingCsv.read(f).records) {
        if (listed.contains(sample.relativize(f) + "#" + r.line())) continue;
        String type = r.get("case_type").strip().toUpperCase();
        caseBase.put(r.get("case_id"), LandingCsv.instant(type.equals("WORK_INJURY") ? r.get("occurred_at") : r.get("reported_at")));
      }
    }
    Set<String> found = new HashSet<>();
    for (String source : REQUIRED.keySet()) {
      for (Path f : LandingCsv.files(sample.resolve(source))) {
        String rel = sample.relativize(f).toString();
        if (!LandingCsv.isUtf8(f)) {
          found.add(rel + "#null");
          continue;
        }
        LandingCsv csv = LandingCsv.read(f);
        for (LandingCsv.Rec r : csv.records) {
          boolean bad = !csv.header.containsAll(REQUIRED.get(source)) || r.fieldCount() != csv.header.size();
          for (String col : REQUIRED.get(source)) bad |= csv.header.contains(col) && r.get(col) == null;
          if (source.equals("cases") && "WORK_INJURY".equals(r.get("case_type")) && r.get("occurred_at") == null) bad = true;
          if (!bad) {
            try {
              for (String col : csv.header) {
                String v = r.get(col);
                if (v == null) continue;
                if (col.endsWith("_at") || col.equals("at")) LandingCsv.instant(v);
                if (col.endsWith("_date")) LocalDate.parse(v);
                if (col.equals("monthly_wage") || col.equals("wage")) new BigDecimal(v);
              }
            } catch (RuntimeException e) {
              bad = true;
            }
          }
          if (!bad && r.get("client_id") != null && !clients.contains(r.get("client_id"))) bad = true;
          if (!bad && source.equals("roster") && r.get("end_date") != null
              && LocalDate.parse(r.get("end_date")).isBefore(LocalDate.parse(r.get("start_date")))) bad = true;
          if (!bad && source.equals("activities")) {
            bad = !Set.of("COMMUNICATION_CLIENT", "COMMUNICATION_EMPLOYEE", "FORMAL_REPORT", "ONSITE_VISIT")
                .contains(r.get("activity_type").strip().toUpperCase());
          }
          if (!bad && source.equals("surveys")) {
            String type = r.get("respondent_type").strip().toUpperCase();
            bad = !Set.of("CLIENT", "EMPLOYEE").contains(type) || type.equals("EMPLOYEE") && r.get("employee_id") == null
                || !Set.of("1", "2", "3", "4", "5").contains(r.get("score"));
          }
          if (!bad && source.equals("cases")) {
            bad = !Set.of("WORK_INJURY", "INSURANCE_CLAIM", "DISPUTE", "COMPLAINT", "RECRUITMENT", "SPOT_CHECK")
                .contains(r.get("case_type").strip().toUpperCase());
          }
          if (!bad && source.equals("case_events")) {
            try {
              com.dispatch.quality.domain.Milestone.valueOf(r.get("milestone").strip().toUpperCase());
              LocalDateTime base = caseBase.get(r.get("case_id"));
              bad = base != null && LandingCsv.instant(r.get("at")).isBefore(base);
            } catch (IllegalArgumentException e) {
              bad = true;
            }
          }
          if (bad) found.add(rel + "#" + r.line());
        }
      }
    }
    assertEquals(new TreeSet<>(listed), new TreeSet<>(found));
  }

  // ------------------------------------------------------------------ settlement truth (SPEC §4.1)

  record Head(int activeDays, LandingCsv.Rec latest) {}

  /**
   * Re-derives SPEC §4.1 from the landing files alone (latest roster rows, rate rows, the original
   * batch after dedup by updated_at) and requires the same errors and counts as the truth.
   */
  @Test
  void settlementTruthMatchesAnIndependentRecomputationOfSpecSection41() throws Exception {
    Set<String> listed = quarantined();
    Map<String, LandingCsv.Rec> clients = new HashMap<>();
    for (LandingCsv.Rec c : LandingCsv.read(sample.resolve("reference/clients.csv")).records) clients.put(c.get("client_id"), c);
    List<LandingCsv.Rec> rates = LandingCsv.read(sample.resolve("reference/insurance_rates.csv")).records;
    Map<String, LandingCsv.Rec> roster = new HashMap<>();
    for (Path f : LandingCsv.files(sample.resolve("roster"))) {
      if (!LandingCsv.isUtf8(f)) continue;
      for (LandingCsv.Rec r : LandingCsv.read(f).records) {
        if (listed.contains(sample.relativize(f) + "#" + r.line())) continue;
        roster.merge(r.get("assignment_id"), r, (a, b) ->
            LandingCsv.instant(b.get("updated_at")).isAfter(LandingCsv.instant(a.get("updated_at"))) ? b : a);
      }
    }
    Map<String, LandingCsv.Rec> lines = new HashMap<>();
    for (Path f : LandingCsv.files(sample.resolve("settlement"))) {
      for (LandingCsv.Rec r : LandingCsv.read(f).records) {
        if (listed.contains(sample.relativize(f) + "#" + r.line())) continue;
        lines.merge(r.get("line_id"), r, (a, b) ->
            LandingCsv.instant(b.get("updated_at")).isAfter(LandingCsv.instant(a.get("updated_at"))) ? b : a);
      }
    }
    Set<String> errors = new TreeSet<>();
    List<String> quality = new ArrayList<>();
    for (int m = 0; m < 6; m++) {
      YearMonth ym = YearMonth.of(2025, 7).plusMonths(m);
      for (String client : new TreeSet<>(clients.keySet())) {
        Map<String, Head> heads = expectedHeads(roster, client, ym);
        Map<String, LandingCsv.Rec> batches = new TreeMap<>();
        for (LandingCsv.Rec l : lines.values()) {
          if (!l.get("client_id").equals(client) || !l.get("service_month").equals(ym.toString())) continue;
          batches.merge(l.get("batch_id"), l, (a, b) ->
              LandingCsv.instant(b.get("issued_at")).isBefore(LandingCsv.instant(a.get("issued_at"))) ? b : a);
        }
        String original = null;
        for (LandingCsv.Rec b : batches.values()) {
          if (original == null || LandingCsv.instant(b.get("issued_at")).isBefore(LandingCsv.instant(batches.get(original).get("issued_at")))) {
            original = b.get("batch_id");
          }
        }
        if (original == null) {
          if (!heads.isEmpty()) quality.add(String.join(",", client, ym.toString(), "MISSING", Integer.toString(heads.size())));
          continue;
        }
        Map<String, List<LandingCsv.Rec>> byEmployee = new TreeMap<>();
        for (LandingCsv.Rec l : lines.values()) {
          if (l.get("batch_id").equals(original)) byEmployee.computeIfAbsent(l.get("employee_id"), k -> new ArrayList<>()).add(l);
        }
        int missing = 0;
        int extra = 0;
        int duplicate = 0;
        int evaluated = 0;
        int calc = 0;
        for (String e : heads.keySet()) {
          if (!byEmployee.containsKey(e)) {
            missing++;
            errors.add(String.join(",", client, ym.toString(), e, "MISSING", ""));
          }
        }
        for (Map.Entry<String, List<LandingCsv.Rec>> be : byEmployee.entrySet()) {
          String e = be.getKey();
          Head head = heads.get(e);
          if (head == null) {
            extra++;
            errors.add(String.join(",", client, ym.toString(), e, "EXTRA", ""));
          } else if (be.getValue().size() > 1) {
            duplicate++;
            errors.add(String.join(",", client, ym.toString(), e, "DUPLICATE", ""));
          } else {
            evaluated++;
            Set<String> wrong = wrongComponents(be.getValue().get(0), head, clients.get(client), rates, ym);
            if (!wrong.isEmpty()) calc++;
            for (String comp : wrong) errors.add(String.join(",", client, ym.toString(), e, "CALC", comp));
          }
        }
        int corrections = batches.size() - 1;
        quality.add(String.join(",", client, ym.toString(), "ISSUED", Integer.toString(heads.size()),
            Integer.toString(byEmployee.size()), Integer.toString(missing), Integer.toString(extra), Integer.toString(duplicate),
            Integer.toString(missing + extra + duplicate), Integer.toString(evaluated), Integer.toString(calc),
            Integer.toString(corrections)));
      }
    }
    Set<String> truthErrors = new TreeSet<>();
    for (LandingCsv.Rec r : truth("settlement_errors.csv").records) {
      truthErrors.add(String.join(",", r.get("client_id"), r.get("month"), r.get("employee_id"), r.get("error"),
          r.get("component") == null ? "" : r.get("component")));
    }
    assertEquals(errors, truthErrors);
    List<String> truthQuality = new ArrayList<>();
    for (LandingCsv.Rec r : truth("settlement_quality.csv").records) {
      if (r.get("settlement_status").equals("MISSING")) {
        truthQuality.add(String.join(",", r.get("client_id"), r.get("month"), "MISSING", r.get("expected_headcount")));
      } else {
        truthQuality.add(String.join(",", r.get("client_id"), r.get("month"), "ISSUED", r.get("expected_headcount"),
            r.get("billed_headcount"), r.get("missing"), r.get("extra"), r.get("duplicate"), r.get("headcount_errors"),
            r.get("evaluated_lines"), r.get("calc_error_lines"), r.get("correction_batches")));
      }
    }
    assertEquals(new TreeSet<>(quality), new TreeSet<>(truthQuality));
    for (String kind : List.of("MISSING", "EXTRA", "DUPLICATE", "CALC")) {
      assertTrue(truthErrors.stream().anyMatch(s -> s.contains("," + kind + ",")), "sample has " + kind);
    }
    assertTrue(truthQuality.stream().anyMatch(s -> s.contains(",MISSING,")), "sample has a MISSING settlement");
  }

  private static Map<String, Head> expectedHeads(Map<String, LandingCsv.Rec> roster, String client, YearMonth ym) {
    Map<String, Set<LocalDate>> days = new TreeMap<>();
    Map<String, LandingCsv.Rec> latest = new HashMap<>();
    for (LandingCsv.Rec a : roster.values()) {
      if (!a.get("client_id").equals(client)) continue;
      LocalDate start = LocalDate.parse(a.get("start_date"));
      LocalDate end = a.get("end_date") == null ? null : LocalDate.parse(a.get("end_date"));
      for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
        if (!d.isBefore(start) && (end == null || !d.isAfter(end))) {
          days.computeIfAbsent(a.get("employee_id"), k -> new HashSet<>()).add(d);
          latest.merge(a.get("employee_id"), a, (x, y) ->
              LocalDate.parse(y.get("start_date")).isAfter(LocalDate.parse(x.get("start_date"))) ? y : x);
        }
      }
    }
    Map<String, Head> heads = new TreeMap<>();
    days.forEach((e, d) -> heads.put(e, new Head(d.size(), latest.get(e))));
    return heads;
  }

  private static Set<String> wrongComponents(LandingCsv.Rec line, Head head, LandingCsv.Rec client,
      List<LandingCsv.Rec> rates, YearMonth ym) {
    String city = head.latest().get("city") == null ? client.get("city") : head.latest().get("city");
    BigDecimal base = new BigDecimal(head.latest().get("insurance_base"));
    Map<String, BigDecimal> expected = new TreeMap<>();
    expected.put("wage", ExpectedSettlement.wage(new BigDecimal(head.latest().get("monthly_wage")), head.activeDays(), ym.lengthOfMonth()));
    LocalDate first = ym.atDay(1);
    for (String item : List.of("PENSION", "MEDICAL", "UNEMPLOYMENT", "WORK_INJURY", "HOUSING_FUND")) {
      LandingCsv.Rec best = null;
      for (LandingCsv.Rec r : rates) {
        if (!r.get("city").equals(city) || !r.get("item").equals(item)) continue;
        if (LocalDate.parse(r.get("effective_from")).isAfter(first)) continue;
        if (r.get("effective_to") != null && LocalDate.parse(r.get("effective_to")).isBefore(first)) continue;
        if (best == null || LocalDate.parse(r.get("effective_from")).isAfter(LocalDate.parse(best.get("effective_from")))) best = r;
      }
      expected.put(item.toLowerCase(), ExpectedSettlement.contribution(base, new BigDecimal(best.get("base_floor")),
          new BigDecimal(best.get("base_ceiling")), new BigDecimal(best.get("employer_rate"))));
    }
    expected.put("service_fee", new BigDecimal(client.get("service_fee_per_head")));
    BigDecimal total = expected.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    Set<String> wrong = new TreeSet<>();
    BigDecimal billedSum = BigDecimal.ZERO;
    BigDecimal cent = new BigDecimal("0.01");
    for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
      BigDecimal billed = new BigDecimal(line.get(e.getKey()));
      billedSum = billedSum.add(billed);
      if (billed.subtract(e.getValue()).abs().compareTo(cent) >= 0) wrong.add(e.getKey());
    }
    BigDecimal billedTotal = new BigDecimal(line.get("total"));
    if (billedTotal.subtract(total).abs().compareTo(cent) >= 0 || billedTotal.compareTo(billedSum) != 0) wrong.add("total");
    return wrong;
  }

  // ------------------------------------------------------------------ SLA truth (SPEC §4.3)

  private static Set<String> breached(String rule) throws IOException {
    Set<String> ids = new HashSet<>();
    for (LandingCsv.Rec r : truth("sla_breaches.csv").records) if (r.get("rule").equals(rule)) ids.add(r.get("subject_id"));
    return ids;
  }

  @Test
  void complaintPlanDeadlinesFollowTheWorkingDayCalendarAroundNationalDay() throws Exception {
    Set<String> late = breached("COMPLAINT_PLAN_2WD");
    assertFalse(late.contains("CASE-C0001-202509-S01"), "reported 09-30, plan 10-10: the 2nd working day after");
    assertTrue(late.contains("CASE-C0001-202510-S02"), "reported on holiday 10-03, plan on make-up Saturday 10-11");
    assertFalse(late.contains("CASE-C0001-202511-S03"), "reported Friday 11-07, plan Tuesday 11-11");
  }

  @Test
  void slaCountsAgreeWithTheBreachList() throws Exception {
    Map<String, Long> breachedByRule = new TreeMap<>();
    for (LandingCsv.Rec r : truth("sla_breaches.csv").records) breachedByRule.merge(r.get("rule"), 1L, Long::sum);
    Map<String, Long> counted = new TreeMap<>();
    for (LandingCsv.Rec r : truth("sla_counts.csv").records) {
      if (r.get("client_id").equals("*")) continue;
      long b = Long.parseLong(r.get("breached"));
      assertEquals(Long.parseLong(r.get("evaluated")), Long.parseLong(r.get("met")) + b);
      if (b > 0) counted.merge(r.get("rule"), b, Long::sum);
    }
    assertEquals(breachedByRule, counted);
    assertTrue(counted.keySet().containsAll(List.of("WAGE_ON_TIME", "CONTRACT_BY_START", "INSURANCE_30D",
        "COMPLAINT_RESPONSE_24H", "COMPLAINT_PLAN_2WD")), counted.toString());
  }

  @Test
  void everyGeneratedInstantIsBeforeTheTruthAsOf() throws Exception {
    LocalDateTime asOf = LocalDateTime.of(2026, 3, 1, 0, 0);
    Set<String> listed = quarantined();
    for (String source : REQUIRED.keySet()) {
      for (Path f : LandingCsv.files(sample.resolve(source))) {
        if (!LandingCsv.isUtf8(f)) continue;
        LandingCsv csv = LandingCsv.read(f);
        for (LandingCsv.Rec r : csv.records) {
          if (listed.contains(sample.relativize(f) + "#" + r.line())) continue;
          for (String col : csv.header) {
            String v = r.get(col);
            if (v == null) continue;
            if (col.endsWith("_at") || col.equals("at")) assertTrue(LandingCsv.instant(v).isBefore(asOf), f + " " + v);
            if (col.endsWith("_date")) assertTrue(LocalDate.parse(v).isBefore(asOf.toLocalDate()), f + " " + v);
          }
        }
      }
    }
  }

  @Test
  void wageDueDateMovesToThePreviousWorkingDayAndClampsToMonthEnd() throws Exception {
    com.dispatch.quality.calendar.WorkCalendar cal = com.dispatch.quality.calendar.WorkCalendar.bundled();
    // September wages, pay day 5: 10-05 is in the National Day week, so Tuesday 09-30.
    assertEquals(LocalDate.of(2025, 9, 30), SettlementBatches.wageDue(cal, YearMonth.of(2025, 9), 5));
    // October wages, pay day 31: clamped to Sunday 11-30, then back to Friday 11-28.
    assertEquals(LocalDate.of(2025, 11, 28), SettlementBatches.wageDue(cal, YearMonth.of(2025, 10), 31));
    // January 2026 wages, pay day 31: clamped to Saturday 02-28, a make-up working day.
    assertEquals(LocalDate.of(2026, 2, 28), SettlementBatches.wageDue(cal, YearMonth.of(2026, 1), 31));
    for (LandingCsv.Rec r : truth("sla_breaches.csv").records) {
      if (r.get("rule").equals("WAGE_ON_TIME") && r.get("client_id").equals("C0002") && r.get("month").equals("2025-09")) {
        assertEquals("2025-09-30T23:59:59.999+08:00", r.get("deadline_at"));
      }
    }
    assertEquals("5", LandingCsv.read(sample.resolve("reference/clients.csv")).records.get(1).get("wage_pay_day"));
  }

  private static Map<String, LandingCsv.Rec> latestRoster() throws IOException {
    Set<String> listed = quarantined();
    Map<String, LandingCsv.Rec> roster = new TreeMap<>();
    for (Path f : LandingCsv.files(sample.resolve("roster"))) {
      if (!LandingCsv.isUtf8(f)) continue;
      for (LandingCsv.Rec r : LandingCsv.read(f).records) {
        if (listed.contains(sample.relativize(f) + "#" + r.line())) continue;
        roster.merge(r.get("assignment_id"), r, (a, b) ->
            LandingCsv.instant(b.get("updated_at")).isAfter(LandingCsv.instant(a.get("updated_at"))) ? b : a);
      }
    }
    return roster;
  }

  @Test
  void contractAndInsuranceBreachesFollowFromTheLatestRosterRows() throws Exception {
    Set<String> contractLate = new TreeSet<>();
    Set<String> insuranceLate = new TreeSet<>();
    for (LandingCsv.Rec a : latestRoster().values()) {
      LocalDate start = LocalDate.parse(a.get("start_date"));
      if (start.isBefore(LocalDate.of(2025, 7, 1))) continue;
      String contract = a.get("contract_signed_date");
      String insurance = a.get("insurance_registered_date");
      if (contract == null || LocalDate.parse(contract).isAfter(start)) contractLate.add(a.get("assignment_id"));
      if (insurance == null || LocalDate.parse(insurance).isAfter(start.plusDays(30))) insuranceLate.add(a.get("assignment_id"));
    }
    assertEquals(contractLate, new TreeSet<>(breached("CONTRACT_BY_START")));
    assertEquals(insuranceLate, new TreeSet<>(breached("INSURANCE_30D")));
  }

  /** Mixed-case milestones, every timestamp spelling and repeated milestones all resolve to the truth's hours. */
  @Test
  void complaintRecoveryHoursFollowFromTheEarliestResolvedMilestone() throws Exception {
    Set<String> listed = quarantined();
    Map<String, LocalDateTime> reported = new TreeMap<>();
    for (Path f : LandingCsv.files(sample.resolve("cases"))) {
      for (LandingCsv.Rec r : LandingCsv.read(f).records) {
        if (listed.contains(sample.relativize(f) + "#" + r.line())) continue;
        if (r.get("case_type").strip().equalsIgnoreCase("COMPLAINT")) reported.put(r.get("case_id"), LandingCsv.instant(r.get("reported_at")));
      }
    }
    Map<String, LocalDateTime> resolved = new HashMap<>();
    for (Path f : LandingCsv.files(sample.resolve("case_events"))) {
      for (LandingCsv.Rec r : LandingCsv.read(f).records) {
        if (listed.contains(sample.relativize(f) + "#" + r.line())) continue;
        if (!r.get("milestone").strip().equalsIgnoreCase("RESOLVED")) continue;
        resolved.merge(r.get("case_id"), LandingCsv.instant(r.get("at")), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    Map<String, String> expected = new TreeMap<>();
    reported.forEach((id, at) -> {
      LocalDateTime end = resolved.get(id);
      expected.put(id, end == null ? "OPEN" : Truth.hours(java.time.Duration.between(at, end)));
    });
    Map<String, String> fromTruth = new TreeMap<>();
    for (LandingCsv.Rec r : truth("response_time_events.csv").records) {
      if (r.get("metric").equals("COMPLAINT_RECOVERY")) fromTruth.put(r.get("subject_id"), r.get("status").equals("OPEN") ? "OPEN" : r.get("hours"));
    }
    assertEquals(expected, fromTruth);
    assertTrue(fromTruth.containsValue("OPEN") || fromTruth.size() > 10);
  }

  /** Activities counted once despite the byte-identical re-delivery, mixed-case types and spellings. */
  @Test
  void monthlyActivityCountsFollowFromTheActivityFiles() throws Exception {
    Set<String> listed = quarantined();
    Map<String, String> keyById = new HashMap<>();
    for (Path f : LandingCsv.files(sample.resolve("activities"))) {
      for (LandingCsv.Rec r : LandingCsv.read(f).records) {
        if (listed.contains(sample.relativize(f) + "#" + r.line())) continue;
        YearMonth month = YearMonth.from(LandingCsv.instant(r.get("occurred_at")));
        keyById.put(r.get("activity_id"), r.get("client_id") + "," + r.get("activity_type").strip().toUpperCase() + "," + month);
      }
    }
    Map<String, Integer> counted = new TreeMap<>();
    keyById.values().forEach(k -> counted.merge(k, 1, Integer::sum));
    Map<String, Integer> fromTruth = new TreeMap<>();
    for (LandingCsv.Rec r : truth("service_frequency.csv").records) {
      int n = Integer.parseInt(r.get("actual_count"));
      if (r.get("period_type").equals("MONTH") && n > 0) {
        fromTruth.put(r.get("client_id") + "," + r.get("activity_type") + "," + r.get("month"), n);
      }
    }
    counted.keySet().removeIf(k -> !fromTruth.containsKey(k) && k.contains("FORMAL_REPORT"));
    counted.keySet().removeIf(k -> !fromTruth.containsKey(k) && k.contains("ONSITE_VISIT"));
    assertEquals(fromTruth, counted);
  }

  /** data-samples/ is this generator's output for the documented command, byte for byte (README.md aside). */
  @Test
  void committedDataSamplesAreTheGeneratorsOutputForTheDocumentedSeed() throws Exception {
    Path committed = Path.of("..", "data-samples");
    assertTrue(Files.isDirectory(committed), "run from the pipelines module of the repository");
    Map<String, String> expected = digests(sample);
    Map<String, String> actual = digests(committed);
    actual.remove("README.md");
    assertEquals(expected, actual, "regenerate data-samples with the command in data-samples/README.md");
  }

  @Test
  void generateCommandWritesEverySourceAndTheGroundTruth() throws Exception {
    Path out = tmp.resolve("cli");
    int rc = com.dispatch.quality.cli.QualityCli.execute("generate", "--clients", "2", "--employees", "40", "--months", "2",
        "--start-month", "2025-11", "--seed", "3", "--out", out.toString());
    assertEquals(0, rc);
    for (String dir : List.of("reference", "roster", "settlement", "cases", "case_events", "activities", "_ground_truth")) {
      assertFalse(LandingCsv.files(out.resolve(dir)).isEmpty(), dir);
    }
    assertTrue(Files.exists(out.resolve("_ground_truth/README.md")));
  }
}
