package io.github.govdx.crypto;

import org.jspecify.annotations.Nullable;

/**
 * The envelope is not for this party or not for this party's key.
 *
 * <p>Codes: GDX-2105 addressed to another party, GDX-2106 encrypted to another key. Immutable once thrown.
 */
public class WrongReceiverException extends EnvelopeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   */
  public WrongReceiverException(CryptoErrorCode code, String detail) {
    super(code, detail);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   * @param cause the cause, or {@code null}
   */
  public WrongReceiverException(CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause);
  }
}
