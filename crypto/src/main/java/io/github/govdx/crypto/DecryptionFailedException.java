package io.github.govdx.crypto;

import org.jspecify.annotations.Nullable;

/**
 * The envelope could not be decrypted: wrong key, tampered ciphertext, tag or protected header.
 *
 * <p>Codes: GDX-2101. Immutable once thrown.
 */
public class DecryptionFailedException extends EnvelopeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   */
  public DecryptionFailedException(CryptoErrorCode code, String detail) {
    super(code, detail);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   * @param cause the cause, or {@code null}
   */
  public DecryptionFailedException(CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause);
  }
}
