package com.dispatch.quality.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.sql.SparkSession;

/**
 * Counts the Spark jobs and stages a command runs, and the Delta commits it makes (counted by
 * {@code io.DeltaIO}, the only class that writes). A small run's time is made of these counts,
 * not of its data, so every command prints them per phase ({@link #since}) and the bench records
 * them: the next regression in either is visible at once.
 */
public final class SparkActivity extends SparkListener {
  private static final SparkActivity INSTANCE = new SparkActivity();
  private static final AtomicLong COMMITS = new AtomicLong();

  private final AtomicLong jobs = new AtomicLong();
  private final AtomicLong stages = new AtomicLong();
  private volatile Object installedOn;

  private SparkActivity() {}

  /** Registers the counter on the session's context (once per context; every job calls it). */
  public static synchronized void install(SparkSession spark) {
    if (INSTANCE.installedOn == spark.sparkContext()) return;
    spark.sparkContext().addSparkListener(INSTANCE);
    INSTANCE.installedOn = spark.sparkContext();
  }

  /** Called by the Delta write path after each successful commit. */
  public static void commitMade() {
    COMMITS.incrementAndGet();
  }

  @Override
  public void onJobStart(SparkListenerJobStart jobStart) {
    jobs.incrementAndGet();
  }

  @Override
  public void onStageCompleted(SparkListenerStageCompleted stageCompleted) {
    stages.incrementAndGet();
  }

  /** The counts so far in this JVM. */
  public static Snapshot now() {
    return new Snapshot(System.nanoTime(), INSTANCE.jobs.get(), INSTANCE.stages.get(), COMMITS.get());
  }

  /** Counts at one moment; {@link #since} gives what happened in between. */
  public record Snapshot(long nanos, long jobs, long stages, long commits) {
    /** What happened from {@code start} to now, as "12.3 s, 40 Spark jobs (52 stages), 11 Delta commits". */
    public static String since(Snapshot start) {
      Snapshot end = now();
      // Listener events arrive asynchronously: a job that just ended may not be counted yet.
      return String.format(java.util.Locale.ROOT, "%.1f s, %d Spark jobs (%d stages), %d Delta commits",
          (end.nanos - start.nanos) / 1e9, end.jobs - start.jobs, end.stages - start.stages,
          end.commits - start.commits);
    }
  }
}
