package com.dispatch.quality.spark;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Driver-side thread pools for running independent Spark jobs side by side (the ingest's
 * sources, the metrics job's gold writes). Daemon threads, so a failed run never keeps the JVM
 * alive; named, so a thread dump says what they were doing.
 */
public final class DriverThreads {
  private DriverThreads() {}

  public static ExecutorService pool(int threads, String name) {
    return Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }
}
