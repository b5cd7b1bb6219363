package com.dispatch.quality.silver;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PII masking of SPEC §5: resident IDs keep their first 6 and last 4 characters
 * ({@code 110101********1234}), phones their first 3 and last 4 ({@code 138****5678}). Values
 * too short to keep both ends are masked whole, so no masked value ever reveals a full number.
 */
public final class Masking {
  private Masking() {}

  private static final Pattern ID_IN_TEXT = Pattern.compile("(?<![0-9A-Za-z])(\\d{6})\\d{8}(\\d{3}[\\dXx])(?![0-9A-Za-z])");
  private static final Pattern PHONE_IN_TEXT = Pattern.compile("(?<!\\d)(1\\d{2})\\d{4}(\\d{4})(?!\\d)");

  public static String idCard(String v) {
    if (v == null) return null;
    String s = v.strip();
    if (s.length() < 11) return "*".repeat(Math.max(s.length(), 4));
    return s.substring(0, 6) + "********" + s.substring(s.length() - 4);
  }

  public static String phone(String v) {
    if (v == null) return null;
    String s = v.strip().replace(" ", "").replace("-", "");
    if (s.length() < 8) return "*".repeat(Math.max(s.length(), 4));
    return s.substring(0, 3) + "****" + s.substring(s.length() - 4);
  }

  /** Masks every 18-char resident ID and 11-digit mobile number inside free text. */
  public static String scrub(String text) {
    if (text == null) return null;
    String t = ID_IN_TEXT.matcher(text).replaceAll("$1********$2");
    Matcher m = PHONE_IN_TEXT.matcher(t);
    return m.replaceAll("$1****$2");
  }
}
