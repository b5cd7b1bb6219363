package com.dispatch.quality.bench;

import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.spark.Sessions;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A stand-in gold lake for the BI-reader check while the metrics job cannot yet produce one:
 * every table of {@link Gold#TABLES}, written through the production writer
 * ({@link DeltaIO#replaceMonth}), two months of deterministic rows covering every column type
 * (with some nulls); one table's month is written twice so its log holds a replaceWhere commit.
 *
 * <p>Usage: {@code BiFixtureLake <lake>}.
 */
public final class BiFixtureLake {
  private BiFixtureLake() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: BiFixtureLake <lake>");
      System.exit(2);
    }
    Lake lake = new Lake(args[0]);
    SparkSession spark = Sessions.create("bi-fixture-lake", null);
    try {
      boolean first = true;
      for (Map.Entry<String, StructType> t : Gold.TABLES.entrySet()) {
        // The first table gets its last month written twice: a replaceWhere commit in the log.
        List<String> months = first ? List.of("2025-09", "2025-10", "2025-10") : List.of("2025-09", "2025-10");
        for (String month : months) {
          DeltaIO.replaceMonth(spark.createDataFrame(rows(t.getValue(), month), t.getValue()),
              lake.gold(t.getKey()), t.getValue(), month);
        }
        first = false;
      }
    } finally {
      spark.stop();
    }
  }

  static List<Row> rows(StructType schema, String month) {
    int n = month.endsWith("09") ? 7 : 11;
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Object[] v = new Object[schema.fields().length];
      for (int j = 0; j < v.length; j++) {
        StructField f = schema.fields()[j];
        v[j] = f.name().equals("month") ? month : value(f.name(), f.dataType(), i, j);
      }
      rows.add(RowFactory.create(v));
    }
    return rows;
  }

  private static Object value(String name, DataType t, int i, int j) {
    if ((i + j) % 5 == 4 && !name.equals("client_id")) return null;
    return switch (t.typeName()) {
      case "string" -> name.equals("client_id") ? String.format("C%04d", i % 4 + 1) : name + "-" + i + "-客户";
      case "long" -> (long) (i * 7 + j);
      case "integer" -> i * 3 + j;
      case "double" -> (i + 1) * 0.0172 + j / 3.0;
      case "boolean" -> (i + j) % 2 == 0;
      case "timestamp" -> Timestamp.from(Instant.parse("2025-10-01T16:00:00Z").plusSeconds(3600L * i + 61L * j));
      default -> new BigDecimal(i * 1234 + j).movePointLeft(2);
    };
  }
}
