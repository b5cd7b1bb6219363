package com.dispatch.quality.generate;

import com.dispatch.quality.domain.ReasonCode;
import com.dispatch.quality.domain.ResponseMetric;
import com.dispatch.quality.domain.SlaRule;
import com.dispatch.quality.domain.WatchLevel;
import java.io.Closeable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ground truth beside the generated data ({@code <out>/_ground_truth/}): what the pipeline
 * must find, computed from the same values the generator writes. Large per-subject lists are
 * streamed; SLA counts per (rule, client, month) are kept in arrays and the quarantine entries in a
 * list, both written on {@link #close()}. The other summaries are written by the writer that owns
 * their counts (settlement, cases, activities, surveys).
 */
final class Truth implements Closeable {
  static final String DIR = "_ground_truth/";
  private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");

  private final CsvFile settlementErrors;
  private final CsvFile slaBreaches;
  private final CsvFile responseEvents;
  private final Path root;
  private final String[] clientIds;
  private final String[] months;
  /** Per rule: evaluated, met, breached at [(client * months + month) * 3 + j]; arrays, not maps, since this runs per settlement line. */
  private final int[][] slaCounts = new int[SlaRule.values().length][];
  private final List<String[]> quarantine = new ArrayList<>();
  /** SPEC §4.8's as_of of the watch truth, null for none; month indexes month(as_of) − 1 .. + 1. */
  private final LocalDateTime watchAsOf;
  private final int watchFirstMonth;
  private final List<Watched> watchlist = new ArrayList<>();
  long settlementErrorRows;
  long slaBreachRows;
  long responseRows;

  private record Watched(SlaRule rule, String subject, int client, int month, LocalDateTime clockStart,
      LocalDateTime deadline, WatchLevel level) {}

  /** A designed watch scenario's subject and the level it was designed for (null: not listed). */
  private record Designed(String tag, SlaRule rule, String subject, WatchLevel level) {}

  private final List<Designed> designed = new ArrayList<>();

  /** {@code watchAsOf}: the as_of of {@code sla_watchlist.csv}, or null to write none. */
  Truth(Path root, String[] clientIds, String[] months, LocalDateTime watchAsOf) {
    this.root = root;
    this.clientIds = clientIds;
    this.months = months;
    this.watchAsOf = watchAsOf;
    this.watchFirstMonth = watchAsOf == null ? -1
        : java.util.Arrays.asList(months).indexOf(YearMonth.from(watchAsOf).minusMonths(1).toString());
    settlementErrors = new CsvFile(root, DIR + "settlement_errors.csv",
        new String[] {"client_id", "month", "employee_id", "error", "component", "billed", "expected"}, CsvFile.Layout.plain());
    slaBreaches = new CsvFile(root, DIR + "sla_breaches.csv",
        new String[] {"rule", "subject_id", "client_id", "month", "deadline_at", "completed_at", "lateness_hours"}, CsvFile.Layout.plain());
    responseEvents = new CsvFile(root, DIR + "response_time_events.csv",
        new String[] {"metric", "subject_id", "client_id", "month", "start_at", "end_at", "hours", "status"}, CsvFile.Layout.plain());
  }

  static String isoMillis(LocalDateTime t) { return t == null ? null : t.atOffset(Stamps.SHANGHAI).format(ISO_MILLIS); }

  void settlementError(String client, String month, String employee, String error, String component,
      BigDecimal billed, BigDecimal expected) {
    settlementErrors.write(new String[] {client, month, employee, error, component,
        billed == null ? null : billed.toPlainString(), expected == null ? null : expected.toPlainString()});
    settlementErrorRows++;
  }

  /**
   * One evaluated SLA subject (SPEC §4.3). Every deadline and completion the generator makes lies
   * before the truth's as_of, so no subject is PENDING: null completion = BREACHED. {@code
   * clockStart} is SPEC §4.8's, {@code knownAt} the instant the subject exists (a case's
   * reported_at, the original batch's issued_at; null = always): both only for the watch truth.
   */
  void sla(SlaRule rule, String subject, int client, int month, LocalDateTime clockStart, LocalDateTime deadline,
      LocalDateTime completion, LocalDateTime knownAt) {
    watch(rule, subject, client, month, clockStart, deadline, completion, knownAt);
    boolean met = completion != null && !completion.isAfter(deadline);
    int[] counts = slaCounts[rule.ordinal()];
    if (counts == null) counts = slaCounts[rule.ordinal()] = new int[clientIds.length * months.length * 3];
    int at = (client * months.length + month) * 3;
    counts[at]++;
    counts[at + (met ? 1 : 2)]++;
    if (!met) {
      String lateness = completion == null ? null : hours(Duration.between(deadline, completion));
      slaBreaches.write(new String[] {rule.name(), subject, clientIds[client], months[month], isoMillis(deadline),
          isoMillis(completion), lateness});
      slaBreachRows++;
    }
  }

  /**
   * SPEC §4.8 at the watch as_of: a subject of month(as_of) − 1 .. + 1 of a watched rule, known and
   * not completed by as_of, OVERDUE once its deadline has passed, else at the level its elapsed
   * share reaches (none below 0.5, or when the deadline does not lie after the clock start).
   */
  private void watch(SlaRule rule, String subject, int client, int month, LocalDateTime clockStart,
      LocalDateTime deadline, LocalDateTime completion, LocalDateTime knownAt) {
    if (watchAsOf == null || !rule.watched() || month < watchFirstMonth || month > watchFirstMonth + 2) return;
    if (knownAt != null && knownAt.isAfter(watchAsOf)) return;
    if (completion != null && !completion.isAfter(watchAsOf)) return;
    WatchLevel level = level(watchAsOf, clockStart, deadline);
    if (level != null) watchlist.add(new Watched(rule, subject, client, month, clockStart, deadline, level));
  }

  static WatchLevel level(LocalDateTime asOf, LocalDateTime clockStart, LocalDateTime deadline) {
    if (deadline.isBefore(asOf)) return WatchLevel.OVERDUE;
    Double share = elapsedShare(asOf, clockStart, deadline);
    if (share == null) return null;
    for (WatchLevel l : WatchLevel.values()) if (l != WatchLevel.OVERDUE && share >= l.minShare()) return l;
    return null;
  }

  /** (as_of − clock start) / (deadline − clock start); null when the deadline is not after the clock start. */
  static Double elapsedShare(LocalDateTime asOf, LocalDateTime clockStart, LocalDateTime deadline) {
    long span = Duration.between(clockStart, deadline).toMillis();
    return span <= 0 ? null : (double) Duration.between(clockStart, asOf).toMillis() / span;
  }

  /** One response-speed subject (SPEC §4.2): CLOSED with hours (negative durations count 0) or OPEN. */
  void response(ResponseMetric metric, String subject, String client, String month, LocalDateTime start, LocalDateTime end) {
    String hours = null;
    if (end != null) {
      Duration d = Duration.between(start, end);
      hours = hours(d.isNegative() ? Duration.ZERO : d);
    }
    responseEvents.write(new String[] {metric.name(), subject, client, month, Stamps.iso(start),
        end == null ? null : Stamps.iso(end), hours, end == null ? "OPEN" : "CLOSED"});
    responseRows++;
  }

  static String hours(Duration d) {
    return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(3_600_000L), 6, RoundingMode.HALF_UP).toPlainString();
  }

  void quarantine(String source, String file, Long line, ReasonCode reason) {
    quarantine.add(new String[] {source, file, line == null ? null : Long.toString(line), reason.name()});
  }

  /** Closes the streamed files and writes {@code sla_counts.csv} (per client, then company-wide {@code *}) and {@code quarantine.csv}. */
  @Override
  public void close() {
    settlementErrors.close();
    slaBreaches.close();
    responseEvents.close();
    writeSlaCounts();
    if (watchAsOf != null) writeWatchlist();
    try (CsvFile f = new CsvFile(root, DIR + "quarantine.csv", new String[] {"source", "file", "line", "reason"},
        CsvFile.Layout.plain())) {
      for (String[] q : quarantine) f.write(q);
    }
  }

  /**
   * Records that a FaultPlan watch scenario ({@code tag}) put {@code subject} of {@code rule} on the
   * watchlist at {@code level} (null: left off it); the truth checks it when it is written, so a
   * scenario that drifts to another level (a changed limit or calendar) fails the generator.
   */
  void designedWatch(String tag, SlaRule rule, String subject, WatchLevel level) {
    designed.add(new Designed(tag, rule, subject, level));
  }

  /** {@code sla_watchlist.csv}: the watch run's rows at the watch as_of, most urgent first (level, hours left, rule, subject). */
  private void writeWatchlist() {
    watchlist.sort(Comparator.comparing(Watched::level).thenComparing(Watched::deadline)
        .thenComparing(w -> w.rule().name()).thenComparing(Watched::subject));
    for (Designed d : designed) {
      WatchLevel actual = watchlist.stream().filter(w -> w.rule() == d.rule() && w.subject().equals(d.subject()))
          .map(Watched::level).findFirst().orElse(null);
      if (actual != d.level()) {
        throw new IllegalStateException("watch scenario " + d.tag() + ": " + d.rule() + " " + d.subject() + " is "
            + (actual == null ? "not listed" : actual) + " at " + watchAsOf + ", designed for "
            + (d.level() == null ? "not listed" : d.level()));
      }
    }
    String asOfDate = watchAsOf.toLocalDate().toString();
    try (CsvFile f = new CsvFile(root, DIR + "sla_watchlist.csv", new String[] {"as_of_date", "rule", "subject_id",
        "client_id", "month", "clock_start_at", "deadline_at", "hours_left", "elapsed_share", "level"},
        CsvFile.Layout.plain())) {
      for (Watched w : watchlist) {
        Double share = elapsedShare(watchAsOf, w.clockStart(), w.deadline());
        f.write(new String[] {asOfDate, w.rule().name(), w.subject(), clientIds[w.client()], months[w.month()],
            isoMillis(w.clockStart()), isoMillis(w.deadline()), hours(Duration.between(watchAsOf, w.deadline())),
            share == null ? null : BigDecimal.valueOf(share).setScale(6, RoundingMode.HALF_UP).toPlainString(),
            w.level().name()});
      }
    }
  }

  private void writeSlaCounts() {
    int nc = clientIds.length;
    int nm = months.length;
    try (CsvFile f = new CsvFile(root, DIR + "sla_counts.csv", new String[] {"rule", "client_id", "month", "evaluated",
        "met", "breached", "pending"}, CsvFile.Layout.plain())) {
      for (SlaRule rule : SlaRule.values()) {
        int[] n = slaCounts[rule.ordinal()];
        if (n == null) continue;
        for (int c = 0; c < nc; c++) {
          for (int m = 0; m < nm; m++) {
            int at = (c * nm + m) * 3;
            if (n[at] == 0) continue;
            f.write(new String[] {rule.name(), clientIds[c], months[m], Integer.toString(n[at]),
                Integer.toString(n[at + 1]), Integer.toString(n[at + 2]), "0"});
          }
        }
      }
      for (SlaRule rule : SlaRule.values()) {
        int[] n = slaCounts[rule.ordinal()];
        if (n == null) continue;
        for (int m = 0; m < nm; m++) {
          long[] all = new long[3];
          for (int c = 0; c < nc; c++) for (int j = 0; j < 3; j++) all[j] += n[(c * nm + m) * 3 + j];
          if (all[0] == 0) continue;
          f.write(new String[] {rule.name(), "*", months[m], Long.toString(all[0]), Long.toString(all[1]),
              Long.toString(all[2]), "0"});
        }
      }
    }
  }
}
