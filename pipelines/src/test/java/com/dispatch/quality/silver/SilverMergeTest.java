package com.dispatch.quality.silver;

import com.dispatch.quality.testing.SparkTestBase;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

/**
 * SPEC §2 (key: line_id): the check that decides whether a settlement MERGE may be confined to
 * the delivered months. A delivered key that already lives in another month must be found,
 * however many other keys the history holds.
 */
class SilverMergeTest extends SparkTestBase {
  private static final StructType KEYS = new StructType()
      .add("line_id", DataTypes.StringType)
      .add("client_id", DataTypes.StringType);

  private Dataset<Row> rows(int from, int to, String... extra) {
    List<Row> rows = new ArrayList<>();
    for (int i = from; i < to; i++) rows.add(RowFactory.create(String.format("L%07d", i), "C" + (i % 7)));
    for (String e : extra) rows.add(RowFactory.create(e.split(":")[0], e.split(":")[1]));
    return spark().createDataFrame(rows, KEYS);
  }

  @Test
  void aDeliveredKeyAmongManyHistoricKeysIsFound() {
    Dataset<Row> history = rows(0, 200_000);
    Assertions.assertTrue(SilverMerge.anyKeyIn(rows(500_000, 510_000, "L0123456:C0"), history, List.of("line_id")));
  }

  @Test
  void keysNotInTheHistoryAreNotReportedEvenWhereTheBloomFilterWouldLetSomeThrough() {
    Dataset<Row> history = rows(0, 200_000);
    Assertions.assertFalse(SilverMerge.anyKeyIn(rows(500_000, 600_000), history, List.of("line_id")));
  }

  @Test
  void aCompositeKeyMatchesOnlyWhenEveryComponentMatches() {
    Dataset<Row> history = rows(0, 1_000);
    // L0000010 is with client C3 in the history (10 % 7); with C4 it is another key.
    Assertions.assertFalse(SilverMerge.anyKeyIn(rows(0, 0, "L0000010:C4"), history, List.of("line_id", "client_id")));
    Assertions.assertTrue(SilverMerge.anyKeyIn(rows(0, 0, "L0000010:C3"), history, List.of("line_id", "client_id")));
  }
}
