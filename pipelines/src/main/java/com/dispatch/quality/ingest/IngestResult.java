package com.dispatch.quality.ingest;

import com.dispatch.quality.io.RunLog.FileCount;
import java.util.List;
import java.util.Locale;

/**
 * What an ingest run did, per source and file (SPEC §3 reconciliation).
 *
 * @param files      every landing file seen: INGESTED, SKIPPED_DUPLICATE or UNREADABLE
 * @param unreadable one line per UNREADABLE file: the file and why
 * @param ignored    landing files no source claims (not CSV, unknown folder)
 * @param failures   files whose rows do not reconcile; empty on success
 */
public record IngestResult(String runId, List<FileCount> files, List<String> unreadable, List<String> ignored,
    List<String> failures) {
  public static final String INGESTED = "INGESTED";
  public static final String SKIPPED_DUPLICATE = "SKIPPED_DUPLICATE";
  public static final String UNREADABLE = "UNREADABLE";

  public boolean reconciled() { return failures.isEmpty(); }

  public long rowsRead() { return files.stream().mapToLong(FileCount::rowsRead).sum(); }

  public long rowsAccepted() { return files.stream().mapToLong(FileCount::rowsAccepted).sum(); }

  public long rowsQuarantined() { return files.stream().mapToLong(FileCount::rowsQuarantined).sum(); }

  public long count(String status) { return files.stream().filter(f -> f.status().equals(status)).count(); }

  /** The reconciliation table printed at the end of a run. */
  public String table() {
    int w = Math.max(40, files.stream().mapToInt(f -> f.file().length()).max().orElse(0));
    String fmt = "%-20s %-" + w + "s %-17s %10s %10s %12s%n";
    StringBuilder sb = new StringBuilder();
    sb.append(String.format(Locale.ROOT, fmt, "source", "file", "status", "read", "accepted", "quarantined"));
    for (FileCount f : files) {
      if (f.status().equals(UNREADABLE)) continue;
      sb.append(String.format(Locale.ROOT, fmt, f.source(), f.file(), f.status(), f.rowsRead(), f.rowsAccepted(),
          f.rowsQuarantined()));
    }
    sb.append(String.format(Locale.ROOT, fmt, "total", "", "", rowsRead(), rowsAccepted(), rowsQuarantined()));
    if (!unreadable.isEmpty()) {
      sb.append("unreadable files (one UNREADABLE_FILE quarantine entry each):\n");
      unreadable.forEach(u -> sb.append("  ").append(u).append('\n'));
    }
    if (!ignored.isEmpty()) {
      sb.append("ignored (no source claims them):\n");
      ignored.forEach(u -> sb.append("  ").append(u).append('\n'));
    }
    sb.append(reconciled() ? "reconciled: rows read = accepted + quarantined for every file\n"
        : "NOT RECONCILED:\n  " + String.join("\n  ", failures) + "\n");
    return sb.toString();
  }
}
