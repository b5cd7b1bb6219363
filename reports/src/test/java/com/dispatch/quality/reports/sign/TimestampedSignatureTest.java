package com.dispatch.quality.reports.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 13 item 2, optional time-stamp: with {@code --sign-tsa-url} the CMS carries an RFC 3161
 * signature time-stamp over its own signature value (PAdES B-T). The authority is a real one
 * on a loopback port: Bouncy Castle's time-stamp generator behind the JDK's HTTP server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimestampedSignatureTest {
  private HttpServer server;
  private TestKeys.Issued tsaKey;
  private URI tsaUrl;
  private URI brokenUrl;
  private SigningKey key;
  private byte[] pdf;

  @BeforeAll
  void startAuthority() throws Exception {
    tsaKey = TestKeys.selfSigned("CN=Loopback Test TSA,O=test", true);
    TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(
        new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withRSA", tsaKey.keys().getPrivate(), tsaKey.cert()),
        new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
        new ASN1ObjectIdentifier("1.2.3.4.1"));
    tokens.addCertificates(new JcaCertStore(List.of(tsaKey.cert())));
    TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
    AtomicLong serial = new AtomicLong(1);
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/tsa", exchange -> {
      try {
        TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
        byte[] answer;
        synchronized (responses) {
          answer = responses.generate(request, BigInteger.valueOf(serial.getAndIncrement()), new Date()).getEncoded();
        }
        exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(answer);
        }
      } catch (Exception e) {
        exchange.sendResponseHeaders(500, -1);
      }
    });
    server.createContext("/down", exchange -> exchange.sendResponseHeaders(503, -1));
    server.start();
    tsaUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/tsa");
    brokenUrl = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/down");
    TestKeys.Issued company = TestKeys.selfSigned("CN=Huaxin Quality Seal,O=Huaxin,C=CN");
    key = SigningKey.of(company.keys().getPrivate(), company.cert());
    pdf = onePagePdf();
  }

  @AfterAll
  void stop() {
    if (server != null) server.stop(0);
  }

  @Test
  void signatureCarriesATimestampOverItsOwnSignatureValue() throws Exception {
    PdfSigner signer = new PdfSigner(key, new TimestampClient(tsaUrl), "test");
    Instant before = Instant.now().minusSeconds(1);
    byte[] signed = signer.sign(pdf, new PdfSigner.Seal(1, 300, 100, 500, 156), Instant.now());
    try (PDDocument doc = Loader.loadPDF(signed)) {
      PDSignature sig = doc.getSignatureDictionaries().get(0);
      CMSSignedData cms = new CMSSignedData(sig.getContents(signed));
      SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
      Attribute attr = si.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
      assertNotNull(attr, "signature time-stamp attribute");
      TimeStampToken token = new TimeStampToken(ContentInfo.getInstance(attr.getAttrValues().getObjectAt(0)));
      assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(si.getSignature()),
          token.getTimeStampInfo().getMessageImprintDigest(), "the token stamps this signature's value");
      token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsaKey.cert()));
      Instant genTime = token.getTimeStampInfo().getGenTime().toInstant();
      assertTrue(!genTime.isBefore(before) && genTime.isBefore(Instant.now().plus(Duration.ofSeconds(5))), genTime.toString());
      assertTrue(SignedVerifier.verifies(sig, signed), "the time-stamp leaves the signature itself valid");
    }
    assertTrue(signer.timestamps());
  }

  @Test
  void unreachableAuthorityFailsTheSigningRatherThanSigningWithoutTimestamp() {
    PdfSigner signer = new PdfSigner(key, new TimestampClient(brokenUrl), "test");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> signer.sign(pdf, null, Instant.now()));
    assertTrue(e.getMessage().contains(brokenUrl.toString()) && e.getMessage().contains("503"), e.getMessage());
  }

  @Test
  void withoutAuthorityThereIsNoTimestamp() throws Exception {
    byte[] signed = new PdfSigner(key, null, "test").sign(pdf, null, Instant.now());
    try (PDDocument doc = Loader.loadPDF(signed)) {
      CMSSignedData cms = new CMSSignedData(doc.getSignatureDictionaries().get(0).getContents(signed));
      assertEquals(null, cms.getSignerInfos().getSigners().iterator().next().getUnsignedAttributes());
    }
  }

  private static byte[] onePagePdf() throws Exception {
    try (PDDocument doc = new PDDocument()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
        cs.beginText();
        cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
        cs.newLineAtOffset(72, 700);
        cs.showText("time-stamp test");
        cs.endText();
      }
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
      doc.save(out);
      return out.toByteArray();
    }
  }
}
