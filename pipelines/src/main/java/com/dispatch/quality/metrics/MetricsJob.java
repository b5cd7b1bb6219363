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
import com.dispatch.quality.spark.SmallInput;
import com.dispatch.quality.spark.SparkActivity;
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
    return run(spark, lake, List.of(month), asOf, out).get(0);
  }

  /**
   * Computes and writes the gold tables of every month in {@code months} with one as_of: one
   * read of silver for all of them, each month's tables stamped with that month's own run id, and
   * one commit per gold table for all months (a {@code run} over six months makes nine commits,
   * not fifty-four). Each month is recorded in {@code runs}: STARTED before the first gold write,
   * SUCCEEDED or FAILED after the last, so a run that died is visible as one that never ended.
   */
  public static List<Result> run(SparkSession spark, Lake lake, List<YearMonth> months, Instant asOf, PrintStream out) {
    List<YearMonth> sorted = months.stream().distinct().sorted().toList();
    if (sorted.isEmpty()) return List.of();
    // Spark stores microseconds: the as_of written must be the one the rules compared against.
    Instant cutOff = asOf.truncatedTo(ChronoUnit.MICROS);
    Map<YearMonth, String> runIds = new LinkedHashMap<>();
    for (YearMonth m : sorted) runIds.put(m, RunLog.newRunId(COMMAND));
    Instant startedAt = Instant.now();
    SparkActivity.install(spark);
    SparkActivity.Snapshot activity = SparkActivity.now();
    RunLog.started(spark, lake, COMMAND, runIds, cutOff, startedAt);
    List<Dataset<Row>> kept = new ArrayList<>();
    try (SmallInput settings = smallInput(spark, lake)) {
      out.println("metrics: " + settings.describe());
      ReferenceLoader.References refs = ReferenceLoader.load(spark, lake);
      List<MetricContext> contexts = sorted.stream().map(m ->
          new MetricContext(m, cutOff, refs.calendar(), refs.slaPolicies(), refs.qualityTargets())).toList();
      SilverInputs in = cacheAll(readSilver(spark, lake, sorted.get(0), sorted.get(sorted.size() - 1)), kept);

      Map<YearMonth, Map<String, Dataset<Row>>> byMonth = goldTables(in, contexts, kept);
      // The scorecard needs nearly every intermediate: collecting it first fills their caches in
      // one job, and the writes that follow only read them.
      Map<YearMonth, List<ClientSummary>> summaries = summaries(byMonth);
      Map<String, Long> rows = writeAll(lake, byMonth, runIds, cutOff, out);
      List<Result> results = new ArrayList<>();
      for (YearMonth m : sorted) {
        results.add(new Result(runIds.get(m), m, cutOff, rows, summaries.getOrDefault(m, List.of())));
      }
      RunLog.ended(spark, lake, COMMAND, runIds, cutOff, startedAt, "SUCCEEDED",
          rows.size() + " gold tables, " + total(rows) + " rows" + (sorted.size() > 1 ? " for " + sorted : ""));
      out.printf(Locale.ROOT, "metrics of %s: %s%n", sorted.size() == 1 ? sorted.get(0) : sorted,
          SparkActivity.Snapshot.since(activity));
      results.forEach(out::print);
      return results;
    } catch (RuntimeException e) {
      RunLog.ended(spark, lake, COMMAND, runIds, cutOff, startedAt, "FAILED", String.valueOf(e.getMessage()));
      throw e;
    } finally {
      kept.forEach(MetricsJob::release);
    }
  }

  /**
   * Every gold table of every month, in the order of {@link Gold#TABLES}. Each shared
   * intermediate and each table is kept as a lazy local checkpoint: its lineage is cut (later
   * plans stay small, and the cache manager has nothing to match them against), and its blocks
   * are filled by the first job that needs them, so keeping costs no job of its own and no table
   * recomputes another's work.
   */
  static Map<YearMonth, Map<String, Dataset<Row>>> goldTables(SilverInputs in, List<MetricContext> months,
      List<Dataset<Row>> kept) {
    return MonthlyGold.tables(in, months, df -> {
      Dataset<Row> k = df.localCheckpoint(false);
      kept.add(k);
      // The checkpoint's blocks are filled by a later job, whose tasks report the SQL metrics of
      // df's plan: df must stay reachable until then, or the context cleaner drops those metrics
      // and every task logs "attempted to access non-existent accumulator".
      kept.add(df);
      return k;
    });
  }

  /**
   * Writes every table, all months at once (one commit per table), and returns the rows written
   * per table. The tables are separate Delta logs, so the writes run side by side: most of a
   * small write is the driver's Delta log work, which would otherwise leave the cores idle.
   */
  private static Map<String, Long> writeAll(Lake lake, Map<YearMonth, Map<String, Dataset<Row>>> byMonth,
      Map<YearMonth, String> runIds, Instant asOf, PrintStream out) {
    ExecutorService pool = DriverThreads.pool(WRITERS, "gold-writer");
    List<String> monthKeys = byMonth.keySet().stream().map(YearMonth::toString).toList();
    try {
      Map<String, Future<Long>> pending = new LinkedHashMap<>();
      for (String table : Gold.TABLES.keySet()) {
        Dataset<Row> all = null;
        for (Map.Entry<YearMonth, Map<String, Dataset<Row>>> m : byMonth.entrySet()) {
          Dataset<Row> stamped = stamp(m.getValue().get(table), runIds.get(m.getKey()), asOf);
          all = all == null ? stamped : all.unionByName(stamped);
        }
        Dataset<Row> rows = all;
        pending.put(table, pool.submit(() -> {
          long t0 = System.nanoTime();
          long n = DeltaIO.replaceMonths(rows, lake.gold(table), Gold.TABLES.get(table), monthKeys);
          synchronized (out) {
            out.printf(Locale.ROOT, "gold/%-28s %s  %8d rows  %6.1f s%n", table, String.join(",", monthKeys), n,
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
    return readSilver(spark, lake, month, month);
  }

  /** {@link #readSilver(SparkSession, Lake, YearMonth)} for the months {@code from} to {@code month}. */
  public static SilverInputs readSilver(SparkSession spark, Lake lake, YearMonth from, YearMonth month) {
    YearMonth previous = from.minusMonths(1);
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

  /** The {@link SmallInput} settings for a run that reads {@link #readSilver}'s tables (metrics, watch). */
  public static SmallInput smallInput(SparkSession spark, Lake lake) {
    return SmallInput.forFiles(spark, SILVER_INPUTS.stream().map(lake::silver).toList());
  }

  /** The silver tables {@link #readSilver} reads. */
  private static final List<String> SILVER_INPUTS = List.of("clients", "roster", "settlement", "cases", "case_events",
      "activities", "service_commitments", "insurance_rates", "surveys");

  /** The first instant of a local date in Asia/Shanghai, as a timestamp. */
  private static Timestamp startOfDay(LocalDate d) {
    return Timestamp.from(d.atStartOfDay(MetricContext.ZONE).toInstant());
  }

  /** Replaces month M of one gold table with {@code rows}, stamped with the run id and as_of. */
  public static void writeMonth(Lake lake, String table, Dataset<Row> rows, YearMonth month, String runId, Instant asOf) {
    StructType schema = Gold.TABLES.get(table);
    if (schema == null) throw new IllegalArgumentException("no gold table " + table);
    DeltaIO.replaceMonth(stamp(rows, runId, asOf), lake.gold(table), schema, month.toString());
  }

  /** A gold table's rows with the run's columns (SPEC §6: every gold row carries run_id and as_of). */
  private static Dataset<Row> stamp(Dataset<Row> rows, String runId, Instant asOf) {
    return rows.withColumn("run_id", lit(runId)).withColumn("as_of", lit(Timestamp.from(asOf)));
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

  /** Each month's headline KPIs per client, from its scorecard (one job for all months). */
  private static Map<YearMonth, List<ClientSummary>> summaries(Map<YearMonth, Map<String, Dataset<Row>>> byMonth) {
    Dataset<Row> all = null;
    for (Map<String, Dataset<Row>> t : byMonth.values()) {
      Dataset<Row> s = t.get("client_scorecard").select("month", "client_id", "kpi", "value");
      all = all == null ? s : all.unionByName(s);
    }
    Map<YearMonth, Map<String, Map<String, Double>>> byClient = new TreeMap<>();
    for (Row r : all.where(col("kpi").isin(Kpi.HEADCOUNT_ERROR_RATE, Kpi.CALC_ERROR_RATE,
        Kpi.SLA_COMPLIANCE, Kpi.FREQUENCY_COMPLIANCE)).collectAsList()) {
      byClient.computeIfAbsent(YearMonth.parse(r.getString(0)), k -> new TreeMap<>())
          .computeIfAbsent(r.getString(1), k -> new LinkedHashMap<>())
          .put(r.getString(2), r.isNullAt(3) ? null : r.getDouble(3));
    }
    Map<YearMonth, List<ClientSummary>> out = new TreeMap<>();
    byClient.forEach((month, clients) -> {
      List<ClientSummary> list = new ArrayList<>();
      clients.forEach((client, v) -> list.add(new ClientSummary(client, v.get(Kpi.HEADCOUNT_ERROR_RATE),
          v.get(Kpi.CALC_ERROR_RATE), v.get(Kpi.SLA_COMPLIANCE), v.get(Kpi.FREQUENCY_COMPLIANCE))));
      out.put(month, list);
    });
    return out;
  }

  private static long total(Map<String, Long> rows) {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }
}
