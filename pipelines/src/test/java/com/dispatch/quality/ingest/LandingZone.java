package com.dispatch.quality.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Test fixture: a landing zone built from inline strings, with controlled arrival times. */
final class LandingZone {
  /** Arrival times are minutes after this instant, so "arrived later" is explicit in each test. */
  static final Instant T0 = Instant.parse("2025-08-01T00:00:00Z");

  final Path root;

  LandingZone(Path root) { this.root = root; }

  /** Writes {@code text} (UTF-8) at {@code rel}, modified {@code minute} minutes after T0. */
  LandingZone file(String rel, int minute, String text) { return bytes(rel, minute, text.getBytes(StandardCharsets.UTF_8)); }

  LandingZone file(String rel, int minute, String text, Charset charset) { return bytes(rel, minute, text.getBytes(charset)); }

  LandingZone bytes(String rel, int minute, byte[] content) {
    try {
      Path p = root.resolve(rel);
      Files.createDirectories(p.getParent());
      Files.write(p, content);
      Files.setLastModifiedTime(p, FileTime.from(T0.plusSeconds(60L * minute)));
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Joins lines with LF and ends the file with one. */
  static String lines(String... lines) { return String.join("\n", lines) + "\n"; }

  /** Joins lines with CRLF and ends the file with one. */
  static String crlf(String... lines) { return String.join("\r\n", lines) + "\r\n"; }

  String uri() { return root.toUri().toString(); }
}
