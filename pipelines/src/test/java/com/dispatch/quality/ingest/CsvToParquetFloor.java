package com.dispatch.quality.ingest;

import com.dispatch.quality.io.Lake;
import com.dispatch.quality.spark.Sessions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark helper (not a test): times Spark's own CSV to Parquet of a landing zone (every
 * source folder, header, multiLine) and then our ingest of the same files, in one JVM, so the
 * ratio ingest / floor of issue 6 can be read off. Args: landing dir, scratch dir.
 */
public final class CsvToParquetFloor {
  public static void main(String[] args) {
    String landing = args[0];
    String scratch = args[1];
    SparkSession spark = Sessions.create("floor", null);
    // Warm-up job: the first job of a JVM pays class loading and code generation.
    spark.range(1000).selectExpr("sum(id)").collect();
    HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
    Map<String, List<String>> bySource = new TreeMap<>();
    for (LandingFile f : Landing.list(conf.get(), landing).files()) {
      bySource.computeIfAbsent(f.source(), s -> new java.util.ArrayList<>()).add(f.uri());
    }
    long t0 = System.nanoTime();
    bySource.forEach((source, files) -> spark.read().option("header", "true").option("multiLine", "true")
        .csv(files.toArray(new String[0])).write().mode("overwrite").parquet(scratch + "/parquet/" + source));
    double floor = (System.nanoTime() - t0) / 1e9;
    System.out.printf("spark csv->parquet floor: %.1f s%n", floor);
    long t1 = System.nanoTime();
    IngestResult r = new IngestJob(spark, new Lake(scratch + "/lake"), System.out::println).run(landing);
    double ingest = (System.nanoTime() - t1) / 1e9;
    System.out.printf("ingest: %.1f s, %d rows, reconciled %s; ratio ingest/floor %.2f%n", ingest, r.rowsRead(),
        r.reconciled(), ingest / floor);
    spark.stop();
  }
}
