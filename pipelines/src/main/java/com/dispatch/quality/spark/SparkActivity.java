package com.dispatch.quality.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the Spark jobs and stages a command runs, and the Delta commits it makes (counted by
 * {@code io.DeltaIO}, the only class that writes). A small run's time is made of these counts,
 * not of its data, so every command prints them per phase ({@link #since}) and the bench records
 * them: the next regression in either is visible at once.
 *
 * <p>Two times go with the counts, both wall time during which at least one of them was under way
 * (jobs or writes of parallel threads that overlap count once): the time with a Spark job running,
 * and the time with a Delta write in progress (a write call from its start to its commit, its own
 * jobs included). What is in neither is the driver's own work outside them: analysing, optimising
 * and planning queries, reading Delta logs, JVM and JIT warm-up.
 */
public final class SparkActivity extends SparkListener {
  private static final SparkActivity INSTANCE = new SparkActivity();
  private static final AtomicLong COMMITS = new AtomicLong();
  private static final Busy WRITES = new Busy();

  private final AtomicLong jobs = new AtomicLong();
  private final AtomicLong stages = new AtomicLong();
  private final Busy running = new Busy();
  private volatile Object installedOn;

  private SparkActivity() {}

  /** Registers the counter on the session's context (once per context; every job calls it). */
  public static synchronized void install(SparkSession spark) {
    if (INSTANCE.installedOn == spark.sparkContext()) return;
    spark.sparkContext().addSparkListener(INSTANCE);
    INSTANCE.installedOn = spark.sparkContext();
  }

  /** Called by the Delta write path when a write begins; {@link #writeEnded} must follow. */
  public static void writeStarted() {
    WRITES.begin(System.nanoTime());
  }

  /** Called by the Delta write path when a write ends, with whether it committed. */
  public static void writeEnded(boolean committed) {
    WRITES.end(System.nanoTime());
    if (committed) COMMITS.incrementAndGet();
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
    running.begin(jobStart.time() * 1_000_000L);
  }

  @Override
  public void onJobEnd(SparkListenerJobEnd jobEnd) {
    running.end(jobEnd.time() * 1_000_000L);
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted stageCompleted) {
    stages.incrementAndGet();
  }

  /** The counts so far in this JVM. */
  public static Snapshot now() {
    return new Snapshot(System.nanoTime(), INSTANCE.jobs.get(), INSTANCE.stages.get(), COMMITS.get(),
        INSTANCE.running.nanos(System.currentTimeMillis() * 1_000_000L), WRITES.nanos(System.nanoTime()));
  }

  /**
   * Wall time during which at least one of a kind of activity was under way: a count of those in
   * progress, and the time accumulated while it was above zero. Clocks are the caller's (listener
   * events carry epoch milliseconds, writes use {@code nanoTime}); only differences are used.
   */
  private static final class Busy {
    private int active;
    private long since;
    private long total;

    synchronized void begin(long now) {
      if (active++ == 0) since = now;
    }

    synchronized void end(long now) {
      if (active == 0) return; // an end without its start (listener installed mid-job)
      if (--active == 0) total += Math.max(0, now - since);
    }

    /** Busy time so far, the current stretch included. */
    synchronized long nanos(long now) {
      return total + (active > 0 ? Math.max(0, now - since) : 0);
    }
  }

  /** Counts at one moment; {@link #since} gives what happened in between. */
  public record Snapshot(long nanos, long jobs, long stages, long commits, long jobNanos, long writeNanos) {
    /**
     * What happened from {@code start} to now, as
     * "12.3 s, 40 Spark jobs (52 stages, 6.1 s in jobs), 11 Delta commits (4.0 s in writes)".
     */
    public static String since(Snapshot start) {
      Snapshot end = now();
      // Listener events arrive asynchronously: a job that just ended may not be counted yet.
      return String.format(java.util.Locale.ROOT,
          "%.1f s, %d Spark jobs (%d stages, %.1f s in jobs), %d Delta commits (%.1f s in writes)",
          (end.nanos - start.nanos) / 1e9, end.jobs - start.jobs, end.stages - start.stages,
          (end.jobNanos - start.jobNanos) / 1e9, end.commits - start.commits,
          (end.writeNanos - start.writeNanos) / 1e9);
    }
  }
}
