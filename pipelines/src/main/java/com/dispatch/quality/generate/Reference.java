package com.dispatch.quality.generate;

import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.domain.ActivityType;
import com.dispatch.quality.domain.InsuranceItem;
import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.domain.ResponseMetric;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference data of a generated landing zone (SPEC §2): clients, social-insurance rates per
 * city, service commitments, SLA policies and quality targets. Held in memory (it is small) so the
 * generator computes expected amounts and deadlines from exactly what it writes.
 */
final class Reference {
  /** A city with its 2025 employer rates (PENSION, MEDICAL, UNEMPLOYMENT, WORK_INJURY, HOUSING_FUND) and base bounds. */
  record City(String name, String[] rates, int floor, int ceiling) {}

  static final City[] CITIES = {
      new City("上海", new String[] {"0.16", "0.10", "0.005", "0.0026", "0.07"}, 7460, 37302),
      new City("北京", new String[] {"0.16", "0.098", "0.005", "0.004", "0.12"}, 6821, 35283),
      new City("深圳", new String[] {"0.15", "0.05", "0.008", "0.0014", "0.05"}, 4492, 27501),
      new City("广州", new String[] {"0.16", "0.055", "0.0048", "0.002", "0.05"}, 5284, 26421),
      new City("杭州", new String[] {"0.16", "0.095", "0.005", "0.002", "0.12"}, 4812, 24930),
      new City("苏州", new String[] {"0.16", "0.075", "0.005", "0.002", "0.08"}, 4880, 24042),
  };

  record Client(int index, String id, String name, int city, BigDecimal feePerHead, int wagePayDay,
      LocalDate agreementStart, LocalDate agreementEnd) {}

  record RateRow(int city, InsuranceItem item, BigDecimal rate, BigDecimal floor, BigDecimal ceiling,
      LocalDate from, LocalDate to) {}

  record Commitment(int client, ActivityType type, String period, int minCount, LocalDate from, LocalDate to) {
    boolean effectiveOn(LocalDate d) { return !from.isAfter(d) && (to == null || !to.isBefore(d)); }
  }

  private static final int[] PAY_DAYS = {15, 5, 31, 10, 25, 20, 28, 8};
  private static final int[] FEES = {120, 150, 98, 180, 135, 160, 88, 200};

  final List<Client> clients = new ArrayList<>();
  final List<RateRow> rates = new ArrayList<>();
  final List<Commitment> commitments = new ArrayList<>();
  final Map<String, BigDecimal> slaLimits = new LinkedHashMap<>();
  final List<String[]> slaRows = new ArrayList<>();
  final List<String[]> targetRows = new ArrayList<>();
  final SlaPolicies policies;

  Reference(int clientCount, YearMonth start, int months, long seed) {
    for (int c = 0; c < clientCount; c++) {
      Rng r = Rng.of(seed, 10, c);
      int city = c % CITIES.length;
      LocalDate agreementStart = LocalDate.of(2021 + r.nextInt(3), 1 + r.nextInt(12), 1);
      LocalDate agreementEnd = c % 4 == 3 ? LocalDate.of(2027, 6, 30) : null;
      clients.add(new Client(c, clientId(c), Names.company(CITIES[city].name(), c), city,
          new BigDecimal(FEES[(c + r.nextInt(2)) % FEES.length] + ".00"), PAY_DAYS[c % PAY_DAYS.length],
          agreementStart, agreementEnd));
    }
    buildRates(start, months);
    buildCommitments(start, months);
    buildPolicies();
    buildTargets();
    this.policies = SlaPolicies.of(slaLimits);
  }

  static String clientId(int c) { return String.format("C%04d", c + 1); }

  /**
   * Every city has a row set from 2020-01-01 and a new one from the January 1st after the first
   * generated month (bases rise 4%, a few rates change), so a window spanning a year boundary
   * bills two rate sets. Shenzhen's work-injury rate also changes on the 15th of the fourth
   * generated month: that month still bills the old rate (the rate effective on its first day).
   */
  private void buildRates(YearMonth start, int months) {
    LocalDate newYear = LocalDate.of(start.getYear() + 1, 1, 1);
    LocalDate midMonth = months > 3 ? start.plusMonths(3).atDay(15) : null;
    for (int city = 0; city < CITIES.length; city++) {
      for (InsuranceItem item : InsuranceItem.values()) {
        List<LocalDate> bounds = new ArrayList<>(List.of(LocalDate.of(2020, 1, 1), newYear));
        boolean shenzhenInjury = CITIES[city].name().equals("深圳") && item == InsuranceItem.WORK_INJURY;
        if (shenzhenInjury && midMonth != null && midMonth.isBefore(newYear)) bounds.add(1, midMonth);
        BigDecimal rate = new BigDecimal(CITIES[city].rates()[item.ordinal()]);
        BigDecimal floor = BigDecimal.valueOf(CITIES[city].floor()).setScale(2);
        BigDecimal ceiling = BigDecimal.valueOf(CITIES[city].ceiling()).setScale(2);
        for (int b = 0; b < bounds.size(); b++) {
          LocalDate from = bounds.get(b);
          if (from.equals(newYear)) {
            floor = floor.multiply(new BigDecimal("1.04")).setScale(0, java.math.RoundingMode.HALF_UP).setScale(2);
            ceiling = ceiling.multiply(new BigDecimal("1.04")).setScale(0, java.math.RoundingMode.HALF_UP).setScale(2);
            if (item == InsuranceItem.MEDICAL && city == 0) rate = new BigDecimal("0.095");
            if (item == InsuranceItem.UNEMPLOYMENT && city == 4) rate = new BigDecimal("0.004");
          } else if (from.equals(midMonth)) {
            rate = new BigDecimal("0.002");
          }
          LocalDate to = b + 1 < bounds.size() ? bounds.get(b + 1).minusDays(1) : null;
          rates.add(new RateRow(city, item, rate, floor, ceiling, from, to));
        }
      }
    }
  }

  /** The rate row of a city and item effective on {@code day}: latest effective_from wins (SPEC §2). */
  RateRow rate(int city, InsuranceItem item, LocalDate day) {
    RateRow best = null;
    for (RateRow r : rates) {
      if (r.city() != city || r.item() != item) continue;
      if (r.from().isAfter(day) || (r.to() != null && r.to().isBefore(day))) continue;
      if (best == null || r.from().isAfter(best.from())) best = r;
    }
    if (best == null) throw new IllegalStateException("no rate for " + CITIES[city].name() + " " + item + " on " + day);
    return best;
  }

  /**
   * Monthly promises for client and employee communication, a quarterly formal report, and
   * on-site visits monthly (even clients) or quarterly (odd clients). The first client raises
   * its client-communication promise from 2 to 3 from the fourth generated month on.
   */
  private void buildCommitments(YearMonth start, int months) {
    LocalDate from = LocalDate.of(2025, 1, 1).isBefore(start.atDay(1)) ? LocalDate.of(2025, 1, 1) : start.atDay(1);
    for (Client cl : clients) {
      int c = cl.index();
      if (c == 0 && months > 3) {
        LocalDate change = start.plusMonths(3).atDay(1);
        commitments.add(new Commitment(c, ActivityType.COMMUNICATION_CLIENT, "MONTH", 2, from, change.minusDays(1)));
        commitments.add(new Commitment(c, ActivityType.COMMUNICATION_CLIENT, "MONTH", 3, change, null));
      } else {
        commitments.add(new Commitment(c, ActivityType.COMMUNICATION_CLIENT, "MONTH", 2, from, null));
      }
      commitments.add(new Commitment(c, ActivityType.COMMUNICATION_EMPLOYEE, "MONTH", 4, from, null));
      commitments.add(new Commitment(c, ActivityType.FORMAL_REPORT, "QUARTER", 1, from, null));
      if (c % 2 == 0) commitments.add(new Commitment(c, ActivityType.ONSITE_VISIT, "MONTH", 1, from, null));
      else commitments.add(new Commitment(c, ActivityType.ONSITE_VISIT, "QUARTER", 3, from, null));
    }
  }

  private void addLimit(String rule, String client, String limit) {
    slaLimits.put(SlaPolicies.key(rule, client), new BigDecimal(limit));
    slaRows.add(new String[] {rule, client, limit});
  }

  /** Defaults restated for everyone, plus one client (C0002) promising on-site handling within 8 hours. */
  private void buildPolicies() {
    addLimit("INSURANCE_30D", "*", "30");
    addLimit("COMPLAINT_RESPONSE_24H", "*", "24");
    if (clients.size() > 1) addLimit("INJURY_ONSITE_12H", clients.get(1).id(), "8");
  }

  private void buildTargets() {
    Map<String, String[]> star = new LinkedHashMap<>();
    star.put(Kpi.HEADCOUNT_ERROR_RATE, new String[] {"0.005", "AT_MOST"});
    star.put(Kpi.CALC_ERROR_RATE, new String[] {"0.005", "AT_MOST"});
    star.put(Kpi.SLA_COMPLIANCE, new String[] {"0.95", "AT_LEAST"});
    star.put(Kpi.FREQUENCY_COMPLIANCE, new String[] {"1.0", "AT_LEAST"});
    star.put(Kpi.responseP90(ResponseMetric.ROSTER_TO_SETTLEMENT), new String[] {"960", "AT_MOST"});
    star.put(Kpi.responseP90(ResponseMetric.CLAIM_PAYOUT), new String[] {"360", "AT_MOST"});
    star.put(Kpi.responseP90(ResponseMetric.INJURY_DISPATCH), new String[] {"12", "AT_MOST"});
    star.put(Kpi.responseP90(ResponseMetric.DISPUTE_DISPATCH), new String[] {"24", "AT_MOST"});
    star.put(Kpi.responseP90(ResponseMetric.COMPLAINT_RECOVERY), new String[] {"168", "AT_MOST"});
    star.put(Kpi.responseP90(ResponseMetric.RECRUITMENT_CANDIDATES), new String[] {"120", "AT_MOST"});
    star.put(Kpi.responseP90(ResponseMetric.SPOT_CHECK_DATA), new String[] {"48", "AT_MOST"});
    star.put(Kpi.CLIENT_SATISFACTION, new String[] {"0.8", "AT_LEAST"});
    star.put(Kpi.EMPLOYEE_SATISFACTION, new String[] {"0.7", "AT_LEAST"});
    for (String kpi : Kpi.all()) {
      String[] t = star.get(kpi);
      if (t == null) throw new IllegalStateException("no target for KPI " + kpi);
      targetRows.add(new String[] {kpi, "*", t[0], t[1]});
    }
    targetRows.add(new String[] {Kpi.CALC_ERROR_RATE, clients.get(0).id(), "0.002", "AT_MOST"});
  }

  /** Writes reference/*.csv; clients.csv with a BOM, service_commitments.csv with CRLF and mixed-case enums. */
  void write(Path root) {
    String[] clientCols = {"client_id", "client_name", "city", "service_fee_per_head", "wage_pay_day", "agreement_start", "agreement_end"};
    try (CsvFile f = new CsvFile(root, "reference/clients.csv", clientCols, CsvFile.Layout.plain().withBom())) {
      for (Client c : clients) {
        f.write(new String[] {c.id(), c.name(), CITIES[c.city()].name(), c.feePerHead().toPlainString(),
            Integer.toString(c.wagePayDay()), c.agreementStart().toString(),
            c.agreementEnd() == null ? null : c.agreementEnd().toString()});
      }
    }
    String[] commitCols = {"client_id", "activity_type", "period", "min_count", "effective_from", "effective_to"};
    try (CsvFile f = new CsvFile(root, "reference/service_commitments.csv", commitCols, CsvFile.Layout.plain().withCrlf())) {
      int n = 0;
      for (Commitment c : commitments) {
        String period = n++ % 5 == 1 ? " " + c.period().toLowerCase() + " " : c.period();
        f.write(new String[] {clients.get(c.client()).id(), c.type().name(), period, Integer.toString(c.minCount()),
            c.from().toString(), c.to() == null ? null : c.to().toString()});
      }
    }
    String[] rateCols = {"city", "item", "employer_rate", "base_floor", "base_ceiling", "effective_from", "effective_to"};
    try (CsvFile f = new CsvFile(root, "reference/insurance_rates.csv", rateCols, CsvFile.Layout.plain())) {
      for (RateRow r : rates) {
        f.write(new String[] {CITIES[r.city()].name(), r.item().name(), r.rate().toPlainString(),
            r.floor().toPlainString(), r.ceiling().toPlainString(), r.from().toString(),
            r.to() == null ? null : r.to().toString()});
      }
    }
    try (CsvFile f = new CsvFile(root, "reference/sla_policies.csv", new String[] {"rule", "client_id", "limit"}, CsvFile.Layout.plain())) {
      for (String[] row : slaRows) f.write(row);
    }
    try (CsvFile f = new CsvFile(root, "reference/quality_targets.csv", new String[] {"kpi", "client_id", "target", "direction"}, CsvFile.Layout.plain())) {
      for (String[] row : targetRows) f.write(row);
    }
  }
}
