package io.github.govdx.client.directory;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One certificate entry of a party in the directory ({@code docs/protocol.md} section 7): the key id the party
 * puts in its envelopes, the suite it serves, its validity and the certificate chain (leaf first).
 *
 * <p>Immutable and thread-safe.
 */
public final class PartyCertificate {

  private final String keyId;
  private final String suite;
  private final Instant notBefore;
  private final Instant notAfter;
  private final List<X509Certificate> chain;

  private PartyCertificate(Builder b) {
    if (b.keyId == null) {
      throw new IllegalStateException("PartyCertificate: missing keyId");
    }
    this.keyId = b.keyId;
    if (b.suite == null) {
      throw new IllegalStateException("PartyCertificate: missing suite");
    }
    this.suite = b.suite;
    if (b.notBefore == null) {
      throw new IllegalStateException("PartyCertificate: missing notBefore");
    }
    this.notBefore = b.notBefore;
    if (b.notAfter == null) {
      throw new IllegalStateException("PartyCertificate: missing notAfter");
    }
    this.notAfter = b.notAfter;
    this.chain = List.copyOf(b.chain);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder initialised with this object's values.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.keyId = keyId;
    b.suite = suite;
    b.notBefore = notBefore;
    b.notAfter = notAfter;
    b.chain.addAll(chain);
    return b;
  }

  /**
   * The {@code kid} of the key.
   *
   * @return the value
   */
  public String keyId() {
    return keyId;
  }

  /**
   * The suite, {@code GM} or {@code INTL}.
   *
   * @return the value
   */
  public String suite() {
    return suite;
  }

  /**
   * Start of validity.
   *
   * @return the value
   */
  public Instant notBefore() {
    return notBefore;
  }

  /**
   * End of validity.
   *
   * @return the value
   */
  public Instant notAfter() {
    return notAfter;
  }

  /**
   * The certificate chain, leaf first (never empty).
   *
   * @return an unmodifiable list, possibly empty
   */
  public List<X509Certificate> chain() {
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

  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof PartyCertificate)) {
      return false;
    }
    PartyCertificate that = (PartyCertificate) o;
    return Objects.equals(keyId, that.keyId)
        && Objects.equals(suite, that.suite)
        && Objects.equals(notBefore, that.notBefore)
        && Objects.equals(notAfter, that.notAfter)
        && Objects.equals(chain, that.chain);
  }

  @Override
  public int hashCode() {
    return Objects.hash(keyId, suite, notBefore, notAfter, chain);
  }

  @Override
  public String toString() {
    return "PartyCertificate{"
        + "keyId="
        + keyId
        + ", "
        + "suite="
        + suite
        + ", "
        + "notBefore="
        + notBefore
        + ", "
        + "notAfter="
        + notAfter
        + "}";
  }

  /** Builds a {@link PartyCertificate}. Not thread-safe. */
  public static final class Builder {

    private @Nullable String keyId;
    private @Nullable String suite;
    private @Nullable Instant notBefore;
    private @Nullable Instant notAfter;
    private final List<X509Certificate> chain = new ArrayList<>();

    private Builder() {}

    /**
     * Sets: the {@code kid} of the key.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder keyId(String value) {
      Objects.requireNonNull(value, "keyId == null");
      this.keyId = value;
      return this;
    }

    /**
     * Sets: the suite, {@code GM} or {@code INTL}.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder suite(String value) {
      Objects.requireNonNull(value, "suite == null");
      this.suite = value;
      return this;
    }

    /**
     * Sets: start of validity.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder notBefore(Instant value) {
      Objects.requireNonNull(value, "notBefore == null");
      this.notBefore = value;
      return this;
    }

    /**
     * Sets: end of validity.
     *
     * @param value the value
     * @return this builder
     * @throws NullPointerException if {@code value} is null
     */
    public Builder notAfter(Instant value) {
      Objects.requireNonNull(value, "notAfter == null");
      this.notAfter = value;
      return this;
    }

    /**
     * Sets: the certificate chain, leaf first (never empty).
     *
     * @param values the values (replacing earlier ones)
     * @return this builder
     * @throws NullPointerException if {@code values} is or holds null
     */
    public Builder chain(java.util.Collection<? extends X509Certificate> values) {
      List<X509Certificate> copy = List.copyOf(Objects.requireNonNull(values, "values == null"));
      this.chain.clear();
      this.chain.addAll(copy);
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the PartyCertificate
     * @throws IllegalStateException if a required field is missing
     */
    public PartyCertificate build() {
      return new PartyCertificate(this);
    }
  }
}
