package com.dispatch.quality.reports.sign;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Calendar;
import java.util.HashMap;
import java.util.Map;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs rendered PDFs with a PAdES baseline signature (PDF sub-filter {@code ETSI.CAdES.detached}):
 * an incremental update holding a detached CMS SignedData over the file's byte range, with the
 * signed attributes PAdES asks for (content type, message digest, ESS signing-certificate-v2; the
 * signing time is the dictionary's {@code /M}, not a CMS attribute) and, with a time-stamp
 * authority, an RFC 3161 signature time-stamp as unsigned attribute (PAdES B-T).
 *
 * <p>The visible signature is drawn at the report's seal position ({@link Seal}): a white box
 * with a red frame, "数字签名", the signer's name and the signing time in Beijing time, in the
 * report's embedded font. A PDF without a seal position gets an invisible signature.
 *
 * <p>Thread-safe: each call has its own reader, stamper and CMS generator; the fonts of the
 * visible signature are kept in a small pool because an OpenPDF font must not be written into
 * two documents at once.
 */
public final class PdfSigner {
  /** The signature field's name (what pdfsig and pyHanko list). */
  public static final String FIELD = "CompanySeal";
  private static final String SUB_FILTER = "ETSI.CAdES.detached";
  private static final String FONT = "fonts/wqy/wqy-microhei.ttf";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);
  private static final Color SEAL_RED = new Color(0xC0, 0x1E, 0x1E);
  /** Bytes reserved for the CMS beyond the certificates: signature, attributes, ASN.1 overhead. */
  private static final int RESERVE_BASE = 4096;
  /** Bytes reserved for a time-stamp token (the TSA's own certificates included). */
  private static final int RESERVE_TIMESTAMP = 16384;

  /**
   * Where the visible signature goes: page (1-based) and the box in PDF user space (points,
   * origin bottom left).
   */
  public record Seal(int page, float llx, float lly, float urx, float ury) {}

  private final SigningKey key;
  private final TimestampClient tsa;
  private final String reason;
  private final String signatureAlgorithm;
  private final Attribute signingCertificate;
  private final JcaCertStore certStore;
  private final int reserved;
  private final ConcurrentLinkedQueue<BaseFont> fonts = new ConcurrentLinkedQueue<>();
  private final byte[] fontBytes;

  /**
   * @param tsa the time-stamp authority, or null for signatures without a time-stamp
   * @param reason the signature's reason as viewers show it (e.g. "服务质量月度报告")
   */
  public PdfSigner(SigningKey key, TimestampClient tsa, String reason) {
    this.key = key;
    this.tsa = tsa;
    this.reason = reason;
    this.signatureAlgorithm = switch (key.privateKey().getAlgorithm()) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> throw new IllegalArgumentException("signing key algorithm " + key.privateKey().getAlgorithm()
          + " is not supported (RSA or EC)");
    };
    try {
      this.signingCertificate = signingCertificateV2(key.certificate());
      this.certStore = new JcaCertStore(key.chain());
    } catch (CertificateEncodingException e) {
      throw new IllegalArgumentException("signing certificate cannot be encoded: " + e.getMessage(), e);
    }
    int chainBytes = 0;
    for (X509Certificate c : key.chain()) {
      try {
        chainBytes += c.getEncoded().length;
      } catch (CertificateEncodingException e) {
        throw new IllegalArgumentException(e);
      }
    }
    this.reserved = RESERVE_BASE + chainBytes + (tsa == null ? 0 : RESERVE_TIMESTAMP);
    try (InputStream in = PdfSigner.class.getClassLoader().getResourceAsStream(FONT)) {
      if (in == null) throw new IllegalStateException("font not on the classpath: " + FONT);
      this.fontBytes = sealFont(in.readAllBytes(), key.signerName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every character the seal's three lines can hold: the fixed words, digits, and the signer's name. */
  private static final String SEAL_CHARACTERS = "数字签名（含可信时间戳）签名时间：北京0123456789-: ";

  /**
   * The bundled 4.6 MB font cut down to the seal's characters, once per signer: OpenPDF subsets a
   * font again for every document, which for the whole font cost most of a signature's time
   * (measured ~70 of ~90 ms). Falls back to the whole font if it cannot be cut.
   */
  private static byte[] sealFont(byte[] full, String signerName) {
    try {
      org.apache.fontbox.ttf.TrueTypeFont ttf = new org.apache.fontbox.ttf.TTFParser()
          .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(full));
      try {
        org.apache.fontbox.ttf.TTFSubsetter subset = new org.apache.fontbox.ttf.TTFSubsetter(ttf);
        (SEAL_CHARACTERS + signerName).codePoints().forEach(subset::add);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        subset.writeToStream(out);
        return out.toByteArray();
      } finally {
        ttf.close();
      }
    } catch (IOException | RuntimeException e) {
      return full;
    }
  }

  public SigningKey key() { return key; }

  public boolean timestamps() { return tsa != null; }

  /** The PDF with one more revision: the signature (visible at {@code seal} unless it is null). */
  public byte[] sign(byte[] pdf, Seal seal, Instant signingTime) {
    Calendar when = Calendar.getInstance(TimeZone.getTimeZone(ZONE));
    when.setTimeInMillis(signingTime.toEpochMilli());
    BaseFont font = seal == null ? null : borrowFont();
    try {
      PdfReader reader = new PdfReader(pdf);
      ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reserved + 16 * 1024);
      PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
      PdfSignatureAppearance sap = stamper.getSignatureAppearance();
      sap.setSignDate(when);
      sap.setReason(reason);
      sap.setAcro6Layers(true);
      if (seal != null) {
        Rectangle box = new Rectangle(seal.llx(), seal.lly(), seal.urx(), seal.ury());
        sap.setVisibleSignature(box, seal.page(), FIELD);
        drawSeal(sap.getLayer(2), box.getWidth(), box.getHeight(), font, signingTime);
      } else {
        sap.setFieldNameForInvisibleSignatures(FIELD);
      }
      PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, new PdfName(SUB_FILTER));
      dictionary.setDate(new PdfDate(when));
      dictionary.setName(key.signerName());
      if (reason != null) dictionary.setReason(reason);
      sap.setCryptoDictionary(dictionary);
      Map<PdfName, Integer> exclusions = new HashMap<>();
      exclusions.put(PdfName.CONTENTS, reserved * 2 + 2);
      sap.preClose(exclusions);

      byte[] signedBytes;
      try (InputStream range = sap.getRangeStream()) {
        signedBytes = range.readAllBytes();
      }
      byte[] cms = cms(signedBytes);
      if (cms.length > reserved) {
        throw new IllegalStateException("signature of " + cms.length + " bytes exceeds the " + reserved + " reserved");
      }
      PdfDictionary contents = new PdfDictionary();
      contents.put(PdfName.CONTENTS, new PdfString(Arrays.copyOf(cms, reserved)).setHexWriting(true));
      sap.close(contents);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("signing a PDF: " + e.getMessage(), e);
    } catch (DocumentException e) {
      throw new IllegalStateException("signing a PDF: " + e.getMessage(), e);
    } finally {
      if (font != null) fonts.add(font);
    }
  }

  /** Detached CMS SignedData over {@code content}, time-stamped when a TSA is configured. */
  byte[] cms(byte[] content) {
    try {
      ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm).build(key.privateKey());
      JcaSignerInfoGeneratorBuilder info = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build());
      info.setSignedAttributeGenerator(signedAttributes());
      CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
      gen.addSignerInfoGenerator(info.build(signer, key.certificate()));
      gen.addCertificates(certStore);
      CMSSignedData signed = gen.generate(new CMSProcessableByteArray(content), false);
      if (tsa != null) signed = withTimestamp(signed);
      return signed.getEncoded(ASN1Encoding.DER);
    } catch (OperatorCreationException | CMSException | CertificateEncodingException e) {
      throw new IllegalStateException("building the CMS signature: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** PAdES signed attributes: no signing-time attribute (the time is the dictionary's /M). */
  private CMSAttributeTableGenerator signedAttributes() {
    return params -> {
      ASN1EncodableVector v = new ASN1EncodableVector();
      v.add(new Attribute(CMSAttributes.contentType,
          new DERSet((ASN1ObjectIdentifier) params.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
      v.add(new Attribute(CMSAttributes.messageDigest,
          new DERSet(new DEROctetString((byte[]) params.get(CMSAttributeTableGenerator.DIGEST)))));
      v.add(signingCertificate);
      return new AttributeTable(v);
    };
  }

  private CMSSignedData withTimestamp(CMSSignedData signed) throws IOException {
    SignerInformation si = signed.getSignerInfos().getSigners().iterator().next();
    byte[] token = tsa.timestamp(si.getSignature());
    ASN1EncodableVector unsigned = new ASN1EncodableVector();
    unsigned.add(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
        new DERSet(ASN1Primitive.fromByteArray(token))));
    SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(si, new AttributeTable(unsigned));
    return CMSSignedData.replaceSigners(signed, new SignerInformationStore(stamped));
  }

  private static Attribute signingCertificateV2(X509Certificate cert) throws CertificateEncodingException {
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    IssuerSerial issuerSerial = new IssuerSerial(
        new GeneralNames(new GeneralName(X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))),
        cert.getSerialNumber());
    ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), hash, issuerSerial);
    return new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
        new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id})));
  }

  /** Layer 2 of the appearance: covers the "（盖章）" placeholder with the signature's facts. */
  private void drawSeal(PdfTemplate t, float w, float h, BaseFont font, Instant signingTime) {
    t.saveState();
    t.setColorFill(Color.WHITE);
    t.rectangle(0, 0, w, h);
    t.fill();
    t.setColorStroke(SEAL_RED);
    t.setLineWidth(1.2f);
    t.roundRectangle(1.5f, 1.5f, w - 3, h - 3, 4);
    t.stroke();
    t.restoreState();
    String[] lines = {
        "数字签名" + (tsa == null ? "" : "（含可信时间戳）"),
        key.signerName(),
        "签名时间：" + TIME.format(signingTime) + "（北京时间）"};
    float[] sizes = {9f, 10.5f, 8f};
    float lineGap = h / (lines.length + 1);
    t.beginText();
    t.setColorFill(SEAL_RED);
    for (int i = 0; i < lines.length; i++) {
      float size = sizes[i];
      float width = font.getWidthPoint(lines[i], size);
      if (width > w - 8) size = size * (w - 8) / width; // a long signer name shrinks to the box
      t.setFontAndSize(font, size);
      t.showTextAligned(PdfContentByte.ALIGN_CENTER, lines[i], w / 2, h - lineGap * (i + 1) - size / 3, 0);
    }
    t.endText();
  }

  private BaseFont borrowFont() {
    BaseFont f = fonts.poll();
    if (f != null) return f;
    try {
      return BaseFont.createFont("wqy-microhei.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, fontBytes, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (DocumentException e) {
      throw new IllegalStateException("loading the signature font: " + e.getMessage(), e);
    }
  }
}
