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
 */
public final class CsvReader implements Closeable {
  /** One record: its physical start line, its fields and its text without the line end. */
  public record Record(long line, List<String> fields, String raw, boolean unterminated) {}

  private static final int EOF = -1;

  private final Reader in;
  private final char[] buf = new char[64 * 1024];
  private int pos;
  private int len;
  private long line = 1;
  private boolean started;

  public CsvReader(Reader in) { this.in = in; }

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
    boolean unterminated = false;
    while (true) {
      int c = read();
      if (c == EOF) {
        if (quoted) unterminated = true;
        fields.add(field.toString());
        break;
      }
      if (quoted) {
        if (c == '"') {
          raw.append('"');
          if (peek() == '"') {
            pos++;
            raw.append('"');
            field.append('"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n' || (c == '\r' && peek() != '\n')) line++;
          raw.append((char) c);
          field.append((char) c);
        }
        continue;
      }
      if (c == ',') {
        raw.append(',');
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n') {
        if (c == '\r' && peek() == '\n') pos++;
        line++;
        fields.add(field.toString());
        break;
      } else if (c == '"' && field.length() == 0 && (raw.length() == 0 || raw.charAt(raw.length() - 1) == ',')) {
        raw.append('"');
        quoted = true;
      } else {
        raw.append((char) c);
        field.append((char) c);
      }
    }
    return new Record(start, fields, raw.toString(), unterminated);
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
