package com.dispatch.quality.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.silver.LandingValues.BadValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC §1 and §3: the accepted timestamp, date and money spellings; anything else is a TYPE_ERROR. */
class LandingValuesTest {
  private static Instant utc(String iso) { return Instant.parse(iso); }

  @Test
  void localSpellingIsAsiaShanghai() throws BadValue {
    assertEquals(utc("2025-07-01T00:30:00Z"), LandingValues.timestamp("2025-07-01 08:30:00"));
  }

  @Test
  void localSpellingWithFractionalSecondsKeepsThem() throws BadValue {
    assertEquals(utc("2025-11-04T16:00:00.5Z"), LandingValues.timestamp("2025-11-05 00:00:00.5"));
    assertEquals(utc("2025-07-01T00:30:00.123456789Z"), LandingValues.timestamp("2025-07-01 08:30:00.123456789"));
  }

  @Test
  void isoWithZIsUtc() throws BadValue {
    assertEquals(utc("2025-07-01T08:30:00Z"), LandingValues.timestamp("2025-07-01T08:30:00Z"));
  }

  @Test
  void isoWithColonOffsetUsesTheOffset() throws BadValue {
    assertEquals(utc("2025-07-01T00:30:00Z"), LandingValues.timestamp("2025-07-01T08:30:00+08:00"));
    assertEquals(utc("2025-07-01T13:30:00Z"), LandingValues.timestamp("2025-07-01T08:30:00-05:00"));
  }

  @Test
  void isoWithCompactOffsetUsesTheOffset() throws BadValue {
    assertEquals(utc("2025-07-01T00:30:00Z"), LandingValues.timestamp("2025-07-01T08:30:00+0800"));
    assertEquals(utc("2025-07-01T03:00:00Z"), LandingValues.timestamp("2025-07-01T08:30:00+0530"));
  }

  @Test
  void isoWithFractionalSecondsKeepsThem() throws BadValue {
    assertEquals(utc("2025-07-01T08:30:00.123Z"), LandingValues.timestamp("2025-07-01T08:30:00.123Z"));
    assertEquals(utc("2025-07-01T00:30:00.5Z"), LandingValues.timestamp("2025-07-01T08:30:00.5+08:00"));
    assertEquals(utc("2025-07-01T00:30:00.123456789Z"), LandingValues.timestamp("2025-07-01T08:30:00.123456789+0800"));
  }

  @Test
  void isoWithoutOffsetIsLocal() throws BadValue {
    assertEquals(utc("2025-07-01T00:30:00Z"), LandingValues.timestamp("2025-07-01T08:30:00"));
    assertEquals(utc("2025-07-01T00:30:00.250Z"), LandingValues.timestamp("2025-07-01T08:30:00.25"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025/07/01 08:30:00", "2025-07-01 08:30", "2025-07-01T08:30Z", "2025-07-01",
      "01-07-2025 08:30:00", "2025-07-01 08:30:00Z", "2025-07-01 08:30:00.5+08:00", "2025-07-01T08:30:00+8",
      "2025-07-01 08:30:00.", "2025-07-01T08:30:00.1234567890Z",
      "2025-13-01 08:30:00", "2025-02-30T08:30:00Z", "2025-07-01T25:00:00Z", "2025-07-01T08:30:00+08:60",
      "1751330000", "2025-07-01t08:30:00z"})
  void anyOtherTimestampSpellingIsATypeError(String s) {
    BadValue e = assertThrows(BadValue.class, () -> LandingValues.timestamp(s));
    assertTrue(e.getMessage().contains("'" + s + "'"), e.getMessage());
  }

  @Test
  void datesAreIsoCalendarDates() throws BadValue {
    assertEquals(LocalDate.of(2024, 2, 29), LandingValues.date("2024-02-29"));
    assertThrows(BadValue.class, () -> LandingValues.date("2025-02-29"));
    assertThrows(BadValue.class, () -> LandingValues.date("2025-13-01"));
    assertThrows(BadValue.class, () -> LandingValues.date("2025-7-1"));
    assertThrows(BadValue.class, () -> LandingValues.date("2025/07/01"));
  }

  @Test
  void moneyIsExactWithAtMostTwoDecimals() throws BadValue {
    assertEquals(new BigDecimal("1234.50"), LandingValues.decimal("1234.5", 18, 2));
    assertEquals(new BigDecimal("-12.00"), LandingValues.decimal("-12", 18, 2));
    BadValue e = assertThrows(BadValue.class, () -> LandingValues.decimal("10.005", 18, 2));
    assertTrue(e.getMessage().contains("more than 2 decimals"), e.getMessage());
    assertThrows(BadValue.class, () -> LandingValues.decimal("1,234.50", 18, 2));
    assertThrows(BadValue.class, () -> LandingValues.decimal("1e3", 18, 2));
    assertThrows(BadValue.class, () -> LandingValues.decimal("12345678901234567", 18, 2));
  }

  @Test
  void serviceMonthIsYearDashMonth() throws BadValue {
    assertEquals("2025-07", LandingValues.month("2025-07"));
    assertThrows(BadValue.class, () -> LandingValues.month("2025-7"));
    assertThrows(BadValue.class, () -> LandingValues.month("2025-13"));
    assertThrows(BadValue.class, () -> LandingValues.month("2025-07-01"));
  }
}
