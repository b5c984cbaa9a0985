package io.github.govdx.crypto.evidence;

import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.internal.Bc;
import io.github.govdx.crypto.internal.Hex;
import io.github.govdx.crypto.key.TrustStore;
import java.io.IOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.jspecify.annotations.Nullable;

/**
 * An RFC 3161 time-stamp token (时间戳) over some bytes: proof, from a time-stamping authority rather than the
 * sender's own clock, that the bytes existed at the token's time. govdx time-stamps the signature of a
 * {@link Receipt} ({@link Receipt#withTimestamp(TimestampToken)}), so the receipt can be relied on after the
 * receiver's certificate has expired. The imprint is SHA-256 for INTL and SM3 (GB/T 32905) for GM.
 *
 * <p>{@link #verify(byte[], TrustStore)} works offline: the token carries the TSA's certificate
 * ({@code certReq}), whose chain is validated against the given anchors at the token's time, whose extended key
 * usage must be {@code timeStamping}, and whose signature over the token and imprint of the bytes are checked.
 *
 * <p>Immutable and thread-safe.
 */
public final class TimestampToken {

  private static final int MAX_BYTES = 64 * 1024;

  private final byte[] der;
  private final TimeStampToken token;

  private TimestampToken(byte[] der, TimeStampToken token) {
    this.der = der;
    this.token = token;
  }

  /**
   * Asks a TSA to time-stamp some bytes, and checks its answer (status granted, the same imprint, our nonce).
   *
   * @param tsa the authority
   * @param data the bytes to time-stamp (their digest is sent, never the bytes)
   * @param suite GM imprints with SM3, INTL with SHA-256
   * @return the token
   * @throws EvidenceException {@code GDX-2504} if the TSA fails or answers something else
   */
  public static TimestampToken request(TimestampAuthority tsa, byte[] data, Suite suite) {
    Objects.requireNonNull(tsa, "tsa == null");
    Objects.requireNonNull(data, "data == null");
    Objects.requireNonNull(suite, "suite == null");
    TimeStampRequestGenerator g = new TimeStampRequestGenerator();
    g.setCertReq(true);
    TimeStampRequest req =
        g.generate(imprintAlgorithm(suite), digest(suite, data), new BigInteger(64, Bc.random()));
    byte[] answer;
    try {
      answer = tsa.respond(req.getEncoded());
    } catch (IOException | RuntimeException e) {
      throw new EvidenceException(
          CryptoErrorCode.TIMESTAMP_INVALID,
          "the time-stamping authority failed (" + e.getClass().getSimpleName() + ")",
          e);
    }
    try {
      if (answer == null || answer.length > MAX_BYTES) {
        throw new EvidenceException(
            CryptoErrorCode.TIMESTAMP_INVALID, "time-stamp response missing or too large", null);
      }
      TimeStampResponse resp = new TimeStampResponse(answer);
      resp.validate(req);
      if (resp.getTimeStampToken() == null) {
        throw new EvidenceException(
            CryptoErrorCode.TIMESTAMP_INVALID,
            "time-stamp refused: " + resp.getStatusString(),
            null);
      }
      return parse(resp.getTimeStampToken().getEncoded());
    } catch (TSPException | IOException | RuntimeException e) {
      if (e instanceof EvidenceException) {
        throw (EvidenceException) e;
      }
      throw new EvidenceException(
          CryptoErrorCode.TIMESTAMP_INVALID, "time-stamp response does not match the request", e);
    }
  }

  /**
   * Reads a token (structure only; use {@link #verify}).
   *
   * @param der the DER {@code TimeStampToken} (a CMS SignedData)
   * @return the token
   * @throws EvidenceException {@code GDX-2504} if malformed
   */
  public static TimestampToken parse(byte[] der) {
    Objects.requireNonNull(der, "der == null");
    if (der.length > MAX_BYTES) {
      throw new EvidenceException(
          CryptoErrorCode.TIMESTAMP_INVALID, "time-stamp token too large", null);
    }
    try {
      return new TimestampToken(
          der.clone(), new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(der)));
    } catch (Exception e) {
      throw new EvidenceException(
          CryptoErrorCode.TIMESTAMP_INVALID, "malformed time-stamp token", e);
    }
  }

  /**
   * Verifies the token offline for some bytes.
   *
   * @param data the bytes that were time-stamped
   * @param tsaTrust the anchors of the TSA's certificate
   * @return the token's time ({@code genTime})
   * @throws EvidenceException {@code GDX-2504} if the imprint, the TSA's certificate or its signature does not
   *     verify
   */
  public Instant verify(byte[] data, TrustStore tsaTrust) {
    Objects.requireNonNull(data, "data == null");
    Objects.requireNonNull(tsaTrust, "tsaTrust == null");
    ASN1ObjectIdentifier alg = token.getTimeStampInfo().getMessageImprintAlgOID();
    Suite suite =
        alg.equals(GMObjectIdentifiers.sm3)
            ? Suite.GM
            : alg.equals(NISTObjectIdentifiers.id_sha256) ? Suite.INTL : null;
    if (suite == null) {
      throw new EvidenceException(
          CryptoErrorCode.TIMESTAMP_INVALID,
          "time-stamp imprint algorithm not allowed: " + alg,
          null);
    }
    if (!MessageDigest.isEqual(
        digest(suite, data), token.getTimeStampInfo().getMessageImprintDigest())) {
      throw new EvidenceException(
          CryptoErrorCode.TIMESTAMP_INVALID, "time-stamp imprint is not of these bytes", null);
    }
    Instant at = token.getTimeStampInfo().getGenTime().toInstant();
    List<X509Certificate> chain = tsaChain();
    if (chain.isEmpty()) {
      throw new EvidenceException(
          CryptoErrorCode.TIMESTAMP_INVALID, "time-stamp token carries no TSA certificate", null);
    }
    try {
      tsaTrust.validate(chain, at);
      token.validate(
          new JcaSimpleSignerInfoVerifierBuilder().setProvider(Bc.PROVIDER).build(chain.get(0)));
    } catch (Exception e) {
      throw new EvidenceException(
          CryptoErrorCode.TIMESTAMP_INVALID, "time-stamp token does not verify", e);
    }
    return at;
  }

  private List<X509Certificate> tsaChain() {
    try {
      Collection<X509CertificateHolder> signer = token.getCertificates().getMatches(token.getSID());
      List<X509Certificate> out = new ArrayList<>();
      JcaX509CertificateConverter conv = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER);
      for (X509CertificateHolder h : signer) {
        out.add(conv.getCertificate(h));
      }
      for (X509CertificateHolder h : token.getCertificates().getMatches(null)) {
        X509Certificate c = conv.getCertificate(h);
        if (!out.contains(c)) {
          out.add(c);
        }
      }
      return out;
    } catch (Exception e) {
      return List.of();
    }
  }

  /** @return the token's time, as the TSA states it (unverified until {@link #verify}) */
  public Instant time() {
    return token.getTimeStampInfo().getGenTime().toInstant();
  }

  /** @return the DER token */
  public byte[] toBytes() {
    return der.clone();
  }

  private static ASN1ObjectIdentifier imprintAlgorithm(Suite suite) {
    return suite == Suite.GM ? GMObjectIdentifiers.sm3 : NISTObjectIdentifiers.id_sha256;
  }

  private static byte[] digest(Suite suite, byte[] data) {
    return suite == Suite.GM ? Hex.sm3(data) : Hex.sha256(data);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof TimestampToken && Arrays.equals(der, ((TimestampToken) o).der);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(der);
  }

  @Override
  public String toString() {
    return "TimestampToken{time=" + time() + "}";
  }
}
