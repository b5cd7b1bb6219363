package com.dispatch.quality.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.execution.FileSourceScanExec;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.adaptive.QueryStageExec;
import org.apache.spark.sql.execution.columnar.InMemoryTableScanExec;
import org.apache.spark.sql.execution.metric.SQLMetric;
import org.apache.spark.sql.util.QueryExecutionListener;
import scala.collection.JavaConverters;

/**
 * Evidence for incremental processing (issue 6, item 2) without touching the jobs: registered
 * with {@code -Dspark.sql.queryExecutionListeners=com.dispatch.quality.bench.ScanReport}, it
 * writes one JSON line per file scan of every finished query to the file named by
 * {@code -Dbench.scanReport=<path>}: table root, partition filters, pushed data filters, and
 * the scan's own metrics (files read, bytes read, partitions read). A monthly run that prunes
 * well shows few files per table and partition filters on {@code month}/{@code service_month}.
 */
public final class ScanReport implements QueryExecutionListener {
  private static final java.util.Set<SparkPlan> REPORTED =
      java.util.Collections.synchronizedSet(java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));

  private final Path out = Path.of(System.getProperty("bench.scanReport", "scan-report.jsonl"));

  @Override
  public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
    List<FileSourceScanExec> scans = new ArrayList<>();
    collect(qe.executedPlan(), scans);
    StringBuilder b = new StringBuilder();
    for (FileSourceScanExec s : scans) {
      String roots = JavaConverters.seqAsJavaList(s.relation().location().rootPaths()).toString();
      b.append(String.format(Locale.ROOT,
          "{\"action\":\"%s\",\"location\":\"%s\",\"root\":%s,\"partition_filters\":%s,\"data_filters\":%s,"
              + "\"files\":%d,\"bytes\":%d,\"partitions\":%d}%n",
          esc(funcName), esc(s.relation().location().getClass().getSimpleName()), quote(roots),
          quote(s.partitionFilters().toString()), quote(s.dataFilters().toString()),
          metric(s, "numFiles"), metric(s, "filesSize"), metric(s, "numPartitions")));
    }
    if (b.length() == 0) return;
    try {
      Files.writeString(out, b.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      System.err.println("ScanReport: cannot write " + out + ": " + e.getMessage());
    }
  }

  @Override
  public void onFailure(String funcName, QueryExecution qe, Exception exception) {}

  /**
   * Every file scan under {@code p}, including those under a cached relation (the metrics job
   * caches its silver inputs, so their scans sit in the cache's plan). A scan is reported once:
   * the same cached plan appears in every later query that reads the cache.
   */
  private static void collect(SparkPlan p, List<FileSourceScanExec> acc) {
    if (p instanceof FileSourceScanExec f && REPORTED.add(f)) acc.add(f);
    if (p instanceof InMemoryTableScanExec m) collect(m.relation().cachedPlan(), acc);
    if (p instanceof AdaptiveSparkPlanExec a) collect(a.executedPlan(), acc);
    if (p instanceof QueryStageExec q) collect(q.plan(), acc);
    for (SparkPlan c : JavaConverters.seqAsJavaList(p.children())) collect(c, acc);
    for (SparkPlan sub : JavaConverters.seqAsJavaList(p.subqueries())) collect(sub, acc);
  }

  private static long metric(FileSourceScanExec s, String name) {
    scala.Option<SQLMetric> m = s.metrics().get(name);
    return m.isDefined() ? m.get().value() : -1;
  }

  private static String quote(String s) { return "\"" + esc(s) + "\""; }

  private static String esc(String s) { return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " "); }
}
