package com.dispatch.quality.ingest;

import com.dispatch.quality.schema.Sources;
import com.dispatch.quality.schema.Sources.SourceSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Lists the landing zone (a directory or any Hadoop URI) and assigns each CSV file to its source
 * (SPEC §2): every {@code *.csv} under a transactional source's folder, recursively; under
 * {@code reference/}, files whose name stem equals or starts with the entity name, or that sit in
 * a sub-folder of that name. Folders and files starting with {@code _} or {@code .} are not
 * landing data (the generator writes its ground truth into {@code _ground_truth/}).
 */
public final class Landing {
  /** The assigned files, in arrival order (modification time, then path), and the files no source claims. */
  public record Listing(List<LandingFile> files, List<String> ignored) {}

  private Landing() {}

  public static Listing list(Configuration conf, String landing) {
    try {
      Path root = new Path(landing);
      FileSystem fs = root.getFileSystem(conf);
      root = fs.makeQualified(root);
      if (!fs.exists(root) || !fs.getFileStatus(root).isDirectory()) {
        throw new IllegalArgumentException("landing zone " + landing + " is not a directory");
      }
      String rootPath = root.toUri().getPath();
      List<LandingFile> files = new ArrayList<>();
      List<String> ignored = new ArrayList<>();
      walk(fs, root, rootPath, files, ignored);
      files.sort(Comparator.comparingLong(LandingFile::modifiedAt).thenComparing(LandingFile::file));
      ignored.sort(Comparator.naturalOrder());
      return new Listing(files, ignored);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list landing zone " + landing + ": " + e.getMessage(), e);
    }
  }

  private static void walk(FileSystem fs, Path dir, String rootPath, List<LandingFile> files, List<String> ignored)
      throws IOException {
    for (FileStatus st : fs.listStatus(dir)) {
      String name = st.getPath().getName();
      if (name.startsWith("_") || name.startsWith(".")) continue;
      if (st.isDirectory()) {
        walk(fs, st.getPath(), rootPath, files, ignored);
        continue;
      }
      String rel = relative(rootPath, st.getPath());
      String source = sourceOf(rel);
      if (source == null) {
        ignored.add(rel);
      } else {
        files.add(new LandingFile(source, st.getPath().toString(), rel, st.getLen(), st.getModificationTime()));
      }
    }
  }

  private static String relative(String rootPath, Path p) {
    String full = p.toUri().getPath();
    String prefix = rootPath.endsWith("/") ? rootPath : rootPath + "/";
    return full.startsWith(prefix) ? full.substring(prefix.length()) : full;
  }

  /** The source a landing-relative path belongs to, or null. */
  static String sourceOf(String rel) {
    String[] parts = rel.split("/");
    if (parts.length < 2 || !parts[parts.length - 1].toLowerCase(Locale.ROOT).endsWith(".csv")) return null;
    String top = parts[0];
    if (top.equals("reference")) {
      for (SourceSpec s : Sources.ALL) {
        if (!s.reference()) continue;
        if (parts.length > 2 && parts[1].equals(s.name())) return s.name();
        String file = parts[parts.length - 1];
        String stem = file.substring(0, file.length() - 4);
        if (parts.length == 2 && stem.startsWith(s.name())) return s.name();
      }
      return null;
    }
    for (SourceSpec s : Sources.ALL) {
      if (!s.reference() && s.name().equals(top)) return s.name();
    }
    return null;
  }
}
