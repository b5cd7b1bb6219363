package com.dispatch.quality.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.silver.LandingValues;
import com.dispatch.quality.silver.LandingValues.BadValue;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** {@code metrics} options: --as-of takes the timestamp spellings of SPEC §3, read as the ingest reads them. */
class MetricsCommandTest {
  private final AsOfOption.InstantConverter asOf = new AsOfOption.InstantConverter();
  private static final Instant NINE_SHANGHAI = Instant.parse("2026-02-05T01:00:00Z");

  @Test
  void asOfLocalSpellingIsShanghaiTime() {
    assertEquals(NINE_SHANGHAI, asOf.convert("2026-02-05 09:00:00"));
  }

  @Test
  void asOfLocalSpellingWithFractionalSecondsKeepsThem() {
    assertEquals(Instant.parse("2025-11-04T16:00:00.5Z"), asOf.convert("2025-11-05 00:00:00.5"));
  }

  @Test
  void asOfIsoWithTAndNoOffsetIsShanghaiTime() {
    assertEquals(NINE_SHANGHAI, asOf.convert("2026-02-05T09:00:00"));
    assertEquals(NINE_SHANGHAI.plusMillis(250), asOf.convert("2026-02-05T09:00:00.25"));
  }

  @Test
  void asOfIsoWithZIsUtc() {
    assertEquals(NINE_SHANGHAI, asOf.convert("2026-02-05T01:00:00Z"));
    assertEquals(NINE_SHANGHAI.plusNanos(123_456_789), asOf.convert("2026-02-05T01:00:00.123456789Z"));
  }

  @Test
  void asOfIsoWithColonOffsetUsesIt() {
    assertEquals(NINE_SHANGHAI, asOf.convert("2026-02-05T09:00:00+08:00"));
    assertEquals(NINE_SHANGHAI.plusMillis(123), asOf.convert("2026-02-04T20:00:00.123-05:00"));
  }

  @Test
  void asOfIsoWithCompactOffsetUsesIt() {
    assertEquals(NINE_SHANGHAI, asOf.convert("2026-02-05T09:00:00+0800"));
    assertEquals(NINE_SHANGHAI, asOf.convert("2026-02-05T06:30:00+0530"));
  }

  @Test
  void asOfBareDateMeansTheEndOfThatDay() {
    assertEquals(Instant.parse("2026-02-05T15:59:59.999Z"), asOf.convert("2026-02-05"));
  }

  /** Issue 11: the CLI and the ingest once disagreed on "2025-11-05 00:00:00.5". One parser now. */
  @ParameterizedTest
  @ValueSource(strings = {"2025-11-05 00:00:00", "2025-11-05 00:00:00.5", "2025-11-05T00:00:00", "2025-11-05T00:00:00.5",
      "2025-11-05T00:00:00Z", "2025-11-05T00:00:00.123Z", "2025-11-05T00:00:00+08:00", "2025-11-05T00:00:00.000001-05:00",
      "2025-11-05T00:00:00+0800", "2025-11-05T00:00:00.999999999+0530"})
  void asOfAndTheIngestReadEverySpec3SpellingAsTheSameInstant(String spelling) throws BadValue {
    assertEquals(LandingValues.timestamp(spelling), asOf.convert(spelling));
  }

  /** What the ingest quarantines as TYPE_ERROR, --as-of refuses with a message naming the value. */
  @ParameterizedTest
  @ValueSource(strings = {"05/02/2026 09:00", "2026-02-05 09:00", "2026-02-30T09:00:00Z", "2026-02-05 09:00:00+08:00",
      "2026-02-05T09:00:00+8", "2026-02-05t09:00:00z", "1770253200", "2026-02-05T09:00:00.1234567890Z", "now"})
  void asOfRejectsWhatTheIngestCallsATypeError(String garbage) {
    assertThrows(BadValue.class, () -> LandingValues.timestamp(garbage));
    TypeConversionException e = assertThrows(TypeConversionException.class, () -> asOf.convert(garbage));
    assertTrue(e.getMessage().contains("'" + garbage + "'") && e.getMessage().contains("yyyy-MM-dd HH:mm:ss"),
        e.getMessage());
  }

  @Test
  void badAsOfOnTheCommandLineIsAUsageErrorNamingTheOption() {
    CommandLine.ParameterException e = assertThrows(CommandLine.ParameterException.class,
        () -> new CommandLine(new MetricsCommand()).parseArgs("--lake", "x", "--month", "2026-01", "--as-of", "2026/02/05"));
    assertTrue(e.getMessage().contains("--as-of") && e.getMessage().contains("'2026/02/05'"), e.getMessage());
  }

  @Test
  void monthAndLakeAreParsedAndAsOfDefaultsToNow() {
    MetricsCommand cmd = new MetricsCommand();
    new CommandLine(cmd).parseArgs("--lake", "/tmp/lake", "--month", "2026-01", "--master", "local[1]");
    assertEquals(java.util.List.of(YearMonth.of(2026, 1)), cmd.months);
    assertEquals("/tmp/lake", cmd.lake.root);
    assertEquals(null, cmd.asOf.asOf, "null here; call() substitutes now");
  }

  @Test
  void badMonthIsAUsageError() {
    assertThrows(CommandLine.ParameterException.class,
        () -> new CommandLine(new MetricsCommand()).parseArgs("--lake", "x", "--month", "2026-13"));
  }
}
