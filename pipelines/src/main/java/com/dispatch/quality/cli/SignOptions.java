package com.dispatch.quality.cli;

import com.dispatch.quality.reports.sign.PdfSigner;
import com.dispatch.quality.reports.sign.SigningKey;
import com.dispatch.quality.reports.sign.TimestampClient;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * The signing options of {@code report} and {@code run} (issue 13): the company's key as one
 * alias of a PKCS#12 file, its password from the environment variable
 * {@value #PASSWORD_ENV} (never an argument: argv is visible to every user of the machine
 * and lands in shell histories and Airflow logs), and an optional RFC 3161 time-stamp authority.
 */
public final class SignOptions {
  public static final String PASSWORD_ENV = "QUALITY_SIGN_PASSWORD";
  /** The signature's reason, as PDF viewers show it. */
  static final String REASON = "服务质量月度报告";

  @Option(names = "--sign-keystore", paramLabel = "FILE.p12",
      description = "Sign every PDF (PAdES) with the company's key from this PKCS#12 keystore; its password is read from "
          + "the environment variable " + PASSWORD_ENV + ". Default: PDFs are not signed.")
  Path keystore;

  @Option(names = "--sign-alias", paramLabel = "ALIAS", description = "Alias of the signing key in --sign-keystore.")
  String alias;

  @Option(names = "--sign-tsa-url", paramLabel = "URL",
      description = "RFC 3161 time-stamp authority for the signatures (e.g. http://timestamp.example/tsa). Default: none.")
  URI tsaUrl;

  /** The signer the options ask for, or null when no keystore was given. */
  public PdfSigner signer() {
    return signer(System::getenv);
  }

  PdfSigner signer(Function<String, String> env) {
    if (keystore == null) {
      if (alias != null || tsaUrl != null) {
        throw new IllegalArgumentException("--sign-alias and --sign-tsa-url need --sign-keystore");
      }
      return null;
    }
    if (alias == null || alias.isBlank()) throw new IllegalArgumentException("--sign-keystore needs --sign-alias");
    String password = env.apply(PASSWORD_ENV);
    if (password == null) {
      throw new IllegalArgumentException("--sign-keystore given but the environment variable " + PASSWORD_ENV
          + " (the keystore's password) is not set");
    }
    char[] chars = password.toCharArray();
    try {
      SigningKey key = SigningKey.load(keystore, alias, chars);
      return new PdfSigner(key, tsaUrl == null ? null : new TimestampClient(tsaUrl), REASON);
    } finally {
      Arrays.fill(chars, '\0');
    }
  }
}
