package com.dispatch.quality.cli;

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

  /** Runs the CLI and returns the exit code (tests call this instead of main). */
  public static int execute(String... args) {
    return new CommandLine(new QualityCli())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler((ex, cmd, parsed) -> {
          cmd.getErr().println("error: " + ex.getMessage());
          if (System.getenv("QUALITY_DEBUG") != null) ex.printStackTrace(cmd.getErr());
          return 1;
        })
        .execute(args);
  }
}
