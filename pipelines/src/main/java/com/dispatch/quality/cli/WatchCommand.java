package com.dispatch.quality.cli;

import com.dispatch.quality.io.Lake;
import com.dispatch.quality.watch.WatchJob;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quality watch}: the early-warning watchlist of SPEC §4.8 and its digest. */
@Command(name = "watch", mixinStandardHelpOptions = true,
    description = "Lists the time limits at risk as of a cut-off (SPEC §4.8: overdue, or >= 50/75/90%% of the time "
        + "used, months month(as_of)-1 .. month(as_of)+1), replaces that day in gold/sla_watchlist and writes a digest.")
public final class WatchCommand implements Callable<Integer> {
  @Option(names = "--lake", required = true, paramLabel = "DIR|URI",
      description = "Lake root: a directory or any Hadoop-compatible URI (file:, hdfs:, s3a:, abfss:).")
  String lake;

  @Option(names = "--as-of", paramLabel = "INSTANT", converter = MetricsCommand.InstantConverter.class,
      description = "Cut-off, spelled as for metrics --as-of ('yyyy-MM-dd HH:mm:ss' Asia/Shanghai, ISO-8601 with an "
          + "offset; a bare date = the end of that day). Default: now.")
  Instant asOf;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Writes <out>/watch/<as_of_date>/<HHmm>/digest.html, digest.csv, summary.json and one "
          + "<client_id>.html per client on the list. Default: no digest, only the table and the summary.")
  Path out;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    WatchJob.run(spark.session("quality-watch"), new Lake(lake), asOf == null ? Instant.now() : asOf, out, System.out);
    return 0;
  }
}
