package com.dispatch.quality.generate;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One CSV file of the landing zone, written as SPEC §1 allows: header row, RFC-4180 quoting,
 * LF or CRLF, optional BOM, any column order, extra columns, even missing columns. Rows are given
 * in the source's canonical column order and mapped to the file's own order. It counts physical
 * lines (header = 1, quoted newlines included) so the ground truth can name the line where each
 * injected bad record starts, exactly as the quarantine must.
 */
final class CsvFile implements Closeable {
  private final String relPath;
  private final Writer out;
  private final String eol;
  private final int[] sourceIndex; // per file column: canonical index, or -(k+1) for the k-th extra column
  private long lines;

  /** How a file deviates from the plain form. */
  record Layout(boolean bom, boolean crlf, String[] columns, Charset charset) {
    static Layout plain() { return new Layout(false, false, null, StandardCharsets.UTF_8); }

    Layout withBom() { return new Layout(true, crlf, columns, charset); }

    Layout withCrlf() { return new Layout(bom, true, columns, charset); }

    /** The file's header, in its order; names not in the canonical list are extra columns. */
    Layout withColumns(String... names) { return new Layout(bom, crlf, names, charset); }

    Layout withCharset(Charset cs) { return new Layout(bom, crlf, columns, cs); }
  }

  CsvFile(Path root, String relPath, String[] canonical, Layout layout) {
    this.relPath = relPath;
    this.eol = layout.crlf() ? "\r\n" : "\n";
    String[] header = layout.columns() == null ? canonical : layout.columns();
    this.sourceIndex = new int[header.length];
    int extras = 0;
    for (int j = 0; j < header.length; j++) {
      int idx = indexOf(canonical, header[j]);
      sourceIndex[j] = idx >= 0 ? idx : -(++extras);
    }
    try {
      Path file = root.resolve(relPath);
      Files.createDirectories(file.getParent());
      OutputStream os = Files.newOutputStream(file);
      if (layout.bom()) os.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
      this.out = new BufferedWriter(new OutputStreamWriter(os, layout.charset()), 1 << 16);
      StringBuilder sb = new StringBuilder();
      for (int j = 0; j < header.length; j++) {
        if (j > 0) sb.append(',');
        sb.append(header[j]);
      }
      writePhysical(sb.append(eol).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(String[] names, String name) {
    for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
    return -1;
  }

  String relPath() { return relPath; }

  /** Number of columns in the file's header. */
  int columnCount() { return sourceIndex.length; }

  /**
   * Writes one record: {@code values} in canonical order, {@code extras} for the file's extra
   * columns in header order. Returns the physical line the record starts on.
   */
  long write(String[] values, String... extras) {
    StringBuilder sb = new StringBuilder(256);
    for (int j = 0; j < sourceIndex.length; j++) {
      if (j > 0) sb.append(',');
      int idx = sourceIndex[j];
      appendField(sb, idx >= 0 ? values[idx] : (-idx - 1 < extras.length ? extras[-idx - 1] : null));
    }
    sb.append(eol);
    return writePhysical(sb.toString());
  }

  /** Writes text as it is (a malformed record); returns the physical line it starts on. */
  long writeRaw(String record) {
    return writePhysical(record + eol);
  }

  private long writePhysical(String text) {
    long start = lines + 1;
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') lines++;
    try {
      out.write(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return start;
  }

  static void appendField(StringBuilder sb, String v) {
    if (v == null) return;
    boolean quote = false;
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') { quote = true; break; }
    }
    if (!quote) { sb.append(v); return; }
    sb.append('"');
    for (int i = 0; i < v.length(); i++) {
      char ch = v.charAt(i);
      if (ch == '"') sb.append('"');
      sb.append(ch);
    }
    sb.append('"');
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
