package com.dispatch.quality.cli;

import com.dispatch.quality.io.Lake;
import picocli.CommandLine.Option;

/** {@code --lake}, the option every command but generate takes, with one help text. */
public final class LakeOption {
  @Option(names = "--lake", required = true, paramLabel = "DIR|URI",
      description = "Lake root: a directory or any Hadoop-compatible URI (file:, hdfs:, s3a:, abfss:) holding "
          + "bronze/, silver/, gold/, quarantine and runs.")
  String root;

  public Lake lake() { return new Lake(root); }
}
