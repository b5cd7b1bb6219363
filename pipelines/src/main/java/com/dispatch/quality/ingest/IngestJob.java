package com.dispatch.quality.ingest;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import com.dispatch.quality.domain.ReasonCode;
import com.dispatch.quality.io.DeltaIO;
import com.dispatch.quality.io.FaultInjection;
import com.dispatch.quality.io.IngestLock;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.io.RunLog;
import com.dispatch.quality.io.RunLog.FileCount;
import com.dispatch.quality.schema.Bronze;
import com.dispatch.quality.schema.Conform;
import com.dispatch.quality.schema.Quarantine;
import com.dispatch.quality.schema.Silver;
import com.dispatch.quality.schema.Sources;
import com.dispatch.quality.schema.Sources.ReferenceCheck;
import com.dispatch.quality.schema.Sources.SourceSpec;
import com.dispatch.quality.silver.ReferenceChecks;
import com.dispatch.quality.silver.RowValidator;
import com.dispatch.quality.silver.SilverMerge;
import com.dispatch.quality.spark.DriverThreads;
import com.dispatch.quality.spark.SmallInput;
import com.dispatch.quality.spark.SparkActivity;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;

/**
 * Ingests a landing zone into the lake (SPEC §1–§3, §5, §6).
 *
 * <p>Input: every CSV of every source in the landing zone (directory or Hadoop URI). Output:
 * {@code bronze/<source>} (appended, raw strings), {@code silver/<entity>} (merged by business
 * key), {@code quarantine} (appended), {@code ingested_files} (content hashes) and one
 * {@code runs} row with the per-file reconciliation. Files whose bytes were ingested before are
 * skipped, so a rerun on the same landing changes nothing.
 *
 * <p>Files are hashed, checked and parsed inside Spark tasks, one task per file, streaming; the
 * driver only ever holds the file list and per-file counts.
 */
public final class IngestJob {
  /** Sources ingested at once: enough to overlap their Delta commits, few enough to keep their caches small. */
  private static final int CONCURRENT_SOURCES = 3;

  private final SparkSession spark;
  private final Lake lake;
  private final Consumer<String> progress;
  private PhaseTimer timer = new PhaseTimer();
  /** Per reference source, the file whose snapshot silver holds (from the file log). */
  private Map<String, LandingFile> snapshots = Map.of();

  public IngestJob(SparkSession spark, Lake lake, Consumer<String> progress) {
    this.spark = spark;
    this.lake = lake;
    this.progress = progress;
  }

  /** Runs an ingest, records it in {@code runs} and returns its reconciliation. */
  public static IngestResult run(SparkSession spark, Lake lake, String landing) {
    return new IngestJob(spark, lake, s -> { }).run(landing);
  }

  /**
   * Takes the lake's ingest lock, cleans up after ingest runs that died ({@link IngestRecovery}),
   * writes this run's STARTED row, ingests, and writes its end row. A run that fails removes its
   * own rows before recording FAILED; if even that fails (or the process dies), its STARTED row
   * stays alone and the next ingest cleans up.
   */
  public IngestResult run(String landing) {
    SparkActivity.install(spark);
    String runId = RunLog.newRunId("ingest");
    timer = new PhaseTimer();
    try (IngestLock lock = IngestLock.acquire(spark.sparkContext().hadoopConfiguration(), lake, runId, progress)) {
      FaultInjection.reached("ingest:locked");
      IngestRecovery.recover(spark, lake, runId, progress);
      FaultInjection.reached("ingest:recovered");
      try (SmallInput settings = SmallInput.forFiles(spark, List.of(landing))) {
        progress.accept("ingest: landing " + settings.describe());
        return runLocked(landing, runId);
      }
    }
  }

  private IngestResult runLocked(String landing, String runId) {
    Instant started = Instant.now();
    RunLog.record(spark, lake, new RunLog.RunRecord(runId, "ingest", null, null, started, null, RunLog.STARTED,
        null, List.of()));
    try {
        IngestResult result = ingest(landing, runId, new Timestamp(started.toEpochMilli()));
        String status = result.reconciled() ? RunLog.SUCCEEDED : RunLog.FAILED;
        String message = result.reconciled()
            ? String.format("%d files ingested, %d skipped as duplicates, %d unreadable; %d rows read, %d accepted, %d quarantined",
                result.count(IngestResult.INGESTED), result.count(IngestResult.SKIPPED_DUPLICATE),
                result.count(IngestResult.UNREADABLE), result.rowsRead(), result.rowsAccepted(), result.rowsQuarantined())
            : "rows not accounted for: " + String.join("; ", result.failures());
        RunLog.record(spark, lake, new RunLog.RunRecord(runId, "ingest", null, null, started, Instant.now(), status,
            message, result.files()));
        timer.lap("runs record");
        return result;
      } catch (RuntimeException e) {
        try {
          IngestRecovery.removeRows(spark, lake, List.of(runId));
          RunLog.record(spark, lake, new RunLog.RunRecord(runId, "ingest", null, null, started, Instant.now(), RunLog.FAILED,
              String.valueOf(e.getMessage()) + " (this run's bronze, quarantine and ingested_files rows were removed)",
              List.of()));
        } catch (RuntimeException cleanup) {
          e.addSuppressed(cleanup); // left STARTED-only: the next ingest cleans up
        }
        throw e;
      }
    }

    private IngestResult ingest(String landing, String runId, Timestamp ingestedAt) {
      JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
      HadoopConf conf = new HadoopConf(spark.sparkContext().hadoopConfiguration());
      Landing.Listing listing = Landing.list(conf.get(), landing);
      progress.accept("landing " + landing + ": " + listing.files().size() + " files");
      timer.lap("list landing");

      // Arrival order decides which of two identical deliveries counts as the original.
      Known known = previouslyIngested();
      Map<String, String> seen = known.firstFileBySha();
      snapshots = known.snapshots();
      timer.lap("read ingested_files");

      // A file logged before under the same path, size and modification time is not read again:
      // its bytes are the logged ones (the quick check of rsync and make), so it is a duplicate.
      Map<String, FileProbe.Result> probeByFile = new HashMap<>();
      List<LandingFile> unknown = new ArrayList<>();
      for (LandingFile f : listing.files()) {
        String sha = known.shaByStat().get(new FileStat(f.file(), f.sizeBytes(), f.modifiedAt()));
        if (sha != null) probeByFile.put(f.file(), new FileProbe.Result(f, sha, null));
        else unknown.add(f);
      }
      List<FileProbe.Result> probes = unknown.isEmpty() ? List.of()
          : jsc.parallelize(unknown, unknown.size()).map(f -> FileProbe.probe(f, conf.get())).collect();
      probes.forEach(p -> probeByFile.put(p.file().file(), p));
      progress.accept(String.format("landing: %d files already ingested (same path, size and time), %d read and hashed",
          listing.files().size() - unknown.size(), unknown.size()));
      timer.lap("probe files");

      Map<String, List<FileProbe.Result>> toIngest = new LinkedHashMap<>();
      List<FileProbe.Result> unreadable = new ArrayList<>();
      Map<String, FileCount> counts = new LinkedHashMap<>();
      for (LandingFile f : listing.files()) {
        FileProbe.Result p = probeByFile.get(f.file());
        String first = seen.putIfAbsent(p.sha256(), f.file());
        if (first != null) {
          counts.put(f.file(), new FileCount(f.source(), f.file(), IngestResult.SKIPPED_DUPLICATE, 0, 0, 0));
        } else if (p.problem() != null) {
          unreadable.add(p);
          counts.put(f.file(), new FileCount(f.source(), f.file(), IngestResult.UNREADABLE, 0, 0, 0));
        } else {
          toIngest.computeIfAbsent(f.source(), s -> new ArrayList<>()).add(p);
        }
      }

      List<String> failures = new ArrayList<>();
      List<FileProbe.Result> ingested = new ArrayList<>();
      Map<String, SourceRun> runs = ingestSources(jsc, conf, toIngest, runId, ingestedAt);
      try {
        for (SourceRun run : runs.values()) {
          for (FileProbe.Result p : toIngest.get(run.spec().name())) {
            FileCount c = run.counts().get(p.file().file());
            counts.put(p.file().file(), c);
            if (c.rowsRead() != c.rowsAccepted() + c.rowsQuarantined()) {
              failures.add(String.format("%s: read %d but accepted %d + quarantined %d", c.file(), c.rowsRead(),
                  c.rowsAccepted(), c.rowsQuarantined()));
            } else {
              ingested.add(p);
            }
          }
        }
        SourceRun cases = runs.get(Sources.CASES.name());
        if (cases != null) {
          LateCaseEvents.recheck(spark, lake, cases.checked().filter(col(RowValidator.REASON).isNull()), progress);
        }
        writeQuarantine(runs.values(), unreadable, runId);
        timer.lap("quarantine append");
      } finally {
        runs.values().forEach(r -> r.checked().unpersist());
      }
    logIngestedFiles(ingested, unreadable, runId, ingestedAt);
    timer.lap("ingested_files append");

    List<String> unreadableLines = unreadable.stream().map(p -> p.file().file() + ": " + p.problem()).toList();
    return new IngestResult(runId, new ArrayList<>(counts.values()), unreadableLines, listing.ignored(), failures);
  }

  /**
   * Runs every source with files in this run, concurrently: a source starts as soon as the
   * sources its reference checks read are merged (clients before everything that names a client,
   * cases before case_events). Most of a small source's time is Delta's fixed cost per commit,
   * spent on the driver, so sources overlap well even on two cores. Returns the runs in
   * {@link Sources#ALL} order; if a source fails, the others finish, their cached rows are freed
   * and the first failure is thrown.
   */
  private Map<String, SourceRun> ingestSources(JavaSparkContext jsc, HadoopConf conf,
      Map<String, List<FileProbe.Result>> toIngest, String runId, Timestamp ingestedAt) {
    ExecutorService pool = DriverThreads.pool(CONCURRENT_SOURCES, "ingest-source");
    try {
      Map<String, CompletableFuture<SourceRun>> futures = new LinkedHashMap<>();
      for (SourceSpec spec : Sources.ALL) {
        CompletableFuture<?>[] deps = dependencies(spec).stream().map(futures::get).filter(Objects::nonNull)
            .toArray(CompletableFuture[]::new);
        List<FileProbe.Result> files = toIngest.get(spec.name());
        CompletableFuture<Void> ready = CompletableFuture.allOf(deps);
        futures.put(spec.name(), files == null ? ready.thenApply(v -> null) : ready.thenApplyAsync(v -> {
          SourceRun run = ingestSource(jsc, conf, spec, files, runId, ingestedAt);
          long read = run.counts().values().stream().mapToLong(FileCount::rowsRead).sum();
          long quarantined = run.counts().values().stream().mapToLong(FileCount::rowsQuarantined).sum();
          progress.accept(String.format("%-20s %3d files %10d rows read %10d quarantined", spec.name(), files.size(),
              read, quarantined));
          return run;
        }, pool));
      }
      Map<String, SourceRun> runs = new LinkedHashMap<>();
      RuntimeException failure = null;
      for (Map.Entry<String, CompletableFuture<SourceRun>> e : futures.entrySet()) {
        try {
          SourceRun run = e.getValue().join();
          if (run != null) runs.put(e.getKey(), run);
        } catch (CompletionException | CancellationException ex) {
          if (failure == null) {
            failure = ex.getCause() instanceof RuntimeException re ? re : new IllegalStateException(ex.getCause());
          }
        }
      }
      if (failure != null) {
        runs.values().forEach(r -> r.checked().unpersist());
        throw failure;
      }
      return runs;
    } finally {
      pool.shutdown();
    }
  }

  /** The sources whose silver rows {@code spec}'s reference checks read. */
  static Set<String> dependencies(SourceSpec spec) {
    Set<String> deps = new HashSet<>();
    for (ReferenceCheck check : spec.referenceChecks()) {
      deps.add(switch (check) {
        case CLIENT_EXISTS, CLIENT_EXISTS_OR_STAR -> Sources.CLIENTS.name();
        case MILESTONE_NOT_BEFORE_CASE -> Sources.CASES.name();
      });
    }
    return deps;
  }

  /**
   * One source's share of a run: its per-file counts and its validated rows (persisted until the
   * run's single quarantine append).
   */
  private record SourceRun(SourceSpec spec, Map<String, FileCount> counts, Dataset<Row> checked) {
    Dataset<Row> quarantined() {
      return checked.filter(col(RowValidator.REASON).isNotNull()).select(
          lit(spec.name()).as("source"), col("source_file").as("file"), col("source_line").as("line"),
          col(RowValidator.QUARANTINE_RAW).as("raw"), col(RowValidator.REASON).as("reason"),
          col(RowValidator.MESSAGE).as("message"), col("run_id"));
    }
  }

  /**
   * Bronze append, validation, reference checks and silver merge for one source. The files are
   * parsed once: the parsed rows are cached, written to bronze and validated from the cache.
   */
  private SourceRun ingestSource(JavaSparkContext jsc, HadoopConf conf, SourceSpec spec,
      List<FileProbe.Result> files, String runId, Timestamp ingestedAt) {
    StructType bronzeSchema = Bronze.forSource(spec);
    JavaRDD<Row> bronzeRows = jsc.parallelize(files, files.size())
        .flatMap(p -> new BronzeRows(p.file(), p.sha256(), spec, runId, ingestedAt, conf.get()));
    Dataset<Row> bronze = spark.createDataFrame(bronzeRows, bronzeSchema).persist(StorageLevel.MEMORY_AND_DISK());
    Dataset<Row> checked = null;
    try {
      DeltaIO.append(bronze, lake.bronze(spec.name()), bronzeSchema);
      timer.lap(spec.name() + " bronze append");

      RowValidator validator = new RowValidator(spec);
      Dataset<Row> rowChecked = spark.createDataFrame(bronze.javaRDD().map(validator::check),
          RowValidator.checkedSchema(spec));
      checked = ReferenceChecks.apply(rowChecked, spec,
          () -> DeltaIO.readOrEmpty(spark, lake.silver(Sources.CLIENTS.name()), Silver.CLIENTS),
          () -> DeltaIO.readOrEmpty(spark, lake.silver(Sources.CASES.name()), Silver.CASES))
          .persist(StorageLevel.MEMORY_AND_DISK());
      Dataset<Row> accepted = checked.filter(col(RowValidator.REASON).isNull());
      if (spec.reference()) replaceReference(accepted, spec, files);
      else SilverMerge.merge(accepted, spec, lake.silver(spec.name()));
      timer.lap(spec.name() + " silver merge");

      // Rows read come from the parsed rows, verdicts from the checked ones, in one aggregation
      // of both (one shuffle): the reconciliation still catches a row lost or duplicated between
      // the two.
      Column isAccepted = when(col(RowValidator.REASON).isNull(), 1L).otherwise(0L);
      Dataset<Row> tallies = bronze.select(col("source_file").as("f"), lit(1L).as("r"), lit(0L).as("a"), lit(0L).as("q"))
          .unionAll(checked.select(col("source_file").as("f"), lit(0L).as("r"), isAccepted.as("a"),
              lit(1L).minus(isAccepted).as("q")));
      Map<String, long[]> byFile = new HashMap<>();
      for (Row r : tallies.groupBy("f").agg(sum("r"), sum("a"), sum("q")).collectAsList()) {
        byFile.put(r.getString(0), new long[] {r.getLong(1), r.getLong(2), r.getLong(3)});
      }
      timer.lap(spec.name() + " counts");
      Map<String, FileCount> out = new HashMap<>();
      for (FileProbe.Result p : files) {
        String f = p.file().file();
        long[] v = byFile.getOrDefault(f, new long[3]);
        out.put(f, new FileCount(spec.name(), f, IngestResult.INGESTED, v[0], v[1], v[2]));
      }
      return new SourceRun(spec, out, checked);
    } catch (RuntimeException e) {
      if (checked != null) checked.unpersist();
      throw e;
    } finally {
      bronze.unpersist();
    }
  }

  /** Arrival order (SPEC §2): modification time, then path. */
  private static final Comparator<LandingFile> ARRIVAL =
      Comparator.comparingLong(LandingFile::modifiedAt).thenComparing(LandingFile::file);

  /**
   * SPEC §2 reference snapshots: the newest file of this run (arrival order) replaces the table as
   * a whole with its accepted rows, unless a file that arrived later was ingested before (an older
   * snapshot delivered late never replaces a newer one; its rows stay in bronze). Older files of
   * the same run are superseded by the newest and only reach bronze and quarantine.
   */
  private void replaceReference(Dataset<Row> accepted, SourceSpec spec, List<FileProbe.Result> files) {
    LandingFile newest = files.stream().map(FileProbe.Result::file).max(ARRIVAL).orElseThrow();
    LandingFile current = snapshots.get(spec.name());
    if (current != null && ARRIVAL.compare(newest, current) < 0) {
      progress.accept(String.format("%s: %s is older than the snapshot in silver (%s, modified %s): not applied",
          spec.name(), newest.file(), current.file(), Instant.ofEpochMilli(current.modifiedAt())));
      return;
    }
    SilverMerge.replaceSnapshot(accepted.filter(col("source_file").equalTo(newest.file())), spec,
        lake.silver(spec.name()));
  }

  /** A landing file's identity for the quick check: relative path, size and modification time. */
  private record FileStat(String file, long sizeBytes, long modifiedAt) {}

  /**
   * The file log: the file that first brought each hash, each logged file's hash by its stat, and
   * per reference source the latest ingested file in arrival order (the snapshot silver holds).
   */
  private record Known(Map<String, String> firstFileBySha, Map<FileStat, String> shaByStat,
      Map<String, LandingFile> snapshots) {}

  /** Content hashes already in the lake, with the file that first brought them. */
  private Known previouslyIngested() {
    Map<String, String> seen = new HashMap<>();
    Map<FileStat, String> byStat = new HashMap<>();
    Map<String, LandingFile> snapshots = new HashMap<>();
    Optional<Dataset<Row>> ingested = DeltaIO.readIfExists(spark, lake.ingestedFiles());
    if (ingested.isEmpty()) return new Known(seen, byStat, snapshots);
    for (Row r : ingested.get()
        .select("file_sha256", "file", "size_bytes", "file_modified_at", "source", "status").collectAsList()) {
      seen.putIfAbsent(r.getString(0), r.getString(1));
      if (!r.isNullAt(2) && !r.isNullAt(3)) {
        byStat.put(new FileStat(r.getString(1), r.getLong(2), r.getTimestamp(3).getTime()), r.getString(0));
        String source = r.getString(4);
        if (IngestResult.INGESTED.equals(r.getString(5)) && Sources.ALL.stream()
            .anyMatch(s -> s.reference() && s.name().equals(source))) {
          LandingFile f = new LandingFile(source, null, r.getString(1), r.getLong(2), r.getTimestamp(3).getTime());
          snapshots.merge(source, f, (a, b) -> ARRIVAL.compare(a, b) >= 0 ? a : b);
        }
      }
    }
    return new Known(seen, byStat, snapshots);
  }

  /** This run's quarantine entries of every source and unreadable file, in one append. */
  private void writeQuarantine(Collection<SourceRun> runs, List<FileProbe.Result> unreadable, String runId) {
    Dataset<Row> all = null;
    for (SourceRun r : runs) {
      // The counts are known: a source without quarantined rows adds nothing (and a run without any, no commit).
      if (r.counts().values().stream().mapToLong(FileCount::rowsQuarantined).sum() == 0) continue;
      Dataset<Row> q = Conform.to(r.quarantined(), Quarantine.QUARANTINE);
      all = all == null ? q : all.unionAll(q);
    }
    if (!unreadable.isEmpty()) {
      List<Row> rows = new ArrayList<>();
      for (FileProbe.Result p : unreadable) {
        rows.add(RowFactory.create(p.file().source(), p.file().file(), null, null, ReasonCode.UNREADABLE_FILE.name(),
            p.file().file() + ": " + p.problem(), runId));
      }
      Dataset<Row> u = spark.createDataFrame(rows, Quarantine.QUARANTINE);
      all = all == null ? u : all.unionAll(u);
    }
    if (all == null) return;
    DeltaIO.append(all, lake.quarantine(), Quarantine.QUARANTINE);
  }

  /**
   * Records the hashes of files this run accounted for. Unreadable files are recorded too, so a
   * rerun does not quarantine the same bytes again; files that failed reconciliation are not, so
   * they are retried once the cause is fixed.
   */
  private void logIngestedFiles(List<FileProbe.Result> ingested, List<FileProbe.Result> unreadable, String runId,
      Timestamp ingestedAt) {
    List<Row> rows = new ArrayList<>();
    Set<String> done = new HashSet<>();
    for (FileProbe.Result p : ingested) rows.add(logRow(p, IngestResult.INGESTED, runId, ingestedAt, done));
    for (FileProbe.Result p : unreadable) {
      // A file gone while the run read it is not logged: its bytes were never seen, so it is read when back.
      if (!p.problem().startsWith(FileProbe.GONE)) rows.add(logRow(p, IngestResult.UNREADABLE, runId, ingestedAt, done));
    }
    rows.removeIf(r -> r == null);
    if (rows.isEmpty()) return;
    DeltaIO.append(spark.createDataFrame(rows, Bronze.INGESTED_FILES), lake.ingestedFiles(), Bronze.INGESTED_FILES);
  }

  private static Row logRow(FileProbe.Result p, String status, String runId, Timestamp at, Set<String> done) {
    if (!done.add(p.sha256())) return null;
    LandingFile f = p.file();
    return RowFactory.create(p.sha256(), f.source(), f.file(), f.sizeBytes(), new Timestamp(f.modifiedAt()), status,
        runId, at);
  }
}
