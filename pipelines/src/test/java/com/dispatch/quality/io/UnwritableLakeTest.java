package com.dispatch.quality.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 8: a run failing because the lake's storage refuses writes is told apart from
 * other failures (the whole path, with a full disk and a read-only remount, runs in
 * {@code .ci/lake-unwritable.sh}).
 */
class UnwritableLakeTest {
  @Test
  void aFullDiskDeepInsideSparksWrappersAndInASuppressedCleanupIsFound() {
    IOException full = new IOException("No space left on device");
    RuntimeException run = new RuntimeException("Job aborted due to stage failure: Task 0 ...",
        new IllegalStateException("task failed"));
    run.addSuppressed(new RuntimeException("cleanup", new RuntimeException(full.toString(), full)));
    assertSame(full, UnwritableLake.storageCause(run), "the innermost, whose message is the plain errno text");
  }

  @Test
  void aReadOnlyFileSystemNamedInAFileNotFoundMessageIsFound() {
    Exception e = new java.io.FileNotFoundException("/lake/runs/part-0.parquet (Read-only file system)");
    assertSame(e, UnwritableLake.storageCause(new RuntimeException(e)));
  }

  @Test
  void aFailureOfAnotherKindIsNoStorageProblemAndTheLakeIsNotBlamed() throws IOException {
    Path lake = Files.createTempDirectory("lake");
    assertNull(UnwritableLake.storageCause(new IllegalArgumentException("month must be yyyy-MM")));
    assertEquals(Optional.empty(),
        UnwritableLake.diagnose(new Configuration(), lake.toString(), new IllegalArgumentException("x")));
    assertTrue(Files.list(lake.resolve("_locks")).findAny().isEmpty(), "the test write is removed");
  }

  @Test
  void aStorageErrorWhileTheLakeTakesWritesSaysTheCauseMayBeElsewhere() throws IOException {
    Path lake = Files.createTempDirectory("lake");
    String m = UnwritableLake.diagnose(new Configuration(), lake.toString(),
        new RuntimeException(new IOException("No space left on device"))).orElseThrow();
    assertTrue(m.startsWith("a write failed: No space left on device (the lake " + lake), m);
  }

  @Test
  void aLakeThatCannotBeWrittenIsNamedWithTheTestWrite() throws IOException {
    Path notADir = Files.createTempFile("lake", ".file"); // a file where the lake should be: no write below it
    String m = UnwritableLake.diagnose(new Configuration(), notADir.toString(),
        new RuntimeException("commit failed")).orElseThrow();
    assertTrue(m.startsWith("the lake " + notADir + " cannot be written: a test write of "), m);
    assertTrue(m.contains("run the same command again"), m);
  }
}
