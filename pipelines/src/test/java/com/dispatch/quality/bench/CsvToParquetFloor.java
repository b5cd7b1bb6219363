package com.dispatch.quality.bench;

import com.dispatch.quality.spark.Sessions;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Benchmark peer (issue 6): the engine's own floor for ingest. Spark alone reads the same CSV
 * files the pipeline ingests and writes them as plain Parquet: every column a string (no types,
 * no validation, no dedup, no Delta, no lineage), with the two reading settings correctness
 * needs anyway (../shared/STACK.md): files grouped by header so columns are matched by name,
 * and {@code multiLine} for quoted newlines. Same session factory (local[*]) and JVM flags as
 * the pipeline, one JVM per run like the pipeline's command.
 *
 * <p>Usage: {@code CsvToParquetFloor <landing> <out>}: every {@code *.csv} under the folder of
 * each source (the first path segment; {@code reference/<name>} for reference files).
 */
public final class CsvToParquetFloor {
  private CsvToParquetFloor() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CsvToParquetFloor <landing> <out>");
      System.exit(2);
    }
    Path landing = Path.of(args[0]).toAbsolutePath();
    String out = Path.of(args[1]).toAbsolutePath().toString();
    long t0 = System.nanoTime();
    SparkSession spark = Sessions.create("bench-csv-to-parquet", null);
    long t1 = System.nanoTime();
    long rows = 0;
    int files = 0;
    try {
      Map<String, List<Path>> bySource;
      try (Stream<Path> s = Files.walk(landing)) {
        bySource = s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
            .collect(Collectors.groupingBy(p -> source(landing, p), TreeMap::new, Collectors.toList()));
      }
      for (Map.Entry<String, List<Path>> src : bySource.entrySet()) {
        Map<String, List<Path>> byHeader = new TreeMap<>();
        for (Path p : src.getValue()) byHeader.computeIfAbsent(header(p), h -> new java.util.ArrayList<>()).add(p);
        Dataset<Row> all = null;
        for (List<Path> group : byHeader.values()) {
          Dataset<Row> df = spark.read().option("header", "true").option("multiLine", "true")
              .option("mode", "PERMISSIVE").csv(group.stream().map(Path::toString).toArray(String[]::new));
          all = all == null ? df : all.unionByName(df, true);
        }
        all.write().mode("overwrite").parquet(out + "/" + src.getKey().replace('/', '_'));
        rows += spark.read().parquet(out + "/" + src.getKey().replace('/', '_')).count();
        files += src.getValue().size();
      }
    } finally {
      spark.stop();
    }
    long t2 = System.nanoTime();
    System.out.println(String.format(Locale.ROOT,
        "{\"peer\":\"spark_csv_to_parquet\",\"files\":%d,\"rows\":%d,\"session_seconds\":%.3f,\"work_seconds\":%.3f}",
        files, rows, (t1 - t0) / 1e9, (t2 - t1) / 1e9));
  }

  private static String source(Path landing, Path file) {
    Path rel = landing.relativize(file);
    String first = rel.getName(0).toString();
    if (first.equals("reference") && rel.getNameCount() > 1) {
      String name = rel.getFileName().toString();
      return "reference/" + name.substring(0, name.length() - 4);
    }
    return first;
  }

  /** The header line without BOM, lower-cased: files with the same header read together. */
  private static String header(Path p) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.ISO_8859_1)) {
      String h = r.readLine();
      if (h == null) return "";
      if (h.startsWith("\u00EF\u00BB\u00BF")) h = h.substring(3);
      return h.trim().toLowerCase(Locale.ROOT);
    }
  }
}
