package com.dispatch.quality.cli;

import com.dispatch.quality.generate.LandingGenerator;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quality generate}: a deterministic synthetic landing zone plus its ground truth (no Spark). */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Writes a synthetic landing zone (every source of SPEC §2, injected errors and bad input) and,"
        + " in <out>/_ground_truth/, what the pipeline must find. Same seed, same bytes.")
public final class GenerateCommand implements Callable<Integer> {
  @Option(names = "--clients", defaultValue = "6", description = "number of clients (default ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--employees", defaultValue = "320", description = "number of employees (default ${DEFAULT-VALUE})")
  int employees;

  @Option(names = "--months", defaultValue = "6", description = "number of service months (default ${DEFAULT-VALUE})")
  int months;

  @Option(names = "--start-month", defaultValue = "2025-07", description = "first service month yyyy-MM (default ${DEFAULT-VALUE})")
  YearMonth startMonth;

  @Option(names = "--seed", defaultValue = "20250701", description = "random seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--out", required = true, description = "output directory (the landing zone)")
  Path out;

  @Override
  public Integer call() {
    LandingGenerator.Summary s = LandingGenerator.generate(
        new LandingGenerator.Config(clients, employees, months, startMonth, seed, out), System.out);
    System.out.printf("generated %s in %.1f s: %d settlement lines, %d settlement error rows, %d SLA breaches in the ground truth%n",
        out, s.elapsed().toMillis() / 1000.0, s.settlementLines(), s.settlementErrorRows(), s.slaBreachRows());
    return 0;
  }
}
