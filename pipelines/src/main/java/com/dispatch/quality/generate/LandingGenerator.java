package com.dispatch.quality.generate;

import com.dispatch.quality.calendar.WorkCalendar;
import com.dispatch.quality.domain.SlaRule;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.YearMonth;

/**
 * Deterministic landing-zone generator (issue 2, item 6): writes every source of SPEC §2 for
 * {@code clients} clients, {@code employees} employees and {@code months} months, injects
 * settlement errors, late SLAs, slow responses and bad input of every SPEC §3 kind, and writes
 * beside the data ({@code _ground_truth/}) exactly what the pipeline must find.
 *
 * <p>One writer per source ({@link RosterWriter}, {@link SettlementWriter}, {@link CaseWriter},
 * {@link ActivityWriter}, {@link SurveyWriter}, reference data in {@link Reference}); the designed
 * scenarios in {@link FaultPlan}, the bad records in {@link BadInput}, the truth in {@link Truth}.
 * Every entity draws from its own random stream ({@link Rng}), so the bytes depend on the seed
 * and the entity, not on the order of generation.
 *
 * <p>Streaming: employees are a pure function of (seed, index) and are generated, written and
 * forgotten one at a time; only per (client, month) counters stay in memory. Expected amounts
 * come from {@code ExpectedSettlement}, deadlines from {@link WorkCalendar}, limits from the
 * generated sla_policies.csv, so truth and pipeline share their definitions.
 */
public final class LandingGenerator {
  /** Generator settings. */
  public record Config(int clients, int employees, int months, YearMonth startMonth, long seed, Path out) {
    public Config {
      if (clients < 1) throw new IllegalArgumentException("--clients must be >= 1");
      if (employees < 1 || employees > 9_000_000) throw new IllegalArgumentException("--employees must be 1..9000000");
      if (months < 1 || months > 36) throw new IllegalArgumentException("--months must be 1..36");
      if (clients > 9_000) throw new IllegalArgumentException("--clients must be <= 9000");
      if (startMonth == null || out == null) throw new IllegalArgumentException("start month and output directory are required");
    }
  }

  /** What was written. */
  public record Summary(long rosterRows, long settlementLines, long cases, long caseEvents, long activities,
      long badRows, long settlementErrorRows, long slaBreachRows, Duration elapsed) {}

  private final PrintStream log;
  private final long started = System.nanoTime();
  private final Scope scope;
  private final FaultPlan plan;

  private LandingGenerator(Config cfg, PrintStream log) {
    this.log = log;
    this.scope = new Scope(cfg);
    this.plan = new FaultPlan(scope);
  }

  /** Generates the landing zone and its ground truth into {@code cfg.out()}. */
  public static Summary generate(Config cfg, PrintStream log) {
    return new LandingGenerator(cfg, log).run();
  }

  private Summary run() {
    Path root = scope.root;
    try {
      Files.createDirectories(root);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    progress("writing reference data for " + scope.clients + " clients, " + scope.employees + " employees, "
        + scope.months + " months from " + scope.monthText(0) + " (seed " + scope.seed + ") into " + root);
    scope.reference.write(root);
    copyCalendar(root);
    Truth truth = new Truth(root, scope.clientIds(), scope.monthTexts(), plan.watchAsOf);
    SurveyWriter surveys = new SurveyWriter(root, scope.seed, scope.clientIds(), scope.monthsArray(), truth);
    RosterWriter roster = new RosterWriter(scope, truth);
    SettlementWriter settlement = new SettlementWriter(scope, plan, truth);
    CaseWriter cases = new CaseWriter(scope, plan, truth);
    ActivityWriter activities = new ActivityWriter(scope);

    employees(roster, settlement, surveys);
    progress("cases and milestones");
    cases.writeAll();
    progress("service activities");
    activities.writeAll();
    progress("bad input of every SPEC §3 kind");
    BadInput bad = new BadInput(scope, truth, roster, settlement.files(), cases, activities);
    bad.writeAll();
    watchScenarios(truth, roster, settlement, cases);
    progress("satisfaction follow-ups (surveys)");
    surveys.clientAnswers();
    surveys.badRows();
    surveys.close();
    surveys.writeTruth(settlement.expected);
    roster.close();
    settlement.close();
    cases.close();
    activities.close();
    activities.redeliverFirstMonth();

    progress("ground truth summaries");
    settlement.writeTruth();
    activities.writeTruth();
    cases.writeTruth();
    TruthReadme.write(scope, plan);
    truth.close();
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    progress(String.format("done: %d roster rows, %d settlement lines, %d cases, %d case events, %d activities, %d bad rows",
        roster.rows(), settlement.lines(), cases.caseRows(), cases.eventRows(), activities.rows(), bad.rows()));
    return new Summary(roster.rows(), settlement.lines(), cases.caseRows(), cases.eventRows(), activities.rows(), bad.rows(),
        truth.settlementErrorRows, truth.slaBreachRows, elapsed);
  }

  /** Roster and settlement, employee by employee; a client's LEAVE subjects once all its employees are billed. */
  private void employees(RosterWriter roster, SettlementWriter settlement, SurveyWriter surveys) {
    int n = scope.employees;
    progress("roster and settlement for " + n + " employees");
    Workforce workforce = new Workforce(scope);
    int currentClient = -1;
    for (int i = 0; i < n; i++) {
      Workforce.Employee e = workforce.employee(i);
      if (e.client != currentClient) {
        settlement.flushLeaves();
        currentClient = e.client;
      }
      roster.write(e);
      settlement.settle(e);
      surveys.employee(e.index, e.id, e.client, e.index == scope.firstEmployee(e.client), settlement.expectedMonths(e));
      if ((i + 1) % 100_000 == 0) progress(String.format("employees %d/%d (%.0f%%)", i + 1, n, 100.0 * (i + 1) / n));
    }
    settlement.flushLeaves();
  }

  /**
   * The plan's SPEC §4.8 scenarios, written last (after the bad rows) so that they only append
   * rows to existing files: the new hires billed like any head (they answer no surveys), the cases.
   */
  private void watchScenarios(Truth truth, RosterWriter roster, SettlementWriter settlement, CaseWriter cases) {
    if (plan.watchAsOf == null) return;
    progress("watch scenarios around " + Stamps.iso(plan.watchAsOf));
    Workforce workforce = new Workforce(scope);
    for (FaultPlan.WatchHire h : plan.watchHires) {
      Workforce.Employee e = workforce.hire(h);
      truth.designedWatch(h.tag(), SlaRule.CONTRACT_BY_START, e.assignments[0].id, h.level());
      roster.write(e);
      settlement.settle(e);
      settlement.flushLeaves();
    }
    cases.writeWatch();
  }

  private void progress(String msg) {
    if (log != null) log.printf("[generate %6.1f s] %s%n", (System.nanoTime() - started) / 1e9, msg);
  }

  private static void copyCalendar(Path root) {
    try (var in = WorkCalendar.class.getResourceAsStream("/reference/cn_calendar.csv")) {
      Path dst = root.resolve("reference/cn_calendar.csv");
      Files.createDirectories(dst.getParent());
      Files.copy(in, dst, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
