package io.github.govdx.crypto;

import org.jspecify.annotations.Nullable;

/**
 * The issued-at time is outside the clock-skew window.
 *
 * <p>Codes: GDX-2301 too old, GDX-2302 from the future. Immutable once thrown.
 */
public class StaleMessageException extends EnvelopeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   */
  public StaleMessageException(CryptoErrorCode code, String detail) {
    super(code, detail);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   * @param cause the cause, or {@code null}
   */
  public StaleMessageException(CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause);
  }
}
