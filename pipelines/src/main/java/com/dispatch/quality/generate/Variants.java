package com.dispatch.quality.generate;

import java.time.LocalDateTime;

/** Spelling variations SPEC §1 and §3 allow on good rows: enums in mixed case with blanks, every timestamp spelling. */
final class Variants {
  private Variants() {}

  /** 4% " lower case with blanks ", 4% "Capitalised", else as it is. */
  static String spellEnum(Rng r, String value) {
    double x = r.nextDouble();
    if (x < 0.04) return " " + value.toLowerCase() + " ";
    if (x < 0.08) return value.charAt(0) + value.substring(1).toLowerCase();
    return value;
  }

  /** 60% local {@code yyyy-MM-dd HH:mm:ss}, else one of the other spellings of the same instant. */
  static String spellTimestamp(Rng r, LocalDateTime t) {
    return t == null ? null : r.chance(0.6) ? Stamps.local(t) : Stamps.spell(t, r.nextInt(Stamps.SPELLINGS));
  }
}
