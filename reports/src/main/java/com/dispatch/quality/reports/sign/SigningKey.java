package com.dispatch.quality.reports.sign;

import com.dispatch.quality.reports.ReportRenderer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * The company's signing key: the private key and certificate chain of one alias of a PKCS#12
 * keystore, with the two facts the manifest records about it, the signer's name (the
 * certificate subject's CN, else the whole subject) and the SHA-256 fingerprint of the
 * certificate (lower-case hex of its DER bytes, as {@code sha256sum} and {@code keytool} show it
 * without colons).
 *
 * <p>The password is a {@code char[]} handed in by the caller (the CLI reads it from the
 * environment); it is used to open the store and the key and is never kept or printed.
 */
public final class SigningKey {
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final String signerName;
  private final String certSha256;

  private SigningKey(PrivateKey privateKey, List<X509Certificate> chain) {
    this.privateKey = privateKey;
    this.chain = List.copyOf(chain);
    this.signerName = commonName(chain.get(0));
    this.certSha256 = fingerprint(chain.get(0));
  }

  /**
   * Opens {@code alias} of the PKCS#12 file. Fails with a message naming the file and alias
   * (never the password) when the file is missing, the password is wrong, the alias is absent
   * or holds no private key.
   */
  public static SigningKey load(Path keystore, String alias, char[] password) {
    if (!Files.isRegularFile(keystore)) throw new IllegalArgumentException("signing keystore not found: " + keystore);
    KeyStore ks;
    try (InputStream in = Files.newInputStream(keystore)) {
      ks = KeyStore.getInstance("PKCS12");
      ks.load(in, password);
    } catch (IOException e) {
      // PKCS#12 reports a wrong password as an IOException whose cause is UnrecoverableKeyException.
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new IllegalArgumentException("signing keystore " + keystore + ": wrong password (QUALITY_SIGN_PASSWORD)");
      }
      throw new IllegalArgumentException("signing keystore " + keystore + " is not a readable PKCS#12 file: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("signing keystore " + keystore + ": " + e.getMessage(), e);
    }
    try {
      if (!ks.containsAlias(alias)) {
        throw new IllegalArgumentException("signing keystore " + keystore + " has no alias '" + alias + "' (it has "
            + Collections.list(ks.aliases()) + ")");
      }
      Key key = ks.getKey(alias, password);
      if (!(key instanceof PrivateKey pk)) {
        throw new IllegalArgumentException("alias '" + alias + "' of " + keystore + " holds no private key");
      }
      Certificate[] certs = ks.getCertificateChain(alias);
      if (certs == null || certs.length == 0) {
        throw new IllegalArgumentException("alias '" + alias + "' of " + keystore + " has no certificate chain");
      }
      List<X509Certificate> chain = new ArrayList<>();
      for (Certificate c : certs) chain.add((X509Certificate) c);
      return new SigningKey(pk, chain);
    } catch (UnrecoverableKeyException e) {
      throw new IllegalArgumentException("signing key '" + alias + "' of " + keystore + ": wrong password (QUALITY_SIGN_PASSWORD)");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("signing key '" + alias + "' of " + keystore + ": " + e.getMessage(), e);
    }
  }

  /** A key and chain already in memory (tests, other key stores). */
  public static SigningKey of(PrivateKey privateKey, X509Certificate... chain) {
    if (chain.length == 0) throw new IllegalArgumentException("a signing key needs its certificate");
    return new SigningKey(privateKey, Arrays.asList(chain));
  }

  PrivateKey privateKey() { return privateKey; }

  /** The signer's certificate first, then its issuers as the keystore holds them. */
  public List<X509Certificate> chain() { return chain; }

  public X509Certificate certificate() { return chain.get(0); }

  /** The certificate subject's CN (the name a PDF viewer shows), else the subject DN. */
  public String signerName() { return signerName; }

  /** SHA-256 of the signer certificate's DER encoding, lower-case hex. */
  public String certSha256() { return certSha256; }

  static String fingerprint(X509Certificate cert) {
    try {
      return ReportRenderer.sha256(cert.getEncoded());
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String commonName(X509Certificate cert) {
    X500Name subject = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
    RDN[] cn = subject.getRDNs(BCStyle.CN);
    if (cn.length > 0) {
      ASN1Encodable value = cn[0].getFirst().getValue();
      return value instanceof ASN1String str ? str.getString() : value.toString();
    }
    return cert.getSubjectX500Principal().getName();
  }
}
