package com.dispatch.quality.reports.model;

import com.dispatch.quality.reports.Labels;
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
public record ResponseRow(String metric, Long n, Long nOpen, Double minHours,
    Double p50Hours, Double p90Hours, Double p95Hours, Double maxHours, Double meanHours,
    List<Long> buckets, Double limitHours, Long withinLimit) {

  public static final List<String> BUCKET_LABELS =
      List.of("0-4", "4-8", "8-12", "12-24", "24-48", "48-72", "72-168", "≥168");

  public String metricName() { return metricName(Labels.ZH_CN); }

  public String metricName(Labels l) { return l.metric(metric); }

  public String nText() { return nText(Labels.ZH_CN); }

  public String nText(Labels l) { return l.count(n); }

  public String nOpenText() { return nOpenText(Labels.ZH_CN); }

  public String nOpenText(Labels l) { return l.count(nOpen); }

  public String p50Text() { return p50Text(Labels.ZH_CN); }

  public String p50Text(Labels l) { return l.hours(p50Hours); }

  public String p90Text() { return p90Text(Labels.ZH_CN); }

  public String p90Text(Labels l) { return l.hours(p90Hours); }

  public String maxText() { return maxText(Labels.ZH_CN); }

  public String maxText(Labels l) { return l.hours(maxHours); }

  public String limitText() { return limitText(Labels.ZH_CN); }

  /** Whole days when the limit is a multiple of 24 hours, else hours: "30 天", "12 h". */
  public String limitText(Labels l) { return l.limit(limitHours); }

  public Double shareWithinLimit() {
    if (n == null || n == 0 || withinLimit == null) return null;
    return withinLimit / (double) n;
  }

  public String shareWithinLimitText() { return shareWithinLimitText(Labels.ZH_CN); }

  public String shareWithinLimitText(Labels l) { return l.pct(shareWithinLimit()); }

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
