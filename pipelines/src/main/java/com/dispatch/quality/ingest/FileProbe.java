package com.dispatch.quality.ingest;

import com.dispatch.quality.csv.CsvReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * First look at a landing file, run inside a Spark task: the SHA-256 of its bytes (SPEC §3:
 * the same bytes are never ingested twice) and whether it is readable at all: strict UTF-8 over
 * the whole file and a usable header. An unreadable file becomes one UNREADABLE_FILE entry.
 */
public final class FileProbe {
  /** @param problem null when the file can be ingested; else why it is unreadable */
  public record Result(LandingFile file, String sha256, String problem) implements Serializable {}

  private FileProbe() {}

  /** How a file that was listed but is gone when read is described (it is not logged: it is read when back). */
  public static final String GONE = "disappeared during the run (listed, then not found when read)";

  private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

  public static Result probe(LandingFile f, Configuration conf) {
    try {
      Path p = new Path(f.uri());
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      String problem = null;
      InputStream opened;
      try {
        opened = p.getFileSystem(conf).open(p);
      } catch (java.io.FileNotFoundException e) {
        return new Result(f, "gone:" + f.file() + ":" + f.modifiedAt(), GONE + "; it is ingested when delivered again");
      }
      try (InputStream raw = new java.io.BufferedInputStream(opened); DigestInputStream in = new DigestInputStream(raw, sha)) {
        raw.mark(4);
        byte[] magic = raw.readNBytes(4);
        raw.reset();
        if (java.util.Arrays.equals(magic, ZIP_MAGIC)) {
          problem = "a ZIP archive (starts with PK\\3\\4), not a CSV: unzip it and deliver the CSV files";
        }
        // Not closed on its own: on a decoding error the stream must stay open to finish the hash.
        Reader r = new InputStreamReader(in, strictUtf8());
        try {
          char[] buf = new char[64 * 1024];
          while (r.read(buf) >= 0) { /* decode everything once to prove it is UTF-8 */ }
        } catch (CharacterCodingException e) {
          if (problem == null) problem = "not valid UTF-8 (" + e.getMessage() + "); the file must be re-delivered in UTF-8";
          byte[] rest = new byte[64 * 1024];
          while (in.read(rest) >= 0) { /* finish the hash over every byte */ }
        }
      }
      String hash = HexFormat.of().formatHex(sha.digest());
      if (problem == null) problem = headerProblem(f, conf);
      return new Result(f, hash, problem);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + f.file() + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String headerProblem(LandingFile f, Configuration conf) throws IOException {
    try (CsvReader csv = open(f, conf)) {
      CsvReader.Record header = csv.next();
      if (header == null) return "empty file: no header row";
      if (header.unterminated()) return "header row has an unterminated quote: not a CSV file";
      if (header.oversized()) {
        return String.format(Locale.ROOT, "header row: column %d's name is %,d characters long or the row passes %,d characters: "
            + "not a CSV header", header.oversizedField() + 1, header.oversizedChars(), CsvReader.MAX_RECORD_CHARS);
      }
      Set<String> seen = new HashSet<>();
      for (String name : normalizedHeader(header.fields())) {
        if (!name.isEmpty() && !seen.add(name)) return "header names column '" + name + "' twice";
      }
      return null;
    }
  }

  static CsvReader open(LandingFile f, Configuration conf) throws IOException {
    Path p = new Path(f.uri());
    return new CsvReader(new InputStreamReader(p.getFileSystem(conf).open(p), strictUtf8()));
  }

  /** Header names match the contract trimmed and case-insensitively (SPEC §1). */
  static List<String> normalizedHeader(List<String> fields) {
    return fields.stream().map(s -> s.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT)).toList();
  }

  static CharsetDecoder strictUtf8() {
    return StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }
}
