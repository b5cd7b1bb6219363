package com.dispatch.quality.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fault injection for the crash tests (issue 11, item 5): with {@code QUALITY_HALT_AT=<phase>} or
 * {@code <phase>#<n>} in the environment (or the system property {@code quality.haltAt}), the
 * process stops abruptly ({@link Runtime#halt}, no shutdown hooks, no finally blocks: what
 * {@code kill -9} does) right after the n-th time (default: the first) it reaches that phase.
 *
 * <p>Phases: {@code commit} (after every Delta commit of the process, counted across tables),
 * {@code commit:<table>} (after a commit to one table, e.g. {@code commit:silver/roster},
 * {@code commit:gold/sla_events}, {@code commit:runs}), and the named points the jobs mark:
 * {@code ingest:locked}, {@code ingest:recovered}, {@code ingest:sources}, {@code report:rendered}.
 * Without the variable this class does nothing but count.
 *
 * <p>For faults a test applies from outside (the lake's disk filling up, a read-only remount:
 * issue 11, item 8), {@code QUALITY_PAUSE_AT=<phase>[#n]} with {@code QUALITY_PAUSE_FILE=<path>}
 * (or {@code quality.pauseAt} / {@code quality.pauseFile}) makes the process write the phase into
 * that file when it reaches the phase and wait, at most ten minutes, until the file is removed;
 * then it goes on. The test breaks the lake meanwhile.
 */
public final class FaultInjection {
  private static final String SPEC = setting("quality.haltAt", "QUALITY_HALT_AT");
  private static final String PAUSE = setting("quality.pauseAt", "QUALITY_PAUSE_AT");
  private static final String PAUSE_FILE = setting("quality.pauseFile", "QUALITY_PAUSE_FILE");
  private static final boolean ACTIVE = SPEC != null || (PAUSE != null && PAUSE_FILE != null);
  private static final Map<String, AtomicInteger> REACHED = new ConcurrentHashMap<>();

  private FaultInjection() {}

  private static String setting(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) v = System.getenv(env);
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** Marks that {@code phase} was reached; halts the JVM (or pauses) when it is the configured one. */
  public static void reached(String phase) {
    if (!ACTIVE) return;
    int n = REACHED.computeIfAbsent(phase, p -> new AtomicInteger()).incrementAndGet();
    if (matches(SPEC, phase, n)) {
      System.err.println("quality: QUALITY_HALT_AT=" + SPEC + " reached: halting now");
      System.err.flush();
      Runtime.getRuntime().halt(137);
    }
    if (PAUSE_FILE != null && matches(PAUSE, phase, n)) pause();
  }

  /** Whether {@code spec} ({@code <phase>} or {@code <phase>#<n>}) names the n-th time of {@code phase}. */
  private static boolean matches(String spec, String phase, int n) {
    if (spec == null) return false;
    String wanted = spec;
    int at = 1;
    int hash = spec.lastIndexOf('#');
    if (hash > 0) {
      wanted = spec.substring(0, hash);
      at = Integer.parseInt(spec.substring(hash + 1));
    }
    return wanted.equals(phase) && n == at;
  }

  private static void pause() {
    Path file = Path.of(PAUSE_FILE);
    try {
      Files.writeString(file, PAUSE + "\n");
      System.err.println("quality: QUALITY_PAUSE_AT=" + PAUSE + " reached: paused until " + file + " is removed");
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
      while (Files.exists(file) && System.nanoTime() < deadline) Thread.sleep(100);
      System.err.println("quality: resumed after QUALITY_PAUSE_AT=" + PAUSE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pause file " + file, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** After a successful commit to the table at {@code path}: phases {@code commit} and {@code commit:<table>}. */
  static void committed(String path) {
    if (!ACTIVE) return;
    reached("commit:" + tableOf(path));
    reached("commit");
  }

  /** {@code bronze/roster}, {@code gold/sla_events}, {@code runs}: the path below the lake root. */
  static String tableOf(String path) {
    String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    String[] parts = p.split("/");
    String last = parts[parts.length - 1];
    String parent = parts.length > 1 ? parts[parts.length - 2] : "";
    return parent.equals("bronze") || parent.equals("silver") || parent.equals("gold") ? parent + "/" + last : last;
  }
}
