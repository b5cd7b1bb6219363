package com.dispatch.quality.cli;

import com.dispatch.quality.io.Lake;
import com.dispatch.quality.metrics.MetricsJob;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
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
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Option(names = "--lake", required = true, paramLabel = "URI",
      description = "Lake root: a directory or any Hadoop-compatible URI (file:, hdfs:, s3a:, abfss:).")
  String lake;

  @Option(names = "--month", required = true, split = ",", paramLabel = "yyyy-MM", converter = MonthConverter.class,
      description = "Target month M, or several separated by commas (one commit per gold table for all of them).")
  List<YearMonth> months;

  @Option(names = "--as-of", paramLabel = "INSTANT", converter = InstantConverter.class,
      description = "Cut-off: facts stamped later are not seen. 'yyyy-MM-dd HH:mm:ss' (Asia/Shanghai), ISO-8601 "
          + "with Z, +HH:MM or +HHMM, or with T and no offset (Asia/Shanghai); a bare date means the end of that day. "
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

  /** The timestamp spellings of SPEC §3, plus a bare date (the end of that day, as §4 counts date-only facts). */
  static final class InstantConverter implements ITypeConverter<Instant> {
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern LOCAL = Pattern.compile("\\d{4}-\\d{2}-\\d{2}[ T]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?");
    private static final Pattern OFFSET =
        Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final DateTimeFormatter LOCAL_FORMAT = new DateTimeFormatterBuilder()
        .appendPattern("uuuu-MM-dd").optionalStart().appendLiteral('T').optionalEnd()
        .optionalStart().appendLiteral(' ').optionalEnd().appendPattern("HH:mm:ss")
        .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
        .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter OFFSET_FORMAT = new DateTimeFormatterBuilder()
        .append(LOCAL_FORMAT).appendOffset("+HH:MM", "Z").toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter OFFSET_NO_COLON_FORMAT = new DateTimeFormatterBuilder()
        .append(LOCAL_FORMAT).appendOffset("+HHMM", "Z").toFormatter().withResolverStyle(ResolverStyle.STRICT);

    @Override
    public Instant convert(String value) {
      String v = value.strip();
      try {
        if (DATE.matcher(v).matches()) {
          return com.dispatch.quality.gold.MetricContext.endOfDay(LocalDate.parse(v));
        }
        if (LOCAL.matcher(v).matches()) return LocalDateTime.parse(v, LOCAL_FORMAT).atZone(ZONE).toInstant();
        if (OFFSET.matcher(v).matches()) {
          boolean colon = v.endsWith("Z") || v.charAt(v.length() - 3) == ':';
          return OffsetDateTime.parse(v, colon ? OFFSET_FORMAT : OFFSET_NO_COLON_FORMAT).toInstant();
        }
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("as-of '" + value + "' is not a valid instant: " + e.getMessage());
      }
      throw new TypeConversionException("as-of must be 'yyyy-MM-dd HH:mm:ss' or ISO-8601 (e.g. 2026-02-05T09:00:00+08:00), was '"
          + value + "'");
    }
  }
}
