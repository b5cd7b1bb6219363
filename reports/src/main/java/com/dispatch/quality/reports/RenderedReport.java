package com.dispatch.quality.reports;

import com.dispatch.quality.reports.sign.PdfSigner;

/**
 * A rendered PDF: its bytes, its page count, the SHA-256 of the bytes (lower-case hex), and where
 * the template put its seal placeholder (element key {@code seal}; null when it has none).
 */
public record RenderedReport(byte[] pdf, int pages, String sha256, PdfSigner.Seal seal) {}
