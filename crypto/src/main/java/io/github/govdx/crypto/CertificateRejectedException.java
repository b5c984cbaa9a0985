package io.github.govdx.crypto;

import org.jspecify.annotations.Nullable;

/**
 * A certificate was refused: the signer's chain or the receiver's certificate.
 *
 * <p>Codes: GDX-2201 untrusted, GDX-2202 expired, GDX-2203 not yet valid, GDX-2204 invalid, GDX-2205 receiver certificate not found, GDX-2206 receiver certificate unsuitable. Immutable once thrown.
 */
public class CertificateRejectedException extends EnvelopeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   */
  public CertificateRejectedException(CryptoErrorCode code, String detail) {
    super(code, detail);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   * @param cause the cause, or {@code null}
   */
  public CertificateRejectedException(
      CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause);
  }
}
