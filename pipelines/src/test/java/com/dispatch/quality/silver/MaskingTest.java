package com.dispatch.quality.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SPEC §5: resident IDs as 110101********1234, phones as 138****5678. */
class MaskingTest {
  @Test
  void residentIdKeepsFirstSixAndLastFour() {
    assertEquals("110101********1234", Masking.idCard("110101199001011234"));
    assertEquals("110101********123X", Masking.idCard(" 11010119900101123X "));
  }

  @Test
  void phoneKeepsFirstThreeAndLastFour() {
    assertEquals("138****5678", Masking.phone("13812345678"));
    assertEquals("138****5678", Masking.phone("138-1234-5678"));
  }

  @Test
  void valuesTooShortToKeepBothEndsAreMaskedWhole() {
    assertEquals("******", Masking.idCard("123456"));
    assertEquals("*****", Masking.phone("12345"));
  }

  @Test
  void freeTextHasEveryIdAndMobileNumberMasked() {
    assertEquals("call 139****4321 re 440301********002x ok",
        Masking.scrub("call 13987654321 re 44030119851231002x ok"));
    assertEquals("order 1234567 stays", Masking.scrub("order 1234567 stays"));
  }
}
