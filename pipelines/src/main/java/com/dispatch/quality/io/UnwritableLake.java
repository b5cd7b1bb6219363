package com.dispatch.quality.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AccessDeniedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Tells a failed run whose cause is the lake's storage (issue 11, item 8: the disk full, a
 * read-only remount, permissions taken away) from any other failure, so the CLI can say so in one
 * line naming the lake instead of leaving Spark's task stack traces as the only explanation. Two
 * signs: a test write of a few KB to {@code <lake>/_locks/}, and the failure's causes (suppressed
 * ones too: a run's cleanup fails the same way) naming an out-of-space, read-only or
 * permission error. Only a failed test write blames the lake: a storage error with a healthy lake
 * is reported as a storage error elsewhere (the report folder, Spark's scratch space).
 */
public final class UnwritableLake {
  /** The errno texts (Linux, macOS) and Hadoop's wording of the storage failures meant here. */
  private static final Pattern STORAGE = Pattern.compile(
      "No space left on device|Read-only file system|Permission denied|Disk quota exceeded|Not enough space"
          + "|Quota exceeded|DiskOutOfSpace|ReadOnlyFileSystem", Pattern.CASE_INSENSITIVE);

  private UnwritableLake() {}

  /**
   * The user's message for {@code failure} if it is a storage failure (of the lake or elsewhere),
   * else empty. Writes and deletes one small file in the lake.
   */
  public static Optional<String> diagnose(Configuration conf, String lakeRoot, Throwable failure) {
    Throwable storage = storageCause(failure);
    String probe = probeWrite(conf, lakeRoot);
    String advice = "Free space or fix the mount or permissions, then run the same command again: it cleans up "
        + "after this run (its rows are removed or left to the next run to remove, its runs row says it did not end).";
    if (probe != null) {
      return Optional.of("the lake " + lakeRoot + " cannot be written: " + probe
          + (storage != null && !probe.contains(oneLine(storage)) ? "; the run failed with: " + oneLine(storage) : "")
          + ". " + advice);
    }
    if (storage != null) {
      return Optional.of("a write failed: " + oneLine(storage) + " (the lake " + lakeRoot
          + " takes a test write now: the cause may be elsewhere, e.g. --out or Spark's scratch directory, "
          + "or already gone). " + advice);
    }
    return Optional.empty();
  }

  /** The innermost throwable of {@code failure}'s causes and suppressed ones naming a storage error, or null. */
  static Throwable storageCause(Throwable failure) {
    Throwable found = null;
    Deque<Throwable> todo = new ArrayDeque<>();
    Set<Throwable> seen = new HashSet<>();
    todo.add(failure);
    while (!todo.isEmpty()) {
      Throwable t = todo.poll();
      if (!seen.add(t)) continue;
      if (t instanceof AccessDeniedException || (t.getMessage() != null && STORAGE.matcher(t.getMessage()).find())) {
        found = t;
      }
      if (t.getCause() != null) todo.add(t.getCause()); // ArrayDeque takes no null
      for (Throwable s : t.getSuppressed()) todo.add(s);
    }
    return found;
  }

  /** Null when a small file can be written to and deleted from the lake, else why not. */
  static String probeWrite(Configuration conf, String lakeRoot) {
    Path probe = new Path(lakeRoot + "/_locks/write-probe-" + ProcessHandle.current().pid());
    try {
      FileSystem fs = probe.getFileSystem(conf);
      try (OutputStream out = fs.create(probe, true)) {
        out.write(new byte[64 * 1024]); // more than a page: an empty file needs no space on most file systems
      } finally {
        fs.delete(probe, false);
      }
      return null;
    } catch (IOException | RuntimeException | FSError e) {
      return "a test write of " + probe + " fails (" + oneLine(e) + ")";
    }
  }

  private static String oneLine(Throwable t) {
    String m = String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
