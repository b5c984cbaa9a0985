package io.github.govdx.crypto;

import org.jspecify.annotations.Nullable;

/**
 * The signer or the routing headers do not match the claimed sender (no surreptitious forwarding).
 *
 * <p>Codes: GDX-2103 signer is not the claimed sender, GDX-2104 inner/outer routing headers differ. Immutable once thrown.
 */
public class SenderMismatchException extends EnvelopeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   */
  public SenderMismatchException(CryptoErrorCode code, String detail) {
    super(code, detail);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   * @param cause the cause, or {@code null}
   */
  public SenderMismatchException(CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause);
  }
}
