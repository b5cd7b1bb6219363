package com.dispatch.quality.bench;

import static org.apache.spark.sql.functions.col;

import com.dispatch.quality.io.Lake;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.schema.Sources;
import com.dispatch.quality.spark.Sessions;
import io.delta.tables.DeltaTable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
 * <p>Usage: {@code LakeCompare <cleanLake> <faultedLake> <minDead> [<faultedOut> [<concurrentLake>]]};
 * the optional last lake (concurrent runs, item 4) is compared table by table like the faulted one.
 * Exits 1 and prints what differs.
 */
public final class LakeCompare {
  private LakeCompare() {}

  public static void main(String[] args) throws Exception {
    Lake clean = new Lake(args[0]);
    Lake faulted = new Lake(args[1]);
    long minDead = Long.parseLong(args[2]);
    Path out = args.length > 3 ? Path.of(args[3]) : null;
    SparkSession spark = Sessions.create("lake-compare", "local[2]");
    List<String> problems = new ArrayList<>();
    try {
      compareTables(spark, clean, faulted, problems);
      checkRuns(spark, faulted, minDead, problems);
      if (out != null) checkReports(out, problems);
      if (args.length > 4) {
        System.out.println("lake of concurrent runs " + args[4] + ":");
        compareTables(spark, clean, new Lake(args[4]), problems);
      }
    } finally {
      spark.stop();
    }
    if (!problems.isEmpty()) {
      System.out.println("FAULT SUITE: differences: " + problems);
      System.exit(1);
    }
    System.out.println("FAULT SUITE: faulted lake equals the clean run");
  }

  private static void compareTables(SparkSession spark, Lake a0, Lake b0, List<String> problems) {
    Map<String, String[]> tables = new TreeMap<>();
    for (var s : Sources.ALL) {
      tables.put("silver/" + s.name(), new String[] {"run_id"});
      tables.put("bronze/" + s.name(), new String[] {"run_id", "ingested_at"});
    }
    tables.put("quarantine", new String[] {"run_id"});
    tables.put("ingested_files", new String[] {"run_id", "ingested_at"});
    for (String g : Gold.TABLES.keySet()) tables.put("gold/" + g, new String[] {"run_id", "as_of"});
    for (Map.Entry<String, String[]> t : tables.entrySet()) {
      String a = a0.root() + "/" + t.getKey();
      String b = b0.root() + "/" + t.getKey();
      boolean inA = DeltaTable.isDeltaTable(spark, a);
      boolean inB = DeltaTable.isDeltaTable(spark, b);
      if (!inA && !inB) continue;
      if (inA != inB) {
        problems.add(t.getKey() + " exists only in " + (inA ? "the clean" : "the faulted") + " lake");
        continue;
      }
      Dataset<Row> da = setComparable(GoldCompare.comparable(spark.read().format("delta").load(a).drop(t.getValue())));
      Dataset<Row> db = setComparable(GoldCompare.comparable(spark.read().format("delta").load(b).drop(t.getValue())));
      long onlyA = da.exceptAll(db).count();
      long onlyB = db.exceptAll(da).count();
      long dupB = db.count() - db.distinct().count();
      System.out.printf("%-34s rows %7d / %7d  only-clean %d  only-faulted %d  duplicates %d%n", t.getKey(),
          da.count(), db.count(), onlyA, onlyB, dupB);
      if (onlyA > 0 || onlyB > 0) problems.add(b0.root() + ": " + t.getKey() + " differs");
      if (dupB > 0 && !t.getKey().startsWith("gold/")) problems.add(t.getKey() + " has " + dupB + " duplicate rows");
    }
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
