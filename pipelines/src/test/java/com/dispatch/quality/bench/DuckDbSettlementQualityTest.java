package com.dispatch.quality.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DuckDB benchmark peer only means something if it computes SPEC §4.1 the same way: its
 * counts for every sample month must equal the generator's ground truth of data-samples/.
 */
class DuckDbSettlementQualityTest {
  private static final Path SAMPLES = Path.of("..", "data-samples");
  private static final String[] COLUMNS = {"settlement_status", "expected_headcount", "billed_headcount", "missing",
      "extra", "duplicate", "headcount_errors", "evaluated_lines", "calc_error_lines", "correction_batches"};

  @Test
  void settlementQualityCountsEqualTheGroundTruthOfTheSamples(@TempDir Path tmp) throws Exception {
    Path truthFile = SAMPLES.resolve("_ground_truth/settlement_quality.csv");
    assumeTrue(Files.exists(truthFile), "data-samples/ with its ground truth is not in this checkout");
    List<String> lines = Files.readAllLines(truthFile);
    List<String> header = List.of(lines.get(0).split(",", -1));
    Map<String, Map<String, String>> expected = new TreeMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      Map<String, String> row = new TreeMap<>();
      for (String c : COLUMNS) {
        String v = f[header.indexOf(c)];
        row.put(c, v.isEmpty() ? "null" : v);
      }
      expected.put(f[header.indexOf("month")] + " " + f[header.indexOf("client_id")], row);
    }
    Map<String, Map<String, String>> actual = new TreeMap<>();
    for (String month : expected.keySet().stream().map(k -> k.substring(0, 7)).distinct().toList()) {
      Path out = tmp.resolve(month + ".json");
      DuckDbSettlementQuality.main(new String[] {SAMPLES.toString(), month, out.toString()});
      for (Map<String, String> row : parse(Files.readString(out))) {
        Map<String, String> kept = new TreeMap<>();
        for (String c : COLUMNS) kept.put(c, row.get(c));
        actual.put(month + " " + row.get("client_id"), kept);
      }
    }
    assertEquals(expected, actual);
  }

  /** The peer's output: a JSON array of flat objects with string, number or null values. */
  private static List<Map<String, String>> parse(String json) {
    List<Map<String, String>> rows = new ArrayList<>();
    Matcher obj = Pattern.compile("\\{([^}]*)}").matcher(json);
    Pattern kv = Pattern.compile("\"([a-z_]+)\":(\"[^\"]*\"|[^,]+)");
    while (obj.find()) {
      Map<String, String> row = new TreeMap<>();
      Matcher m = kv.matcher(obj.group(1));
      while (m.find()) row.put(m.group(1), m.group(2).replace("\"", ""));
      rows.add(row);
    }
    return rows;
  }
}
