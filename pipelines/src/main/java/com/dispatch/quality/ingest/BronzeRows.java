package com.dispatch.quality.ingest;

import com.dispatch.quality.csv.CsvReader;
import com.dispatch.quality.domain.ReasonCode;
import com.dispatch.quality.schema.Sources.ColumnSpec;
import com.dispatch.quality.schema.Sources.SourceSpec;
import com.dispatch.quality.silver.RowValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Reads one landing file into bronze rows (SPEC §1, §6), streaming, inside a Spark task. Columns
 * are matched by header name (trimmed, case-insensitive; order free); unknown columns go to
 * {@code extra_columns}. A record whose field count differs from the header's is kept raw and
 * flagged MALFORMED_ROW, and so is a record with a field past {@link CsvReader}'s size limits
 * (kept cut); every record of a file lacking a required column is flagged
 * MISSING_COLUMN (SPEC §3). Row layout = {@link com.dispatch.quality.schema.Bronze#forSource}.
 */
public final class BronzeRows implements Iterator<Row> {
  private final LandingFile file;
  private final Object[] lineage;
  private final CsvReader csv;
  private final int headerSize;
  private final int[] index;            // contract column -> field index, -1 = absent
  private final List<Integer> extras = new ArrayList<>();
  private final List<String> header;
  private final String missingRequired; // null, or the required columns the header lacks
  private CsvReader.Record next;

  public BronzeRows(LandingFile file, String sha256, SourceSpec spec, String runId, Timestamp ingestedAt,
      Configuration conf) {
    this.file = file;
    this.lineage = new Object[] {runId, file.file(), null, new Timestamp(file.modifiedAt()), sha256, ingestedAt};
    try {
      this.csv = FileProbe.open(file, conf);
      CsvReader.Record h = csv.next();
      this.header = h == null ? List.of() : FileProbe.normalizedHeader(h.fields());
      this.headerSize = header.size();
      this.index = new int[spec.columns().size()];
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < index.length; i++) {
        ColumnSpec c = spec.columns().get(i);
        index[i] = header.indexOf(c.name());
        if (index[i] < 0 && c.isRequired()) missing.add(c.name());
      }
      for (int i = 0; i < headerSize; i++) if (!spec.hasColumn(header.get(i))) extras.add(i);
      this.missingRequired = missing.isEmpty() ? null : String.join(", ", missing);
      this.next = csv.next();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.file() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean hasNext() { return next != null; }

  @Override
  public Row next() {
    if (next == null) throw new NoSuchElementException();
    CsvReader.Record r = next;
    try {
      next = csv.next();
      if (next == null) csv.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.file() + ": " + e.getMessage(), e);
    }
    return toRow(r);
  }

  /** Names the field that passed a {@link CsvReader} limit; its record is kept cut in {@code raw_record}. */
  private String oversizedMessage(CsvReader.Record r) {
    int i = r.oversizedField();
    String name = i < headerSize && !header.get(i).isEmpty() ? header.get(i) : "#" + (i + 1);
    String size = r.oversizedChars() > CsvReader.MAX_FIELD_CHARS
        ? String.format(Locale.ROOT, "holds %,d characters, more than the %,d a field may hold", r.oversizedChars(),
            CsvReader.MAX_FIELD_CHARS)
        : String.format(Locale.ROOT, "makes the record longer than the %,d characters a record may hold", CsvReader.MAX_RECORD_CHARS);
    return "field " + name + " " + size + " (the record is kept cut to its first characters)";
  }

  private Row toRow(CsvReader.Record r) {
    String where = RowValidator.where(file.file(), r.line());
    String error = null;
    String message = null;
    boolean mappable = true;
    if (r.unterminated()) {
      error = ReasonCode.MALFORMED_ROW.name();
      message = where + ": a quoted field is never closed (the rest of the file was read into it)";
      mappable = false;
    } else if (r.oversized()) {
      error = ReasonCode.MALFORMED_ROW.name();
      message = where + ": " + oversizedMessage(r);
      mappable = false;
    } else if (r.fields().size() != headerSize) {
      error = ReasonCode.MALFORMED_ROW.name();
      message = where + ": has " + r.fields().size() + " fields, the header has " + headerSize;
      mappable = false;
    } else if (missingRequired != null) {
      error = ReasonCode.MISSING_COLUMN.name();
      message = where + ": field " + missingRequired + ": required column missing from the file's header";
    }
    int n = lineage.length + 3 + index.length + 1;
    Object[] out = new Object[n];
    System.arraycopy(lineage, 0, out, 0, lineage.length);
    out[2] = r.line();
    int i = lineage.length;
    out[i++] = error;
    out[i++] = message;
    out[i++] = r.raw();
    for (int c : index) out[i++] = mappable && c >= 0 ? r.fields().get(c) : null;
    Map<String, String> extra = null;
    if (mappable && !extras.isEmpty()) {
      extra = new LinkedHashMap<>();
      for (int c : extras) {
        String name = header.get(c).isEmpty() ? "_c" + c : header.get(c);
        extra.put(name, r.fields().get(c));
      }
    }
    // Spark's row encoder takes Scala maps only.
    out[i] = extra == null ? null : scala.collection.JavaConverters.mapAsScalaMapConverter(extra).asScala();
    return RowFactory.create(out);
  }
}
