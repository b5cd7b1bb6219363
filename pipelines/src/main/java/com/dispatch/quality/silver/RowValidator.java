package com.dispatch.quality.silver;

import com.dispatch.quality.domain.ReasonCode;
import com.dispatch.quality.privacy.Masking;
import com.dispatch.quality.schema.Bronze;
import com.dispatch.quality.schema.Sources.ColumnSpec;
import com.dispatch.quality.schema.Sources.RowRule;
import com.dispatch.quality.schema.Sources.SourceSpec;
import com.dispatch.quality.schema.Sources.Violation;
import com.dispatch.quality.silver.LandingValues.BadValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructType;

/**
 * Types and validates one bronze row against its source's contract (SPEC §2, §3): required,
 * type, enum and range per column, then the source's row rules; the row keeps the first fault
 * in {@link Reasons#PRIORITY}. Referential checks need other tables and run later
 * ({@link ReferenceChecks}). Runs inside Spark tasks: no driver round trip per row.
 *
 * <p>Output row = the silver columns (typed, PII masked, lineage) followed by
 * {@code reason}, {@code message} (null when the row is accepted) and {@code quarantine_raw} (the
 * masked raw record, also on accepted rows, which a later reference check may still reject).
 */
public final class RowValidator implements Serializable {
  public static final String REASON = "reason";
  public static final String MESSAGE = "message";
  public static final String QUARANTINE_RAW = "quarantine_raw";

  private final SourceSpec spec;
  private final StructType bronze;
  private final StructType silver;

  public RowValidator(SourceSpec spec) {
    this.spec = spec;
    this.bronze = Bronze.forSource(spec);
    this.silver = spec.silver();
  }

  /** Silver columns plus the verdict columns. */
  public static StructType checkedSchema(SourceSpec spec) {
    return spec.silver()
        .add(REASON, "string")
        .add(MESSAGE, "string")
        .add(QUARANTINE_RAW, "string");
  }

  public Row check(Row b) {
    String file = b.getString(bronze.fieldIndex("source_file"));
    Long line = b.isNullAt(bronze.fieldIndex("source_line")) ? null : b.getLong(bronze.fieldIndex("source_line"));
    Map<String, Object> typed = new HashMap<>();
    List<Violation> faults = new ArrayList<>();
    String parseError = b.getString(bronze.fieldIndex(Bronze.PARSE_ERROR));
    String reason;
    String message;
    if (parseError != null) {
      reason = parseError;
      message = b.getString(bronze.fieldIndex(Bronze.PARSE_ERROR_MESSAGE));
    } else {
      for (ColumnSpec c : spec.columns()) {
        String raw = b.getString(bronze.fieldIndex(c.name()));
        typed.put(c.name(), typeColumn(c, raw, faults));
      }
      for (RowRule rule : spec.rowRules()) rule.check(typed::get).ifPresent(faults::add);
      Optional<Violation> first = faults.stream().min((x, y) -> Integer.compare(Reasons.rank(x.reason()), Reasons.rank(y.reason())));
      reason = first.map(v -> v.reason().name()).orElse(null);
      message = first.map(v -> where(file, line) + ": field " + v.field() + ": " + v.detail()).orElse(null);
    }
    Object[] out = new Object[silver.size() + 3];
    int i = 0;
    for (String name : silver.fieldNames()) {
      out[i++] = switch (name) {
        case "source_file" -> file;
        case "source_line" -> line;
        case "file_modified_at" -> b.get(bronze.fieldIndex("file_modified_at"));
        case "run_id" -> b.getString(bronze.fieldIndex("run_id"));
        default -> reason == null ? toSpark(spec.column(name), typed.get(name)) : null;
      };
    }
    out[i++] = reason;
    out[i++] = reason == null ? null : Masking.scrub(message);
    // Kept for accepted rows too: a row that passes here can still fail a reference check later
    // (UNKNOWN_CLIENT, MILESTONE_BEFORE_BASE), and its quarantine entry needs the raw row (SPEC §3).
    out[i] = quarantineRaw(b);
    return RowFactory.create(out);
  }

  /** "roster/2025-07.csv line 14" */
  public static String where(String file, Long line) {
    return line == null ? file : file + " line " + line;
  }

  /** Enum values match ignoring case and are stored as the contract spells them (ZH-cn -> zh-CN). */
  private static String canonicalEnum(ColumnSpec c, String v) {
    for (String allowed : c.enumValues()) if (allowed.equalsIgnoreCase(v)) return allowed;
    return v.toUpperCase(Locale.ROOT);
  }

  private Object typeColumn(ColumnSpec c, String rawValue, List<Violation> faults) {
    String v = rawValue == null ? null : rawValue.strip();
    if (v == null || v.isEmpty()) {
      if (c.isRequired()) faults.add(new Violation(ReasonCode.REQUIRED_MISSING, c.name(), "is required but empty"));
      return null;
    }
    int nul = v.indexOf('\u0000');
    if (nul >= 0) {
      // A NUL byte is no character anyone types: binary data or a broken export (issue 11, item 6).
      faults.add(new Violation(ReasonCode.TYPE_ERROR, c.name(), "contains a NUL byte (at character " + (nul + 1)
          + "): not text; the export that wrote the file is broken"));
      return null;
    }
    Object value;
    try {
      value = switch (c.type()) {
        case STRING -> v;
        case ENUM -> canonicalEnum(c, v);
        case DATE -> LandingValues.date(v);
        case TIMESTAMP -> LandingValues.timestamp(v);
        case MONTH -> LandingValues.month(v);
        case MONEY, RATE, NUMBER -> {
          DecimalType t = (DecimalType) silver.apply(c.name()).dataType();
          yield LandingValues.decimal(v, t.precision(), t.scale());
        }
        case INT -> LandingValues.integer(v);
        case BOOLEAN -> LandingValues.bool(v);
      };
    } catch (BadValue e) {
      faults.add(new Violation(ReasonCode.TYPE_ERROR, c.name(), e.getMessage()));
      return null;
    }
    if (c.type() == com.dispatch.quality.schema.Sources.FieldType.ENUM && !c.enumValues().contains(value)) {
      faults.add(new Violation(ReasonCode.ENUM_ERROR, c.name(),
          "'" + v + "' is not one of " + String.join(", ", c.enumValues())));
      return null;
    }
    if (c.range() != null) {
      BigDecimal n = value instanceof BigDecimal d ? d : BigDecimal.valueOf(((Number) value).longValue());
      if (!c.range().contains(n)) {
        faults.add(new Violation(ReasonCode.RANGE_ERROR, c.name(), "'" + v + "' " + c.range().describe()));
        return null;
      }
    }
    return value;
  }

  private static Object toSpark(ColumnSpec c, Object v) {
    if (v == null) return null;
    if (v instanceof LocalDate d) return Date.valueOf(d);
    if (v instanceof Instant t) return Timestamp.from(t);
    if (v instanceof String s) {
      return switch (c.pii()) {
        case ID_CARD -> Masking.idCard(s);
        case PHONE -> Masking.phone(s);
        case FREE_TEXT -> Masking.scrub(s);
        case NONE -> s;
      };
    }
    return v;
  }

  /**
   * The raw record for the quarantine table, without PII (SPEC §5 allows raw PII in bronze only):
   * the row's own ID and phone values are replaced by their masked forms, then any ID- or
   * phone-shaped number left in the text (e.g. in a malformed row, whose columns are not split)
   * is masked too. Values shorter than 6 characters identify no one and are not replaced:
   * replacing every occurrence of, say, "12" would garble the rest of the record.
   */
  private String quarantineRaw(Row b) {
    String raw = b.getString(bronze.fieldIndex(Bronze.RAW_RECORD));
    if (raw == null) return null;
    for (ColumnSpec c : spec.columns()) {
      if (c.pii() != com.dispatch.quality.schema.Sources.Pii.ID_CARD
          && c.pii() != com.dispatch.quality.schema.Sources.Pii.PHONE) continue;
      String value = b.getString(bronze.fieldIndex(c.name()));
      if (value == null || value.strip().length() < 6) continue;
      String masked = c.pii() == com.dispatch.quality.schema.Sources.Pii.ID_CARD
          ? Masking.idCard(value) : Masking.phone(value);
      raw = raw.replace(value.strip(), masked);
    }
    return Masking.scrub(raw);
  }
}
