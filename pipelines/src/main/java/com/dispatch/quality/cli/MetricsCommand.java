package com.dispatch.quality.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "metrics", mixinStandardHelpOptions = true, description = "TODO")
public final class MetricsCommand implements Callable<Integer> {
  @Override
  public Integer call() {
    throw new UnsupportedOperationException("metrics is not built yet");
  }
}
