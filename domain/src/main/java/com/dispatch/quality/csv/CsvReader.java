package com.dispatch.quality.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * A small streaming RFC-4180 reader (SPEC §1): comma separator, double-quote quoting with
 * {@code ""} escapes, fields spanning lines, LF / CRLF / CR line ends, a leading BOM. It tracks
 * the physical line where each record starts (first line = 1), which a generic CSV reader in
 * multi-line mode loses. Entirely blank lines are skipped: they hold no record.
 *
 * <p>Lenient where RFC-4180 is strict but the meaning is unambiguous: a quote inside an unquoted
 * field and text after a closing quote are kept literally. An unterminated quote at end of file
 * yields a record flagged {@link Record#unterminated()}.
 *
 * <p>Memory is bounded whatever the input: a field longer than {@link #MAX_FIELD_CHARS} (a 50 MB
 * field, or a quote never closed that swallows the rest of a large file) is not kept. Its record
 * is still read to its end, so the lines and the records after it stay right, and comes back
 * flagged {@link Record#oversizedField()} with its text cut to the first characters.
 */
public final class CsvReader implements Closeable {
  /**
   * One record: its physical start line, its fields and its text without the line end.
   *
   * @param oversizedField -1, or the index of the field that passed a limit (the field's, or the
   *     record's); then {@code fields} holds the fields before it, {@code raw} the record's first
   *     characters, and {@code oversizedChars} that field's full length
   */
  public record Record(long line, List<String> fields, String raw, boolean unterminated, int oversizedField,
      long oversizedChars) {
    Record(long line, List<String> fields, String raw, boolean unterminated) {
      this(line, fields, raw, unterminated, -1, 0);
    }

    public boolean oversized() { return oversizedField >= 0; }
  }

  /** The longest field kept (characters): far above any name, address or free-text comment. */
  public static final int MAX_FIELD_CHARS = 1 << 20;
  /** The longest record kept (characters of its text), whatever its field lengths. */
  public static final int MAX_RECORD_CHARS = 4 * MAX_FIELD_CHARS;

  private static final int EOF = -1;

  private final Reader in;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private long line = 1;
  private boolean started;
  private final int maxFieldChars;
  private final int maxRecordChars;

  public CsvReader(Reader in) { this(in, MAX_FIELD_CHARS, MAX_RECORD_CHARS); }

  /** A reader with other limits (tests use small ones). */
  CsvReader(Reader in, int maxFieldChars, int maxRecordChars) {
    this.in = in;
    this.maxFieldChars = maxFieldChars;
    this.maxRecordChars = maxRecordChars;
  }

  /** The next record, or null at end of input. */
  public Record next() throws IOException {
    if (!started) {
      started = true;
      if (peek() == '\uFEFF') pos++;
    }
    while (true) {
      int c = peek();
      if (c == EOF) return null;
      if (c == '\n' || c == '\r') {
        consumeLineEnd();
        continue;
      }
      return readRecord();
    }
  }

  private Record readRecord() throws IOException {
    long start = line;
    List<String> fields = new ArrayList<>();
    StringBuilder raw = new StringBuilder();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;      // inside a quoted section
    boolean fresh = true;        // nothing of the current field read yet
    boolean unterminated = false;
    long fieldChars = 0;         // the current field's length, counted on past the limit
    int oversized = -1;          // the first field past a limit: from then on nothing is kept
    long oversizedChars = -1;   // its full length, once known
    while (true) {
      int c = read();
      if (c == EOF) {
        if (quoted) unterminated = true;
        break;
      }
      if (!quoted && c == ',') {
        if (oversized < 0) {
          raw.append(',');
          fields.add(field.toString());
          field.setLength(0);
        } else if (oversizedChars < 0) {
          oversizedChars = fieldChars;
        }
        fieldChars = 0;
        fresh = true;
        continue;
      }
      if (!quoted && (c == '\r' || c == '\n')) {
        if (c == '\r' && peek() == '\n') pos++;
        line++;
        break;
      }
      boolean wasFresh = fresh;
      fresh = false;
      String kept;
      if (quoted && c == '"' && peek() == '"') {
        pos++;
        fieldChars++;
        kept = "\"";
        if (oversized < 0) raw.append('"');
      } else if (quoted && c == '"') {
        quoted = false;
        kept = "";
      } else if (!quoted && c == '"' && wasFresh) {
        quoted = true;
        kept = "";
      } else {
        if (quoted && (c == '\n' || (c == '\r' && peek() != '\n'))) line++;
        fieldChars++;
        kept = null;
      }
      if (oversized >= 0) continue;
      raw.append((char) c);
      if (kept == null) field.append((char) c);
      else field.append(kept);
      if (fieldChars > maxFieldChars || raw.length() > maxRecordChars) {
        oversized = fields.size();
        field.setLength(0);
      }
    }
    if (oversized < 0) fields.add(field.toString());
    else if (oversizedChars < 0) oversizedChars = fieldChars;
    return new Record(start, fields, raw.toString(), unterminated, oversized, Math.max(0, oversizedChars));
  }

  private void consumeLineEnd() throws IOException {
    int c = read();
    if (c == '\r' && peek() == '\n') pos++;
    line++;
  }

  private int peek() throws IOException {
    if (pos >= len && !fill()) return EOF;
    return buf[pos];
  }

  private int read() throws IOException {
    if (pos >= len && !fill()) return EOF;
    return buf[pos++];
  }

  private boolean fill() throws IOException {
    len = in.read(buf, 0, buf.length);
    pos = 0;
    if (len <= 0) {
      len = 0;
      return false;
    }
    return true;
  }

  @Override
  public void close() throws IOException { in.close(); }
}
