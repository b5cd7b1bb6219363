package com.dispatch.quality.reports;

/**
 * One line of {@code <out>/<month>/manifest.csv}.
 *
 * @param clientId client id, or {@code *} for the overview
 * @param file file name inside the month folder
 * @param runId the report run that wrote the file
 * @param dataRunId the metrics run whose gold rows the file shows (printed in its footer)
 * @param signer the name of the signer of the file's digital signature (its certificate's CN); null: unsigned
 * @param certSha256 SHA-256 fingerprint of the signing certificate (lower-case hex of its DER); null: unsigned
 */
public record ManifestEntry(String clientId, String file, int pages, String sha256, String runId, String dataRunId,
    String signer, String certSha256) {
  public static final String HEADER = "client_id,file,pages,sha256,run_id,data_run_id,signer,cert_sha256";

  public String csvLine() {
    return String.join(",", csv(clientId), csv(file), Integer.toString(pages), sha256, csv(runId), csv(dataRunId),
        csv(signer), csv(certSha256));
  }

  private static String csv(String s) {
    if (s == null) return "";
    if (s.contains(",") || s.contains("\"") || s.contains("\n")) return "\"" + s.replace("\"", "\"\"") + "\"";
    return s;
  }
}
