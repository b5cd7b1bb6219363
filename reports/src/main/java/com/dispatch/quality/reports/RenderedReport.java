package com.dispatch.quality.reports;

/** A rendered PDF: its bytes, its page count and the SHA-256 of the bytes (lower-case hex). */
public record RenderedReport(byte[] pdf, int pages, String sha256) {}
