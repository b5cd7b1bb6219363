package com.dispatch.quality.privacy;

import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/**
 * The one PII mask of the project (SPEC §5), used by silver (structured fields, free text, the
 * quarantine's raw row and messages) and by the reports (employee ids in PDFs). It lives in the
 * {@code reports} module because {@code pipelines} depends on {@code reports}, not the reverse.
 *
 * <ul>
 *   <li>Resident IDs keep their first 6 and last 4 characters: {@code 110101********1234} (18
 *       characters, trailing {@code X}/{@code x} kept as typed), {@code 110101*****1234} for a
 *       15-digit pre-1999 ID (the stars keep the length).
 *   <li>Mobile numbers become {@code 138****5678} whatever the spelling: {@code 13812345678},
 *       {@code 138-1234-5678}, {@code 138 1234 5678}, {@code +86 138 1234 5678},
 *       {@code 8613812345678}, {@code +8613812345678}, {@code 0086...}, full-width digits. The
 *       country prefix is part of the number and goes with it.
 * </ul>
 *
 * <p>In free text a number is masked only when it stands alone: no digit (and no {@code digit.})
 * right before it and no digit (and no {@code .digit}) right after it, so 19-digit numbers, amounts
 * such as {@code 13812345678.50}, dates ({@code 2025-11-05}) and ids ({@code SX-0001}) are left as
 * they are. See docs/decisions.md, "Privacy".
 */
public final class Masking {
  private Masking() {}

  /** An ASCII or full-width digit. */
  private static final String D = "[0-9\\uFF10-\\uFF19]";
  /** One optional separator a person types between digit groups: blank, no-break/ideographic space, a dash. */
  private static final String SEP = "[ \\u00A0\\u3000\\-\\u2010-\\u2015\\uFF0D]?";
  private static final String ALONE_BEFORE = "(?<!" + D + ")(?<!" + D + "[.\\uFF0E])";
  private static final String ALONE_AFTER = "(?!" + D + ")(?![.\\uFF0E]" + D + ")";

  /**
   * The 6-digit region code that starts a resident ID: its first digit is 1-8, never 0, which also
   * keeps {@code 0086} + a mobile number (15 digits) from being read as an old ID.
   */
  private static final String REGION = "[1-9\\uFF11-\\uFF19]" + D + "{5}";
  /** 18 characters: 6 + 8 + 3 digits and a check character, optionally grouped 6-8-4. */
  private static final Pattern ID_18 = Pattern.compile(ALONE_BEFORE
      + "(" + REGION + ")" + SEP + D + "{8}" + SEP + "(" + D + "{3}(?:" + D + "|[Xx]))" + ALONE_AFTER);
  /** 15 digits (pre-1999 IDs), optionally grouped 6-6-3. */
  private static final Pattern ID_15 = Pattern.compile(ALONE_BEFORE
      + "(" + REGION + ")" + SEP + D + "{5}(" + D + ")" + SEP + "(" + D + "{3})" + ALONE_AFTER);
  /** Mainland mobile 1[3-9]x xxxx xxxx, with an optional +86 / 0086 / 86 prefix. */
  private static final Pattern MOBILE = Pattern.compile(ALONE_BEFORE
      + "(?:(?:[+\\uFF0B]|00|\\uFF10\\uFF10)?[8\\uFF18][6\\uFF16]" + SEP + ")?"
      + "([1\\uFF11][3-9\\uFF13-\\uFF19]" + D + ")" + SEP + D + "{4}" + SEP + "(" + D + "{4})" + ALONE_AFTER);

  private static final Pattern BLANKS_AND_DASHES = Pattern.compile("[\\s\\u00A0\\u3000\\-\\u2010-\\u2015\\uFF0D]");
  private static final int FEWEST_DIGITS = 11;

  /** id_card_no: first 6 and last 4 kept (blanks and dashes removed first); shorter than 15: masked whole. */
  public static String idCard(String v) {
    if (v == null) return null;
    String s = ascii(BLANKS_AND_DASHES.matcher(v).replaceAll(""));
    if (s.length() < 15) return stars(s.length());
    return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
  }

  /**
   * phone: {@code 138****5678}. Blanks, dashes and brackets are removed and a +86 / 0086 / 86
   * prefix before an 11-digit mobile number is dropped; a value shorter than 11 characters keeps
   * nothing (3 + 4 characters of an 8-digit number would be almost all of it).
   */
  public static String phone(String v) {
    if (v == null) return null;
    String s = ascii(BLANKS_AND_DASHES.matcher(v).replaceAll("").replaceAll("[()（）]", "")).replace('＋', '+');
    if (s.matches("(\\+|00)?86\\d{11}") && s.charAt(s.length() - 11) == '1') s = s.substring(s.length() - 11);
    if (s.length() < 11) return stars(s.length());
    return s.substring(0, 3) + "****" + s.substring(s.length() - 4);
  }

  /** Masks every resident ID (18 or 15 characters) and mobile number inside free text. */
  public static String scrub(String text) {
    if (text == null || digits(text) < FEWEST_DIGITS) return text;
    String t = ID_18.matcher(text).replaceAll(m -> quote(ascii(m.group(1)) + "********" + ascii(m.group(2))));
    t = ID_15.matcher(t).replaceAll(m -> quote(ascii(m.group(1)) + "*****" + ascii(m.group(2) + m.group(3))));
    return MOBILE.matcher(t).replaceAll(Masking::mobile);
  }

  /**
   * Employee ids in a PDF (issue 4): the first two and last two characters stay, everything
   * between becomes {@code *}, so a client's HR can match a row to their own list without the PDF
   * disclosing full ids. Ids of four characters or fewer keep only their last character.
   */
  public static String employeeId(String id) {
    if (id == null || id.isEmpty()) return id;
    int n = id.length();
    if (n <= 4) return "*".repeat(n - 1) + id.charAt(n - 1);
    return id.substring(0, 2) + "*".repeat(n - 4) + id.substring(n - 2);
  }

  private static String mobile(MatchResult m) {
    return quote(ascii(m.group(1)) + "****" + ascii(m.group(2)));
  }

  private static String stars(int n) { return "*".repeat(Math.max(n, 4)); }

  private static String quote(String replacement) { return replacement.replace("\\", "\\\\").replace("$", "\\$"); }

  private static int digits(String s) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) if (isDigit(s.charAt(i))) n++;
    return n;
  }

  private static boolean isDigit(char c) { return (c >= '0' && c <= '9') || (c >= '\uFF10' && c <= '\uFF19'); }

  /** Full-width digits (typed with a Chinese input method) as ASCII. */
  private static String ascii(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      b.append(c >= '\uFF10' && c <= '\uFF19' ? (char) ('0' + (c - '\uFF10')) : c);
    }
    return b.toString();
  }
}
