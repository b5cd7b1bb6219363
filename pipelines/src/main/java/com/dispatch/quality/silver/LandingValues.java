package com.dispatch.quality.silver;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Exact parsers for the landing spellings of SPEC §1 and §3. Each returns the typed value or
 * throws {@link BadValue} with a message a quality manager can act on ("is not a date
 * (yyyy-MM-dd)"). No lenient fallbacks: anything not listed in the spec is a TYPE_ERROR.
 */
public final class LandingValues {
  public static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

  private LandingValues() {}

  /** A value that does not have its column's type. */
  public static final class BadValue extends Exception {
    public BadValue(String message) { super(message, null, false, false); }
  }

  // yyyy-MM-dd, then ' ' or 'T', HH:mm:ss, optional fraction, optional Z / ±HH:MM / ±HHMM.
  private static final Pattern TIMESTAMP = Pattern.compile(
      "(\\d{4})-(\\d{2})-(\\d{2})([ T])(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d+(?:\\.(\\d+))?");
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

  public static final String TIMESTAMP_SPELLINGS =
      "yyyy-MM-dd HH:mm:ss[.fff], or ISO-8601 yyyy-MM-ddTHH:mm:ss[.fff][Z|±HH:MM|±HHMM]";

  /**
   * SPEC §3, the one timestamp parser of the project (ingest and {@code --as-of}):
   * {@code yyyy-MM-dd HH:mm:ss} is Asia/Shanghai local; ISO-8601 with {@code T} takes its offset
   * ({@code Z}, {@code ±HH:MM}, {@code ±HHMM}) or, without one, is local; both may carry 1-9
   * fractional digits. An offset needs the ISO {@code T} form.
   */
  public static Instant timestamp(String s) throws BadValue {
    Matcher m = TIMESTAMP.matcher(s);
    if (!m.matches()) throw bad(s, "is not a timestamp (" + TIMESTAMP_SPELLINGS + ")");
    boolean iso = m.group(4).equals("T");
    String fraction = m.group(8);
    String offset = m.group(9);
    if (!iso && offset != null) {
      throw bad(s, "is not a timestamp (" + TIMESTAMP_SPELLINGS + "; an offset needs the ISO 'T' form)");
    }
    try {
      int nanos = fraction == null ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      LocalDateTime local = LocalDateTime.of(num(m, 1), num(m, 2), num(m, 3), num(m, 5), num(m, 6), num(m, 7), nanos);
      if (offset == null) return local.atZone(LOCAL).toInstant();
      if (offset.equals("Z")) return local.toInstant(ZoneOffset.UTC);
      String digits = offset.replace(":", "");
      int sign = digits.charAt(0) == '-' ? -1 : 1;
      int hh = Integer.parseInt(digits.substring(1, 3));
      int mm = Integer.parseInt(digits.substring(3, 5));
      if (mm > 59) throw bad(s, "has an invalid offset " + offset);
      return local.toInstant(ZoneOffset.ofHoursMinutes(sign * hh, sign * mm));
    } catch (DateTimeException e) {
      throw bad(s, "is not a valid timestamp (" + e.getMessage() + ")");
    }
  }

  /** SPEC §1: dates are {@code yyyy-MM-dd}. */
  public static LocalDate date(String s) throws BadValue {
    Matcher m = DATE.matcher(s);
    if (!m.matches()) throw bad(s, "is not a date (yyyy-MM-dd)");
    try {
      return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
    } catch (DateTimeException e) {
      throw bad(s, "is not a date (yyyy-MM-dd)");
    }
  }

  /** A month {@code yyyy-MM}, returned in that spelling. */
  public static String month(String s) throws BadValue {
    Matcher m = MONTH.matcher(s);
    if (!m.matches() || num(m, 2) < 1 || num(m, 2) > 12) throw bad(s, "is not a month (yyyy-MM)");
    return s;
  }

  /**
   * An exact decimal with at most {@code scale} decimals, fitting {@code precision} digits.
   * More decimals than the column holds is an error, never a silent rounding.
   */
  public static BigDecimal decimal(String s, int precision, int scale) throws BadValue {
    Matcher m = DECIMAL.matcher(s);
    if (!m.matches()) throw bad(s, "is not a decimal number");
    String fraction = m.group(1);
    if (fraction != null && fraction.length() > scale) {
      throw bad(s, "has more than " + scale + " decimals");
    }
    BigDecimal v = new BigDecimal(s).setScale(scale);
    if (v.precision() > precision) throw bad(s, "is too large");
    return v;
  }

  public static int integer(String s) throws BadValue {
    if (!INTEGER.matcher(s).matches()) throw bad(s, "is not a whole number");
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw bad(s, "is too large");
    }
  }

  public static boolean bool(String s) throws BadValue {
    if (s.equalsIgnoreCase("true")) return true;
    if (s.equalsIgnoreCase("false")) return false;
    throw bad(s, "is not a boolean (true or false)");
  }

  private static int num(Matcher m, int group) { return Integer.parseInt(m.group(group)); }

  private static BadValue bad(String value, String what) { return new BadValue("'" + value + "' " + what); }
}
