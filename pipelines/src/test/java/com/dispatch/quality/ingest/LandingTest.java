package com.dispatch.quality.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** SPEC §2: which landing files belong to which source. */
class LandingTest {
  @Test
  void everyCsvUnderASourceFolderBelongsToItRecursively() {
    assertEquals("roster", Landing.sourceOf("roster/2025-07.csv"));
    assertEquals("settlement", Landing.sourceOf("settlement/2025/07/C0001.CSV"));
    assertNull(Landing.sourceOf("roster/readme.txt"));
    assertNull(Landing.sourceOf("unknown/x.csv"));
    assertNull(Landing.sourceOf("top.csv"));
  }

  @Test
  void referenceFilesMatchByNameStemOrSubFolder() {
    assertEquals("clients", Landing.sourceOf("reference/clients.csv"));
    assertEquals("clients", Landing.sourceOf("reference/clients_2025-08.csv"));
    assertEquals("insurance_rates", Landing.sourceOf("reference/insurance_rates/beijing.csv"));
    assertEquals("sla_policies", Landing.sourceOf("reference/sla_policies.csv"));
    assertNull(Landing.sourceOf("reference/holidays.csv"));
  }
}
