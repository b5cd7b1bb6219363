package com.dispatch.quality.reports.model;

/** A labelled value with a short note, for the small two-column tables. */
public record KeyValue(String label, String value, String note) {}
