package com.dispatch.quality.reports.model;

/** One entry of the appendix: a term and how its number is computed, in plain words. */
public record Definition(String term, String text) {}
