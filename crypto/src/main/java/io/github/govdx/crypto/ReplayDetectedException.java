package io.github.govdx.crypto;

import org.jspecify.annotations.Nullable;

/**
 * The message id was seen before, or cannot be remembered.
 *
 * <p>Codes: GDX-2303 replayed message id, GDX-2304 replay cache full (fail closed, retryable). Immutable once thrown.
 */
public class ReplayDetectedException extends EnvelopeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   */
  public ReplayDetectedException(CryptoErrorCode code, String detail) {
    super(code, detail);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   * @param cause the cause, or {@code null}
   */
  public ReplayDetectedException(CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause);
  }
}
