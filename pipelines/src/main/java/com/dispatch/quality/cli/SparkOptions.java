package com.dispatch.quality.cli;

import com.dispatch.quality.spark.Sessions;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** Options every Spark command shares: where Spark runs. */
public final class SparkOptions {
  @Option(names = "--master",
      description = "Spark master URL (local[*], spark://host:7077, yarn, k8s://...). Default: the one spark-submit sets, else local[*].")
  String master;

  @Option(names = "--conf", paramLabel = "KEY=VALUE",
      description = "Extra Spark configuration, repeatable (e.g. --conf spark.sql.shuffle.partitions=64).")
  Map<String, String> conf = new LinkedHashMap<>();

  public SparkSession session(String appName) {
    return Sessions.create(appName, master, conf);
  }
}
