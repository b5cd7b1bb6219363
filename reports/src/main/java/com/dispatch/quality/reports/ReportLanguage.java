package com.dispatch.quality.reports;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages a client report is written in ({@code reference/clients.csv} column
 * {@code report_language}, a BCP 47 tag). Each has a bundle
 * {@code reports/i18n/labels_<locale>.properties}; adding a language is a constant here and a
 * bundle with every key (see reports/README.md).
 */
public enum ReportLanguage {
  ZH_CN("zh-CN"),
  EN_US("en-US");

  /** Reports of clients without a report_language are Chinese. */
  public static final ReportLanguage DEFAULT = ZH_CN;

  private final String tag;
  private final Locale locale;

  ReportLanguage(String tag) {
    this.tag = tag;
    this.locale = Locale.forLanguageTag(tag);
  }

  /** The tag as written in clients.csv and stored in silver, e.g. {@code en-US}. */
  public String tag() { return tag; }

  public Locale locale() { return locale; }

  /** Every tag, in declaration order (the landing contract's allowed values). */
  public static String[] tags() {
    ReportLanguage[] all = values();
    String[] out = new String[all.length];
    for (int i = 0; i < all.length; i++) out[i] = all[i].tag;
    return out;
  }

  /** The language of a tag, ignoring case ({@code EN-us} is en-US); empty for unknown tags. */
  public static Optional<ReportLanguage> fromTag(String tag) {
    if (tag == null) return Optional.empty();
    for (ReportLanguage l : values()) if (l.tag.equalsIgnoreCase(tag.strip())) return Optional.of(l);
    return Optional.empty();
  }

  /** A stored silver value: null or blank means the default; an unknown tag is an error. */
  public static ReportLanguage ofStored(String tag) {
    if (tag == null || tag.isBlank()) return DEFAULT;
    return fromTag(tag).orElseThrow(() -> new IllegalArgumentException("unknown report_language '" + tag + "'"));
  }
}
