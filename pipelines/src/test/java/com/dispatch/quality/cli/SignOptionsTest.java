package com.dispatch.quality.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dispatch.quality.reports.sign.PdfSigner;
import com.dispatch.quality.testing.Keytool;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Issue 13 item 2: the signing options of report and run; the password only from the environment. */
class SignOptionsTest {
  private static final String PASSWORD = "keytool-test-pw";
  @TempDir static Path tmp;
  static Path p12;

  @BeforeAll
  static void keystore() {
    p12 = Keytool.selfSigned(tmp.resolve("company.p12"), "seal", "CN=Huaxin HR Quality Seal,O=Huaxin,C=CN", PASSWORD);
  }

  @Test
  void reportSignsWithTheKeytoolKeyNamedByAliasAndPasswordFromEnvironment() {
    ReportCommand cmd = new ReportCommand();
    new CommandLine(cmd).parseArgs("--lake", "lake", "--month", "2026-01", "--out", "out",
        "--sign-keystore", p12.toString(), "--sign-alias", "seal");
    PdfSigner signer = cmd.sign.signer(Map.of(SignOptions.PASSWORD_ENV, PASSWORD)::get);
    assertEquals("Huaxin HR Quality Seal", signer.key().signerName());
    assertEquals(Keytool.sha256Fingerprint(p12, "seal", PASSWORD), signer.key().certSha256(),
        "fingerprint as keytool -list -v prints it");
    assertFalse(signer.timestamps());
  }

  @Test
  void runTakesTheSameOptionsIncludingTheTimestampUrl() {
    RunCommand cmd = new RunCommand();
    new CommandLine(cmd).parseArgs("--landing", "in", "--lake", "lake", "--sign-keystore", p12.toString(),
        "--sign-alias", "seal", "--sign-tsa-url", "http://127.0.0.1:9/tsa");
    assertEquals(URI.create("http://127.0.0.1:9/tsa"), cmd.sign.tsaUrl);
    assertTrue(cmd.sign.signer(Map.of(SignOptions.PASSWORD_ENV, PASSWORD)::get).timestamps());
  }

  @Test
  void noKeystoreMeansUnsigned() {
    ReportCommand cmd = new ReportCommand();
    new CommandLine(cmd).parseArgs("--lake", "lake", "--month", "2026-01", "--out", "out");
    assertNull(cmd.sign.signer(Map.<String, String>of()::get));
  }

  @Test
  void keystoreWithoutPasswordVariableFailsNamingTheVariable() {
    ReportCommand cmd = new ReportCommand();
    new CommandLine(cmd).parseArgs("--lake", "lake", "--month", "2026-01", "--out", "out",
        "--sign-keystore", p12.toString(), "--sign-alias", "seal");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> cmd.sign.signer(Map.<String, String>of()::get));
    assertTrue(e.getMessage().contains("QUALITY_SIGN_PASSWORD"), e.getMessage());
  }

  @Test
  void wrongPasswordFailsWithoutPrintingIt() {
    ReportCommand cmd = new ReportCommand();
    new CommandLine(cmd).parseArgs("--lake", "lake", "--month", "2026-01", "--out", "out",
        "--sign-keystore", p12.toString(), "--sign-alias", "seal");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> cmd.sign.signer(Map.of(SignOptions.PASSWORD_ENV, "guess-123")::get));
    assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
    assertFalse(e.getMessage().contains("guess-123"));
  }

  @Test
  void thereIsNoPasswordOption() {
    for (String option : new String[] {"--sign-password", "--sign-keystore-password", "--password"}) {
      assertThrows(CommandLine.UnmatchedArgumentException.class, () -> new CommandLine(new ReportCommand())
          .parseArgs("--lake", "lake", "--month", "2026-01", "--out", "out", option, "x"), option);
    }
  }

  @Test
  void aliasWithoutKeystoreIsAnError() {
    RunCommand cmd = new RunCommand();
    new CommandLine(cmd).parseArgs("--landing", "in", "--lake", "lake", "--sign-alias", "seal");
    assertThrows(IllegalArgumentException.class, () -> cmd.sign.signer(Map.<String, String>of()::get));
  }
}
