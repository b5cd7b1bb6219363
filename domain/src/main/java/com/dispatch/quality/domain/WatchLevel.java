package com.dispatch.quality.domain;

/**
 * Levels of the early-warning watchlist (SPEC §4.8), most urgent first. A subject with no
 * completion by as_of is OVERDUE once its deadline has passed, otherwise at the highest level whose
 * threshold its elapsed share reaches; below 0.5 it is not on the list.
 */
public enum WatchLevel {
  OVERDUE(Double.NaN, "已超时"),
  CRITICAL_90(0.9, "紧急（已用时≥90%）"),
  WARN_75(0.75, "预警（已用时≥75%）"),
  WARN_50(0.5, "关注（已用时≥50%）");

  private final double minShare;
  private final String chineseName;

  WatchLevel(double minShare, String chineseName) {
    this.minShare = minShare;
    this.chineseName = chineseName;
  }

  /** The lowest elapsed share of the level; NaN for OVERDUE, which is decided by the deadline. */
  public double minShare() { return minShare; }

  public String chineseName() { return chineseName; }

  /** The short Chinese word for mail subjects and summaries. */
  public String shortName() { return chineseName.replaceAll("（.*", ""); }

  /** WARN_75 and above: the levels that warrant a mail (SPEC-silent; docs/decisions.md). */
  public boolean urgent() { return this != WARN_50; }
}
