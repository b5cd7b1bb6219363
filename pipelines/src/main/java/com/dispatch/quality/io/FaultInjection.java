package com.dispatch.quality.io;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 */
public final class FaultInjection {
  private static final String SPEC = spec();
  private static final Map<String, AtomicInteger> REACHED = new ConcurrentHashMap<>();

  private FaultInjection() {}

  private static String spec() {
    String v = System.getProperty("quality.haltAt");
    if (v == null || v.isBlank()) v = System.getenv("QUALITY_HALT_AT");
    return v == null || v.isBlank() ? null : v.trim();
  }

  /** Marks that {@code phase} was reached; halts the JVM when it is the configured one. */
  public static void reached(String phase) {
    if (SPEC == null) return;
    int n = REACHED.computeIfAbsent(phase, p -> new AtomicInteger()).incrementAndGet();
    String wanted = SPEC;
    int at = 1;
    int hash = SPEC.lastIndexOf('#');
    if (hash > 0) {
      wanted = SPEC.substring(0, hash);
      at = Integer.parseInt(SPEC.substring(hash + 1));
    }
    if (wanted.equals(phase) && n == at) {
      System.err.println("quality: QUALITY_HALT_AT=" + SPEC + " reached: halting now");
      System.err.flush();
      Runtime.getRuntime().halt(137);
    }
  }

  /** After a successful commit to the table at {@code path}: phases {@code commit} and {@code commit:<table>}. */
  static void committed(String path) {
    if (SPEC == null) return;
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
