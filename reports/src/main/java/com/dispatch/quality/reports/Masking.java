package com.dispatch.quality.reports;

/**
 * Employee ids in a PDF are masked (SPEC §5; issue 4): the first two and last two characters
 * stay, everything between becomes {@code *}, so a client's HR can match a row to their own
 * list without the PDF disclosing full ids. Ids of four characters or fewer keep only their
 * last character.
 */
public final class Masking {
  private Masking() {}

  public static String employeeId(String id) {
    if (id == null || id.isEmpty()) return id;
    int n = id.length();
    if (n <= 4) return "*".repeat(n - 1) + id.charAt(n - 1);
    return id.substring(0, 2) + "*".repeat(n - 4) + id.substring(n - 2);
  }
}
