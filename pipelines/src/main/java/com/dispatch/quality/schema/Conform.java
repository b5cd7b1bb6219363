package com.dispatch.quality.schema;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Gives a dataset exactly the shape of one of this package's schemas: the transforms end with it
 * (a gold table's columns in order, typed and commented) and {@code io} writes through it.
 */
public final class Conform {
  private Conform() {}

  /** Selects and casts {@code df}'s columns to exactly {@code schema} (order, types and comments). */
  public static Dataset<Row> to(Dataset<Row> df, StructType schema) {
    List<Column> cols = new ArrayList<>();
    for (StructField f : schema.fields()) {
      cols.add(functions.col(f.name()).cast(f.dataType()).as(f.name(), f.metadata()));
    }
    return df.select(cols.toArray(new Column[0]));
  }
}
