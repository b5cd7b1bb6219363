package com.dispatch.quality.reports;

import com.dispatch.quality.reports.model.ClientReportData;
import com.dispatch.quality.reports.sign.PdfSigner;
import com.dispatch.quality.reports.sign.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * PDFs/s of renderMonth unsigned and signed, alternating rounds in one JVM (no Spark), so that
 * the signing cost is measured apart from a shared machine's drift; not a test. Arguments:
 * clients per round, rounds, threads, PKCS#12 file, alias; password from QUALITY_SIGN_PASSWORD.
 */
public final class SignThroughputMain {
  public static void main(String[] args) throws Exception {
    int clients = Integer.parseInt(args[0]);
    int rounds = Integer.parseInt(args[1]);
    int threads = Integer.parseInt(args[2]);
    PdfSigner signer = new PdfSigner(SigningKey.load(Path.of(args[3]), args[4],
        System.getenv("QUALITY_SIGN_PASSWORD").toCharArray()), null, "服务质量月度报告");
    ReportRenderer renderer = new ReportRenderer();
    List<ClientReportData> data = new ArrayList<>();
    for (int i = 0; i < clients; i++) data.add(SampleModels.fullClient(String.format("C%04d", i), "上海东方精密制造有限公司"));
    var overview = SampleModels.overview(data);
    Path out = Files.createTempDirectory("sign-throughput");
    renderer.renderMonth(out, data.subList(0, Math.min(10, clients)), overview, "warm-up", threads, 0, null, false, signer);
    for (int r = 1; r <= rounds; r++) {
      for (boolean sign : new boolean[] {false, true}) {
        long t0 = System.nanoTime();
        renderer.renderMonth(out, data, overview, "round", threads, 0, null, false, sign ? signer : null);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "round %d %-8s %d PDFs in %.1f s = %.2f PDFs/s%n", r, sign ? "signed" : "unsigned",
            clients + 1, s, (clients + 1) / s);
      }
    }
    // One thread, the same client: what rendering and signing each cost per PDF.
    int n = 30;
    long render = 0;
    long signing = 0;
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      RenderedReport pdf = renderer.renderClient(data.get(0));
      long t1 = System.nanoTime();
      ReportRenderer.sign(pdf, signer);
      long t2 = System.nanoTime();
      render += t1 - t0;
      signing += t2 - t1;
    }
    System.out.printf(Locale.ROOT, "one thread, %d PDFs: render+export %.1f ms/PDF, signing %.1f ms/PDF%n", n,
        render / 1e6 / n, signing / 1e6 / n);
  }
}
