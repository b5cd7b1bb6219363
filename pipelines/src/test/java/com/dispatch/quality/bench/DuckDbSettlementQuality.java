package com.dispatch.quality.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark peer (issue 6): what a user might pick instead of the pipeline on one machine.
 * DuckDB computes the settlement_quality counts of SPEC §4.1 for one month straight from the
 * landing CSVs (no lake, no quarantine, no lineage), so the harness can compare its time with
 * the pipeline's end-to-end month and its counts with gold.
 *
 * <p>Money is compared in integer cents: DuckDB divides decimals into doubles, so the
 * pro-rated wage is {@code (cents * days * 2 + dim) / (2 * dim)} in integers (HALF_UP for
 * non-negative amounts) and insurance is {@code floor(base_cents * rate + 0.5)} on exact
 * decimals. Rows whose required fields do not cast are skipped (the pipeline quarantines them).
 *
 * <p>Usage: {@code DuckDbSettlementQuality <landing> <yyyy-MM> <out.json> [settlement glob]}.
 * Prints one JSON line with the timing and totals, writes the per-client rows to {@code out.json}.
 */
public final class DuckDbSettlementQuality {
  private DuckDbSettlementQuality() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: DuckDbSettlementQuality <landing> <yyyy-MM> <out.json> [settlement-glob]");
      System.exit(2);
    }
    Path landing = Path.of(args[0]).toAbsolutePath();
    String month = args[1];
    Path out = Path.of(args[2]);
    String settlementGlob = args.length > 3 ? args[3] : landing.resolve("settlement").toString() + "/**/*.csv";
    long t0 = System.nanoTime();
    List<String> rows = new ArrayList<>();
    long[] totals = new long[8];
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
      s.execute("SET threads TO " + Runtime.getRuntime().availableProcessors());
      for (String sql : script(landing.toString(), settlementGlob, month)) s.execute(sql);
      try (ResultSet r = s.executeQuery(
          "SELECT client_id, settlement_status, expected_headcount, billed_headcount, missing, extra, duplicate,"
              + " headcount_errors, evaluated_lines, calc_error_lines, correction_batches FROM sq ORDER BY client_id")) {
        while (r.next()) {
          StringBuilder b = new StringBuilder("{\"client_id\":\"").append(r.getString(1))
              .append("\",\"settlement_status\":\"").append(r.getString(2)).append('"');
          String[] names = {"expected_headcount", "billed_headcount", "missing", "extra", "duplicate",
              "headcount_errors", "evaluated_lines", "calc_error_lines", "correction_batches"};
          for (int i = 0; i < names.length; i++) {
            Object v = r.getObject(3 + i);
            b.append(",\"").append(names[i]).append("\":").append(v == null ? "null" : v.toString());
            if (v != null && i < totals.length) totals[i] += ((Number) v).longValue();
          }
          rows.add(b.append('}').toString());
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    Files.writeString(out, "[\n" + String.join(",\n", rows) + "\n]\n");
    System.out.println(String.format(Locale.ROOT,
        "{\"peer\":\"duckdb\",\"month\":\"%s\",\"seconds\":%.3f,\"clients\":%d,\"expected_headcount\":%d,"
            + "\"billed_headcount\":%d,\"missing\":%d,\"extra\":%d,\"duplicate\":%d,\"headcount_errors\":%d,"
            + "\"evaluated_lines\":%d,\"calc_error_lines\":%d}",
        month, seconds, rows.size(), totals[0], totals[1], totals[2], totals[3], totals[4], totals[5], totals[6],
        totals[7]));
  }

  /** The SQL, one statement per element; table {@code sq} holds one row per client. */
  static List<String> script(String landing, String settlementGlob, String month) {
    String csv = "all_varchar=true, header=true, union_by_name=true, filename=true, ignore_errors=true";
    String first = month + "-01";
    return List.of(
        // Every timestamp spelling of SPEC §3 as an instant: local ones are +08:00.
        "CREATE MACRO ts(s) AS CASE WHEN s IS NULL OR trim(s) = '' THEN NULL"
            + " WHEN regexp_matches(trim(s), '(Z|[+-]\\d\\d:?\\d\\d)$')"
            + " THEN try_cast(regexp_replace(trim(s), '([+-]\\d\\d)(\\d\\d)$', '\\1:\\2') AS TIMESTAMPTZ)"
            + " ELSE try_cast(trim(s) || '+08:00' AS TIMESTAMPTZ) END",
        "CREATE MACRO cents(s) AS CAST(round(try_cast(trim(s) AS DECIMAL(18,2)) * 100) AS BIGINT)",
        "CREATE TABLE m AS SELECT DATE '" + first + "' AS first_day,"
            + " CAST(last_day(DATE '" + first + "') AS DATE) AS last_day,"
            + " day(last_day(DATE '" + first + "')) AS dim",
        "CREATE TABLE clients AS SELECT trim(client_id) AS client_id, trim(city) AS city,"
            + " cents(service_fee_per_head) AS fee FROM read_csv('" + landing + "/reference/clients*.csv', " + csv + ")"
            + " WHERE client_id IS NOT NULL QUALIFY row_number() OVER (PARTITION BY trim(client_id) ORDER BY filename DESC) = 1",
        "CREATE TABLE rates AS SELECT trim(city) AS city, upper(trim(item)) AS item,"
            + " try_cast(employer_rate AS DECIMAL(12,8)) AS rate, cents(base_floor) AS floor_c, cents(base_ceiling) AS ceil_c,"
            + " try_cast(effective_from AS DATE) AS eff_from, try_cast(effective_to AS DATE) AS eff_to"
            + " FROM read_csv('" + landing + "/reference/insurance_rates*.csv', " + csv + ")",
        // Rate row effective on the month's first day; the latest effective_from wins.
        "CREATE TABLE rate_m AS SELECT r.* FROM rates r, m WHERE r.eff_from <= m.first_day"
            + " AND (r.eff_to IS NULL OR r.eff_to >= m.first_day)"
            + " QUALIFY row_number() OVER (PARTITION BY city, item ORDER BY eff_from DESC) = 1",
        "CREATE TABLE roster AS SELECT trim(assignment_id) AS assignment_id, trim(employee_id) AS employee_id,"
            + " trim(client_id) AS client_id, nullif(trim(city), '') AS city, cents(monthly_wage) AS wage_c,"
            + " cents(insurance_base) AS base_c, try_cast(start_date AS DATE) AS start_date,"
            + " try_cast(end_date AS DATE) AS end_date, ts(updated_at) AS updated_at, filename"
            + " FROM read_csv('" + landing + "/roster/**/*.csv', " + csv + ")"
            // The pipeline quarantines rows failing a required, type or range check (SPEC §3): skip them.
            + " WHERE nullif(trim(assignment_id), '') IS NOT NULL AND nullif(trim(employee_id), '') IS NOT NULL"
            + " AND nullif(trim(employee_name), '') IS NOT NULL AND ts(updated_at) IS NOT NULL"
            + " AND try_cast(start_date AS DATE) IS NOT NULL AND cents(monthly_wage) >= 0 AND cents(insurance_base) >= 0"
            + " AND (nullif(trim(end_date), '') IS NULL OR try_cast(end_date AS DATE) >= try_cast(start_date AS DATE))"
            + " QUALIFY row_number() OVER (PARTITION BY trim(assignment_id) ORDER BY ts(updated_at) DESC NULLS LAST, filename DESC) = 1",
        // Expected heads: union of active days at the client in M; wage, base and city from the latest start.
        "CREATE TABLE active AS SELECT r.*, greatest(r.start_date, m.first_day) AS a_from,"
            + " least(coalesce(r.end_date, m.last_day), m.last_day) AS a_to FROM roster r, m"
            + " WHERE r.start_date <= m.last_day AND (r.end_date IS NULL OR r.end_date >= m.first_day)"
            + " AND r.client_id IN (SELECT client_id FROM clients)",
        "CREATE TABLE days AS SELECT CAST(d AS DATE) AS d FROM m, generate_series(m.first_day, m.last_day, INTERVAL 1 DAY) g(d)",
        "CREATE TABLE expected AS WITH d AS (SELECT a.client_id, a.employee_id, count(DISTINCT days.d) AS active_days"
            + " FROM active a JOIN days ON days.d BETWEEN a.a_from AND a.a_to GROUP BY ALL),"
            + " latest AS (SELECT * FROM active QUALIFY row_number() OVER"
            + " (PARTITION BY client_id, employee_id ORDER BY start_date DESC, assignment_id DESC) = 1)"
            + " SELECT l.client_id, l.employee_id, d.active_days, l.wage_c, l.base_c, coalesce(l.city, c.city) AS city, c.fee"
            + " FROM latest l JOIN d USING (client_id, employee_id) JOIN clients c ON c.client_id = l.client_id",
        "CREATE TABLE exp_amounts AS SELECT e.client_id, e.employee_id,"
            + " (e.wage_c * e.active_days * 2 + m.dim) // (2 * m.dim) AS wage,"
            + " " + item("PENSION") + " AS pension, " + item("MEDICAL") + " AS medical,"
            + " " + item("UNEMPLOYMENT") + " AS unemployment, " + item("WORK_INJURY") + " AS work_injury,"
            + " " + item("HOUSING_FUND") + " AS housing_fund, e.fee AS service_fee FROM expected e, m",
        "CREATE TABLE lines AS SELECT trim(line_id) AS line_id, trim(batch_id) AS batch_id, trim(client_id) AS client_id,"
            + " trim(service_month) AS service_month, ts(issued_at) AS issued_at, trim(employee_id) AS employee_id,"
            + " cents(wage) AS wage, cents(pension) AS pension, cents(medical) AS medical, cents(unemployment) AS unemployment,"
            + " cents(work_injury) AS work_injury, cents(housing_fund) AS housing_fund, cents(service_fee) AS service_fee,"
            + " cents(total) AS total FROM read_csv('" + settlementGlob + "', " + csv + ")"
            + " WHERE trim(service_month) = '" + month + "' AND nullif(trim(line_id), '') IS NOT NULL"
            + " AND nullif(trim(batch_id), '') IS NOT NULL AND nullif(trim(employee_id), '') IS NOT NULL"
            + " AND ts(issued_at) IS NOT NULL AND ts(updated_at) IS NOT NULL AND cents(total) IS NOT NULL"
            + " AND cents(wage) IS NOT NULL AND cents(pension) IS NOT NULL AND cents(medical) IS NOT NULL"
            + " AND cents(unemployment) IS NOT NULL AND cents(work_injury) IS NOT NULL"
            + " AND cents(housing_fund) IS NOT NULL AND cents(service_fee) IS NOT NULL"
            + " AND (nullif(trim(wage_paid_date), '') IS NULL OR try_cast(wage_paid_date AS DATE) IS NOT NULL)"
            + " AND trim(client_id) IN (SELECT client_id FROM clients)"
            + " QUALIFY row_number() OVER (PARTITION BY trim(line_id) ORDER BY ts(updated_at) DESC NULLS LAST, filename DESC) = 1",
        "CREATE TABLE batches AS SELECT client_id, batch_id, min(issued_at) AS issued_at FROM lines GROUP BY ALL",
        "CREATE TABLE original AS SELECT * FROM batches QUALIFY row_number() OVER"
            + " (PARTITION BY client_id ORDER BY issued_at, batch_id) = 1",
        "CREATE TABLE olines AS SELECT l.* FROM lines l JOIN original o USING (client_id, batch_id)",
        "CREATE TABLE per_emp AS SELECT client_id, employee_id, count(*) AS n FROM olines GROUP BY ALL",
        "CREATE TABLE heads AS SELECT coalesce(e.client_id, p.client_id) AS client_id, e.employee_id IS NOT NULL AS is_expected,"
            + " p.n FROM (SELECT client_id, employee_id FROM expected) e FULL JOIN per_emp p USING (client_id, employee_id)",
        "CREATE TABLE calc AS SELECT l.client_id, (l.wage <> x.wage OR l.pension IS DISTINCT FROM x.pension"
            + " OR l.medical IS DISTINCT FROM x.medical OR l.unemployment IS DISTINCT FROM x.unemployment"
            + " OR l.work_injury IS DISTINCT FROM x.work_injury OR l.housing_fund IS DISTINCT FROM x.housing_fund"
            + " OR l.service_fee IS DISTINCT FROM x.service_fee"
            + " OR l.total IS DISTINCT FROM (x.wage + x.pension + x.medical + x.unemployment + x.work_injury + x.housing_fund + x.service_fee)"
            + " OR l.total IS DISTINCT FROM (l.wage + l.pension + l.medical + l.unemployment + l.work_injury + l.housing_fund + l.service_fee))"
            + " AS is_error FROM olines l JOIN per_emp p USING (client_id, employee_id)"
            + " JOIN exp_amounts x USING (client_id, employee_id) WHERE p.n = 1",
        "CREATE TABLE sq AS WITH h AS (SELECT client_id,"
            + " count(*) FILTER (WHERE is_expected) AS expected_headcount,"
            + " count(*) FILTER (WHERE n IS NOT NULL) AS billed_headcount,"
            + " count(*) FILTER (WHERE is_expected AND n IS NULL) AS missing,"
            + " count(*) FILTER (WHERE NOT is_expected) AS extra,"
            + " count(*) FILTER (WHERE is_expected AND n > 1) AS duplicate FROM heads GROUP BY ALL),"
            + " c AS (SELECT client_id, count(*) AS evaluated_lines, count(*) FILTER (WHERE is_error) AS calc_error_lines"
            + " FROM calc GROUP BY ALL),"
            + " b AS (SELECT client_id, count(*) - 1 AS correction_batches FROM batches GROUP BY ALL)"
            + " SELECT h.client_id, CASE WHEN b.client_id IS NULL THEN 'MISSING' ELSE 'ISSUED' END AS settlement_status,"
            + " h.expected_headcount,"
            + " CASE WHEN b.client_id IS NULL THEN NULL ELSE h.billed_headcount END AS billed_headcount,"
            + " CASE WHEN b.client_id IS NULL THEN NULL ELSE h.missing END AS missing,"
            + " CASE WHEN b.client_id IS NULL THEN NULL ELSE h.extra END AS extra,"
            + " CASE WHEN b.client_id IS NULL THEN NULL ELSE h.duplicate END AS duplicate,"
            + " CASE WHEN b.client_id IS NULL THEN NULL ELSE h.missing + h.extra + h.duplicate END AS headcount_errors,"
            + " CASE WHEN b.client_id IS NULL THEN NULL ELSE coalesce(c.evaluated_lines, 0) END AS evaluated_lines,"
            + " CASE WHEN b.client_id IS NULL THEN NULL ELSE coalesce(c.calc_error_lines, 0) END AS calc_error_lines,"
            + " b.correction_batches"
            + " FROM h LEFT JOIN c USING (client_id) LEFT JOIN b USING (client_id)");
  }

  /** Employer contribution of one item in cents: round(clamp(base, floor, ceiling) x rate), HALF_UP. */
  private static String item(String code) {
    return "(SELECT CAST(floor(CAST(least(greatest(e.base_c, r.floor_c), r.ceil_c) AS DECIMAL(18,0)) * r.rate + 0.5) AS BIGINT)"
        + " FROM rate_m r WHERE r.city = e.city AND r.item = '" + code + "')";
  }
}
