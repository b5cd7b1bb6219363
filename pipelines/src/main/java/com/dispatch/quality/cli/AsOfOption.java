package com.dispatch.quality.cli;

import com.dispatch.quality.gold.MetricContext;
import com.dispatch.quality.silver.LandingValues;
import com.dispatch.quality.silver.LandingValues.BadValue;
import java.time.Instant;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** {@code --as-of}, the cut-off of metrics, run and watch: one spelling rule, one default (now). */
public final class AsOfOption {
  @Option(names = "--as-of", paramLabel = "INSTANT", converter = InstantConverter.class,
      description = "Cut-off: facts stamped later are not seen. 'yyyy-MM-dd HH:mm:ss' (Asia/Shanghai), ISO-8601 "
          + "with Z, +HH:MM or +HHMM, or with T and no offset (Asia/Shanghai), each with optional fractional seconds "
          + "(the ingest's spellings, SPEC §3); a bare date means the end of that day. "
          + "Default: now.")
  Instant asOf;

  /** The cut-off given, or now. */
  public Instant orNow() { return asOf == null ? Instant.now() : asOf; }

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
