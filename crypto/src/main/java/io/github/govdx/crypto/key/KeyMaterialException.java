package io.github.govdx.crypto.key;

import io.github.govdx.core.GovdxException;
import io.github.govdx.crypto.CryptoErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * Key material (PEM, DER, PKCS#12, JWK, a certificate) could not be read: code {@code GDX-2401}. The message
 * names the input kind and the problem, never key bytes or passwords. Immutable once thrown.
 */
public class KeyMaterialException extends GovdxException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param detail what could not be read, without key bytes or passwords
   * @param cause the cause, or {@code null}
   */
  public KeyMaterialException(String detail, @Nullable Throwable cause) {
    super(CryptoErrorCode.KEY_MATERIAL_INVALID, detail, cause);
  }
}
