package com.dispatch.quality.testing;

import com.dispatch.quality.spark.Sessions;
import com.holdenkarau.spark.testing.JavaDataFrameSuiteBase;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One local SparkSession per test JVM (spark-testing-base reuses it across classes), local[2],
 * 2 shuffle partitions, UI off, Delta on, session time zone Asia/Shanghai.
 * JUnit 5 adapter per ../shared/STACK.md.
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

  @Override
  public SparkConf conf() {
    return super.conf()
        .setMaster("local[2]")
        .set("spark.ui.enabled", "false")
        .set("spark.sql.shuffle.partitions", "2")
        .set("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .set("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        .set("spark.sql.session.timeZone", Sessions.TIME_ZONE)
        .set("spark.sql.legacy.timeParserPolicy", "CORRECTED")
        .set("spark.databricks.delta.properties.defaults.enableDeletionVectors", "false")
        .set("spark.databricks.delta.snapshotPartitions", "2")
        .set("spark.driver.host", "127.0.0.1");
  }

  @Override
  public boolean enableHiveSupport() {
    return false;
  }
}
