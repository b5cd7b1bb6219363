package com.dispatch.quality.bench;

import static org.apache.spark.sql.functions.col;

import com.dispatch.quality.io.Lake;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.schema.Sources;
import com.dispatch.quality.spark.Sessions;
import com.dispatch.quality.spark.SmallInput;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The fault-injection suite's verdict (issue 11, item 5; driven by {@code .ci/faults.sh}): a lake
 * that went through killed runs and reruns against a lake of one clean run of the same input.
 *
 * <ul>
 *   <li>silver and gold: the same rows (run ids, as_of and ingest instants aside), as multisets;
 *   <li>bronze, quarantine, ingested_files: the same rows, and no record twice;
 *   <li>runs: at least {@code minDead} runs that did not succeed, every dead ingest recorded FAILED
 *       by the run that cleaned it up, and no ingest run left without an end row;
 *   <li>reports (when {@code out} is given): every {@code *.pdf} of a month folder is listed in its
 *       manifest with the right SHA-256 and ends with {@code %%EOF}, every listed file exists.
 * </ul>
 *
 * <p>Usage: {@code LakeCompare <cleanLake> [--faulted <lake> <minDead> <out>]... [--same <lake>]...}:
 * each {@code --faulted} lake gets all the checks above, each {@code --same} lake (concurrent runs,
 * item 4) only the table comparison. All lakes in one JVM; each table of each lake is read with one
 * collect (the lakes are small) and compared as a multiset of rows in Java, the clean lake's once
 * for all: the Spark version ({@code exceptAll} both ways, counts) took 4 minutes of a 20-minute suite.
 * Exits 1 and prints what differs.
 */
public final class LakeCompare {
  private LakeCompare() {}

  private static final ExecutorService READERS = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "lake-compare-reader");
    t.setDaemon(true);
    return t;
  });

  public static void main(String[] args) throws Exception {
    Lake clean = new Lake(args[0]);
    List<String[]> faulted = new ArrayList<>();
    List<String> same = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      switch (args[i]) {
        case "--faulted" -> { faulted.add(new String[] {args[i + 1], args[i + 2], args[i + 3]}); i += 3; }
        case "--same" -> same.add(args[++i]);
        default -> throw new IllegalArgumentException("usage: LakeCompare <cleanLake> [--faulted <lake> <minDead> <out>]..."
            + " [--same <lake>]...; not understood: " + args[i]);
      }
    }
    SparkSession spark = Sessions.create("lake-compare", "local[2]");
    List<String> problems = new ArrayList<>();
    List<String> lakes = new ArrayList<>(List.of(clean.root()));
    faulted.forEach(f -> lakes.add(f[0]));
    lakes.addAll(same);
    // The production's settings for small inputs: no AQE, no code generation (issue 10).
    try (SmallInput settings = SmallInput.forFiles(spark, lakes)) {
      System.out.println("lake-compare: " + settings.describe());
      Map<String, Future<Map<String, Long>>> cleanRows = new TreeMap<>();
      for (String[] f : faulted) {
        System.out.println("lake after killed runs " + f[0] + ":");
        compareTables(spark, clean, cleanRows, new Lake(f[0]), problems);
        checkRuns(spark, new Lake(f[0]), Long.parseLong(f[1]), problems);
        checkReports(Path.of(f[2]), problems);
      }
      for (String lake : same) {
        System.out.println("lake of concurrent runs " + lake + ":");
        compareTables(spark, clean, cleanRows, new Lake(lake), problems);
      }
    } finally {
      spark.stop();
    }
    if (!problems.isEmpty()) {
      System.out.println("FAULT SUITE: differences: " + problems);
      System.exit(1);
    }
    System.out.println("FAULT SUITE: every lake equals the clean run");
  }

  /** The tables compared, each with the columns that differ between runs by design. */
  private static Map<String, String[]> tables() {
    Map<String, String[]> tables = new TreeMap<>();
    for (var s : Sources.ALL) {
      tables.put("silver/" + s.name(), new String[] {"run_id"});
      tables.put("bronze/" + s.name(), new String[] {"run_id", "ingested_at"});
    }
    tables.put("quarantine", new String[] {"run_id"});
    tables.put("ingested_files", new String[] {"run_id", "ingested_at"});
    for (String g : Gold.TABLES.keySet()) tables.put("gold/" + g, new String[] {"run_id", "as_of"});
    return tables;
  }

  /**
   * Every table of {@code lake} against the clean lake's ({@code cleanRows} caches those): the
   * same rows as multisets, and outside gold no row twice.
   */
  private static void compareTables(SparkSession spark, Lake clean, Map<String, Future<Map<String, Long>>> cleanRows,
      Lake lake, List<String> problems) throws Exception {
    // Two tables read at a time: each read is mostly driver work (Delta log, planning) on one thread.
    Map<String, Future<Map<String, Long>>> mine = new TreeMap<>();
    for (Map.Entry<String, String[]> t : tables().entrySet()) {
      String table = t.getKey();
      cleanRows.computeIfAbsent(table, k -> READERS.submit(() -> rows(spark, clean.root() + "/" + k, t.getValue())));
      mine.put(table, READERS.submit(() -> rows(spark, lake.root() + "/" + table, t.getValue())));
    }
    for (String table : mine.keySet()) {
      Map<String, Long> a = cleanRows.get(table).get();
      Map<String, Long> b = mine.get(table).get();
      if (a == null && b == null) continue;
      if (a == null || b == null) {
        problems.add(table + " exists only in " + (a != null ? "the clean lake" : lake.root()));
        continue;
      }
      long onlyA = surplus(a, b);
      long onlyB = surplus(b, a);
      long dupB = b.values().stream().mapToLong(n -> n - 1).sum();
      System.out.printf("%-34s rows %7d / %7d  only-clean %d  only-other %d  duplicates %d%n", table,
          total(a), total(b), onlyA, onlyB, dupB);
      if (onlyA > 0 || onlyB > 0) problems.add(lake.root() + ": " + table + " differs");
      if (dupB > 0 && !table.startsWith("gold/")) problems.add(lake.root() + ": " + table + " has " + dupB + " duplicate rows");
    }
  }

  /** A table's rows without {@code drop}, as a multiset of their text; null when there is no such table. */
  private static Map<String, Long> rows(SparkSession spark, String path, String[] drop) {
    if (!DeltaTable.isDeltaTable(spark, path)) return null;
    Dataset<Row> df = setComparable(GoldCompare.comparable(spark.read().format("delta").load(path).drop(drop)));
    String[] columns = df.columns();
    java.util.Arrays.sort(columns);
    Map<String, Long> out = new HashMap<>();
    Dataset<Row> sorted = df.select(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length));
    for (Row r : sorted.collectAsList()) out.merge(r.toString(), 1L, Long::sum);
    return out;
  }

  /** How many rows of {@code a} are not matched by a row of {@code b} (multiset difference). */
  private static long surplus(Map<String, Long> a, Map<String, Long> b) {
    return a.entrySet().stream().mapToLong(e -> Math.max(0, e.getValue() - b.getOrDefault(e.getKey(), 0L))).sum();
  }

  private static long total(Map<String, Long> rows) {
    return rows.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Map columns (bronze extra_columns) as sorted JSON: set operations do not take maps. */
  private static Dataset<Row> setComparable(Dataset<Row> df) {
    for (org.apache.spark.sql.types.StructField f : df.schema().fields()) {
      if (f.dataType() instanceof org.apache.spark.sql.types.MapType) {
        df = df.withColumn(f.name(), org.apache.spark.sql.functions.to_json(
            org.apache.spark.sql.functions.array_sort(org.apache.spark.sql.functions.map_entries(col(f.name())))));
      }
    }
    return df;
  }

  private static void checkRuns(SparkSession spark, Lake lake, long minDead, List<String> problems) {
    Dataset<Row> runs = spark.read().format("delta").load(lake.runs());
    Dataset<Row> byRun = runs.groupBy("run_id", "command").agg(
        org.apache.spark.sql.functions.collect_set("status").as("statuses"),
        org.apache.spark.sql.functions.max(org.apache.spark.sql.functions.when(
            col("message").contains("died without an end row"), 1).otherwise(0)).as("cleaned"));
    List<Row> notSucceeded = byRun.filter(org.apache.spark.sql.functions.not(
        org.apache.spark.sql.functions.array_contains(col("statuses"), "SUCCEEDED"))).orderBy("run_id").collectAsList();
    System.out.println("runs that did not succeed (every killed run must be here):");
    notSucceeded.forEach(r -> System.out.println("  " + r));
    if (notSucceeded.size() < minDead) {
      problems.add("only " + notSucceeded.size() + " dead/failed runs visible in runs, expected >= " + minDead);
    }
    long openIngest = byRun.filter(col("command").equalTo("ingest")
        .and(org.apache.spark.sql.functions.size(col("statuses")).equalTo(1))
        .and(org.apache.spark.sql.functions.array_contains(col("statuses"), "STARTED"))).count();
    if (openIngest > 0) problems.add(openIngest + " ingest runs still without an end row after the final run");
  }

  private static void checkReports(Path out, List<String> problems) throws Exception {
    if (!Files.isDirectory(out)) {
      problems.add("no report folder " + out);
      return;
    }
    try (Stream<Path> months = Files.list(out)) {
      for (Path dir : months.filter(Files::isDirectory).sorted().toList()) {
        Map<String, String> listed = new TreeMap<>();
        Path manifest = dir.resolve("manifest.csv");
        if (Files.exists(manifest)) {
          List<String> lines = Files.readAllLines(manifest, StandardCharsets.UTF_8);
          List<String> header = List.of(lines.get(0).split(","));
          int file = header.indexOf("file");
          int sha = header.indexOf("sha256");
          for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            listed.put(f[file], f[sha]);
          }
        }
        try (Stream<Path> files = Files.list(dir)) {
          for (Path pdf : files.filter(p -> p.getFileName().toString().endsWith(".pdf")
              && !p.getFileName().toString().startsWith(".")).sorted().toList()) {
            String name = pdf.getFileName().toString();
            byte[] bytes = Files.readAllBytes(pdf);
            String tail = new String(bytes, Math.max(0, bytes.length - 1024), Math.min(1024, bytes.length),
                StandardCharsets.ISO_8859_1);
            if (!listed.containsKey(name)) problems.add(dir.getFileName() + "/" + name + " is not in the manifest");
            else if (!listed.get(name).equalsIgnoreCase(sha256(bytes))) problems.add(name + ": sha256 differs from manifest");
            if (!tail.contains("%%EOF")) problems.add(dir.getFileName() + "/" + name + " is truncated");
          }
        }
        for (String name : listed.keySet()) {
          if (!Files.exists(dir.resolve(name))) problems.add(dir.getFileName() + "/" + name + " listed but absent");
        }
        System.out.printf("reports %s: %d files listed, all present and complete unless reported%n",
            dir.getFileName(), listed.size());
      }
    }
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}
