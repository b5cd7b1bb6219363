package com.dispatch.quality.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A signing keystore made at test time the way an operator makes one, with the JDK's
 * {@code keytool} (the password passed through the environment, as the CLI reads it).
 */
public final class Keytool {
  private Keytool() {}

  /** A new PKCS#12 file with one RSA key under {@code alias} and a self-signed certificate for {@code dname}. */
  public static Path selfSigned(Path file, String alias, String dname, String password) {
    run(password, "-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-sigalg", "SHA256withRSA",
        "-dname", dname, "-validity", "2", "-storetype", "PKCS12", "-keystore", file.toString(),
        "-storepass:env", "KEYTOOL_PASSWORD");
    return file;
  }

  /** The certificate's SHA-256 fingerprint as {@code keytool -list -v} prints it, colons removed, lower case. */
  public static String sha256Fingerprint(Path file, String alias, String password) {
    for (String line : run(password, "-list", "-v", "-alias", alias, "-keystore", file.toString(),
        "-storepass:env", "KEYTOOL_PASSWORD").split("\n")) {
      String t = line.trim();
      if (t.startsWith("SHA256:")) return t.substring(7).trim().replace(":", "").toLowerCase(Locale.ROOT);
    }
    throw new IllegalStateException("keytool printed no SHA256 fingerprint");
  }

  private static String run(String password, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    cmd.add("-J-Dfile.encoding=UTF-8");
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("KEYTOOL_PASSWORD", password);
    try {
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (p.waitFor() != 0) throw new IllegalStateException("keytool " + args[0] + " failed: " + out);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException("keytool not runnable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
