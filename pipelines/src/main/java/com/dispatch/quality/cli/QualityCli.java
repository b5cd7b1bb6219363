package com.dispatch.quality.cli;

import com.dispatch.quality.io.UnwritableLake;
import java.io.PrintWriter;
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
    System.exit(execute(args));
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
  private static Optional<String> storageProblem(Throwable ex, String lake) {
    if (lake == null) return Optional.empty();
    try {
      Configuration conf = SparkSession.getDefaultSession().isDefined()
          ? SparkSession.getDefaultSession().get().sparkContext().hadoopConfiguration() : new Configuration();
      return UnwritableLake.diagnose(conf, lake, ex);
    } catch (RuntimeException probeFailed) {
      return Optional.empty();
    }
  }

  private static int report(Throwable ex, String lake, PrintWriter err) {
    Optional<String> storage = storageProblem(ex, lake);
    if (storage.isPresent()) {
      err.println("error: " + storage.get());
      err.println("failure: " + describe(ex).lines().findFirst().orElse(""));
    } else {
      err.println("error: " + describe(ex));
    }
    if (System.getenv("QUALITY_DEBUG") != null) ex.printStackTrace(err);
    err.flush();
    return 1;
  }

  /** The {@code --lake} value of a command line, or null. */
  private static String lakeArg(String... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--lake") && i + 1 < args.length) return args[i + 1];
      if (args[i].startsWith("--lake=")) return args[i].substring("--lake=".length());
    }
    return null;
  }

  /** Runs the CLI and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    CommandLine cli = new CommandLine(new QualityCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((ex, cmd, parsed) -> report(ex, lakeArg(args), cmd.getErr()));
    try {
      return cli.execute(args);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Error e) { // passes picocli's handler (Hadoop's FSError on a full local disk): reported the same way
      return report(e, lakeArg(args), cli.getErr());
    }
  }
}
