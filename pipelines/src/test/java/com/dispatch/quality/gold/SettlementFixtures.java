package com.dispatch.quality.gold;

import com.dispatch.quality.calendar.WorkCalendar;
import com.dispatch.quality.config.QualityTargets;
import com.dispatch.quality.config.SlaPolicies;
import com.dispatch.quality.schema.Silver;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Silver rows for the settlement tests, holding only the columns that matter (the rest null).
 *
 * <p>The standard world: client C1 in city SH with a service fee of 100.00 and wage_pay_day 15;
 * SH rates (from 2020-01-01, open) pension 0.16, medical 0.10, unemployment 0.005, work injury
 * 0.002, housing fund 0.07, base floor 5000 and ceiling 30000. An employee with wage 9300 and
 * base 10000 active the whole month is billed {@link #FULL_MONTH}.
 */
final class SettlementFixtures {
  static final String CLIENT = "C1";
  static final String CITY = "SH";

  /** wage, pension, medical, unemployment, work_injury, housing_fund, service_fee, total. */
  record Amounts(String wage, String pension, String medical, String unemployment, String workInjury,
      String housingFund, String serviceFee, String total) {
    Amounts withWage(String w) { return new Amounts(w, pension, medical, unemployment, workInjury, housingFund, serviceFee, total); }
    Amounts withPension(String p) { return new Amounts(wage, p, medical, unemployment, workInjury, housingFund, serviceFee, total); }
    Amounts withTotal(String t) { return new Amounts(wage, pension, medical, unemployment, workInjury, housingFund, serviceFee, t); }
  }

  /** Correct bill of the standard employee (wage 9300, base 10000, SH) for a full month. */
  static final Amounts FULL_MONTH = new Amounts("9300.00", "1600.00", "1000.00", "50.00", "20.00", "700.00",
      "100.00", "12770.00");
  static final Amounts ZERO = new Amounts("0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00", "0.00");

  private final SparkSession spark;
  private final List<Row> clients = new ArrayList<>();
  private final List<Row> roster = new ArrayList<>();
  private final List<Row> settlement = new ArrayList<>();
  private final List<Row> rates = new ArrayList<>();

  SettlementFixtures(SparkSession spark) { this.spark = spark; }

  /** The standard client and SH rates. */
  static SettlementFixtures standard(SparkSession spark) {
    SettlementFixtures f = new SettlementFixtures(spark);
    f.client(CLIENT, CITY, "100.00", 15);
    f.rate(CITY, "PENSION", "0.16", "5000", "30000", "2020-01-01", null);
    f.rate(CITY, "MEDICAL", "0.10", "5000", "30000", "2020-01-01", null);
    f.rate(CITY, "UNEMPLOYMENT", "0.005", "5000", "30000", "2020-01-01", null);
    f.rate(CITY, "WORK_INJURY", "0.002", "5000", "30000", "2020-01-01", null);
    f.rate(CITY, "HOUSING_FUND", "0.07", "5000", "30000", "2020-01-01", null);
    return f;
  }

  SettlementFixtures client(String clientId, String city, String feePerHead, int wagePayDay) {
    clients.add(row(Silver.CLIENTS, Map.of("client_id", clientId, "client_name", clientId + "公司", "city", city,
        "service_fee_per_head", money(feePerHead), "wage_pay_day", wagePayDay,
        "agreement_start", Date.valueOf("2020-01-01"))));
    return this;
  }

  SettlementFixtures rate(String city, String item, String employerRate, String floor, String ceiling,
      String from, String to) {
    Map<String, Object> v = new HashMap<>(Map.of("city", city, "item", item,
        "employer_rate", new BigDecimal(employerRate).setScale(8), "base_floor", money(floor),
        "base_ceiling", money(ceiling), "effective_from", Date.valueOf(from)));
    if (to != null) v.put("effective_to", Date.valueOf(to));
    rates.add(row(Silver.INSURANCE_RATES, v));
    return this;
  }

  /** An assignment of the standard employee's terms (wage 9300, base 10000, client's city) at C1. */
  SettlementFixtures assignment(String assignmentId, String employeeId, String start, String end) {
    return assignment(assignmentId, employeeId, CLIENT, "9300.00", "10000.00", null, start, end);
  }

  SettlementFixtures assignment(String assignmentId, String employeeId, String clientId, String wage, String base,
      String city, String start, String end) {
    Map<String, Object> v = new HashMap<>(Map.of("assignment_id", assignmentId, "employee_id", employeeId,
        "client_id", clientId, "employee_name", "张三", "monthly_wage", money(wage), "insurance_base", money(base),
        "start_date", Date.valueOf(start)));
    if (city != null) v.put("city", city);
    if (end != null) v.put("end_date", Date.valueOf(end));
    roster.add(row(Silver.ROSTER, v));
    return this;
  }

  /** A line of client C1 for {@code month} in batch {@code batchId}, issued at local time {@code issuedAt}. */
  SettlementFixtures line(String lineId, String batchId, String month, String issuedAt, String employeeId,
      Amounts a) {
    return line(lineId, batchId, CLIENT, month, issuedAt, employeeId, a, null);
  }

  SettlementFixtures line(String lineId, String batchId, String clientId, String month, String issuedAt,
      String employeeId, Amounts a, String wagePaidDate) {
    Map<String, Object> v = new HashMap<>();
    v.put("line_id", lineId);
    v.put("batch_id", batchId);
    v.put("client_id", clientId);
    v.put("service_month", month);
    v.put("issued_at", local(issuedAt));
    v.put("employee_id", employeeId);
    v.put("wage", money(a.wage()));
    v.put("pension", money(a.pension()));
    v.put("medical", money(a.medical()));
    v.put("unemployment", money(a.unemployment()));
    v.put("work_injury", money(a.workInjury()));
    v.put("housing_fund", money(a.housingFund()));
    v.put("service_fee", money(a.serviceFee()));
    v.put("total", money(a.total()));
    if (wagePaidDate != null) v.put("wage_paid_date", Date.valueOf(wagePaidDate));
    v.put("updated_at", local(issuedAt));
    settlement.add(row(Silver.SETTLEMENT, v));
    return this;
  }

  SilverInputs inputs() {
    return new SilverInputs(df(clients, Silver.CLIENTS), df(roster, Silver.ROSTER), df(settlement, Silver.SETTLEMENT),
        df(List.of(), Silver.CASES), df(List.of(), Silver.CASE_EVENTS), df(List.of(), Silver.ACTIVITIES),
        df(List.of(), Silver.SERVICE_COMMITMENTS), df(rates, Silver.INSURANCE_RATES));
  }

  /** Month M evaluated as of a local Asia/Shanghai time, on the bundled calendar. */
  static MetricContext context(String month, String asOfLocal) {
    return new MetricContext(YearMonth.parse(month), local(asOfLocal).toInstant(), WorkCalendar.bundled(),
        SlaPolicies.defaults(), QualityTargets.none());
  }

  static Timestamp local(String localDateTime) {
    Instant i = LocalDateTime.parse(localDateTime.replace(' ', 'T')).atZone(MetricContext.ZONE).toInstant();
    return Timestamp.from(i);
  }

  static BigDecimal money(String s) { return s == null ? null : new BigDecimal(s).setScale(2); }

  private Dataset<Row> df(List<Row> rows, StructType schema) { return spark.createDataFrame(rows, schema); }

  private static Row row(StructType schema, Map<String, Object> values) {
    for (String k : values.keySet()) schema.fieldIndex(k); // fails fast on a misspelt column
    Object[] cells = new Object[schema.fields().length];
    int i = 0;
    for (StructField f : schema.fields()) cells[i++] = values.get(f.name());
    return RowFactory.create(cells);
  }
}
