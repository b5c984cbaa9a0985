package io.github.govdx.crypto.key;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.internal.KeyConversions;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.jspecify.annotations.Nullable;

/**
 * A party's own signing and decryption credentials: its party id, its private key and its certificate chain
 * (leaf first, intermediates after; the trust anchor may be omitted).
 *
 * <p>{@link Builder#build()} checks that the leaf certificate holds the private key's public key and names
 * the party (or the party's department, see {@link Certificates#partyOf(X509Certificate)}). The
 * {@linkplain #suite() suite} follows from the key: SM2 → GM, P-256 → INTL.
 *
 * <p>{@link #toString()} shows the party, suite and key id, never the private key. Immutable and thread-safe.
 */
public final class PartyCredentials {

  private final PartyId partyId;
  private final PrivateKey privateKey;
  private final List<X509Certificate> chain;
  private final Suite suite;
  private final String keyId;

  private PartyCredentials(
      PartyId partyId, PrivateKey privateKey, List<X509Certificate> chain, Suite suite) {
    this.partyId = partyId;
    this.privateKey = privateKey;
    this.chain = chain;
    this.suite = suite;
    this.keyId = Certificates.keyId(chain.get(0));
  }

  /**
   * A new builder.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The party these credentials belong to.
   *
   * @return the party id
   */
  public PartyId partyId() {
    return partyId;
  }

  /**
   * The private key. Handle with care: never log it.
   *
   * @return the private key
   */
  public PrivateKey privateKey() {
    return privateKey;
  }

  /**
   * The certificate chain, leaf first.
   *
   * @return an unmodifiable, non-empty list
   */
  public List<X509Certificate> certificateChain() {
    return chain;
  }

  /**
   * The leaf certificate.
   *
   * @return the first certificate of the chain
   */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /**
   * The suite of the key.
   *
   * @return GM for SM2 keys, INTL for P-256 keys
   */
  public Suite suite() {
    return suite;
  }

  /**
   * The key id of the leaf certificate ({@link Certificates#keyId(X509Certificate)}).
   *
   * @return the key id
   */
  public String keyId() {
    return keyId;
  }

  /** Returns party, suite and key id; never the private key. */
  @Override
  public String toString() {
    return "PartyCredentials{party="
        + partyId
        + ", suite="
        + suite
        + ", kid="
        + keyId
        + ", privateKey=[REDACTED]}";
  }

  /** Builder of {@link PartyCredentials}. Not thread-safe. */
  public static final class Builder {

    private @Nullable PartyId partyId;
    private @Nullable PrivateKey privateKey;
    private @Nullable List<X509Certificate> chain;

    private Builder() {}

    /**
     * Sets the party (required).
     *
     * @param partyId the party id
     * @return this builder
     */
    public Builder partyId(PartyId partyId) {
      this.partyId = Objects.requireNonNull(partyId, "partyId == null");
      return this;
    }

    /**
     * Sets the private key (required): an SM2 or P-256 EC private key.
     *
     * @param privateKey the key
     * @return this builder
     */
    public Builder privateKey(PrivateKey privateKey) {
      this.privateKey = Objects.requireNonNull(privateKey, "privateKey == null");
      return this;
    }

    /**
     * Sets the certificate chain (required), leaf first.
     *
     * @param chain the chain
     * @return this builder
     */
    public Builder certificateChain(List<X509Certificate> chain) {
      this.chain = List.copyOf(Objects.requireNonNull(chain, "chain == null"));
      return this;
    }

    /**
     * Builds the credentials.
     *
     * @return the credentials
     * @throws IllegalStateException naming the missing field
     * @throws IllegalArgumentException if the key is neither SM2 nor P-256, the chain is empty, the leaf does
     *     not hold the key's public key or does not name the party
     */
    public PartyCredentials build() {
      if (partyId == null) {
        throw new IllegalStateException("partyId is required");
      }
      if (privateKey == null) {
        throw new IllegalStateException("privateKey is required");
      }
      if (chain == null) {
        throw new IllegalStateException("certificateChain is required");
      }
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("certificateChain is empty");
      }
      Suite suite =
          KeyPairs.suiteOf(privateKey)
              .orElseThrow(
                  () -> new IllegalArgumentException("private key is neither SM2 nor P-256"));
      X509Certificate leaf = chain.get(0);
      if (!holdsKey(leaf, (ECPrivateKey) privateKey, suite)) {
        throw new IllegalArgumentException(
            "the leaf certificate does not hold the private key's public key");
      }
      PartyId named =
          Certificates.partyOf(leaf)
              .orElseThrow(
                  () -> new IllegalArgumentException("the leaf certificate names no party"));
      if (!named.equals(partyId) && !named.equals(partyId.department())) {
        throw new IllegalArgumentException(
            "the leaf certificate names party " + named + ", not " + partyId);
      }
      PrivateKey key = suite == Suite.INTL ? KeyConversions.jdkPrivate(privateKey) : privateKey;
      return new PartyCredentials(partyId, key, chain, suite);
    }

    private static boolean holdsKey(X509Certificate leaf, ECPrivateKey key, Suite suite) {
      try {
        X9ECParameters x9 =
            suite == Suite.GM
                ? CustomNamedCurves.getByName("sm2p256v1")
                : CustomNamedCurves.getByName("secp256r1");
        SubjectPublicKeyInfo spki =
            SubjectPublicKeyInfo.getInstance(leaf.getPublicKey().getEncoded());
        if (!suite.name().equals(KeyConversions.suiteOfPublicKey(spki.getEncoded()))) {
          return false;
        }
        ECPoint q = x9.getCurve().decodePoint(spki.getPublicKeyData().getOctets());
        return x9.getG().multiply(key.getS()).normalize().equals(q.normalize());
      } catch (java.io.IOException | RuntimeException e) {
        return false;
      }
    }
  }
}
