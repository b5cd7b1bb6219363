package com.dispatch.quality.io;

/**
 * The lake's layout (SPEC §6). Only this class knows how table locations are spelled; the root
 * is a directory or any Hadoop-compatible URI (file:, hdfs:, s3a:, abfss:).
 */
public record Lake(String root) {
  public Lake {
    if (root == null || root.isBlank()) throw new IllegalArgumentException("lake location is required");
    while (root.length() > 1 && root.endsWith("/")) root = root.substring(0, root.length() - 1);
  }

  public String bronze(String source) { return root + "/bronze/" + source; }

  public String silver(String entity) { return root + "/silver/" + entity; }

  public String gold(String table) { return root + "/gold/" + table; }

  public String quarantine() { return root + "/quarantine"; }

  /** One row per run of any command (SPEC §6). */
  public String runs() { return root + "/runs"; }

  /** Content hashes of every landing file ever ingested (SPEC §3: re-delivered bytes are skipped). */
  public String ingestedFiles() { return root + "/ingested_files"; }
}
