package com.dispatch.quality.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

/** {@code metrics} options: --as-of takes the timestamp spellings of SPEC §3. */
class MetricsCommandTest {
  private final MetricsCommand.InstantConverter asOf = new MetricsCommand.InstantConverter();
  private static final Instant NINE_SHANGHAI = Instant.parse("2026-02-05T01:00:00Z");

  @Test
  void asOfAcceptsLocalSpellingsInShanghaiTime() {
    assertEquals(NINE_SHANGHAI, asOf.convert("2026-02-05 09:00:00"));
    assertEquals(NINE_SHANGHAI, asOf.convert("2026-02-05T09:00:00"));
    assertEquals(NINE_SHANGHAI.plusMillis(250), asOf.convert("2026-02-05T09:00:00.25"));
  }

  @Test
  void asOfAcceptsIsoWithEveryOffsetSpelling() {
    assertEquals(NINE_SHANGHAI, asOf.convert("2026-02-05T01:00:00Z"));
    assertEquals(NINE_SHANGHAI, asOf.convert("2026-02-05T09:00:00+08:00"));
    assertEquals(NINE_SHANGHAI, asOf.convert("2026-02-05T09:00:00+0800"));
    assertEquals(NINE_SHANGHAI.plusMillis(123), asOf.convert("2026-02-04T20:00:00.123-05:00"));
  }

  @Test
  void asOfBareDateMeansTheEndOfThatDay() {
    assertEquals(Instant.parse("2026-02-05T15:59:59.999Z"), asOf.convert("2026-02-05"));
  }

  @Test
  void asOfRejectsOtherSpellings() {
    assertThrows(TypeConversionException.class, () -> asOf.convert("05/02/2026 09:00"));
    assertThrows(TypeConversionException.class, () -> asOf.convert("2026-02-05 09:00"));
    assertThrows(TypeConversionException.class, () -> asOf.convert("2026-02-30T09:00:00Z"));
  }

  @Test
  void monthAndLakeAreParsedAndAsOfDefaultsToNow() {
    MetricsCommand cmd = new MetricsCommand();
    new CommandLine(cmd).parseArgs("--lake", "/tmp/lake", "--month", "2026-01", "--master", "local[1]");
    assertEquals(java.util.List.of(YearMonth.of(2026, 1)), cmd.months);
    assertEquals("/tmp/lake", cmd.lake);
    assertEquals(null, cmd.asOf, "null here; call() substitutes now");
  }

  @Test
  void badMonthIsAUsageError() {
    assertThrows(CommandLine.ParameterException.class,
        () -> new CommandLine(new MetricsCommand()).parseArgs("--lake", "x", "--month", "2026-13"));
  }
}
