package com.dispatch.quality.cli;

import com.dispatch.quality.watch.WatchJob;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quality watch}: the early-warning watchlist of SPEC §4.8 and its digest. */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "Lists the time limits at risk as of a cut-off (SPEC §4.8: overdue, or >= 50/75/90%% of the time "
        + "used, months month(as_of)-1 .. month(as_of)+1), replaces that day in gold/sla_watchlist and writes a digest.")
public final class WatchCommand implements Callable<Integer> {
  @Mixin LakeOption lake;

  @Mixin AsOfOption asOf;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Writes <out>/watch/<as_of_date>/<HHmm>/digest.html, digest.csv, summary.json and one "
          + "<client_id>.html per client on the list. Default: no digest, only the table and the summary.")
  Path out;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    WatchJob.run(spark.session("quality-watch"), lake.lake(), asOf.orNow(), out, System.out);
    return 0;
  }
}
