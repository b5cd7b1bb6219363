package com.dispatch.quality.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wall time per ingest phase, for profiling: logged at DEBUG, and printed to stderr when the JVM
 * runs with {@code -Dquality.timing=true} (e.g. {@code QUALITY_JAVA_OPTS=-Dquality.timing=true ./quality ingest ...}).
 */
final class PhaseTimer {
  private static final Logger LOG = LoggerFactory.getLogger(PhaseTimer.class);

  private final boolean print = Boolean.getBoolean("quality.timing");
  private final long start = System.nanoTime();
  private long last = start;

  /** Records the time since the previous lap under {@code phase}. */
  synchronized void lap(String phase) {
    long now = System.nanoTime();
    if (print || LOG.isDebugEnabled()) {
      String line = String.format("timing %-36s %8.2f s  (total %8.2f s)", phase, (now - last) / 1e9, (now - start) / 1e9);
      if (print) System.err.println(line);
      LOG.debug(line);
    }
    last = now;
  }
}
