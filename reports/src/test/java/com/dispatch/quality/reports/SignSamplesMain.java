package com.dispatch.quality.reports;

import com.dispatch.quality.reports.sign.PdfSigner;
import com.dispatch.quality.reports.sign.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes signed sample PDFs for looking at them (pdftoppm) and for external verifiers; not a test.
 * Arguments: output folder, PKCS#12 file, alias; password from QUALITY_SIGN_PASSWORD.
 */
public final class SignSamplesMain {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    Files.createDirectories(out);
    String password = System.getenv("QUALITY_SIGN_PASSWORD");
    if (password == null) throw new IllegalArgumentException("QUALITY_SIGN_PASSWORD is not set");
    PdfSigner signer = new PdfSigner(SigningKey.load(Path.of(args[1]), args[2], password.toCharArray()), null, "服务质量月度报告");
    ReportRenderer r = new ReportRenderer();
    var full = SampleModels.fullClient("C0001", "上海东方精密制造有限公司");
    var empty = SampleModels.emptyClient("C0002", "苏州新能源科技股份有限公司");
    Files.write(out.resolve("full.pdf"), ReportRenderer.sign(r.renderClient(full), signer).pdf());
    Files.write(out.resolve("overview.pdf"), ReportRenderer.sign(r.renderOverview(SampleModels.overview(List.of(full, empty))), signer).pdf());
    System.out.println("wrote " + out.toAbsolutePath());
  }
}
