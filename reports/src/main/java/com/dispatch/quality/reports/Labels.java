package com.dispatch.quality.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * Every word and number format of a client report in one language: the resource bundle
 * {@code reports/i18n/labels_<locale>.properties} (the same bundle the templates read as
 * {@code $R{key}}) and the locale's number symbols. Codes (KPI, rule, metric, status, ...) are
 * looked up as {@code <kind>.<CODE>}; a code the bundle does not know is shown as the code.
 * Numbers keep the precision rules of {@link Fmt} (HALF_UP, two decimals); only symbols and
 * words change with the language. Immutable; one instance per language.
 */
public final class Labels {
  public static final String BUNDLE = "reports.i18n.labels";
  private static final Map<ReportLanguage, Labels> BY_LANGUAGE = new EnumMap<>(ReportLanguage.class);

  static {
    for (ReportLanguage l : ReportLanguage.values()) BY_LANGUAGE.put(l, new Labels(l));
  }

  /** The Chinese labels, the default of every no-argument text method of the model. */
  public static final Labels ZH_CN = of(ReportLanguage.ZH_CN);

  private final ReportLanguage language;
  private final ResourceBundle bundle;
  private final DecimalFormatSymbols symbols;
  private final DateTimeFormatter month;
  private final DateTimeFormatter date;
  private final DateTimeFormatter dateTime;

  private Labels(ReportLanguage language) {
    this.language = language;
    // No fallback to the JVM's default locale or a base bundle: a missing key must fail loudly.
    this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(), Labels.class.getClassLoader(),
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    this.symbols = DecimalFormatSymbols.getInstance(language.locale());
    this.month = DateTimeFormatter.ofPattern(get("format.month"), language.locale());
    this.date = DateTimeFormatter.ofPattern(get("format.date"), language.locale());
    this.dateTime = DateTimeFormatter.ofPattern(get("format.datetime"), language.locale()).withZone(Fmt.ZONE);
  }

  public static Labels of(ReportLanguage language) { return BY_LANGUAGE.get(language); }

  public ReportLanguage language() { return language; }

  /** The bundle, for the templates' REPORT_RESOURCE_BUNDLE. */
  public ResourceBundle bundle() { return bundle; }

  public String get(String key) { return bundle.getString(key); }

  /** A MessageFormat pattern of the bundle with its arguments (pass numbers already formatted). */
  public String format(String key, Object... args) {
    return new MessageFormat(get(key), language.locale()).format(args);
  }

  /** {@code <kind>.<code>}, or the code itself when the bundle has no such key. */
  public String code(String kind, String code) {
    if (code == null) return Fmt.NONE;
    String key = kind + "." + code;
    return bundle.containsKey(key) ? bundle.getString(key) : code;
  }

  public String kpi(String code) { return code("kpi", code); }

  public String metric(String code) { return code("metric", code); }

  public String rule(String code) { return code("rule", code); }

  public String activity(String code) { return code("activity", code); }

  /** MET, MISSED, NO_DATA, IN_PROGRESS; null = no target. */
  public String status(String code) { return code("status", code == null ? "NO_TARGET" : code); }

  /** The appendix: every {@code def.<CODE>.term/.text} in the order of the key {@code definitions}. */
  public List<com.dispatch.quality.reports.model.Definition> definitions() {
    List<com.dispatch.quality.reports.model.Definition> out = new ArrayList<>();
    for (String code : get("definitions").split(",")) {
      String c = code.strip();
      out.add(new com.dispatch.quality.reports.model.Definition(get("def." + c + ".term"), get("def." + c + ".text")));
    }
    return List.copyOf(out);
  }

  // ---- numbers and dates --------------------------------------------------------------------

  /** 0.01725 -> "1.73%" (HALF_UP on the decimal value). */
  public String pct(Double fraction) {
    if (fraction == null || fraction.isNaN()) return Fmt.NONE;
    return decimal(BigDecimal.valueOf(fraction).movePointRight(2).setScale(2, RoundingMode.HALF_UP)) + "%";
  }

  /** A change of a rate in percentage points, signed: "+0.35个百分点", "+0.35 pp". */
  public String pctPoints(Double delta) {
    if (delta == null || delta.isNaN()) return Fmt.NONE;
    return format("format.pct_points", signed(BigDecimal.valueOf(delta).movePointRight(2).setScale(2, RoundingMode.HALF_UP)));
  }

  /** Hours with two decimals, no unit. */
  public String hours(Double h) {
    if (h == null || h.isNaN()) return Fmt.NONE;
    return decimal(BigDecimal.valueOf(h).setScale(2, RoundingMode.HALF_UP));
  }

  /** Hours with two decimals and the unit: "10.75 小时", "10.75 h". */
  public String hoursWithUnit(Double h) {
    if (h == null || h.isNaN()) return Fmt.NONE;
    return format("format.hours", hours(h));
  }

  public String hoursSigned(Double h) {
    if (h == null || h.isNaN()) return Fmt.NONE;
    return format("format.hours_signed", signed(BigDecimal.valueOf(h).setScale(2, RoundingMode.HALF_UP)));
  }

  /** A limit in whole days when it is a multiple of 24 hours, else in hours: "30 天", "12 h". */
  public String limit(Double limitHours) {
    if (limitHours == null) return Fmt.NONE;
    double h = limitHours;
    if (h >= 24 && h % 24 == 0) return format("format.days", count((long) (h / 24)));
    return format("format.hours", hours(h).replaceAll("\\.00$", ""));
  }

  public String count(Number n) {
    if (n == null) return Fmt.NONE;
    DecimalFormat f = new DecimalFormat("#,##0", symbols);
    return f.format(n.longValue());
  }

  public String money(BigDecimal m) {
    if (m == null) return Fmt.NONE;
    DecimalFormat f = new DecimalFormat("#,##0.00", symbols);
    return f.format(m.setScale(2, RoundingMode.HALF_UP));
  }

  /** A mean score with two decimals HALF_UP. */
  public String score(Double mean) {
    return mean == null ? Fmt.NONE : decimal(BigDecimal.valueOf(mean).setScale(2, RoundingMode.HALF_UP));
  }

  public String instant(Instant i) { return i == null ? Fmt.NONE : dateTime.format(i); }

  /** "2025年11月", "November 2025". */
  public String month(YearMonth m) { return month.format(m.atDay(1)); }

  /** "2025年11月5日", "November 5, 2025". */
  public String date(LocalDate d) { return date.format(d); }

  public String periodRange(YearMonth m) { return format("format.period_range", m.atDay(1).toString(), m.atEndOfMonth().toString()); }

  private String decimal(BigDecimal v) {
    return v.toPlainString().replace('.', symbols.getDecimalSeparator()).replace('-', symbols.getMinusSign());
  }

  private String signed(BigDecimal v) { return (v.signum() > 0 ? "+" : "") + decimal(v); }
}
