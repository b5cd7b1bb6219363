package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Fmt;
import java.util.ArrayList;
import java.util.List;

/**
 * One gold {@code response_time_distribution} row (SPEC §4.2) plus the share of closed
 * subjects within the metric's reporting limit.
 *
 * @param buckets the eight bucket counts in SPEC order ([0,4) ... [168,∞) hours)
 * @param limitHours the limit the share is measured against
 * @param withinLimit closed subjects with hours ≤ limitHours (from response_time_events)
 */
public record ResponseRow(String metric, String metricName, Long n, Long nOpen, Double minHours,
    Double p50Hours, Double p90Hours, Double p95Hours, Double maxHours, Double meanHours,
    List<Long> buckets, Double limitHours, Long withinLimit) {

  public static final List<String> BUCKET_LABELS =
      List.of("0-4", "4-8", "8-12", "12-24", "24-48", "48-72", "72-168", "≥168");

  public String nText() { return Fmt.count(n); }

  public String nOpenText() { return Fmt.count(nOpen); }

  public String p50Text() { return Fmt.hours(p50Hours); }

  public String p90Text() { return Fmt.hours(p90Hours); }

  public String maxText() { return Fmt.hours(maxHours); }

  public String limitText() {
    if (limitHours == null) return Fmt.NONE;
    double h = limitHours;
    if (h >= 24 && h % 24 == 0) return (long) (h / 24) + " 天";
    return Fmt.hours(h).replaceAll("\\.00$", "") + " 小时";
  }

  public Double shareWithinLimit() {
    if (n == null || n == 0 || withinLimit == null) return null;
    return withinLimit / (double) n;
  }

  public String shareWithinLimitText() { return Fmt.pct(shareWithinLimit()); }

  public boolean hasClosed() { return n != null && n > 0; }

  /** Rows of the histogram: one per bucket. */
  public List<Bucket> bucketRows() {
    List<Bucket> rows = new ArrayList<>();
    for (int i = 0; i < BUCKET_LABELS.size(); i++) {
      Long c = buckets == null || buckets.size() <= i ? null : buckets.get(i);
      rows.add(new Bucket(BUCKET_LABELS.get(i), c == null ? 0L : c));
    }
    return rows;
  }

  public record Bucket(String label, Long count) {}
}
