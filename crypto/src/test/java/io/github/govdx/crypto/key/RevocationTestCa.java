package io.github.govdx.crypto.key;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import java.math.BigInteger;
import java.net.URI;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * A test CA that publishes a CRL and answers OCSP, in memory: it is its own {@link RevocationSource}, and can be
 * made unreachable, stale, or "unknown" to exercise each revocation policy.
 */
final class RevocationTestCa implements RevocationSource {

  static final URI CRL = URI.create("http://ca.govdx.test/crl/test.crl");
  static final URI OCSP = URI.create("http://ca.govdx.test/ocsp");
  private static final BouncyCastleProvider BC = new BouncyCastleProvider();

  final Suite suite;
  final KeyPair keys;
  final X509Certificate cert;
  private final Set<BigInteger> revoked = ConcurrentHashMap.newKeySet();
  private final Set<BigInteger> unknown = ConcurrentHashMap.newKeySet();
  volatile boolean reachable = true;
  volatile boolean stale;
  volatile int crlFetches;
  volatile int ocspQueries;

  RevocationTestCa(Suite suite) {
    this.suite = suite;
    keys = KeyPairs.generate(suite);
    Instant now = Instant.now();
    cert =
        Certificates.selfSignedCa(
            "govdx revocation test CA " + suite,
            keys,
            now.minus(Duration.ofDays(10)),
            now.plus(Duration.ofDays(3650)));
  }

  PartyCredentials issue(PartyId party, boolean withOcsp) {
    KeyPair kp = KeyPairs.generate(suite);
    CertificateProfile.Builder p = CertificateProfile.builder().crlDistributionPoint(CRL);
    if (withOcsp) {
      p.ocspResponder(OCSP);
    }
    Instant now = Instant.now();
    X509Certificate c =
        Certificates.issue(
            party,
            kp.getPublic(),
            cert,
            keys.getPrivate(),
            now.minus(Duration.ofDays(1)),
            now.plus(Duration.ofDays(365)),
            p.build());
    return PartyCredentials.builder()
        .partyId(party)
        .privateKey(kp.getPrivate())
        .certificateChain(List.of(c))
        .build();
  }

  void revoke(X509Certificate c) {
    revoked.add(c.getSerialNumber());
  }

  void makeUnknown(X509Certificate c) {
    unknown.add(c.getSerialNumber());
  }

  private ContentSigner signer() throws Exception {
    return new JcaContentSignerBuilder(suite == Suite.GM ? "SM3withSM2" : "SHA256withECDSA")
        .setProvider(BC)
        .build(keys.getPrivate());
  }

  @Override
  public Optional<byte[]> crl(X509Certificate issuer, List<URI> distributionPoints) {
    crlFetches++;
    if (!reachable || !distributionPoints.contains(CRL)) {
      return Optional.empty();
    }
    try {
      Instant now = Instant.now();
      Instant thisUpdate = stale ? now.minus(Duration.ofDays(3)) : now.minus(Duration.ofMinutes(1));
      Instant nextUpdate = stale ? now.minus(Duration.ofDays(1)) : now.plus(Duration.ofDays(1));
      X509v2CRLBuilder b =
          new X509v2CRLBuilder(
              new JcaX509CertificateHolder(cert).getSubject(), Date.from(thisUpdate));
      b.setNextUpdate(Date.from(nextUpdate));
      for (BigInteger serial : revoked) {
        b.addCRLEntry(serial, Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise);
      }
      X509CRLHolder crl = b.build(signer());
      return Optional.of(crl.getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public Optional<byte[]> ocsp(URI responder, byte[] request) {
    ocspQueries++;
    if (!reachable || !responder.equals(OCSP)) {
      return Optional.empty();
    }
    try {
      OCSPReq req = new OCSPReq(request);
      BasicOCSPRespBuilder b =
          new BasicOCSPRespBuilder(
              new RespID(
                  new JcaX509CertificateHolder(cert).getSubjectPublicKeyInfo(),
                  new JcaDigestCalculatorProviderBuilder()
                      .setProvider(BC)
                      .build()
                      .get(org.bouncycastle.cert.ocsp.CertificateID.HASH_SHA1)));
      Instant now = Instant.now();
      for (Req r : req.getRequestList()) {
        BigInteger serial = r.getCertID().getSerialNumber();
        CertificateStatus status =
            revoked.contains(serial)
                ? new RevokedStatus(
                    Date.from(now.minus(Duration.ofHours(1))), CRLReason.keyCompromise)
                : unknown.contains(serial) ? new UnknownStatus() : CertificateStatus.GOOD;
        b.addResponse(
            r.getCertID(),
            status,
            Date.from(now.minus(Duration.ofMinutes(1))),
            Date.from(stale ? now.minus(Duration.ofMinutes(30)) : now.plus(Duration.ofHours(1))));
      }
      OCSPResp resp =
          new OCSPRespBuilder()
              .build(OCSPRespBuilder.SUCCESSFUL, b.build(signer(), null, Date.from(now)));
      return Optional.of(resp.getEncoded());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  Map<String, Integer> counts() {
    return Map.of("crl", crlFetches, "ocsp", ocspQueries);
  }
}
