package com.dispatch.quality.cli;

import com.dispatch.quality.io.UnwritableLake;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The one entry point: {@code quality <command>}. Runs embedded (Spark local, lake on local disk)
 * by default, and unchanged under spark-submit on a cluster.
 */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    version = "service-quality 1.0",
    description = "Service-quality analytics pipeline of a labour-dispatch company.",
    subcommands = {
        RunCommand.class,
        IngestCommand.class,
        MetricsCommand.class,
        ReportCommand.class,
        WatchCommand.class,
        GenerateCommand.class,
        CommandLine.HelpCommand.class
    })
public final class QualityCli implements Runnable {
  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    int code;
    try {
      code = execute(args);
    } catch (Throwable t) { // an Error (Hadoop's FSError on a full disk) passes picocli's handler: exit all the same
      System.err.println("error: " + describe(t));
      code = 1;
    }
    System.exit(code);
  }

  /**
   * The failure as a user should read it: Spark wraps our own exceptions (e.g. the calendar's
   * "does not cover 2027" from inside a UDF) in long engine messages, so the innermost cause is
   * named on its own line when it differs from the outer message.
   */
  static String describe(Throwable ex) {
    Throwable root = ex;
    while (root.getCause() != null && root.getCause() != root) root = root.getCause();
    String outer = String.valueOf(ex.getMessage());
    if (root == ex || root.getMessage() == null || outer.equals(root.getMessage())) return outer;
    return outer.lines().findFirst().orElse(outer) + System.lineSeparator() + "cause: " + root.getMessage();
  }

  /**
   * For a command with {@code --lake}: whether the failure is the lake's storage refusing writes
   * (disk full, read-only, permissions), as a message naming the lake and what to do.
   */
  private static Optional<String> storageProblem(Exception ex, CommandLine cmd) {
    String lake = cmd.getParseResult().matchedOptionValue("--lake", null);
    if (lake == null) return Optional.empty();
    Configuration conf = SparkSession.getDefaultSession().isDefined()
        ? SparkSession.getDefaultSession().get().sparkContext().hadoopConfiguration() : new Configuration();
    try {
      return UnwritableLake.diagnose(conf, lake, ex);
    } catch (RuntimeException probeFailed) {
      return Optional.empty();
    }
  }

  /** Runs the CLI and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return new CommandLine(new QualityCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((ex, cmd, parsed) -> {
          Optional<String> storage = storageProblem(ex, cmd);
          if (storage.isPresent()) {
            cmd.getErr().println("error: " + storage.get());
            cmd.getErr().println("failure: " + describe(ex).lines().findFirst().orElse(""));
          } else {
            cmd.getErr().println("error: " + describe(ex));
          }
          if (System.getenv("QUALITY_DEBUG") != null) ex.printStackTrace(cmd.getErr());
          return 1;
        })
        .execute(args);
  }
}
