package io.github.govdx.crypto;

import org.jspecify.annotations.Nullable;

/**
 * A sealed stream could not be opened ({@code GDX-26xx}): malformed, truncated, a chunk that does not
 * authenticate, data after its end, or a trailer signature that does not verify. Whatever plaintext
 * {@link EnvelopeCodec#openStream} had written before this was thrown must be discarded.
 *
 * <p>Immutable and thread-safe once thrown.
 */
public class StreamException extends EnvelopeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code a {@code GDX-26xx} code
   * @param detail what went wrong
   * @param cause the cause, or {@code null}
   */
  public StreamException(CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause);
  }
}
