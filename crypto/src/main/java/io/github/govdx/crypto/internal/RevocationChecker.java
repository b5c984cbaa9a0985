package io.github.govdx.crypto.internal;

import io.github.govdx.crypto.CertificateRejectedException;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.key.RevocationPolicy;
import io.github.govdx.crypto.key.RevocationSource;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each certificate of a validated path against revocation information (RFC 5280 CRLs, RFC 6960 OCSP) from a
 * {@link RevocationSource}, on Bouncy Castle: OCSP first when the certificate names a responder, then the CRL. Every
 * CRL and response is verified (signature by the issuer, or for OCSP by a delegated signer the issuer certified for
 * OCSP signing; matching issuer and serial; times). CRLs are cached until their {@code nextUpdate}, OCSP answers
 * until theirs (5 minutes when they give none). Thread-safe.
 */
public final class RevocationChecker {

  private static final Logger LOG = LoggerFactory.getLogger(RevocationChecker.class);
  private static final Duration OCSP_DEFAULT_TTL = Duration.ofMinutes(5);
  private static final Duration SKEW = Duration.ofMinutes(5);
  private static final int MAX_CACHE = 4096;

  private enum Status {
    GOOD,
    REVOKED,
    UNKNOWN,
    STALE,
    UNAVAILABLE
  }

  private record Cached(Status status, Instant until) {}

  private record CachedCrl(X509CRL crl, Instant nextUpdate) {}

  private final RevocationPolicy policy;
  private final RevocationSource source;
  private final Map<String, CachedCrl> crls = new ConcurrentHashMap<>();
  private final Map<String, Cached> ocsp = new ConcurrentHashMap<>();

  /**
   * A checker.
   *
   * @param policy soft or hard fail (never OFF here)
   * @param source where CRLs and OCSP answers come from
   */
  public RevocationChecker(RevocationPolicy policy, RevocationSource source) {
    this.policy = Objects.requireNonNull(policy, "policy == null");
    this.source = Objects.requireNonNull(source, "source == null");
  }

  /** @return the policy */
  public RevocationPolicy policy() {
    return policy;
  }

  /**
   * Checks every certificate of a path.
   *
   * @param path the path, leaf first, without the anchor
   * @param anchor the trust anchor that issued the last certificate of the path
   * @param at the instant of validation
   * @throws CertificateRejectedException {@code GDX-2208} if one is revoked; under hard fail {@code GDX-2209},
   *     {@code GDX-2210} or {@code GDX-2211} when a status cannot be established
   */
  public void check(List<X509Certificate> path, X509Certificate anchor, Instant at) {
    for (int i = 0; i < path.size(); i++) {
      X509Certificate cert = path.get(i);
      X509Certificate issuer = i + 1 < path.size() ? path.get(i + 1) : anchor;
      Status s = status(cert, issuer, at);
      switch (s) {
        case GOOD:
          break;
        case REVOKED:
          throw new CertificateRejectedException(
              CryptoErrorCode.CERTIFICATE_REVOKED,
              "certificate " + cert.getSerialNumber().toString(16) + " was revoked by its CA");
        default:
          fail(s, cert);
      }
    }
  }

  private void fail(Status s, X509Certificate cert) {
    CryptoErrorCode code =
        s == Status.UNKNOWN
            ? CryptoErrorCode.REVOCATION_STATUS_UNKNOWN
            : s == Status.STALE
                ? CryptoErrorCode.REVOCATION_INFO_STALE
                : CryptoErrorCode.REVOCATION_INFO_UNAVAILABLE;
    String serial = cert.getSerialNumber().toString(16);
    if (policy == RevocationPolicy.HARD_FAIL) {
      throw new CertificateRejectedException(
          code, "revocation status of certificate " + serial + " not established: " + code.title());
    }
    LOG.warn(
        "soft-fail revocation: accepting certificate {} although {} ({})",
        serial,
        code.title(),
        code.code());
  }

  private Status status(X509Certificate cert, X509Certificate issuer, Instant at) {
    Optional<URI> responder = ocspResponder(cert);
    if (responder.isPresent()) {
      Status s = viaOcsp(cert, issuer, responder.get(), at);
      if (s != Status.UNAVAILABLE) {
        return s;
      }
    }
    return viaCrl(cert, issuer, at);
  }

  // ------------------------------------------------------------------------------------- OCSP

  private Status viaOcsp(X509Certificate cert, X509Certificate issuer, URI responder, Instant at) {
    String key = issuer.getSubjectX500Principal().getName() + "#" + cert.getSerialNumber();
    Cached c = ocsp.get(key);
    if (c != null && at.isBefore(c.until())) {
      return c.status();
    }
    try {
      CertificateID id =
          new CertificateID(
              new JcaDigestCalculatorProviderBuilder()
                  .setProvider(Bc.PROVIDER)
                  .build()
                  .get(CertificateID.HASH_SHA1),
              new JcaX509CertificateHolder(issuer),
              cert.getSerialNumber());
      byte[] request = new OCSPReqBuilder().addRequest(id).build().getEncoded();
      Optional<byte[]> answer = source.ocsp(responder, request);
      if (answer.isEmpty()) {
        return Status.UNAVAILABLE;
      }
      OCSPResp resp = new OCSPResp(answer.get());
      if (resp.getStatus() != OCSPResp.SUCCESSFUL
          || !(resp.getResponseObject() instanceof BasicOCSPResp)) {
        return Status.UNAVAILABLE;
      }
      BasicOCSPResp basic = (BasicOCSPResp) resp.getResponseObject();
      if (!signedByIssuerOrDelegate(basic, issuer, at)) {
        LOG.debug("OCSP response not signed by the issuer or its delegate");
        return Status.UNAVAILABLE;
      }
      for (SingleResp single : basic.getResponses()) {
        if (!single.getCertID().equals(id)) {
          continue;
        }
        Instant thisUpdate = single.getThisUpdate().toInstant();
        Instant nextUpdate =
            single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
        if (thisUpdate.isAfter(at.plus(SKEW))) {
          return Status.UNAVAILABLE;
        }
        Status s;
        CertificateStatus cs = single.getCertStatus();
        if (cs == CertificateStatus.GOOD) {
          s = Status.GOOD;
        } else if (cs instanceof RevokedStatus) {
          s = Status.REVOKED;
        } else if (cs instanceof UnknownStatus) {
          s = Status.UNKNOWN;
        } else {
          s = Status.UNAVAILABLE;
        }
        if (s != Status.REVOKED && nextUpdate != null && nextUpdate.isBefore(at)) {
          return Status.STALE;
        }
        remember(
            ocsp, key, new Cached(s, nextUpdate != null ? nextUpdate : at.plus(OCSP_DEFAULT_TTL)));
        return s;
      }
      return Status.UNAVAILABLE;
    } catch (Exception e) {
      LOG.debug("OCSP check failed: {}", e.getClass().getName());
      return Status.UNAVAILABLE;
    }
  }

  private static boolean signedByIssuerOrDelegate(
      BasicOCSPResp basic, X509Certificate issuer, Instant at) throws Exception {
    JcaContentVerifierProviderBuilder verifiers =
        new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER);
    if (basic.isSignatureValid(verifiers.build(issuer.getPublicKey()))) {
      return true;
    }
    for (X509CertificateHolder h : basic.getCerts()) {
      X509Certificate delegate =
          new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(h);
      List<String> eku = delegate.getExtendedKeyUsage();
      if (eku == null || !eku.contains(KeyPurposeId.id_kp_OCSPSigning.getId())) {
        continue;
      }
      try {
        delegate.verify(issuer.getPublicKey(), Bc.PROVIDER);
        delegate.checkValidity(java.util.Date.from(at));
      } catch (GeneralSecurityException e) {
        continue;
      }
      if (basic.isSignatureValid(verifiers.build(delegate.getPublicKey()))) {
        return true;
      }
    }
    return false;
  }

  // -------------------------------------------------------------------------------------- CRL

  private Status viaCrl(X509Certificate cert, X509Certificate issuer, Instant at) {
    String key = issuer.getSubjectX500Principal().getName() + "#" + issuer.getSerialNumber();
    CachedCrl cached = crls.get(key);
    if (cached == null || cached.nextUpdate().isBefore(at)) {
      CachedCrl fresh = fetchCrl(cert, issuer, at);
      if (fresh != null) {
        remember(crls, key, fresh);
        cached = fresh;
      }
    }
    if (cached == null) {
      return Status.UNAVAILABLE;
    }
    X509CRLEntry entry = cached.crl().getRevokedCertificate(cert.getSerialNumber());
    if (entry != null && !entry.getRevocationDate().toInstant().isAfter(at)) {
      return Status.REVOKED;
    }
    return cached.nextUpdate().isBefore(at) ? Status.STALE : Status.GOOD;
  }

  private @Nullable CachedCrl fetchCrl(X509Certificate cert, X509Certificate issuer, Instant at) {
    Optional<byte[]> bytes;
    try {
      bytes = source.crl(issuer, crlDistributionPoints(cert));
    } catch (RuntimeException e) {
      LOG.debug("CRL source failed: {}", e.getClass().getName());
      return null;
    }
    if (bytes.isEmpty()) {
      return null;
    }
    try {
      X509CRL crl =
          (X509CRL)
              CertificateFactory.getInstance("X.509", Bc.PROVIDER)
                  .generateCRL(new ByteArrayInputStream(bytes.get()));
      if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
        return null;
      }
      crl.verify(issuer.getPublicKey(), Bc.PROVIDER);
      if (crl.getThisUpdate().toInstant().isAfter(at.plus(SKEW))) {
        return null;
      }
      Instant next =
          crl.getNextUpdate() == null ? at.plus(OCSP_DEFAULT_TTL) : crl.getNextUpdate().toInstant();
      return new CachedCrl(crl, next);
    } catch (GeneralSecurityException | RuntimeException e) {
      LOG.debug("CRL rejected: {}", e.getClass().getName());
      return null;
    }
  }

  private static <V> void remember(Map<String, V> cache, String key, V value) {
    if (cache.size() >= MAX_CACHE) {
      cache.clear();
    }
    cache.put(key, value);
  }

  private static List<URI> crlDistributionPoints(X509Certificate cert) {
    List<URI> out = new ArrayList<>();
    byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
    if (ext == null) {
      return out;
    }
    try {
      CRLDistPoint dps = CRLDistPoint.getInstance(ASN1OctetString.getInstance(ext).getOctets());
      for (DistributionPoint dp : dps.getDistributionPoints()) {
        DistributionPointName name = dp.getDistributionPoint();
        if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
          for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
            if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
              out.add(URI.create(g.getName().toString()));
            }
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("unreadable CRL distribution points");
    }
    return out;
  }

  private static Optional<URI> ocspResponder(X509Certificate cert) {
    byte[] ext = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
    if (ext == null) {
      return Optional.empty();
    }
    try {
      AuthorityInformationAccess aia =
          AuthorityInformationAccess.getInstance(ASN1OctetString.getInstance(ext).getOctets());
      for (AccessDescription d : aia.getAccessDescriptions()) {
        if (d.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
            && d.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
          return Optional.of(URI.create(d.getAccessLocation().getName().toString()));
        }
      }
    } catch (RuntimeException e) {
      LOG.debug("unreadable authority information access");
    }
    return Optional.empty();
  }
}
