package com.dispatch.quality.reports.sign;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;

/**
 * An RFC 3161 time-stamp authority over HTTP: posts a SHA-256 imprint as
 * {@code application/timestamp-query} and returns the DER time-stamp token, after checking that
 * the answer is granted and belongs to the request (imprint and nonce). One client serves many
 * threads (the JDK's {@link HttpClient} is thread-safe).
 */
public final class TimestampClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private final URI url;
  private final HttpClient http;
  private final SecureRandom nonces = new SecureRandom();

  public TimestampClient(URI url) {
    this.url = url;
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
  }

  public URI url() { return url; }

  /** The time-stamp token over {@code data} (the bytes stamped: a CMS signature value). */
  public byte[] timestamp(byte[] data) {
    byte[] imprint;
    try {
      imprint = MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    TimeStampRequestGenerator gen = new TimeStampRequestGenerator();
    gen.setCertReq(true);
    BigInteger nonce;
    synchronized (nonces) {
      nonce = new BigInteger(64, nonces);
    }
    TimeStampRequest request = gen.generate(NISTObjectIdentifiers.id_sha256, imprint, nonce);
    try {
      HttpRequest post = HttpRequest.newBuilder(url).timeout(TIMEOUT)
          .header("Content-Type", "application/timestamp-query")
          .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build();
      HttpResponse<byte[]> answer = http.send(post, HttpResponse.BodyHandlers.ofByteArray());
      if (answer.statusCode() != 200) {
        throw new IllegalStateException("time-stamp authority " + url + " answered HTTP " + answer.statusCode());
      }
      TimeStampResponse response = new TimeStampResponse(answer.body());
      response.validate(request);
      TimeStampToken token = response.getTimeStampToken();
      if (token == null) {
        throw new IllegalStateException("time-stamp authority " + url + " refused: " + response.getStatusString());
      }
      return token.getEncoded();
    } catch (TSPException e) {
      throw new IllegalStateException("time-stamp authority " + url + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("time-stamp authority " + url + " not reachable: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + url, e);
    }
  }
}
