package com.dispatch.quality.watch;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.domain.WatchLevel;
import com.dispatch.quality.gold.MetricContext;
import com.dispatch.quality.gold.SilverInputs;
import com.dispatch.quality.gold.SlaWatchlist;
import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.ReferenceLoader;
import com.dispatch.quality.io.RunLog;
import com.dispatch.quality.metrics.MetricsJob;
import com.dispatch.quality.schema.Conform;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.spark.SmallInput;
import com.dispatch.quality.spark.SparkActivity;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * The watch run (SPEC §4.8, issue 12): silver → gold/sla_watchlist for one as_of, and the digest.
 *
 * <p>Reads silver pruned as a metrics run of M..M+1 prunes it (M = month(as_of)), computes the
 * watchlist in one Spark job (collected: it is a list for people, small), replaces the as_of_date
 * partition of gold/sla_watchlist in one Delta commit (run_id and as_of on every row), writes the
 * digest under {@code <out>/watch/<as_of_date>/<HHmm>/} when an out folder is given, prints one
 * line per level and records the run in {@code runs} (a STARTED row, then SUCCEEDED or FAILED).
 */
public final class WatchJob {
  private WatchJob() {}

  public static final String COMMAND = "watch";

  /** What a run found: rows per level, the entries in digest order, where the digest went. */
  public record Result(String runId, Instant asOf, Map<WatchLevel, Long> counts, List<WatchDigest.Entry> entries,
      Path digest) {
    /** One line per level (most urgent first), e.g. {@code OVERDUE      3  已超时}. */
    public String summary() {
      StringBuilder s = new StringBuilder();
      for (WatchLevel l : WatchLevel.values()) {
        s.append(String.format(Locale.ROOT, "watch %s  %-12s %6d  %s%n", WatchDigest.MINUTE.format(asOf), l.name(),
            counts.get(l), l.chineseName()));
      }
      return s.toString();
    }
  }

  public static Result run(SparkSession spark, Lake lake, Instant asOf, Path out, PrintStream print) {
    Instant cutOff = asOf.truncatedTo(ChronoUnit.MICROS);
    String runId = RunLog.newRunId(COMMAND);
    Instant startedAt = Instant.now();
    SparkActivity.Snapshot activity = SparkActivity.now();
    String month = SlaWatchlist.watchMonth(cutOff).toString();
    // The runs protocol: a STARTED row first, an end row after (a run without one died).
    RunLog.record(spark, lake, new RunLog.RunRecord(runId, COMMAND, month, cutOff, startedAt, null, RunLog.STARTED,
        null, null));
    try (SmallInput settings = MetricsJob.smallInput(spark, lake)) {
      print.println("watch: " + settings.describe());
      ReferenceLoader.References refs = ReferenceLoader.load(spark, lake);
      MetricContext ctx = new MetricContext(SlaWatchlist.watchMonth(cutOff), cutOff, refs.calendar(),
          refs.slaPolicies(), refs.qualityTargets());
      SilverInputs in = readSilver(spark, lake, cutOff);
      StructType rowSchema = Gold.withoutRunColumns(Gold.SLA_WATCHLIST);
      long t0 = System.nanoTime();
      List<Row> rows = Conform.to(SlaWatchlist.compute(in, ctx), rowSchema).collectAsList();
      long t1 = System.nanoTime();

      Dataset<Row> stamped = spark.createDataFrame(rows, rowSchema)
          .withColumn("run_id", lit(runId)).withColumn("as_of", lit(Timestamp.from(cutOff)));
      DeltaIO.replacePartitions(stamped, lake.gold(Gold.SLA_WATCHLIST_TABLE), Gold.SLA_WATCHLIST, Gold.AS_OF_DATE,
          List.of(SlaWatchlist.asOfDate(cutOff).toString()));
      print.printf(Locale.ROOT, "watchlist of %s computed in %.1f s, gold/%s written in %.1f s%n", cutOff,
          (t1 - t0) / 1e9, Gold.SLA_WATCHLIST_TABLE, (System.nanoTime() - t1) / 1e9);

      List<WatchDigest.Entry> entries = entries(rows, clientNames(in.clients(), rows));
      Path digest = out == null ? null : WatchDigest.write(out, cutOff, runId, entries);
      Result result = new Result(runId, cutOff, WatchDigest.counts(entries),
          entries.stream().sorted(WatchDigest.ORDER).toList(), digest);
      RunLog.record(spark, lake, new RunLog.RunRecord(runId, COMMAND, month, cutOff, startedAt, Instant.now(),
          RunLog.SUCCEEDED, "sla_watchlist " + SlaWatchlist.asOfDate(cutOff) + ": " + rows.size() + " rows "
              + result.counts() + (digest == null ? "" : ", digest " + digest), null));
      print.print(result.summary());
      if (digest != null) print.println("watch digest: " + digest.resolve("digest.html"));
      print.println("watch run: " + SparkActivity.Snapshot.since(activity));
      return result;
    } catch (RuntimeException e) {
      RunLog.record(spark, lake, new RunLog.RunRecord(runId, COMMAND, month, cutOff, startedAt, Instant.now(),
          RunLog.FAILED, String.valueOf(e.getMessage()), null));
      throw e;
    }
  }

  /**
   * The silver inputs a watch run needs: those of a metrics run of months M..M+1, whose pruning
   * ({@link MetricsJob#readSilver(SparkSession, Lake, YearMonth, YearMonth)}) already reaches back
   * to M−1: roster assignments active at some point of M−1..M+1, cases reported in M−1..M+1 and
   * their events, settlement from M−1 on. The watchlist itself keeps what as_of has seen and only
   * the pay days of M−1 and M ({@link SlaWatchlist#wageMonths}); activities, commitments and
   * surveys are never looked at.
   */
  public static SilverInputs readSilver(SparkSession spark, Lake lake, Instant asOf) {
    List<YearMonth> months = SlaWatchlist.months(asOf);
    return MetricsJob.readSilver(spark, lake, months.get(1), months.get(2));
  }

  /** Names of the clients on the list only (a small collect). */
  private static Map<String, String> clientNames(Dataset<Row> clients, List<Row> rows) {
    Map<String, String> names = new HashMap<>();
    if (rows.isEmpty()) return names;
    List<String> ids = rows.stream().map(r -> r.<String>getAs("client_id")).distinct().toList();
    for (Row r : clients.where(col("client_id").isin(ids.toArray())).select("client_id", "client_name").collectAsList()) {
      names.put(r.getString(0), r.getString(1));
    }
    return names;
  }

  private static List<WatchDigest.Entry> entries(List<Row> rows, Map<String, String> names) {
    List<WatchDigest.Entry> out = new ArrayList<>();
    for (Row r : rows) {
      String client = r.getAs("client_id");
      Timestamp clock = r.getAs("clock_start_at");
      Timestamp deadline = r.getAs("deadline_at");
      out.add(new WatchDigest.Entry(WatchLevel.valueOf(r.getAs("level")), client, names.get(client),
          SlaRule.valueOf(r.getAs("rule")), r.getAs("subject_id"), r.getAs("month"),
          clock == null ? null : clock.toInstant(), deadline.toInstant(), r.<Double>getAs("hours_left"),
          r.getAs("elapsed_share")));
    }
    return out;
  }
}
