package com.dispatch.quality.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tests run on the production session settings, not on a copy of them that can drift. */
class SparkTestBaseTest extends SparkTestBase {
  @TempDir Path tmp;

  @Test
  void sessionHasEverySettingOfSessionsConfigure() {
    Map<String, String> production = SessionSettings.production();
    // The ones a re-listed copy once missed (issue 14), named so an empty recording cannot pass.
    assertEquals("none", production.get("spark.databricks.delta.merge.materializeSource"));
    assertEquals("TIMESTAMP_MICROS", production.get("spark.sql.parquet.outputTimestampType"));
    assertEquals("false", production.get("spark.databricks.delta.allFilesInCrc.verificationMode.forceOnNonUTC.enabled"));
    Map<String, String> actual = new TreeMap<>();
    for (String key : production.keySet()) actual.put(key, spark().conf().get(key, null));
    assertEquals(production, actual);
  }

  @Test
  void deltaSqlExtensionIsActive() {
    // DESCRIBE HISTORY is parsed by Delta's extension only: without it this is a ParseException.
    String path = tmp.resolve("t").toString();
    spark().range(1).write().format("delta").save(path);
    assertEquals(1, spark().sql("DESCRIBE HISTORY delta.`" + path + "`").count());
  }

  @Test
  void sessionKeepsTheTestOnlySettings() {
    assertEquals("local[2]", spark().sparkContext().master());
    assertEquals("2", spark().conf().get("spark.sql.shuffle.partitions"));
    assertEquals("false", spark().sparkContext().getConf().get("spark.ui.enabled"));
  }
}
