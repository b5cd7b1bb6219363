package com.dispatch.quality.cli;

import com.dispatch.quality.gold.MetricContext;
import com.dispatch.quality.io.Lake;
import com.dispatch.quality.metrics.MetricsJob;
import com.dispatch.quality.silver.LandingValues;
import com.dispatch.quality.silver.LandingValues.BadValue;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code quality metrics}: computes every gold table of one month as of a cut-off (SPEC §4, §6). */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "Computes every gold table of month M as of a cut-off instant and replaces month M in gold.")
public final class MetricsCommand implements Callable<Integer> {
  @Option(names = "--lake", required = true, paramLabel = "URI",
      description = "Lake root: a directory or any Hadoop-compatible URI (file:, hdfs:, s3a:, abfss:).")
  String lake;

  @Option(names = "--month", required = true, split = ",", paramLabel = "yyyy-MM", converter = MonthConverter.class,
      description = "Target month M, or several separated by commas (one commit per gold table for all of them).")
  List<YearMonth> months;

  @Option(names = "--as-of", paramLabel = "INSTANT", converter = InstantConverter.class,
      description = "Cut-off: facts stamped later are not seen. 'yyyy-MM-dd HH:mm:ss' (Asia/Shanghai), ISO-8601 "
          + "with Z, +HH:MM or +HHMM, or with T and no offset (Asia/Shanghai), each with optional fractional seconds "
          + "(the ingest's spellings, SPEC §3); a bare date means the end of that day. "
          + "Default: now.")
  Instant asOf;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    SparkSession session = spark.session("quality-metrics");
    MetricsJob.run(session, new Lake(lake), months, asOf == null ? Instant.now() : asOf, System.out);
    return 0;
  }

  static final class MonthConverter implements ITypeConverter<YearMonth> {
    @Override
    public YearMonth convert(String value) {
      try {
        return YearMonth.parse(value.strip());
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("month must be yyyy-MM, was '" + value + "'");
      }
    }
  }

  /**
   * The timestamp spellings of SPEC §3, parsed by the ingest's own parser
   * ({@link LandingValues#timestamp}), plus a bare date (the end of that day, as §4 counts
   * date-only facts).
   */
  static final class InstantConverter implements ITypeConverter<Instant> {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    @Override
    public Instant convert(String value) {
      String v = value.strip();
      try {
        if (DATE.matcher(v).matches()) return MetricContext.endOfDay(LandingValues.date(v));
        return LandingValues.timestamp(v);
      } catch (BadValue e) {
        String spellings = e.getMessage().contains(LandingValues.TIMESTAMP_SPELLINGS)
            ? "" : " (accepted: " + LandingValues.TIMESTAMP_SPELLINGS + ")";
        throw new TypeConversionException("as-of " + e.getMessage() + spellings
            + ", or a bare date yyyy-MM-dd (the end of that day)");
      }
    }
  }
}
