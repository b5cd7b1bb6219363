package com.dispatch.quality.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes sample PDFs to a folder for looking at them (pdftoppm); not a test. */
public final class RenderSamplesMain {
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "target/report-samples");
    Files.createDirectories(out);
    ReportRenderer r = new ReportRenderer();
    var full = SampleModels.fullClient("C0001", "上海东方精密制造有限公司");
    var empty = SampleModels.emptyClient("C0002", "苏州新能源科技股份有限公司");
    Files.write(out.resolve("full.pdf"), r.renderClient(full).pdf());
    Files.write(out.resolve("empty.pdf"), r.renderClient(empty).pdf());
    Files.write(out.resolve("long.pdf"), r.renderClient(SampleModels.longClient()).pdf());
    Files.write(out.resolve("full_en.pdf"), r.renderClient(full.inLanguage(ReportLanguage.EN_US)).pdf());
    Files.write(out.resolve("empty_en.pdf"), r.renderClient(empty.inLanguage(ReportLanguage.EN_US)).pdf());
    Files.write(out.resolve("long_en.pdf"), r.renderClient(SampleModels.longClient().inLanguage(ReportLanguage.EN_US)).pdf());
    Files.write(out.resolve("overview.pdf"), r.renderOverview(SampleModels.overview(List.of(full, empty))).pdf());
    System.out.println("wrote " + out.toAbsolutePath());
  }
}
