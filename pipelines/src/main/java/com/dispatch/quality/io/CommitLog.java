package com.dispatch.quality.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;

/**
 * Reads a table's own recent commit files (JSON lines under {@code _delta_log}) directly. Delta's
 * history API plans a Spark job per call; a write only needs its own commit's metrics, which sit
 * in one small file the driver can read itself.
 */
final class CommitLog {
  private CommitLog() {}

  private static final ObjectMapper JSON = new ObjectMapper();
  /** How far back a write's own commit is looked for: more than the writers ever running side by side. */
  private static final int LOOKBACK = 20;

  /** {@code numOutputRows} of the commit whose user metadata is {@code tag}; -1 when not found. */
  static long outputRows(SparkSession spark, String path, String tag) {
    long latest = DeltaLog.forTable(spark, path).update(false, scala.Option.empty(), scala.Option.empty()).version();
    Path log = new Path(path, "_delta_log");
    try {
      FileSystem fs = log.getFileSystem(spark.sparkContext().hadoopConfiguration());
      for (long v = latest; v >= Math.max(0, latest - LOOKBACK); v--) {
        Path commit = new Path(log, String.format("%020d.json", v));
        if (!fs.exists(commit)) continue;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(fs.open(commit), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            if (!line.contains("\"commitInfo\"")) continue;
            JsonNode info = JSON.readTree(line).path("commitInfo");
            if (!tag.equals(info.path("userMetadata").asText(null))) break;
            JsonNode rows = info.path("operationMetrics").path("numOutputRows");
            return rows.isMissingNode() ? 0 : Long.parseLong(rows.asText());
          }
        }
      }
      return -1;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the commit log of " + path + ": " + e.getMessage(), e);
    }
  }
}
