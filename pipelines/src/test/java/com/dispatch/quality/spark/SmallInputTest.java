package com.dispatch.quality.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;



import com.dispatch.quality.bench.GoldCompare;
import com.dispatch.quality.generate.LandingGenerator;
import com.dispatch.quality.ingest.IngestJob;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.metrics.MetricsJob;
import com.dispatch.quality.schema.Gold;
import com.dispatch.quality.testing.Dirs;
import com.dispatch.quality.testing.SparkTestBase;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RuntimeConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: a phase with little input runs without AQE and code generation, a large one with
 * Spark's settings; explicit settings win, the session is restored afterwards, and gold is the
 * same either way.
 */
class SmallInputTest extends SparkTestBase {
  private static final List<String> KEYS = List.of("spark.sql.adaptive.enabled", "spark.sql.shuffle.partitions",
      "spark.sql.codegen.wholeStage", "spark.sql.codegen.factoryMode", SmallInput.THRESHOLD_KEY);
  private final Map<String, String> saved = new LinkedHashMap<>();

  /** These tests start from a session where none of the settings is given explicitly. */
  @BeforeEach
  void clearSettings() {
    RuntimeConfig conf = spark().conf();
    for (String k : KEYS) {
      saved.put(k, conf.contains(k) ? conf.get(k) : null);
      conf.unset(k);
    }
  }

  @AfterEach
  void restoreSettings() {
    saved.forEach((k, v) -> {
      if (v == null) spark().conf().unset(k);
      else spark().conf().set(k, v);
    });
  }

  @Test
  void belowTheThresholdAqeAndCodeGenerationAreOffUntilThePhaseEnds() {
    RuntimeConfig conf = spark().conf();
    try (SmallInput s = SmallInput.apply(spark(), SmallInput.DEFAULT_THRESHOLD_BYTES - 1)) {
      Assertions.assertTrue(s.active());
      assertEquals("false", conf.get("spark.sql.adaptive.enabled"));
      assertEquals("false", conf.get("spark.sql.codegen.wholeStage"));
      assertEquals("NO_CODEGEN", conf.get("spark.sql.codegen.factoryMode"));
      assertEquals(String.valueOf(spark().sparkContext().defaultParallelism()), conf.get("spark.sql.shuffle.partitions"));
    }
    Assertions.assertFalse(conf.contains("spark.sql.adaptive.enabled"), "restored: not set, as before");
    Assertions.assertFalse(conf.contains("spark.sql.codegen.wholeStage"));
    assertEquals("true", conf.get("spark.sql.adaptive.enabled"), "Spark's default again");
  }

  @Test
  void atTheThresholdSparksSettingsStay() {
    try (SmallInput s = SmallInput.apply(spark(), SmallInput.DEFAULT_THRESHOLD_BYTES)) {
      Assertions.assertFalse(s.active());
      assertEquals("true", spark().conf().get("spark.sql.adaptive.enabled"));
      assertEquals("true", spark().conf().get("spark.sql.codegen.wholeStage"));
    }
  }

  @Test
  void explicitSettingsAreLeftAloneAndTheThresholdIsASetting() {
    RuntimeConfig conf = spark().conf();
    conf.set("spark.sql.adaptive.enabled", "true");
    conf.set("spark.sql.shuffle.partitions", "7");
    try (SmallInput s = SmallInput.apply(spark(), 1)) {
      assertEquals("true", conf.get("spark.sql.adaptive.enabled"));
      assertEquals("7", conf.get("spark.sql.shuffle.partitions"));
      assertEquals("false", conf.get("spark.sql.codegen.wholeStage"), "the setting not given is still chosen");
    }
    assertEquals("7", conf.get("spark.sql.shuffle.partitions"));
    conf.set(SmallInput.THRESHOLD_KEY, "0");
    try (SmallInput s = SmallInput.apply(spark(), 1)) {
      Assertions.assertFalse(s.active(), "threshold 0 turns the small-input settings off");
    }
  }

  @Test
  void inputBytesAreTheLengthsOfTheFilesUnderThePaths(@TempDir Path dir) throws IOException {
    Files.write(dir.resolve("a.csv"), new byte[1000]);
    Files.createDirectories(dir.resolve("sub"));
    Files.write(dir.resolve("sub/b.csv"), new byte[234]);
    assertEquals(1234, SmallInput.bytesUnder(spark().sparkContext().hadoopConfiguration(),
        List.of(dir.toString(), dir.resolve("absent").toString())));
  }

  /** The settings change physical plans only: the gold of a month computed both ways is equal. */
  @Test
  void goldIsTheSameWithAndWithoutTheSmallInputSettings(@TempDir Path dir) throws IOException {
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    YearMonth start = YearMonth.of(2025, 9);
    Path landing = dir.resolve("landing");
    LandingGenerator.generate(new LandingGenerator.Config(3, 200, 1, start, 77L, landing), quiet);
    Path small = dir.resolve("small");
    IngestJob.run(spark(), new Lake(small.toUri().toString()), landing.toUri().toString());
    Path standard = dir.resolve("standard");
    Dirs.copyTree(small, standard);
    Instant asOf = Instant.parse("2026-01-01T00:00:00Z");
    List<YearMonth> months = List.of(start);

    spark().conf().set(SmallInput.THRESHOLD_KEY, String.valueOf(Long.MAX_VALUE));
    MetricsJob.run(spark(), new Lake(small.toUri().toString()), months, asOf, quiet);
    spark().conf().set(SmallInput.THRESHOLD_KEY, "0");
    spark().conf().set("spark.sql.adaptive.enabled", "true");
    spark().conf().set("spark.sql.codegen.wholeStage", "true");
    MetricsJob.run(spark(), new Lake(standard.toUri().toString()), months, asOf, quiet);

    for (String table : Gold.TABLES.keySet()) {
      Dataset<Row> a = GoldCompare.comparable(spark().read().format("delta").load(small.resolve("gold/" + table).toString()));
      Dataset<Row> b = GoldCompare.comparable(spark().read().format("delta").load(standard.resolve("gold/" + table).toString()));
      List<Row> onlyA = a.exceptAll(b).collectAsList();
      List<Row> onlyB = b.exceptAll(a).collectAsList();
      assertEquals(List.of(), onlyA, table + ": rows only with the small-input settings (the other side: " + onlyB + ")");
      assertEquals(List.of(), onlyB, table + ": rows only with Spark's settings");
      if (table.equals("settlement_quality")) Assertions.assertTrue(a.count() > 0, "the month has settlement rows to compare");
    }
  }
}
