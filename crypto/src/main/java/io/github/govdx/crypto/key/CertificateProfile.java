package io.github.govdx.crypto.key;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What goes into a party certificate that {@link Certificates#issue(io.github.govdx.core.party.PartyId,
 * java.security.PublicKey, java.security.cert.X509Certificate, java.security.PrivateKey, java.time.Instant,
 * java.time.Instant, CertificateProfile)} issues besides the party and its key: the key's usage, and where relying
 * parties check whether it was revoked — a CRL distribution point (RFC 5280 section 4.2.1.13) and an OCSP responder
 * in the authority information access extension (section 4.2.2.1). The sandbox's test CA uses it; production
 * certificates come from the department's CA.
 *
 * <p>Immutable and thread-safe.
 */
public final class CertificateProfile {

  private static final CertificateProfile BOTH = builder().build();

  private final CertificateUsage usage;
  private final @Nullable URI crlDistributionPoint;
  private final @Nullable URI ocspResponder;

  private CertificateProfile(Builder b) {
    this.usage = b.usage;
    this.crlDistributionPoint = b.crlDistributionPoint;
    this.ocspResponder = b.ocspResponder;
  }

  /**
   * A new builder (usage {@link CertificateUsage#BOTH}, no revocation pointers).
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * One certificate for signing and encryption, without revocation pointers.
   *
   * @return the profile
   */
  public static CertificateProfile defaultProfile() {
    return BOTH;
  }

  /** @return the key usage */
  public CertificateUsage usage() {
    return usage;
  }

  /** @return the CRL distribution point, or empty */
  public Optional<URI> crlDistributionPoint() {
    return Optional.ofNullable(crlDistributionPoint);
  }

  /** @return the OCSP responder, or empty */
  public Optional<URI> ocspResponder() {
    return Optional.ofNullable(ocspResponder);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CertificateProfile
        && ((CertificateProfile) o).usage == usage
        && Objects.equals(((CertificateProfile) o).crlDistributionPoint, crlDistributionPoint)
        && Objects.equals(((CertificateProfile) o).ocspResponder, ocspResponder);
  }

  @Override
  public int hashCode() {
    return Objects.hash(usage, crlDistributionPoint, ocspResponder);
  }

  @Override
  public String toString() {
    return "CertificateProfile{usage="
        + usage
        + ", crl="
        + crlDistributionPoint
        + ", ocsp="
        + ocspResponder
        + "}";
  }

  /** Builds a {@link CertificateProfile}. Not thread-safe. */
  public static final class Builder {
    private CertificateUsage usage = CertificateUsage.BOTH;
    private @Nullable URI crlDistributionPoint;
    private @Nullable URI ocspResponder;

    private Builder() {}

    /**
     * Sets the key usage (default {@link CertificateUsage#BOTH}).
     *
     * @param value the usage
     * @return this builder
     */
    public Builder usage(CertificateUsage value) {
      this.usage = Objects.requireNonNull(value, "usage == null");
      return this;
    }

    /**
     * Sets the CRL distribution point.
     *
     * @param value an http(s) URI
     * @return this builder
     */
    public Builder crlDistributionPoint(URI value) {
      this.crlDistributionPoint = Objects.requireNonNull(value, "crlDistributionPoint == null");
      return this;
    }

    /**
     * Sets the OCSP responder.
     *
     * @param value an http(s) URI
     * @return this builder
     */
    public Builder ocspResponder(URI value) {
      this.ocspResponder = Objects.requireNonNull(value, "ocspResponder == null");
      return this;
    }

    /**
     * Builds the profile.
     *
     * @return the profile
     */
    public CertificateProfile build() {
      return new CertificateProfile(this);
    }
  }
}
