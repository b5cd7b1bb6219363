package com.dispatch.quality.cli;

import picocli.CommandLine.Option;

/** {@code --landing}, the landing zone of ingest and run. */
public final class LandingOption {
  @Option(names = "--landing", required = true, paramLabel = "DIR|URI",
      description = "Landing zone: a directory or Hadoop URI with one folder per source (reference/, roster/, ...).")
  String uri;
}
