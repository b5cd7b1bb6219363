package com.dispatch.quality.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Spark settings for a phase whose input is small (issue 10). Below {@link #DEFAULT_THRESHOLD_BYTES}
 * of input, a phase's time is Spark's fixed cost per query, not its data: adaptive query execution
 * turns every kept dataset's shuffle into a job of its own (it makes {@code localCheckpoint}
 * eager) and Java code generation compiles a class for every plan, both paid again for each of the
 * hundreds of small plans of a run. So a small phase runs without AQE, with as many shuffle
 * partitions as the cluster has cores, and with interpreted expressions; a large one keeps Spark's
 * defaults, where code generation and AQE pay for themselves.
 *
 * <p>The results are the same either way (only the physical plan differs; a test computes gold
 * both ways and compares). Settings given explicitly ({@code --conf spark.sql.adaptive.enabled=...}
 * or {@code spark.sql.codegen.wholeStage}) are left alone, and {@value #THRESHOLD_KEY} sets the
 * threshold (0 turns this off). The settings are restored when the phase ends.
 */
public final class SmallInput implements AutoCloseable {
  /** Session setting: input bytes below which a phase runs with the small-input settings. */
  public static final String THRESHOLD_KEY = "spark.quality.smallInputBytes";
  /**
   * 64 MB of input files (CSV for ingest, the silver or gold tables' Parquet for metrics, reports
   * and watch): the samples and the bench's 10k scale are far below it, a month of the 1M scale far
   * above; at 100k a monthly ingest is below, the twelve-month history above (docs/performance.md).
   */
  public static final long DEFAULT_THRESHOLD_BYTES = 64L << 20;

  private static final String AQE = "spark.sql.adaptive.enabled";
  private static final String PARTITIONS = "spark.sql.shuffle.partitions";
  private static final String WHOLE_STAGE = "spark.sql.codegen.wholeStage";
  private static final String FACTORY = "spark.sql.codegen.factoryMode";

  private final RuntimeConfig conf;
  /** The settings changed, with their earlier values (null = was not set). */
  private final Map<String, String> previous = new LinkedHashMap<>();
  private final long bytes;

  private SmallInput(RuntimeConfig conf, long bytes) {
    this.conf = conf;
    this.bytes = bytes;
  }

  /**
   * The settings for a phase that reads the files under {@code paths} (a landing zone, table
   * directories): {@link #apply} with their total length.
   */
  public static SmallInput forFiles(SparkSession spark, List<String> paths) {
    return apply(spark, bytesUnder(spark.sparkContext().hadoopConfiguration(), paths));
  }

  /**
   * Applies the small-input settings to {@code spark} when {@code inputBytes} is below the
   * threshold; close the result to restore the session's settings.
   */
  public static SmallInput apply(SparkSession spark, long inputBytes) {
    RuntimeConfig conf = spark.conf();
    SmallInput s = new SmallInput(conf, inputBytes);
    if (inputBytes >= threshold(conf)) return s;
    if (!conf.contains(AQE)) {
      s.set(AQE, "false");
      // Without AQE nothing coalesces partitions: one per core keeps every core busy.
      s.set(PARTITIONS, String.valueOf(Math.max(1, spark.sparkContext().defaultParallelism())));
    }
    if (!conf.contains(WHOLE_STAGE)) {
      s.set(WHOLE_STAGE, "false");
      s.set(FACTORY, "NO_CODEGEN");
    }
    return s;
  }

  /** Whether this phase runs with any of the small-input settings. */
  public boolean active() {
    return !previous.isEmpty();
  }

  /** One line for a run's output, e.g. "input 1.2 MB: small-input settings (no AQE, no code generation)". */
  public String describe() {
    String size = String.format(java.util.Locale.ROOT, "input %.1f MB", bytes / 1048576.0);
    if (!active()) return size + ": Spark's settings";
    List<String> off = new java.util.ArrayList<>();
    if (previous.containsKey(AQE)) off.add("no AQE");
    if (previous.containsKey(WHOLE_STAGE)) off.add("no code generation");
    return size + ": small-input settings (" + String.join(", ", off) + ")";
  }

  /** Total length of the files under {@code paths} (absent paths count 0). */
  public static long bytesUnder(Configuration hadoop, List<String> paths) {
    long total = 0;
    for (String p : paths) {
      try {
        Path path = new Path(p);
        FileSystem fs = path.getFileSystem(hadoop);
        if (fs.exists(path)) total += fs.getContentSummary(path).getLength();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot measure " + p, e);
      }
    }
    return total;
  }

  @Override
  public void close() {
    previous.forEach((k, v) -> {
      if (v == null) conf.unset(k);
      else conf.set(k, v);
    });
    previous.clear();
  }

  private void set(String key, String value) {
    previous.put(key, conf.contains(key) ? conf.get(key) : null);
    conf.set(key, value);
  }

  private static long threshold(RuntimeConfig conf) {
    String v = conf.get(THRESHOLD_KEY, String.valueOf(DEFAULT_THRESHOLD_BYTES));
    try {
      return Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(THRESHOLD_KEY + " must be a number of bytes, not '" + v + "'");
    }
  }
}
