package com.dispatch.quality.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReportCommandTest {
  @Test
  void parsesMonthClientsAndThreads() {
    ReportCommand cmd = new ReportCommand();
    new CommandLine(cmd).parseArgs("--lake", "lake", "--month", "2026-01", "--out", "out",
        "--clients", "C0001,C0002", "--threads", "3", "--master", "local[2]");
    assertEquals(List.of(YearMonth.of(2026, 1)), cmd.months);
    assertEquals(List.of("C0001", "C0002"), cmd.clients);
    assertEquals(3, cmd.threads);
    assertEquals(Path.of("out"), cmd.out);
  }

  @Test
  void monthListReadsEveryMonthInOrderGiven() {
    ReportCommand cmd = new ReportCommand();
    new CommandLine(cmd).parseArgs("--lake", "lake", "--month", "2025-11,2025-12", "--out", "out");
    assertEquals(List.of(YearMonth.of(2025, 11), YearMonth.of(2025, 12)), cmd.months);
  }
}
