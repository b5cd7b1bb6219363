package com.dispatch.quality.schema;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Small builder so every schema in this package reads as a column list with comments. */
final class Fields {
  /** Money: CNY with 2 decimals, exact (SPEC §1). */
  static final DecimalType MONEY = DataTypes.createDecimalType(18, 2);
  /** Contribution rates, e.g. 0.16 or 0.0075. */
  static final DecimalType RATE = DataTypes.createDecimalType(12, 8);
  /** Limits and targets from reference files. */
  static final DecimalType NUMBER = DataTypes.createDecimalType(18, 6);

  private Fields() {}

  static StructField col(String name, DataType type, String comment) {
    return new StructField(name, type, true, org.apache.spark.sql.types.Metadata.empty()).withComment(comment);
  }

  static StructType struct(StructField... fields) { return new StructType(fields); }

  static StructType concat(StructType a, StructType b) {
    StructField[] all = new StructField[a.fields().length + b.fields().length];
    System.arraycopy(a.fields(), 0, all, 0, a.fields().length);
    System.arraycopy(b.fields(), 0, all, a.fields().length, b.fields().length);
    return new StructType(all);
  }
}
