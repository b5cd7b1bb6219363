package com.dispatch.quality.testing;

import com.dispatch.quality.spark.Sessions;
import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One local SparkSession per test JVM (spark-testing-base reuses it across classes) with the
 * production session settings of {@link Sessions#configure} (Delta, time zone, MERGE, Parquet
 * timestamps, checksum verification, ...), plus the test-only ones: local[2], 2 shuffle
 * partitions, UI off. JUnit 5 adapter per ../shared/STACK.md.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class SparkTestBase extends JavaDataFrameSuiteBase {
  @BeforeAll
  public void startSpark() {
    runBefore();
  }

  @AfterAll
  public void stopSpark() {
    runAfterClass();
  }

  /**
   * spark-testing-base creates the SparkContext from this conf before it builds the session, and
   * Spark 3.5 takes static settings such as the Delta extension from the context's conf only: the
   * production settings go here, not into the session builder.
   */
  @Override
  public SparkConf conf() {
    SparkConf conf = super.conf();
    SessionSettings.production().forEach(conf::set);
    return conf
        .setMaster("local[2]")
        .set("spark.ui.enabled", "false")
        .set("spark.sql.shuffle.partitions", "2")
        .set("spark.driver.host", "127.0.0.1");
  }

  @Override
  public boolean enableHiveSupport() {
    return false;
  }
}
