package io.github.govdx.crypto.key;

import io.github.govdx.crypto.CertificateRejectedException;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.internal.Bc;
import io.github.govdx.crypto.internal.Hex;
import io.github.govdx.crypto.internal.RevocationChecker;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXCertPathValidatorResult;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The trust anchors of a party and certificate chain validation against them (RFC 5280 path validation by
 * the Bouncy Castle PKIX validator, passed explicitly as a provider instance, so SM2/SM3 chains validate
 * like P-256 ones). Revocation is not checked (no CRL/OCSP in this version; see {@code docs/security.md}).
 *
 * <p>A chain is leaf first. A leaf that is itself an anchor (a pinned self-signed certificate) is trusted
 * as is. Every certificate on the path, and the anchor, must be valid at the given instant: an expired one
 * raises {@code GDX-2202}, a not-yet-valid one {@code GDX-2203}, any other failure {@code GDX-2201}.
 *
 * <p>Successful path validations are cached (bounded, 1024 chains) so that repeated messages from the same
 * signer cost no extra signature verifications; validity times are re-checked on every call.
 *
 * <p>Immutable (apart from the cache) and thread-safe.
 */
public final class TrustStore {

  private static final Logger LOG = LoggerFactory.getLogger(TrustStore.class);
  private static final int CACHE_SIZE = 1024;

  private final Anchors source;
  private final Set<String> anchorDigests;
  private final Map<String, Instant[]> cache =
      Collections.synchronizedMap(
          new LinkedHashMap<String, Instant[]>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Instant[]> eldest) {
              return size() > CACHE_SIZE;
            }
          });

  private final @Nullable RevocationChecker revocation;

  /**
   * Marks a critical extended key usage as handled during path validation: RFC 3161 requires it critical on a
   * TSA's certificate, and govdx checks the usages it relies on itself (keyUsage of party certificates,
   * {@code timeStamping} of TSA certificates in {@code TimestampToken}).
   */
  private static final java.security.cert.PKIXCertPathChecker EKU_HANDLED =
      new java.security.cert.PKIXCertPathChecker() {
        @Override
        public void init(boolean forward) {}

        @Override
        public boolean isForwardCheckingSupported() {
          return true;
        }

        @Override
        public Set<String> getSupportedExtensions() {
          return Set.of(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage.getId());
        }

        @Override
        public void check(
            java.security.cert.Certificate cert, java.util.Collection<String> unresolved) {
          unresolved.remove(org.bouncycastle.asn1.x509.Extension.extendedKeyUsage.getId());
        }
      };

  /**
   * The anchors as JCA certificates and PKIX trust anchors, made once: at once by {@link #of}, on the first
   * validation by {@link #load} (so loading anchors at start-up does not build the JCA provider).
   */
  private static final class Anchors {
    private @Nullable List<byte[]> ders;
    private volatile @Nullable List<X509Certificate> certificates;
    private @Nullable Set<TrustAnchor> trustAnchors;

    Anchors(List<X509Certificate> certificates) {
      set(certificates);
    }

    private Anchors() {}

    /** Anchors whose JCA certificates are made from these DER certificates when first needed. */
    static Anchors deferred(List<byte[]> ders) {
      Anchors a = new Anchors();
      a.ders = ders;
      return a;
    }

    private void set(List<X509Certificate> list) {
      Set<TrustAnchor> ta = new HashSet<>();
      for (X509Certificate a : list) {
        ta.add(new TrustAnchor(a, null));
      }
      this.trustAnchors = Set.copyOf(ta);
      this.certificates = list;
    }

    List<X509Certificate> certificates() {
      List<X509Certificate> c = certificates;
      if (c == null) {
        synchronized (this) {
          if (certificates == null) {
            List<X509Certificate> parsed = new ArrayList<>();
            for (byte[] der : Objects.requireNonNull(ders)) {
              parsed.add(Certificates.parse(der));
            }
            set(List.copyOf(parsed));
            ders = null;
          }
          c = Objects.requireNonNull(certificates);
        }
      }
      return c;
    }

    Set<TrustAnchor> trustAnchors() {
      certificates();
      synchronized (this) {
        return Objects.requireNonNull(trustAnchors);
      }
    }
  }

  private TrustStore(Anchors source, Set<String> digests, @Nullable RevocationChecker revocation) {
    this.source = source;
    this.anchorDigests = digests;
    this.revocation = revocation;
  }

  private static TrustStore eager(List<X509Certificate> anchors) {
    Set<String> digests = new HashSet<>();
    for (X509Certificate a : anchors) {
      digests.add(Hex.encode(Hex.sha256(Certificates.der(a))));
    }
    return new TrustStore(new Anchors(anchors), Set.copyOf(digests), null);
  }

  /**
   * A trust store of the given anchors.
   *
   * @param anchors the trusted certificates (CA roots, or pinned party certificates)
   * @return the trust store
   * @throws IllegalArgumentException if {@code anchors} is empty
   */
  public static TrustStore of(Collection<X509Certificate> anchors) {
    Objects.requireNonNull(anchors, "anchors == null");
    if (anchors.isEmpty()) {
      throw new IllegalArgumentException("a trust store needs at least one anchor");
    }
    List<X509Certificate> copy = new ArrayList<>();
    for (X509Certificate c : anchors) {
      copy.add(Certificates.parse(Certificates.der(Objects.requireNonNull(c, "anchor == null"))));
    }
    return eager(List.copyOf(copy));
  }

  /**
   * A trust store of the given anchors.
   *
   * @param anchors the trusted certificates
   * @return the trust store
   * @throws IllegalArgumentException if no anchor is given
   */
  public static TrustStore of(X509Certificate... anchors) {
    return of(Arrays.asList(anchors));
  }

  /**
   * Loads anchors from a PEM file, or from every {@code *.pem}, {@code *.crt} and {@code *.cer} PEM file of a
   * directory.
   *
   * @param path a PEM file or a directory
   * @return the trust store
   * @throws KeyMaterialException {@code GDX-2401} if a file cannot be read or holds no certificate at all
   */
  public static TrustStore load(Path path) {
    return load(List.of(Objects.requireNonNull(path, "path == null")));
  }

  /**
   * Loads anchors from several PEM files or directories, as {@link #load(Path)} does for each, into one store.
   *
   * <p>The certificates are checked as DER X.509 certificates with Bouncy Castle's ASN.1 classes; their JCA
   * objects are made on the first validation or call of {@link #anchors()}.
   *
   * @param paths PEM files or directories
   * @return the trust store
   * @throws KeyMaterialException {@code GDX-2401} if a file cannot be read, a {@code CERTIFICATE} block is not a
   *     certificate, or a path holds no certificate at all
   * @throws IllegalArgumentException if {@code paths} is empty
   */
  public static TrustStore load(List<Path> paths) {
    Objects.requireNonNull(paths, "paths == null");
    if (paths.isEmpty()) {
      throw new IllegalArgumentException("a trust store needs at least one anchor");
    }
    List<byte[]> ders = new ArrayList<>();
    for (Path path : paths) {
      Objects.requireNonNull(path, "path == null");
      List<byte[]> found = new ArrayList<>();
      if (Files.isDirectory(path)) {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(path, "*.{pem,crt,cer}")) {
          ds.forEach(files::add);
        } catch (IOException e) {
          throw new KeyMaterialException(
              "cannot list trust store directory " + path.getFileName(), e);
        }
        Collections.sort(files);
        for (Path f : files) {
          found.addAll(Pem.certificateBlocks(Pem.read(f)));
        }
      } else {
        found.addAll(Pem.certificateBlocks(Pem.read(path)));
      }
      if (found.isEmpty()) {
        throw new KeyMaterialException("no CERTIFICATE found in " + path.getFileName(), null);
      }
      ders.addAll(found);
    }
    Set<String> digests = new HashSet<>();
    for (byte[] der : ders) {
      try {
        org.bouncycastle.asn1.x509.Certificate.getInstance(der);
      } catch (RuntimeException e) {
        throw new KeyMaterialException("not a DER X.509 certificate", e);
      }
      digests.add(Hex.encode(Hex.sha256NoJca(der)));
    }
    return new TrustStore(Anchors.deferred(List.copyOf(ders)), Set.copyOf(digests), null);
  }

  /**
   * The trust anchors.
   *
   * @return an unmodifiable list
   */
  public List<X509Certificate> anchors() {
    return source.certificates();
  }

  /**
   * Validates a certificate chain at an instant.
   *
   * @param chain the chain, leaf first (anchors at its end are allowed and ignored)
   * @param at the instant of validation
   * @return the leaf certificate
   * @throws CertificateRejectedException {@code GDX-2201} untrusted, {@code GDX-2202} expired,
   *     {@code GDX-2203} not yet valid, {@code GDX-2204} empty or unreadable chain
   */
  public X509Certificate validate(List<X509Certificate> chain, Instant at) {
    Objects.requireNonNull(chain, "chain == null");
    Objects.requireNonNull(at, "at == null");
    if (chain.isEmpty()) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_INVALID, "empty certificate chain");
    }
    List<byte[]> ders = new ArrayList<>();
    StringBuilder key = new StringBuilder();
    for (X509Certificate c : chain) {
      byte[] der;
      try {
        der = c.getEncoded();
      } catch (GeneralSecurityException e) {
        throw new CertificateRejectedException(
            CryptoErrorCode.CERTIFICATE_INVALID, "unreadable certificate", e);
      }
      ders.add(der);
      key.append(Hex.encode(Hex.sha256(der))).append(' ');
    }
    X509Certificate leaf = chain.get(0);
    Instant[] window = cache.get(key.toString());
    if (window != null) {
      checkWindow(window, at);
    } else {
      window = validateUncached(chain, ders, at);
      cache.put(key.toString(), window);
    }
    if (revocation != null) {
      checkRevocation(chain, ders, at);
    }
    return leaf;
  }

  /**
   * A trust store on the same anchors that also checks revocation (CRL and OCSP) on every validation.
   *
   * @param policy {@link RevocationPolicy#OFF} returns a store without the check
   * @param source where CRLs and OCSP answers come from (e.g. the client's {@code HttpRevocationSource})
   * @return the new trust store
   */
  public TrustStore withRevocation(RevocationPolicy policy, RevocationSource source) {
    Objects.requireNonNull(policy, "policy == null");
    Objects.requireNonNull(source, "source == null");
    return new TrustStore(
        this.source,
        anchorDigests,
        policy == RevocationPolicy.OFF ? null : new RevocationChecker(policy, source));
  }

  /**
   * The revocation policy of this store.
   *
   * @return {@link RevocationPolicy#OFF} unless made with {@link #withRevocation}
   */
  public RevocationPolicy revocationPolicy() {
    return revocation == null ? RevocationPolicy.OFF : revocation.policy();
  }

  private void checkRevocation(List<X509Certificate> chain, List<byte[]> ders, Instant at) {
    List<X509Certificate> path = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      if (anchorDigests.contains(Hex.encode(Hex.sha256(ders.get(i))))) {
        break;
      }
      path.add(chain.get(i));
    }
    if (path.isEmpty()) {
      return;
    }
    X509Certificate last = path.get(path.size() - 1);
    X509Certificate anchor = null;
    for (X509Certificate a : anchors()) {
      if (a.getSubjectX500Principal().equals(last.getIssuerX500Principal())) {
        anchor = a;
        break;
      }
    }
    if (anchor == null) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_UNTRUSTED, "no anchor issued the chain");
    }
    Objects.requireNonNull(revocation).check(path, anchor, at);
  }

  private Instant[] validateUncached(List<X509Certificate> chain, List<byte[]> ders, Instant at) {
    // the path: leading non-anchor certificates (a leaf that is an anchor is pinned)
    List<X509Certificate> path = new ArrayList<>();
    for (int i = 0; i < chain.size(); i++) {
      boolean isAnchor = anchorDigests.contains(Hex.encode(Hex.sha256(ders.get(i))));
      if (isAnchor) {
        if (i == 0) {
          Instant[] w = window(List.of(chain.get(0)));
          checkWindow(w, at);
          return w;
        }
        break;
      }
      path.add(Certificates.parse(ders.get(i)));
    }
    checkWindow(window(path), at);
    try {
      CertificateFactory cf = CertificateFactory.getInstance("X.509", Bc.PROVIDER);
      PKIXParameters params = new PKIXParameters(source.trustAnchors());
      params.setRevocationEnabled(false);
      params.setDate(Date.from(at));
      params.addCertPathChecker(EKU_HANDLED);
      CertPathValidator v = CertPathValidator.getInstance("PKIX", Bc.PROVIDER);
      PKIXCertPathValidatorResult r =
          (PKIXCertPathValidatorResult) v.validate(cf.generateCertPath(path), params);
      List<X509Certificate> all = new ArrayList<>(path);
      all.add(r.getTrustAnchor().getTrustedCert());
      Instant[] w = window(all);
      checkWindow(w, at);
      return w;
    } catch (CertPathValidatorException e) {
      LOG.debug("certificate path rejected: {}", e.getMessage());
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_UNTRUSTED,
          "certificate chain does not lead to a trust anchor",
          e);
    } catch (GeneralSecurityException e) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_INVALID, "certificate chain unusable", e);
    }
  }

  private static Instant[] window(List<X509Certificate> certs) {
    Instant from = Instant.MIN;
    Instant to = Instant.MAX;
    for (X509Certificate c : certs) {
      Instant nb = c.getNotBefore().toInstant();
      Instant na = c.getNotAfter().toInstant();
      if (nb.isAfter(from)) {
        from = nb;
      }
      if (na.isBefore(to)) {
        to = na;
      }
    }
    return new Instant[] {from, to};
  }

  private static void checkWindow(Instant[] window, Instant at) {
    if (at.isBefore(window[0])) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_NOT_YET_VALID,
          "a certificate of the chain is valid only from " + window[0]);
    }
    if (at.isAfter(window[1])) {
      throw new CertificateRejectedException(
          CryptoErrorCode.CERTIFICATE_EXPIRED,
          "a certificate of the chain expired at " + window[1]);
    }
  }

  @Override
  public String toString() {
    return "TrustStore{" + anchorDigests.size() + " anchors}";
  }
}
