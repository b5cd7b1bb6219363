package com.dispatch.quality.metrics;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.dispatch.quality.domain.Kpi;
import com.dispatch.quality.gold.MetricContext;
import com.dispatch.quality.gold.MonthlyGold;
import com.dispatch.quality.gold.SilverInputs;
import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.ReferenceLoader;
import com.dispatch.quality.io.RunLog;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.spark.DriverThreads;
import java.io.PrintStream;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.sql.types.StructType;

/**
 * The monthly metrics run (SPEC §4, §6): silver → every gold table for month M as of as_of.
 *
 * <p>Reads the silver tables (settlement pruned to service_month ≥ M−1, activities to the quarter
 * of M−1 onwards: nothing older can reach M or the previous-month scorecard), runs every gold
 * transform, and replaces month M of each gold table (other months untouched), stamping run_id and
 * as_of on every row. The scorecard's previous-month values are computed here with the same
 * transforms and the same as_of, so a month's result never depends on which months ran before.
 * Each run is recorded in the runs table, FAILED runs too.
 */
public final class MetricsJob {
  private MetricsJob() {}

  public static final String COMMAND = "metrics";

  /** What a run wrote: rows per gold table and the headline KPIs per client. */
  public record Result(String runId, YearMonth month, Instant asOf, Map<String, Long> rowsPerTable,
      List<ClientSummary> clients) {
    @Override
    public String toString() {
      StringBuilder s = new StringBuilder();
      s.append(String.format(Locale.ROOT, "metrics %s as of %s (run %s)%n", month, asOf, runId));
      s.append(String.format(Locale.ROOT, "%-10s %12s %12s %12s %12s%n",
          "client", "headcount", "calc", "SLA", "frequency"));
      for (ClientSummary c : clients) {
        s.append(String.format(Locale.ROOT, "%-10s %12s %12s %12s %12s%n", c.clientId(),
            percent(c.headcountErrorRate()), percent(c.calcErrorRate()),
            percent(c.slaCompliance()), percent(c.frequencyCompliance())));
      }
      return s.toString();
    }

    private static String percent(Double v) {
      return v == null ? "-" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }
  }

  /** One client's headline KPIs for the month (rates as fractions, null = no data). */
  public record ClientSummary(String clientId, Double headcountErrorRate, Double calcErrorRate,
      Double slaCompliance, Double frequencyCompliance) {}

  public static Result run(SparkSession spark, Lake lake, YearMonth month, Instant asOf) {
    return run(spark, lake, month, asOf, System.out);
  }

  public static Result run(SparkSession spark, Lake lake, YearMonth month, Instant asOf, PrintStream out) {
    // Spark stores microseconds: the as_of written must be the one the rules compared against.
    Instant cutOff = asOf.truncatedTo(ChronoUnit.MICROS);
    String runId = RunLog.newRunId(COMMAND);
    Instant startedAt = Instant.now();
    List<Dataset<Row>> cached = new ArrayList<>();
    try {
      ReferenceLoader.References refs = ReferenceLoader.load(spark, lake);
      MetricContext ctx = new MetricContext(month, cutOff, refs.calendar(), refs.slaPolicies(), refs.qualityTargets());
      SilverInputs in = cacheAll(readSilver(spark, lake, month), cached);

      long computeStart = System.nanoTime();
      Map<String, Dataset<Row>> tables = goldTables(in, ctx, cached);
      out.printf(Locale.ROOT, "gold tables of %s and their shared inputs computed in %.1f s%n", month,
          (System.nanoTime() - computeStart) / 1e9);
      Map<String, Long> rows = writeAll(lake, tables, month, runId, cutOff, out);
      Result result = new Result(runId, month, cutOff, rows, summary(tables.get("client_scorecard")));
      RunLog.record(spark, lake, new RunLog.RunRecord(runId, COMMAND, month.toString(), cutOff, startedAt,
          Instant.now(), "SUCCEEDED", rows.size() + " gold tables, " + total(rows) + " rows", null));
      out.print(result);
      return result;
    } catch (RuntimeException e) {
      RunLog.record(spark, lake, new RunLog.RunRecord(runId, COMMAND, month.toString(), cutOff, startedAt,
          Instant.now(), "FAILED", String.valueOf(e.getMessage()), null));
      throw e;
    } finally {
      cached.forEach(MetricsJob::release);
    }
  }

  /**
   * Every gold table of month M, in the order of {@link Gold#TABLES}. Each shared intermediate and
   * each table is materialized once with its lineage cut (local checkpoint), so no query plans or
   * recomputes another's work: the cost of a run is the data, not the size of the composed plans.
   */
  static Map<String, Dataset<Row>> goldTables(SilverInputs in, MetricContext ctx, List<Dataset<Row>> kept) {
    return MonthlyGold.tables(in, ctx, df -> {
      Dataset<Row> k = df.localCheckpoint(true);
      kept.add(k);
      return k;
    });
  }

  /**
   * Writes every table (already materialized) and returns its row count, in table order. The
   * tables are separate Delta logs, so the writes run side by side: most of a small write is the
   * driver's Delta log work, which would otherwise leave the cores idle.
   */
  private static Map<String, Long> writeAll(Lake lake, Map<String, Dataset<Row>> tables, YearMonth month, String runId,
      Instant asOf, PrintStream out) {
    ExecutorService pool = DriverThreads.pool(WRITERS, "gold-writer");
    try {
      Map<String, Future<Long>> pending = new LinkedHashMap<>();
      for (Map.Entry<String, Dataset<Row>> t : tables.entrySet()) {
        pending.put(t.getKey(), pool.submit(() -> {
          long t0 = System.nanoTime();
          writeMonth(lake, t.getKey(), t.getValue(), month, runId, asOf);
          long n = t.getValue().count();
          synchronized (out) {
            out.printf(Locale.ROOT, "gold/%-28s %s  %8d rows  %6.1f s%n", t.getKey(), month, n,
                (System.nanoTime() - t0) / 1e9);
          }
          return n;
        }));
      }
      Map<String, Long> rows = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Long>> p : pending.entrySet()) rows.put(p.getKey(), await(p.getValue()));
      return rows;
    } finally {
      pool.shutdownNow();
    }
  }

  private static final int WRITERS = 3;

  private static long await(Future<Long> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing gold tables", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) throw r;
      if (e.getCause() instanceof Error err) throw err;
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * The silver inputs of month M, pruned to the rows month M's and M−1's rules can reach, so that
   * a monthly run's cost does not grow with the history in the lake:
   * <ul>
   *   <li>settlement: service_month ≥ M−1 (M−1 for the previous-month scorecard, M, and every
   *       later month, which ROSTER_TO_SETTLEMENT looks ahead to); the table is partitioned by
   *       service_month, so only those partitions are read;
   *   <li>roster: assignments active at some point of M−1..M (start_date ≤ the last day of M, no
   *       end_date or one on or after the first day of M−1); every roster rule is about
   *       assignments active, starting or ending in M or M−1;
   *   <li>cases: reported in M−1..M (every case subject and the shortlist are cases reported in
   *       the month), and case_events: the events of those cases;
   *   <li>activities: from the quarter of M−1 on;
   *   <li>surveys: answered in M−1..M (satisfaction of M and the previous-month scorecard).
   * </ul>
   */
  public static SilverInputs readSilver(SparkSession spark, Lake lake, YearMonth month) {
    YearMonth previous = month.minusMonths(1);
    LocalDate previousQuarterStart = LocalDate.of(previous.getYear(), ((previous.getMonthValue() - 1) / 3) * 3 + 1, 1);
    LocalDate first = previous.atDay(1);
    LocalDate last = month.atEndOfMonth();
    Dataset<Row> cases = silver(spark, lake, "cases", Silver.CASES)
        .where(col("reported_at").geq(lit(startOfDay(first))).and(col("reported_at").lt(lit(startOfDay(last.plusDays(1))))));
    Dataset<Row> caseEvents = silver(spark, lake, "case_events", Silver.CASE_EVENTS);
    caseEvents = caseEvents.join(cases.select(col("case_id").as("_case_id")),
        caseEvents.col("case_id").equalTo(col("_case_id")), "left_semi");
    return new SilverInputs(
        silver(spark, lake, "clients", Silver.CLIENTS),
        silver(spark, lake, "roster", Silver.ROSTER).where(col("start_date").leq(lit(Date.valueOf(last)))
            .and(col("end_date").isNull().or(col("end_date").geq(lit(Date.valueOf(first)))))),
        silver(spark, lake, "settlement", Silver.SETTLEMENT).where(col("service_month").geq(previous.toString())),
        cases,
        caseEvents,
        silver(spark, lake, "activities", Silver.ACTIVITIES)
            .where(col("occurred_at").geq(lit(startOfDay(previousQuarterStart)))),
        silver(spark, lake, "service_commitments", Silver.SERVICE_COMMITMENTS),
        silver(spark, lake, "insurance_rates", Silver.INSURANCE_RATES),
        silver(spark, lake, "surveys", Silver.SURVEYS).where(col("answered_at").geq(lit(startOfDay(first)))
            .and(col("answered_at").lt(lit(startOfDay(last.plusDays(1)))))));
  }

  /** The first instant of a local date in Asia/Shanghai, as a timestamp. */
  private static Timestamp startOfDay(LocalDate d) {
    return Timestamp.from(d.atStartOfDay(MetricContext.ZONE).toInstant());
  }

  /** Replaces month M of one gold table with {@code rows}, stamped with the run id and as_of. */
  public static void writeMonth(Lake lake, String table, Dataset<Row> rows, YearMonth month, String runId, Instant asOf) {
    StructType schema = Gold.TABLES.get(table);
    if (schema == null) throw new IllegalArgumentException("no gold table " + table);
    DeltaIO.replaceMonth(rows.withColumn("run_id", lit(runId)).withColumn("as_of", lit(asOf)),
        lake.gold(table), schema, month.toString());
  }

  private static Dataset<Row> silver(SparkSession spark, Lake lake, String entity, StructType schema) {
    return DeltaIO.readOrEmpty(spark, lake.silver(entity), schema);
  }

  private static SilverInputs cacheAll(SilverInputs in, List<Dataset<Row>> cached) {
    return new SilverInputs(cache(in.clients(), cached), cache(in.roster(), cached), cache(in.settlement(), cached),
        cache(in.cases(), cached), cache(in.caseEvents(), cached), cache(in.activities(), cached),
        cache(in.serviceCommitments(), cached), cache(in.insuranceRates(), cached), cache(in.surveys(), cached));
  }

  /** Frees a cached dataset, or the blocks of a locally checkpointed one (which the cache manager does not know). */
  private static void release(Dataset<Row> df) {
    if (df.queryExecution().logical() instanceof LogicalRDD checkpoint) {
      checkpoint.rdd().unpersist(false);
    } else {
      df.unpersist();
    }
  }

  private static Dataset<Row> cache(Dataset<Row> df, List<Dataset<Row>> cached) {
    Dataset<Row> c = df.cache();
    cached.add(c);
    return c;
  }

  private static List<ClientSummary> summary(Dataset<Row> scorecard) {
    Map<String, Map<String, Double>> byClient = new TreeMap<>();
    for (Row r : scorecard.where(col("kpi").isin(Kpi.HEADCOUNT_ERROR_RATE, Kpi.CALC_ERROR_RATE,
        Kpi.SLA_COMPLIANCE, Kpi.FREQUENCY_COMPLIANCE)).select("client_id", "kpi", "value").collectAsList()) {
      byClient.computeIfAbsent(r.getString(0), k -> new LinkedHashMap<>())
          .put(r.getString(1), r.isNullAt(2) ? null : r.getDouble(2));
    }
    List<ClientSummary> out = new ArrayList<>();
    byClient.forEach((client, v) -> out.add(new ClientSummary(client, v.get(Kpi.HEADCOUNT_ERROR_RATE),
        v.get(Kpi.CALC_ERROR_RATE), v.get(Kpi.SLA_COMPLIANCE), v.get(Kpi.FREQUENCY_COMPLIANCE))));
    return out;
  }

  private static long total(Map<String, Long> rows) {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }
}
