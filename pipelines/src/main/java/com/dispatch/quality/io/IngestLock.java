package com.dispatch.quality.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The lake's ingest lock (issue 11, item 4): one ingest at a time writes bronze, silver,
 * quarantine and ingested_files. The lock is the file {@code <lake>/_locks/ingest}, created
 * atomically (local disk: {@code O_EXCL}; other file systems: {@code FileSystem.create} with
 * overwrite=false, atomic on HDFS), holding {@code run_id host pid acquired_at}. The holder
 * touches it every {@code stale/4} (heartbeat). A second ingest waits up to {@code wait},
 * printing who holds the lock, then stops with a message saying what to do. A lock is stale
 * (its holder was killed) when its heartbeat is older than {@code stale}, or at once when its
 * holder ran on this host and that process no longer exists; a stale lock is taken over.
 *
 * <p>Settings: {@code QUALITY_INGEST_LOCK_WAIT_SECONDS} (default 300) and
 * {@code QUALITY_INGEST_LOCK_STALE_SECONDS} (default 300), environment or system properties
 * {@code quality.ingestLock.waitSeconds} / {@code .staleSeconds}.
 */
public final class IngestLock implements AutoCloseable {
  private final FileSystem fs;
  private final Path path;
  private final String holder;
  private final Thread heartbeat;

  private IngestLock(FileSystem fs, Path path, String holder, Duration stale) {
    this.fs = fs;
    this.path = path;
    this.holder = holder;
    long every = Math.max(1000, stale.toMillis() / 4);
    this.heartbeat = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(every);
          fs.setTimes(path, System.currentTimeMillis(), -1);
        } catch (InterruptedException e) {
          return;
        } catch (IOException | RuntimeException e) {
          // A missed beat only makes the lock look older; the next one retries.
        }
      }
    }, "ingest-lock-heartbeat");
    heartbeat.setDaemon(true);
    heartbeat.start();
  }

  /** Where the lock of {@code lake} lives. */
  public static String location(Lake lake) { return lake.root() + "/_locks/ingest"; }

  /** Takes the lock with the configured wait and staleness. */
  public static IngestLock acquire(Configuration conf, Lake lake, String runId, Consumer<String> progress) {
    return acquire(conf, lake, runId, setting("WAIT", 300), setting("STALE", 300), progress);
  }

  public static IngestLock acquire(Configuration conf, Lake lake, String runId, Duration wait, Duration stale,
      Consumer<String> progress) {
    String me = runId + " " + host() + " " + ProcessHandle.current().pid() + " " + Instant.now();
    try {
      Path path = new Path(location(lake));
      FileSystem fs = path.getFileSystem(conf);
      long deadline = System.nanoTime() + wait.toNanos();
      boolean announced = false;
      while (true) {
        if (tryCreate(fs, path, me)) return new IngestLock(fs, path, me, stale);
        String other = read(fs, path);
        if (other == null) continue; // released between our create and our read
        FileStatus st = status(fs, path);
        long age = st == null ? 0 : System.currentTimeMillis() - st.getModificationTime();
        String why = deadHolder(other) ? "its process is gone" : age > stale.toMillis() ? "no heartbeat for "
            + age / 1000 + " s" : null;
        if (why != null) {
          progress.accept("ingest lock " + path + ": taking over from " + other + " (" + why + ")");
          if (other.equals(read(fs, path))) fs.delete(path, false);
          continue;
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("another ingest holds the lake's ingest lock " + path + " (run, host, pid, since: "
              + other + "; last heartbeat " + age / 1000 + " s ago); waited " + wait.toSeconds()
              + " s. Run this ingest again when that one has finished; a killed holder's lock frees itself after "
              + stale.toSeconds() + " s without heartbeat.");
        }
        if (!announced) {
          progress.accept("ingest lock " + path + " is held by " + other + "; waiting up to " + wait.toSeconds() + " s");
          announced = true;
        }
        Thread.sleep(1000);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot take the ingest lock " + location(lake) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the ingest lock " + location(lake), e);
    }
  }

  /** Creates the lock file with {@code content} unless it exists (atomically). */
  private static boolean tryCreate(FileSystem fs, Path path, String content) throws IOException {
    byte[] bytes = (content + "\n").getBytes(StandardCharsets.UTF_8);
    if (fs instanceof LocalFileSystem || fs instanceof RawLocalFileSystem) {
      java.nio.file.Path p = java.nio.file.Paths.get(fs.makeQualified(path).toUri());
      java.nio.file.Files.createDirectories(p.getParent());
      try {
        // CREATE_NEW is O_EXCL: exactly one of two racing processes succeeds (Hadoop's local
        // create(overwrite=false) checks existence first, which races).
        java.nio.file.Files.write(p, bytes, java.nio.file.StandardOpenOption.CREATE_NEW,
            java.nio.file.StandardOpenOption.WRITE);
        return true;
      } catch (java.nio.file.FileAlreadyExistsException e) {
        return false;
      }
    }
    try (OutputStream out = fs.create(path, false)) {
      out.write(bytes);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      if (fs.exists(path)) return false;
      throw e;
    }
  }

  private static String read(FileSystem fs, Path path) throws IOException {
    try (FSDataInputStream in = fs.open(path)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (java.io.FileNotFoundException e) {
      return null;
    }
  }

  private static FileStatus status(FileSystem fs, Path path) throws IOException {
    try {
      return fs.getFileStatus(path);
    } catch (java.io.FileNotFoundException e) {
      return null;
    }
  }

  /** The holder ran on this host and its process is gone (killed): no need to wait for staleness. */
  static boolean deadHolder(String content) {
    String[] f = content.split(" ");
    if (f.length < 3 || !f[1].equals(host())) return false;
    try {
      long pid = Long.parseLong(f[2]);
      return pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static String host() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return ManagementFactory.getRuntimeMXBean().getName();
    }
  }

  private static Duration setting(String name, long defaultSeconds) {
    String v = System.getProperty("quality.ingestLock." + name.toLowerCase(java.util.Locale.ROOT) + "Seconds");
    if (v == null) v = System.getenv("QUALITY_INGEST_LOCK_" + name + "_SECONDS");
    return Duration.ofSeconds(v == null || v.isBlank() ? defaultSeconds : Long.parseLong(v.trim()));
  }

  /** Releases the lock (only if it is still ours). */
  @Override
  public void close() {
    heartbeat.interrupt();
    try {
      if (holder.equals(read(fs, path))) fs.delete(path, false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot release the ingest lock " + path + ": " + e.getMessage(), e);
    }
  }
}
