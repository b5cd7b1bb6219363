package com.dispatch.quality.reports.sign;

import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/** A verifier independent of the signing code: PDFBox reads the byte range, Bouncy Castle checks the CMS. */
public final class SignedVerifier {
  private SignedVerifier() {}

  /** True when every signer of {@code sig} verifies over the bytes of {@code pdf} its /ByteRange names. */
  public static boolean verifies(PDSignature sig, byte[] pdf) throws Exception {
    CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(pdf)), sig.getContents(pdf));
    boolean any = false;
    for (SignerInformation si : cms.getSignerInfos().getSigners()) {
      @SuppressWarnings("unchecked")
      X509CertificateHolder cert = (X509CertificateHolder) cms.getCertificates().getMatches(si.getSID()).iterator().next();
      try {
        if (!si.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))) return false;
      } catch (CMSSignerDigestMismatchException e) {
        return false;
      }
      any = true;
    }
    return any;
  }
}
