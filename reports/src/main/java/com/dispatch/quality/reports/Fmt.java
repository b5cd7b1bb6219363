package com.dispatch.quality.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How numbers read in the PDFs. One place, so the tests can assert the exact text a reader
 * sees: rates as percentages with two decimals, hours with two decimals, money with thousands
 * separators, instants in Beijing time. A null value is shown as an em dash. These are the
 * Chinese (default) spellings; a report in another language formats through {@link Labels}.
 */
public final class Fmt {
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  public static final String NONE = "—";
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZONE);

  private Fmt() {}

  /** 0.01725 -> "1.73%" (HALF_UP on the decimal value, not on the binary double's expansion). */
  public static String pct(Double fraction) {
    if (fraction == null || fraction.isNaN()) return NONE;
    return BigDecimal.valueOf(fraction).movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
  }

  /** A change of a rate in percentage points, signed, in Chinese: "+0.35个百分点" (see {@link Labels#pctPoints}). */
  public static String pctPoints(Double delta) { return Labels.ZH_CN.pctPoints(delta); }

  public static String hours(Double h) {
    if (h == null || h.isNaN()) return NONE;
    return BigDecimal.valueOf(h).setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  public static String hoursSigned(Double h) { return Labels.ZH_CN.hoursSigned(h); }

  public static String count(Number n) {
    return n == null ? NONE : String.format(Locale.ROOT, "%,d", n.longValue());
  }

  public static String money(BigDecimal m) {
    return m == null ? NONE : String.format(Locale.ROOT, "%,.2f", m.setScale(2, RoundingMode.HALF_UP));
  }

  public static String instant(Instant i) {
    return i == null ? NONE : MINUTE.format(i);
  }
}
