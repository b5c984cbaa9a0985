package io.github.govdx.testkit.internal;

import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.TimestampAuthority;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.RevocationSource;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/**
 * The test CA's services, on Bouncy Castle: a CRL of the certificates it revoked, OCSP answers (good, revoked, or
 * unknown for serials it was told to forget), and an RFC 3161 time-stamping authority (SM2-SM3, a TSA certificate
 * with critical extended key usage timeStamping). It is the in-process {@link RevocationSource} and
 * {@link TimestampAuthority} of the sandbox, and answers its {@code /pki/} HTTP endpoints. Thread-safe.
 */
public final class CaServices implements RevocationSource, TimestampAuthority {

  /** Where the test CA's certificates say its CRL is (the sandbox serves it at {@code /pki/crl}). */
  public static final URI CRL = URI.create("http://sandbox-ca.govdx.test/pki/crl");

  /** Where the test CA's certificates say its OCSP responder is ({@code /pki/ocsp}). */
  public static final URI OCSP = URI.create("http://sandbox-ca.govdx.test/pki/ocsp");

  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  private final Clock clock;
  private final X509Certificate ca;
  private final PrivateKey caKey;
  private final KeyPair tsaKeys;
  private final X509Certificate tsaCert;
  private final KeyPair es256TsaKeys;
  private final X509Certificate es256TsaCert;
  private volatile boolean staleCrl;
  private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
  private final Set<BigInteger> unknown = ConcurrentHashMap.newKeySet();
  private final AtomicLong serial = new AtomicLong(1);

  /**
   * The services of a CA.
   *
   * @param clock the clock for CRL, OCSP and time-stamp times
   * @param ca the CA certificate (SM2)
   * @param caKey the CA's key
   * @param notAfter the end of the TSA certificate
   */
  public CaServices(Clock clock, X509Certificate ca, PrivateKey caKey, Instant notAfter) {
    this.clock = clock;
    this.ca = ca;
    this.caKey = caKey;
    this.tsaKeys = KeyPairs.generate(Suite.GM);
    this.es256TsaKeys = KeyPairs.generate(Suite.INTL);
    this.tsaCert = tsaCertificate(tsaKeys, "govdx TEST TSA SM2-SM3 - not for production", notAfter);
    this.es256TsaCert =
        tsaCertificate(es256TsaKeys, "govdx TEST TSA ES256 - not for production", notAfter);
  }

  private X509Certificate tsaCertificate(KeyPair keys, String name, Instant notAfter) {
    try {
      JcaX509v3CertificateBuilder b =
          new JcaX509v3CertificateBuilder(
              new JcaX509CertificateHolder(ca).getSubject(),
              BigInteger.valueOf(serial.getAndIncrement() + clock.millis()),
              Date.from(clock.instant().minus(Duration.ofDays(1))),
              Date.from(notAfter),
              new X500Name("CN=" + name),
              keys.getPublic());
      b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
      b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
      b.addExtension(
          Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping));
      return new JcaX509CertificateConverter()
          .setProvider(BC)
          .getCertificate(b.build(signer(caKey)));
    } catch (Exception e) {
      throw new IllegalStateException("test TSA certificate", e);
    }
  }

  private static ContentSigner signer(PrivateKey key) throws Exception {
    boolean sm2 = KeyPairs.suiteOf(key).orElse(Suite.GM) == Suite.GM;
    return new JcaContentSignerBuilder(sm2 ? "SM3withSM2" : "SHA256withECDSA")
        .setProvider(BC)
        .build(key);
  }

  /**
   * Makes the CA publish a CRL whose {@code nextUpdate} has passed (to test the policies on stale revocation
   * information), or a fresh one again.
   *
   * @param stale whether the CRL is stale
   */
  public void staleCrl(boolean stale) {
    this.staleCrl = stale;
  }

  /**
   * Revokes a certificate from now on.
   *
   * @param certificate a certificate of this CA
   */
  public void revoke(X509Certificate certificate) {
    revoked.add(certificate.getSerialNumber());
  }

  /**
   * Makes OCSP answer "unknown" for a certificate.
   *
   * @param certificate a certificate of this CA
   */
  public void forget(X509Certificate certificate) {
    unknown.add(certificate.getSerialNumber());
  }

  /** @return the TSA's certificate */
  public X509Certificate tsaCertificate() {
    return tsaCert;
  }

  /**
   * The current CRL, valid for a day.
   *
   * @return the DER CRL
   */
  public byte[] crl() {
    try {
      Instant now = clock.instant();
      Instant thisUpdate = staleCrl ? now.minus(Duration.ofDays(3)) : now.minusSeconds(60);
      X509v2CRLBuilder b =
          new X509v2CRLBuilder(
              new JcaX509CertificateHolder(ca).getSubject(), Date.from(thisUpdate));
      b.setNextUpdate(
          Date.from(staleCrl ? now.minus(Duration.ofDays(1)) : now.plus(Duration.ofDays(1))));
      for (BigInteger s : revoked) {
        b.addCRLEntry(s, Date.from(now.minusSeconds(60)), CRLReason.keyCompromise);
      }
      return b.build(signer(caKey)).getEncoded();
    } catch (Exception e) {
      throw new IllegalStateException("test CRL", e);
    }
  }

  /**
   * Answers an OCSP request (RFC 6960), signed by the CA.
   *
   * @param request the DER request
   * @return the DER response
   */
  public byte[] ocsp(byte[] request) {
    try {
      OCSPReq req = new OCSPReq(request);
      BasicOCSPRespBuilder b =
          new BasicOCSPRespBuilder(
              new RespID(
                  new JcaX509CertificateHolder(ca).getSubjectPublicKeyInfo(),
                  new JcaDigestCalculatorProviderBuilder()
                      .setProvider(BC)
                      .build()
                      .get(CertificateID.HASH_SHA1)));
      Instant now = clock.instant();
      for (Req r : req.getRequestList()) {
        BigInteger s = r.getCertID().getSerialNumber();
        CertificateStatus status =
            revoked.contains(s)
                ? new RevokedStatus(Date.from(now.minusSeconds(60)), CRLReason.keyCompromise)
                : unknown.contains(s) ? new UnknownStatus() : CertificateStatus.GOOD;
        b.addResponse(
            r.getCertID(),
            status,
            Date.from(now.minusSeconds(60)),
            Date.from(now.plus(Duration.ofMinutes(10))));
      }
      return new OCSPRespBuilder()
          .build(OCSPRespBuilder.SUCCESSFUL, b.build(signer(caKey), null, Date.from(now)))
          .getEncoded();
    } catch (Exception e) {
      throw new IllegalArgumentException("not an OCSP request", e);
    }
  }

  @Override
  public byte[] respond(byte[] timeStampQuery) {
    return timestamp(timeStampQuery, tsaKeys, tsaCert);
  }

  /**
   * The ES256 time-stamping authority (P-256 key, certificate issued by this CA).
   *
   * @return the authority
   */
  public TimestampAuthority es256() {
    return q -> timestamp(q, es256TsaKeys, es256TsaCert);
  }

  private byte[] timestamp(byte[] timeStampQuery, KeyPair keys, X509Certificate cert) {
    try {
      TimeStampRequest req = new TimeStampRequest(timeStampQuery);
      TimeStampTokenGenerator g =
          new TimeStampTokenGenerator(
              new JcaSignerInfoGeneratorBuilder(
                      new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
                  .build(signer(keys.getPrivate()), cert),
              new JcaDigestCalculatorProviderBuilder()
                  .setProvider(BC)
                  .build()
                  .get(new AlgorithmIdentifier(GMObjectIdentifiers.sm3)),
              new ASN1ObjectIdentifier("1.2.156.10197.1.999.1"));
      g.addCertificates(new JcaCertStore(List.of(cert)));
      return new TimeStampResponseGenerator(
              g, Set.of(TSPAlgorithms.SHA256, GMObjectIdentifiers.sm3))
          .generate(req, BigInteger.valueOf(serial.getAndIncrement()), Date.from(clock.instant()))
          .getEncoded();
    } catch (Exception e) {
      throw new IllegalArgumentException("not a time-stamp request", e);
    }
  }

  @Override
  public Optional<byte[]> crl(X509Certificate issuer, List<URI> distributionPoints) {
    return issuer.equals(ca) ? Optional.of(crl()) : Optional.empty();
  }

  @Override
  public Optional<byte[]> ocsp(URI responder, byte[] request) {
    return OCSP.equals(responder) ? Optional.of(ocsp(request)) : Optional.empty();
  }
}
