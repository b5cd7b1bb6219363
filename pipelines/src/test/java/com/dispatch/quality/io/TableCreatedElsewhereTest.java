package com.dispatch.quality.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.dispatch.quality.testing.Dirs;
import com.dispatch.quality.testing.SparkTestBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 4: two metrics runs of different months (two processes) may both create the same
 * gold table; the one that loses the race retries against the table the other created. It can only
 * do so if it sees that table, although its own JVM's cached snapshot still says "absent".
 */
class TableCreatedElsewhereTest extends SparkTestBase {
  private static final StructType SCHEMA = new StructType()
      .add("month", DataTypes.StringType).add("n", DataTypes.LongType);

  private Dataset<Row> rows(String month, long n) {
    return spark().createDataFrame(List.of(RowFactory.create(month, n)), SCHEMA);
  }

  @Test
  void aTableAnotherProcessCreatedIsSeenThoughThisJvmsSnapshotSaysAbsent(@TempDir Path dir) throws IOException {
    Path elsewhere = dir.resolve("elsewhere");
    DeltaIO.replaceMonths(rows("2025-07", 1), elsewhere.toString(), SCHEMA, List.of("2025-07"));
    Path table = dir.resolve("table");
    // This JVM looked at the path before the table existed (as a losing writer's own attempt does) ...
    Assertions.assertEquals(-1, DeltaLog.forTable(spark(), table.toString()).unsafeVolatileSnapshot().version());
    // ... then another process created it.
    Dirs.copyTree(elsewhere, table);

    Assertions.assertFalse(DeltaIO.exists(spark(), table.toString()),
        "the cached answer is stale (the reason existsNow exists); if Delta now refreshes it, existsNow can go");
    Assertions.assertTrue(DeltaIO.existsNow(spark(), table.toString()), "the log read now shows the table");
    DeltaIO.replaceMonths(rows("2025-08", 2), table.toString(), SCHEMA, List.of("2025-08"));
    assertEquals(2, spark().read().format("delta").load(table.toString()).count(), "both months, one per writer");
  }
}
