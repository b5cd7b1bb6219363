package com.dispatch.quality.calendar;

import com.dispatch.quality.csv.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The official Chinese working-day calendar (SPEC §1): Mon-Fri work, Sat-Sun off, except the
 * listed public holidays (off) and make-up working days (调休, on). The calendar covers exactly
 * the years with at least one listed date; asking about any other year throws
 * {@link CalendarNotCoveredException} instead of guessing.
 */
public final class WorkCalendar implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final String BUNDLED = "/reference/cn_calendar.csv";

  private final TreeMap<LocalDate, Boolean> overrides;
  private final TreeSet<Integer> years;

  private WorkCalendar(Map<LocalDate, Boolean> overrides) {
    this.overrides = new TreeMap<>(overrides);
    this.years = new TreeSet<>();
    overrides.keySet().forEach(d -> years.add(d.getYear()));
  }

  /** A calendar from explicit overrides: date -> is_workday. */
  public static WorkCalendar of(Map<LocalDate, Boolean> overrides) {
    return new WorkCalendar(overrides);
  }

  /** The calendar shipped with the project, built from holiday-cn (see docs/calendar.md). */
  public static WorkCalendar bundled() {
    try (InputStream in = WorkCalendar.class.getResourceAsStream(BUNDLED)) {
      if (in == null) throw new IllegalStateException("bundled calendar " + BUNDLED + " not on the classpath");
      return fromCsv(new InputStreamReader(in, StandardCharsets.UTF_8), BUNDLED);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Parses {@code date,is_workday[,note]} with a header row (the cn_calendar.csv contract, read
   * like every CSV of the project by {@link CsvReader}: columns matched by header name, RFC-4180
   * quoting, a leading BOM). The reader is not closed.
   */
  public static WorkCalendar fromCsv(Reader reader, String name) throws IOException {
    Map<LocalDate, Boolean> rows = new TreeMap<>();
    CsvReader csv = new CsvReader(reader);
    CsvReader.Record header = csv.next();
    if (header == null) return new WorkCalendar(rows);
    int date = column(header, "date", name);
    int isWorkday = column(header, "is_workday", name);
    for (CsvReader.Record r = csv.next(); r != null; r = csv.next()) {
      if (r.fields().stream().allMatch(String::isBlank)) continue;
      try {
        rows.put(LocalDate.parse(r.fields().get(date).strip()), parseBool(r.fields().get(isWorkday).strip()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(name + " line " + r.line() + ": cannot read '" + r.raw() + "': " + e.getMessage(), e);
      }
    }
    return new WorkCalendar(rows);
  }

  private static int column(CsvReader.Record header, String column, String name) {
    for (int i = 0; i < header.fields().size(); i++) {
      if (header.fields().get(i).strip().equalsIgnoreCase(column)) return i;
    }
    throw new IllegalArgumentException(name + ": no column " + column + " in the header '" + header.raw() + "'");
  }

  private static boolean parseBool(String s) {
    if (s.equalsIgnoreCase("true")) return true;
    if (s.equalsIgnoreCase("false")) return false;
    throw new IllegalArgumentException("is_workday must be true or false, was '" + s + "'");
  }

  public SortedSet<Integer> coveredYears() { return Collections.unmodifiableSortedSet(years); }

  public boolean covers(LocalDate date) { return years.contains(date.getYear()); }

  public boolean isWorkday(LocalDate date) {
    requireCovered(date);
    Boolean override = overrides.get(date);
    if (override != null) return override;
    DayOfWeek dow = date.getDayOfWeek();
    return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
  }

  /** The n-th working day strictly after {@code date} (n >= 1); the first one after it is the 1st. */
  public LocalDate nthWorkdayAfter(LocalDate date, int n) {
    if (n < 0) throw new IllegalArgumentException("n must be >= 0, was " + n);
    LocalDate d = date;
    int found = 0;
    while (found < n) {
      d = d.plusDays(1);
      if (isWorkday(d)) found++;
    }
    return d;
  }

  /** {@code date} if it is a working day, else the closest working day before it. */
  public LocalDate onOrBeforeWorkday(LocalDate date) {
    LocalDate d = date;
    while (!isWorkday(d)) d = d.minusDays(1);
    return d;
  }

  private void requireCovered(LocalDate date) {
    if (!years.contains(date.getYear())) {
      throw new CalendarNotCoveredException(date, years);
    }
  }

  /** Thrown when a computation needs a date in a year the calendar does not list. */
  public static final class CalendarNotCoveredException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    CalendarNotCoveredException(LocalDate date, SortedSet<Integer> years) {
      super("The working-day calendar does not cover " + date.getYear() + " (needed for " + date
          + "; covered years: " + years + "). Add that year's holidays to reference/cn_calendar.csv:"
          + " see docs/calendar.md.");
    }
  }
}
