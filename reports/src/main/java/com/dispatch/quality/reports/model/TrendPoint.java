package com.dispatch.quality.reports.model;

/** One month of a 12-month trend; null values leave a gap in the line. */
public record TrendPoint(String month, Double headcountErrorRate, Double calcErrorRate, Double slaCompliance) {}
