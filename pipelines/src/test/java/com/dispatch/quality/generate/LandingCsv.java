package com.dispatch.quality.generate;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** A deliberately independent RFC-4180 reader for the tests: header by name, physical start line per record. */
final class LandingCsv {
  record Rec(long line, Map<String, String> values, int fieldCount) {
    String get(String column) { return values.get(column); }
  }

  final List<String> header;
  final List<Rec> records;

  private LandingCsv(List<String> header, List<Rec> records) {
    this.header = header;
    this.records = records;
  }

  /** Strict UTF-8 decoding; throws CharacterCodingException for anything else. */
  static String utf8(Path file) throws IOException {
    return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
  }

  static boolean isUtf8(Path file) throws IOException {
    try {
      utf8(file);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  static LandingCsv read(Path file) throws IOException {
    String text = utf8(file);
    if (text.startsWith("\uFEFF")) text = text.substring(1);
    List<List<String>> rows = new ArrayList<>();
    List<Long> starts = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStarted = false;
    long line = 1;
    long rowStart = 1;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (quoted) {
        if (ch == '"') {
          if (i + 1 < text.length() && text.charAt(i + 1) == '"') { field.append('"'); i++; } else quoted = false;
        } else {
          if (ch == '\n') line++;
          field.append(ch);
        }
      } else if (ch == '"' && field.length() == 0) {
        quoted = true;
        fieldStarted = true;
      } else if (ch == ',') {
        row.add(field.toString());
        field.setLength(0);
        fieldStarted = true;
      } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
        continue;
      } else if (ch == '\n') {
        row.add(field.toString());
        rows.add(row);
        starts.add(rowStart);
        row = new ArrayList<>();
        field.setLength(0);
        fieldStarted = false;
        line++;
        rowStart = line;
      } else {
        field.append(ch);
        fieldStarted = true;
      }
    }
    if (fieldStarted || field.length() > 0) {
      row.add(field.toString());
      rows.add(row);
      starts.add(rowStart);
    }
    List<String> header = rows.get(0);
    List<Rec> recs = new ArrayList<>();
    for (int r = 1; r < rows.size(); r++) {
      Map<String, String> v = new HashMap<>();
      List<String> f = rows.get(r);
      for (int j = 0; j < Math.min(header.size(), f.size()); j++) v.put(header.get(j), f.get(j).isEmpty() ? null : f.get(j));
      recs.add(new Rec(starts.get(r), v, f.size()));
    }
    return new LandingCsv(header, recs);
  }

  /** Every CSV under {@code dir}, sorted by path. */
  static List<Path> files(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
  }

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** The SPEC §3 spellings, to an Asia/Shanghai local time. */
  static LocalDateTime instant(String s) {
    if (s.length() == 19 && s.charAt(10) == ' ') return LocalDateTime.parse(s, LOCAL);
    if (s.length() == 19) return LocalDateTime.parse(s);
    String iso = s.matches(".*[+-]\\d{4}$") ? s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2) : s;
    return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.ofHours(8)).toLocalDateTime();
  }
}
