package com.dispatch.quality.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDateTime;

/** {@code _ground_truth/README.md}: the as_of the truth assumes and what each truth file says. */
final class TruthReadme {
  private TruthReadme() {}

  /** The first instant at which every generated fact has happened: the earliest as_of the truth holds for. */
  static LocalDateTime asOf(Scope s) { return s.month(s.months - 1).plusMonths(3).atDay(1).atStartOfDay(); }

  static void write(Scope s, FaultPlan plan) {
    String asOf = Stamps.iso(asOf(s));
    String watch = plan.watchAsOf == null ? "" : "\n\n**sla_watchlist.csv** is the exception: it holds for the watch run"
        + " (`quality watch`) with\n`--as-of " + Stamps.iso(plan.watchAsOf) + "` exactly, the as_of the designed watch"
        + " scenarios are set around (FaultPlan tags\n`watch.*`): every SPEC §4.8 row of that run, the designed subjects"
        + " and the random ones alike.";
    String watchRow = plan.watchAsOf == null ? "" : """
        | sla_watchlist.csv | as_of_date, rule, subject_id | SPEC §4.8 at the watch as_of above: the subjects of month(as_of) − 1 .. + 1 with no completion by then, clock_start_at, deadline_at (equal to sla_events' of the same subject and as_of), hours_left, elapsed_share and level (OVERDUE, CRITICAL_90, WARN_75, WARN_50), most urgent first. |
        """;
    String text = """
        # Ground truth of this generated landing zone

        Written by `quality generate` (seed %d, %d clients, %d employees, %d months from %s) beside
        the data it describes. The ingest skips folders whose name starts with `_`.

        **as_of.** Every timestamp and date the generator writes lies before %s (the first day of
        the third month after the last generated month), so this truth holds for any metrics run
        with `as_of` at or after that instant (e.g. the first day of the fourth month after the
        last one): nothing is PENDING, a missing completion is BREACHED, a missing response end is OPEN.
        Months: only months of the window (%s .. %s) are listed.%s

        | file | grain | what it says |
        |---|---|---|
        | settlement_errors.csv | client_id, month, employee_id, error, component | SPEC §4.1 on the original batch (earliest issued_at): MISSING, EXTRA (employee not expected, also with two lines), DUPLICATE (expected employee with >1 line), CALC (one row per wrong component, `total` included whenever the billed total differs from the expected total; billed and expected given). |
        | settlement_quality.csv | client_id, month | expected/billed headcount, missing, extra, duplicate, headcount_errors, evaluated_lines, calc_error_lines, correction_batches; settlement_status MISSING (counts empty) for the client-month that never got a batch. |
        | sla_breaches.csv | rule, subject_id | every BREACHED SLA subject of SPEC §4.3 (deadline_at, completed_at; lateness_hours only when completed, since otherwise it depends on as_of). |
        | sla_counts.csv | rule, client_id, month | evaluated, met, breached (pending 0) per rule; client_id `*` = company-wide. INJURY_CLIENT_NOTICE_12H is listed (the client's duty; not in SLA_COMPLIANCE). |
        | response_time_events.csv | metric, subject_id | every SPEC §4.2 subject with start, end, hours (negative durations counted as 0) and CLOSED/OPEN. |
        | service_frequency.csv | client_id, activity_type, period, month | SPEC §4.4 actual vs promised counts (quarters to date, is_final in the quarter's last month). |
        | recruitment_shortlist.csv | client_id, month | SPEC §4.5 counts. |
        | satisfaction.csv | client_id, month, respondent_type | SPEC §4.7 over surveys/: responses, mean_score, satisfied, dissatisfied, satisfied_share; EMPLOYEE rows also respondents_expected (the month's expected heads, = settlement_quality's expected_headcount) and response_rate (distinct responding expected heads); client_id `*` = company-wide (expected heads of every client). The last client has no surveys (its satisfaction KPIs are NO_DATA). |
        %s| quarantine.csv | source, file, line | every injected bad record with its reason code (SPEC §3); file relative to the landing root; line = physical line where the record starts (header = 1); UNREADABLE_FILE has no line. |

        Deliberate variations that must NOT change any number above: a UTF-8 BOM
        (reference/clients.csv, the first month's cases), CRLF (roster/roster_initial.csv,
        reference/service_commitments.csv), quoted summaries with commas, quotes and newlines,
        all timestamp spellings of SPEC §3 (same instants), enums in mixed case with blanks, an
        unknown `channel` column in the second month's activities, a different column order in
        settlement corrections and in the third month's cases, the first month's activities
        re-delivered byte-identical under activities/resend/, roster rows superseded by newer
        versions (end_date added later), a settlement re-issue file whose newer updated_at fixes
        three lines first delivered with a wage typo (the truth uses the fixed values), repeated
        milestones (the earliest counts) and one event of a case that never arrives (kept, ignored).
        """.formatted(s.seed, s.clients, s.employees, s.months, s.monthText(0), asOf, s.monthText(0), s.monthText(s.months - 1), watch,
        watchRow);
    try {
      Files.writeString(s.root.resolve(Truth.DIR + "README.md"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
