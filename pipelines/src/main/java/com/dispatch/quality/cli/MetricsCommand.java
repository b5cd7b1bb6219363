package com.dispatch.quality.cli;

import com.dispatch.quality.metrics.MetricsJob;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code quality metrics}: computes every gold table of one month as of a cut-off (SPEC §4, §6). */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = "Computes every gold table of month M as of a cut-off instant and replaces month M in gold.")
public final class MetricsCommand implements Callable<Integer> {
  @Mixin LakeOption lake;

  @Option(names = "--month", required = true, split = ",", paramLabel = "yyyy-MM", converter = MonthConverter.class,
      description = "Target month M, or several separated by commas (one commit per gold table for all of them).")
  List<YearMonth> months;

  @Mixin AsOfOption asOf;

  @Mixin SparkOptions spark;

  @Override
  public Integer call() {
    MetricsJob.run(spark.session("quality-metrics"), lake.lake(), months, asOf.orNow(), System.out);
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
}
