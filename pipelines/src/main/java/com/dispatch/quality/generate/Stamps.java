package com.dispatch.quality.generate;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Timestamp spellings of SPEC §3. Every instant is generated as an Asia/Shanghai local time with
 * whole seconds; a spelling only changes how it is written, never the instant, so the ground
 * truth does not depend on which spelling a row got.
 */
final class Stamps {
  static final ZoneOffset SHANGHAI = ZoneOffset.ofHours(8);
  private static final DateTimeFormatter ISO_OFFSET_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final DateTimeFormatter ISO_OFFSET_COMPACT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");
  private static final DateTimeFormatter ISO_FRACTION_COLON = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
  private static final DateTimeFormatter ISO_FRACTION_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");
  private static final DateTimeFormatter ISO_Z = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");
  private static final DateTimeFormatter ISO_LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
  private static final ZoneOffset TOKYO = ZoneOffset.ofHours(9);
  private static final ZoneOffset NEW_YORK_WINTER = ZoneOffset.ofHours(-5);

  /** Number of spellings {@link #spell} knows. */
  static final int SPELLINGS = 8;

  private Stamps() {}

  /** {@code yyyy-MM-dd HH:mm:ss}, the plain local spelling; hand-built because it runs per line at scale. */
  static String local(LocalDateTime t) {
    char[] c = new char[19];
    put4(c, 0, t.getYear());
    c[4] = '-';
    put2(c, 5, t.getMonthValue());
    c[7] = '-';
    put2(c, 8, t.getDayOfMonth());
    c[10] = ' ';
    put2(c, 11, t.getHour());
    c[13] = ':';
    put2(c, 14, t.getMinute());
    c[16] = ':';
    put2(c, 17, t.getSecond());
    return new String(c);
  }

  static String date(LocalDate d) {
    char[] c = new char[10];
    put4(c, 0, d.getYear());
    c[4] = '-';
    put2(c, 5, d.getMonthValue());
    c[7] = '-';
    put2(c, 8, d.getDayOfMonth());
    return new String(c);
  }

  /** ISO-8601 with the +08:00 offset: how the ground truth writes instants. */
  static String iso(LocalDateTime t) { return t.atOffset(SHANGHAI).format(ISO_OFFSET_COLON); }

  /**
   * The same instant in spelling {@code style} (0..7): local, ISO Z, ISO +08:00, ISO +0800, ISO
   * with fraction and Z, ISO with fraction and +09:00, ISO with T and no offset (local), ISO -0500.
   */
  static String spell(LocalDateTime local, int style) {
    java.time.OffsetDateTime at = local.atOffset(SHANGHAI);
    switch (style) {
      case 0: return local(local);
      case 1: return at.withOffsetSameInstant(ZoneOffset.UTC).format(ISO_Z);
      case 2: return at.format(ISO_OFFSET_COLON);
      case 3: return at.format(ISO_OFFSET_COMPACT);
      case 4: return at.withOffsetSameInstant(ZoneOffset.UTC).format(ISO_FRACTION_Z);
      case 5: return at.withOffsetSameInstant(TOKYO).format(ISO_FRACTION_COLON);
      case 6: return local.format(ISO_LOCAL);
      case 7: return at.withOffsetSameInstant(NEW_YORK_WINTER).format(ISO_OFFSET_COMPACT);
      default: throw new IllegalArgumentException("no spelling " + style);
    }
  }

  private static void put2(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 10);
    c[at + 1] = (char) ('0' + v % 10);
  }

  private static void put4(char[] c, int at, int v) {
    c[at] = (char) ('0' + v / 1000);
    c[at + 1] = (char) ('0' + v / 100 % 10);
    c[at + 2] = (char) ('0' + v / 10 % 10);
    c[at + 3] = (char) ('0' + v % 10);
  }
}
