package io.github.govdx.client.auth;

import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;

/**
 * The MAC algorithms of the govdx HMAC scheme. HMAC (RFC 2104) over SM3 (GB/T 32905-2016) is the default;
 * HMAC-SHA256 (FIPS 180-4) is for gateways that cannot do SM3.
 *
 * <p>Immutable and thread-safe.
 */
public enum GovdxHmacAlgorithm {
  /** HMAC-SM3, scheme name {@code GDX-HMAC-SM3}. */
  HMAC_SM3("GDX-HMAC-SM3"),
  /** HMAC-SHA256, scheme name {@code GDX-HMAC-SHA256}. */
  HMAC_SHA256("GDX-HMAC-SHA256");

  private final String schemeName;

  GovdxHmacAlgorithm(String schemeName) {
    this.schemeName = schemeName;
  }

  /**
   * Returns the scheme name used in the {@code Authorization} header and as the first line of the signing string.
   *
   * @return e.g. {@code GDX-HMAC-SM3}
   */
  public String schemeName() {
    return schemeName;
  }

  Digest newDigest() {
    return this == HMAC_SM3 ? new SM3Digest() : new SHA256Digest();
  }

  /** Returns the algorithm with this scheme name, or {@code null}. */
  static @Nullable GovdxHmacAlgorithm bySchemeName(String name) {
    for (GovdxHmacAlgorithm algorithm : values()) {
      if (algorithm.schemeName.equals(name)) {
        return algorithm;
      }
    }
    return null;
  }
}
