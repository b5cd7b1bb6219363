package com.dispatch.quality.generate;

import java.io.Closeable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * settlement/&lt;month&gt;/ (SPEC §2): the lines of original batches
 * ({@code settlement_<month>_part-NNNNN.csv}) and of correction batches
 * ({@code corrections_<month>_part-NNNNN.csv}, another column order), one part per
 * {@link #SHARD} employees, and the re-issue file of the plan's typo lines. Line ids are the
 * batch id and a per-batch sequence number.
 */
final class SettlementFiles implements Closeable {
  static final int SHARD = 100_000;
  static final String[] COLS = {"line_id", "batch_id", "client_id", "service_month", "issued_at", "employee_id",
      "wage", "pension", "medical", "unemployment", "work_injury", "housing_fund", "service_fee", "total",
      "wage_paid_date", "updated_at"};
  static final String[] CORRECTION_ORDER = {"batch_id", "line_id", "service_month", "client_id", "employee_id", "total",
      "wage", "pension", "medical", "unemployment", "work_injury", "housing_fund", "service_fee", "wage_paid_date",
      "issued_at", "updated_at"};
  private static final BigDecimal TYPO = new BigDecimal("1000.00");

  private final Scope scope;
  private final SettlementBatches batches;
  private final FaultPlan.TypoReissue typo;
  private int typoLinesLeft;
  private final CsvFile[] originals;
  private final int[] originalShard;
  private final CsvFile[] corrections;
  private final int[] correctionShard;
  private CsvFile reissue;
  /** Per (client, month): lines written to the original and to the correction batch. */
  final int[] originalLines;
  final int[] correctionLines;
  /** The part currently written: set per employee, the bad rows go to the last part. */
  private int shard;
  private long lines;

  SettlementFiles(Scope scope, SettlementBatches batches, FaultPlan plan) {
    this.scope = scope;
    this.batches = batches;
    this.typo = plan.typoReissue;
    this.typoLinesLeft = typo.lines();
    originals = new CsvFile[scope.months];
    originalShard = new int[scope.months];
    corrections = new CsvFile[scope.months];
    correctionShard = new int[scope.months];
    originalLines = new int[scope.clients * scope.months];
    correctionLines = new int[scope.clients * scope.months];
  }

  /** Employees are written in index order: the part of employee i. */
  void employee(int index) { shard = index / SHARD; }

  /**
   * Writes a line of the original batch and returns its id. {@code typoCandidate}: a correct
   * line that may get the plan's "typo first, corrected file later" treatment.
   */
  String original(int client, int m, String employee, BigDecimal[] amounts, LocalDate paid, boolean typoCandidate) {
    int k = scope.slot(client, m);
    String lineId = seqId(batches.batchId[k], ++originalLines[k]);
    CsvFile f = original(m);
    String issued = batches.issuedText[k];
    if (typoCandidate && client == typo.client() && m == typo.month() && typoLinesLeft > 0) {
      typoLinesLeft--;
      BigDecimal[] wrong = amounts.clone();
      wrong[0] = wrong[0].add(TYPO);
      wrong[7] = SettlementWriter.sum(wrong);
      f.write(values(lineId, batches.batchId[k], client, m, employee, wrong, paid, issued, issued));
      if (reissue == null) {
        reissue = new CsvFile(scope.root, "settlement/" + scope.monthText(m) + "/settlement_" + scope.monthText(m) + "_"
            + scope.clientId(typo.client()) + "_reissue.csv", COLS, CsvFile.Layout.plain());
      }
      reissue.write(values(lineId, batches.batchId[k], client, m, employee, amounts, paid, issued,
          Stamps.local(batches.issued[k].plusDays(2))));
      lines++;
    } else {
      f.write(values(lineId, batches.batchId[k], client, m, employee, amounts, paid, issued, issued));
    }
    lines++;
    return lineId;
  }

  /** Writes a line of the correction batch (the correct amounts). */
  void correction(int client, int m, String employee, BigDecimal[] amounts, LocalDate paid) {
    int k = scope.slot(client, m);
    String lineId = seqId(batches.correctionBatchId[k], ++correctionLines[k]);
    if (corrections[m] == null || correctionShard[m] != shard) {
      if (corrections[m] != null) corrections[m].close();
      corrections[m] = new CsvFile(scope.root, String.format("settlement/%s/corrections_%s_part-%05d.csv",
          scope.monthText(m), scope.monthText(m), shard), COLS, CsvFile.Layout.plain().withColumns(CORRECTION_ORDER));
      correctionShard[m] = shard;
    }
    String issued = batches.correctionIssuedText[k];
    corrections[m].write(values(lineId, batches.correctionBatchId[k], client, m, employee, amounts, paid, issued, issued));
    lines++;
  }

  /** The current part of month m's original batches. */
  CsvFile original(int m) {
    if (originals[m] == null || originalShard[m] != shard) {
      if (originals[m] != null) originals[m].close();
      originals[m] = new CsvFile(scope.root, String.format("settlement/%s/settlement_%s_part-%05d.csv",
          scope.monthText(m), scope.monthText(m), shard), COLS, CsvFile.Layout.plain());
      originalShard[m] = shard;
    }
    return originals[m];
  }

  private String[] values(String lineId, String batch, int client, int m, String employee, BigDecimal[] v,
      LocalDate paid, String issuedAt, String updatedAt) {
    return new String[] {lineId, batch, scope.clientId(client), scope.monthText(m), issuedAt, employee,
        v[0].toPlainString(), v[1].toPlainString(), v[2].toPlainString(), v[3].toPlainString(), v[4].toPlainString(),
        v[5].toPlainString(), v[6].toPlainString(), v[7].toPlainString(), paid == null ? null : Stamps.date(paid), updatedAt};
  }

  private static String seqId(String batch, int n) {
    String s = Integer.toString(n);
    return batch + "-" + "0000000".substring(Math.min(7, s.length())) + s;
  }

  long lines() { return lines; }

  @Override
  public void close() {
    for (CsvFile f : originals) if (f != null) f.close();
    for (CsvFile f : corrections) if (f != null) f.close();
    if (reissue != null) reissue.close();
  }
}
