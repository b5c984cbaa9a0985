package io.github.govdx.crypto;

import org.jspecify.annotations.Nullable;

/**
 * The envelope's algorithms are refused (DESIGN §4 allow-list per suite).
 *
 * <p>Codes: GDX-2006 algorithm not on any allow-list (e.g. {@code none}), GDX-2007 suite not accepted by this receiver. Immutable once thrown.
 */
public class AlgorithmNotAllowedException extends EnvelopeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   */
  public AlgorithmNotAllowedException(CryptoErrorCode code, String detail) {
    super(code, detail);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   * @param cause the cause, or {@code null}
   */
  public AlgorithmNotAllowedException(
      CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause);
  }
}
