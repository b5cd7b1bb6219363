package com.dispatch.quality.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.io.RunLog.FileCount;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC §3 reconciliation printout: every file's counts, unreadable files apart, failures named. */
class IngestResultTest {
  private static final List<FileCount> FILES = List.of(
      new FileCount("roster", "roster/2025-07.csv", "INGESTED", 11, 4, 7),
      new FileCount("roster", "roster/copy.csv", "SKIPPED_DUPLICATE", 0, 0, 0),
      new FileCount("activities", "activities/gbk.csv", "UNREADABLE", 0, 0, 0));

  @Test
  void tableListsEachFileAndTotalsAndUnreadableFilesApart() {
    IngestResult r = new IngestResult("ingest-1", FILES, List.of("activities/gbk.csv: not valid UTF-8"), List.of(), List.of());
    String table = r.table();
    assertTrue(r.reconciled());
    assertTrue(table.contains("roster/2025-07.csv"), table);
    assertTrue(table.contains("unreadable files"), table);
    assertFalse(table.lines().anyMatch(l -> l.startsWith("activities") && l.contains("UNREADABLE")), table);
    assertEquals(11, r.rowsRead());
    assertEquals(1, r.count(IngestResult.SKIPPED_DUPLICATE));
  }

  @Test
  void aFileThatDoesNotReconcileIsNamed() {
    IngestResult r = new IngestResult("ingest-1", FILES, List.of(), List.of(),
        List.of("roster/2025-07.csv: read 11 but accepted 4 + quarantined 6"));
    assertFalse(r.reconciled());
    assertTrue(r.table().contains("NOT RECONCILED"));
    assertTrue(r.table().contains("roster/2025-07.csv: read 11"));
  }
}
