package io.github.govdx.client.directory;

import io.github.govdx.client.internal.ValueStyle;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.immutables.value.Value;

/**
 * One certificate entry of a party in the directory ({@code docs/protocol.md} section 7): the key id the party
 * puts in its envelopes, the suite it serves, its validity and the certificate chain (leaf first). {@link
 * #toString()} leaves the chain out.
 *
 * <p>Immutable and thread-safe.
 */
@ValueStyle
public abstract class PartyCertificate {

  PartyCertificate() {}

  /** @return a new builder */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder initialised with this object's values */
  public abstract Builder toBuilder();

  /** @return the {@code kid} of the key */
  public abstract String keyId();

  /** @return the suite, {@code GM} or {@code INTL} */
  public abstract String suite();

  /** @return the start of validity */
  public abstract Instant notBefore();

  /** @return the end of validity */
  public abstract Instant notAfter();

  /** @return the certificate chain, leaf first (never empty); unmodifiable */
  @Value.Redacted
  public abstract List<X509Certificate> chain();

  /** @return the leaf certificate, the first of the chain */
  public X509Certificate certificate() {
    return chain().get(0);
  }

  @Value.Check
  void checkChain() {
    if (chain().isEmpty()) {
      throw new IllegalStateException("PartyCertificate: missing chain");
    }
  }

  /**
   * Builds a {@link PartyCertificate}; {@code build()} throws {@link IllegalStateException} naming any missing attribute. Not
   * thread-safe.
   */
  public static final class Builder extends ImmutablePartyCertificate.Builder {
    Builder() {}
  }
}
