package io.github.govdx.crypto;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Size and nesting limits enforced on incoming envelopes before any parsing or cryptography.
 *
 * <p>Defaults: envelope {@value #DEFAULT_MAX_ENVELOPE_BYTES} bytes (16 MiB), protected header
 * {@value #DEFAULT_MAX_HEADER_BYTES} bytes, JSON nesting depth {@value #DEFAULT_MAX_DEPTH} (an envelope needs
 * 1; its protected header 3), certificate chain ({@code x5c}) {@value #DEFAULT_MAX_CHAIN_LENGTH} certificates.
 * Violations raise {@link MalformedEnvelopeException} with {@code GDX-2002} (size) or {@code GDX-2003} (depth).
 *
 * <p>Immutable and thread-safe.
 */
public final class EnvelopeLimits {

  /** Default maximum envelope size in bytes. */
  public static final int DEFAULT_MAX_ENVELOPE_BYTES = 16 * 1024 * 1024;

  /** Default maximum decoded protected header size in bytes. */
  public static final int DEFAULT_MAX_HEADER_BYTES = 64 * 1024;

  /** Default maximum JSON nesting depth. */
  public static final int DEFAULT_MAX_DEPTH = 8;

  /** Default maximum number of certificates in {@code x5c}. */
  public static final int DEFAULT_MAX_CHAIN_LENGTH = 8;

  private static final EnvelopeLimits DEFAULTS = builder().build();

  private final int maxEnvelopeBytes;
  private final int maxHeaderBytes;
  private final int maxDepth;
  private final int maxChainLength;

  private EnvelopeLimits(Builder b) {
    this.maxEnvelopeBytes = b.maxEnvelopeBytes;
    this.maxHeaderBytes = b.maxHeaderBytes;
    this.maxDepth = b.maxDepth;
    this.maxChainLength = b.maxChainLength;
  }

  /**
   * The default limits.
   *
   * @return the defaults
   */
  public static EnvelopeLimits defaults() {
    return DEFAULTS;
  }

  /**
   * A builder starting from the defaults.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The maximum size of a whole envelope in bytes.
   *
   * @return the limit
   */
  public int maxEnvelopeBytes() {
    return maxEnvelopeBytes;
  }

  /**
   * The maximum size of a decoded protected header in bytes.
   *
   * @return the limit
   */
  public int maxHeaderBytes() {
    return maxHeaderBytes;
  }

  /**
   * The maximum JSON nesting depth of the envelope and of its protected headers.
   *
   * @return the limit
   */
  public int maxDepth() {
    return maxDepth;
  }

  /**
   * The maximum number of certificates in {@code x5c}.
   *
   * @return the limit
   */
  public int maxChainLength() {
    return maxChainLength;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof EnvelopeLimits)) {
      return false;
    }
    EnvelopeLimits that = (EnvelopeLimits) o;
    return maxEnvelopeBytes == that.maxEnvelopeBytes
        && maxHeaderBytes == that.maxHeaderBytes
        && maxDepth == that.maxDepth
        && maxChainLength == that.maxChainLength;
  }

  @Override
  public int hashCode() {
    return Objects.hash(maxEnvelopeBytes, maxHeaderBytes, maxDepth, maxChainLength);
  }

  @Override
  public String toString() {
    return "EnvelopeLimits{maxEnvelopeBytes="
        + maxEnvelopeBytes
        + ", maxHeaderBytes="
        + maxHeaderBytes
        + ", maxDepth="
        + maxDepth
        + ", maxChainLength="
        + maxChainLength
        + "}";
  }

  /** Builder of {@link EnvelopeLimits}. Not thread-safe. */
  public static final class Builder {

    private int maxEnvelopeBytes = DEFAULT_MAX_ENVELOPE_BYTES;
    private int maxHeaderBytes = DEFAULT_MAX_HEADER_BYTES;
    private int maxDepth = DEFAULT_MAX_DEPTH;
    private int maxChainLength = DEFAULT_MAX_CHAIN_LENGTH;

    private Builder() {}

    /**
     * Sets the maximum envelope size.
     *
     * @param bytes at least 1024
     * @return this builder
     * @throws IllegalArgumentException if below 1024
     */
    public Builder maxEnvelopeBytes(int bytes) {
      this.maxEnvelopeBytes = atLeast(bytes, 1024, "maxEnvelopeBytes");
      return this;
    }

    /**
     * Sets the maximum decoded protected header size.
     *
     * @param bytes at least 1024
     * @return this builder
     * @throws IllegalArgumentException if below 1024
     */
    public Builder maxHeaderBytes(int bytes) {
      this.maxHeaderBytes = atLeast(bytes, 1024, "maxHeaderBytes");
      return this;
    }

    /**
     * Sets the maximum JSON nesting depth.
     *
     * @param depth 3 to 1000
     * @return this builder
     * @throws IllegalArgumentException if outside 3–1000
     */
    public Builder maxDepth(int depth) {
      if (depth < 3 || depth > 1000) {
        throw new IllegalArgumentException("maxDepth must be 3-1000");
      }
      this.maxDepth = depth;
      return this;
    }

    /**
     * Sets the maximum certificate chain length.
     *
     * @param certificates at least 1
     * @return this builder
     * @throws IllegalArgumentException if below 1
     */
    public Builder maxChainLength(int certificates) {
      this.maxChainLength = atLeast(certificates, 1, "maxChainLength");
      return this;
    }

    private static int atLeast(int value, int min, String name) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min);
      }
      return value;
    }

    /**
     * Builds the limits.
     *
     * @return the limits
     */
    public EnvelopeLimits build() {
      return new EnvelopeLimits(this);
    }
  }
}
