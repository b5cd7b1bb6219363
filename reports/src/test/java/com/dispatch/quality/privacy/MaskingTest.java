package com.dispatch.quality.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC §5: resident IDs as {@code 110101********1234}, phones as {@code 138****5678}, in every
 * spelling a person types, in structured fields and in free text; ordinary numbers untouched.
 */
class MaskingTest {
  @Test
  void residentIdKeepsFirstSixAndLastFour() {
    assertEquals("110101********1234", Masking.idCard("110101199001011234"));
    assertEquals("110101********123X", Masking.idCard(" 11010119900101123X "));
    assertEquals("110101********123x", Masking.idCard("11010119900101123x"));
    assertEquals("110101********1234", Masking.idCard("110101 19900101 1234"));
  }

  @Test
  void fifteenDigitPre1999IdKeepsFirstSixAndLastFour() {
    assertEquals("110101*****1123", Masking.idCard("110101900101123"));
    assertEquals("110101*****1123", Masking.idCard("110101 900101 123"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"13812345678", "138-1234-5678", "138 1234 5678", "+86 138 1234 5678", "8613812345678",
      "+8613812345678", "+86-138-1234-5678", "0086 13812345678", "(+86) 138 1234 5678", " 13812345678 ",
      "１３８１２３４５６７８"})
  void phoneKeepsFirstThreeAndLastFourInEverySpelling(String spelling) {
    assertEquals("138****5678", Masking.phone(spelling));
  }

  @Test
  void valuesTooShortToKeepBothEndsAreMaskedWhole() {
    assertEquals("******", Masking.idCard("123456"));
    assertEquals("*****", Masking.phone("12345"));
    assertEquals("********", Masking.phone("12345678"), "3 + 4 of an 8-digit number would be almost all of it");
  }

  @Test
  void freeTextHasEveryIdAndMobileNumberMasked() {
    assertEquals("call 139****4321 re 440301********002x ok",
        Masking.scrub("call 13987654321 re 44030119851231002x ok"));
    assertEquals("电话138****5678，身份证110101*****1123。", Masking.scrub("电话+86 138 1234 5678，身份证110101900101123。"));
    assertEquals("order 1234567 stays", Masking.scrub("order 1234567 stays"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"5000.00", "-12345678901.25", "13812345678.50", "0.13812345678", "2025-11-05",
      "2025-11-05 10:00:00", "2025-11-05T10:00:00.123+0800", "SX-0001", "ST-C0001-20251105-X1", "1234567890",
      "123456789012", "1381234567890123456789", "E99900001", "12345678901", "2025-11-05,13800,1234,5678",
      "A-BAD-0002,8000.00,6000,2025-07-01", "1991234567", "138123456789"})
  void ordinaryNumbersAreNotMasked(String text) {
    assertEquals(text, Masking.scrub(text));
    assertEquals("见 " + text + " 。", Masking.scrub("见 " + text + " 。"));
  }

  @Test
  void employeeIdKeepsTwoCharactersAtEachEnd() {
    assertEquals("E0*****45", Masking.employeeId("E00012345"));
    assertEquals("***9", Masking.employeeId("E129"));
  }

  // ---- generated spellings -----------------------------------------------------------------

  /** A person's number, how it was typed, and what the mask must make of it. */
  private record Planted(String typed, String digits, String masked) {}

  private static final String[] AROUND = {"", " ", "电话：", "联系人张三，", "tel: ", "手机", "(", ")", "，", "。", "\"",
      ",", "\n", "\t", "身份证号 ", "ID:", "/", "；", "【", "】", "员工李四 ", "回访记录："};
  private static final String[] ORDINARY = {"5000.00", "2025-11-05", "2025-11-05 10:00:00", "SX-0001",
      "ST-C0001-202511-X1", "1234567890", "共 12 人", "-350.50", "2025-11", "case C0001-202511-S03",
      "2025-11-05T10:00:00+08:00", "12345678901234567890"};
  private static final Pattern STAR_RUN = Pattern.compile("\\*+");

  @Test
  void hundredsOfGeneratedSpellingsInTextAreMaskedExactlyAndNothingElseChanges() {
    Random random = new Random(20251105L);
    for (int i = 0; i < 600; i++) {
      List<Planted> planted = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      StringBuilder expected = new StringBuilder();
      int pieces = 1 + random.nextInt(4);
      for (int p = 0; p < pieces; p++) {
        String before = AROUND[random.nextInt(AROUND.length)];
        text.append(before);
        expected.append(before);
        if (random.nextInt(3) == 0) {
          String ordinary = ORDINARY[random.nextInt(ORDINARY.length)];
          text.append(ordinary);
          expected.append(ordinary);
        } else {
          Planted n = plant(random);
          planted.add(n);
          text.append(n.typed());
          expected.append(n.masked());
        }
        // Pieces never touch: a digit next to a number makes it part of a longer number.
        String after = AROUND[1 + random.nextInt(AROUND.length - 1)];
        text.append(after);
        expected.append(after);
      }
      String out = Masking.scrub(text.toString());
      assertEquals(expected.toString(), out, "spelling " + i + ": " + text);
      String compact = ascii(out).replaceAll("[\\s\\-+\\u3000\\uFF0D]", "");
      for (Planted n : planted) {
        assertFalse(compact.toUpperCase().contains(n.digits().toUpperCase()), n.typed() + " survived in " + out);
      }
    }
  }

  @Test
  void hundredsOfGeneratedSpellingsInStructuredFieldsTakeTheSpecForm() {
    Random random = new Random(86L);
    for (int i = 0; i < 600; i++) {
      Planted n = plant(random);
      boolean phone = n.digits().length() == 11;
      String got = phone ? Masking.phone(n.typed()) : Masking.idCard(n.typed());
      assertEquals(n.masked(), got, n.typed());
      Matcher stars = STAR_RUN.matcher(got);
      stars.find();
      assertEquals(phone ? 4 : n.digits().length() - 10, stars.group().length(), got);
    }
  }

  private static Planted plant(Random r) {
    return switch (r.nextInt(3)) {
      case 0 -> mobile(r);
      case 1 -> id18(r);
      default -> id15(r);
    };
  }

  private static Planted mobile(Random r) {
    String n = "1" + (3 + r.nextInt(7)) + digits(r, 9);
    String a = n.substring(0, 3);
    String b = n.substring(3, 7);
    String c = n.substring(7);
    String[] spellings = {n, a + "-" + b + "-" + c, a + " " + b + " " + c, "+86 " + a + " " + b + " " + c, "86" + n,
        "+86" + n, "+86-" + n, "0086 " + n, "0086" + a + b + c, a + b + "-" + c, fullWidth(n), "+86 " + n,
        a + "\u3000" + b + "\u3000" + c};
    return new Planted(spellings[r.nextInt(spellings.length)], n, a + "****" + c);
  }

  private static Planted id18(Random r) {
    String birth = (1940 + r.nextInt(70)) + two(1 + r.nextInt(12)) + two(1 + r.nextInt(28));
    String check = switch (r.nextInt(4)) {
      case 0 -> "X";
      case 1 -> "x";
      default -> digits(r, 1);
    };
    String head = (1 + r.nextInt(8)) + digits(r, 5);
    String tail = digits(r, 3) + check;
    String n = head + birth + tail;
    String[] spellings = {n, n, head + " " + birth + " " + tail, head + "-" + birth + "-" + tail};
    return new Planted(spellings[r.nextInt(spellings.length)], n, head + "********" + tail);
  }

  private static Planted id15(Random r) {
    String birth = two(40 + r.nextInt(59)) + two(1 + r.nextInt(12)) + two(1 + r.nextInt(28));
    String head = (1 + r.nextInt(8)) + digits(r, 5);
    String seq = digits(r, 3);
    String n = head + birth + seq;
    String[] spellings = {n, n, head + " " + birth + " " + seq};
    return new Planted(spellings[r.nextInt(spellings.length)], n, head + "*****" + n.substring(11));
  }

  private static String digits(Random r, int count) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < count; i++) b.append(r.nextInt(10));
    return b.toString();
  }

  private static String two(int v) { return v < 10 ? "0" + v : Integer.toString(v); }

  private static String ascii(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) b.append(c >= '\uFF10' && c <= '\uFF19' ? (char) ('0' + (c - '\uFF10')) : c);
    return b.toString();
  }

  private static String fullWidth(String ascii) {
    StringBuilder b = new StringBuilder();
    for (char c : ascii.toCharArray()) b.append((char) ('\uFF10' + (c - '0')));
    return b.toString();
  }
}
