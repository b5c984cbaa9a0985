package io.github.govdx.crypto;

import org.jspecify.annotations.Nullable;

/**
 * The signature does not verify with the signer's certificate ({@code x5c}).
 *
 * <p>Codes: GDX-2102. Immutable once thrown.
 */
public class SignatureInvalidException extends EnvelopeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   */
  public SignatureInvalidException(CryptoErrorCode code, String detail) {
    super(code, detail);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   * @param cause the cause, or {@code null}
   */
  public SignatureInvalidException(CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause);
  }
}
