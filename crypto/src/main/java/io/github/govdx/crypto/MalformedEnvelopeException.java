package io.github.govdx.crypto;

import org.jspecify.annotations.Nullable;

/**
 * The envelope is not a well-formed govdx envelope (checked before any cryptography).
 *
 * <p>Codes: GDX-2001 malformed, GDX-2002 too large, GDX-2003 too deep, GDX-2004 forbidden member, GDX-2005 bad routing header, GDX-2008 wrong kind. Immutable once thrown.
 */
public class MalformedEnvelopeException extends EnvelopeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   */
  public MalformedEnvelopeException(CryptoErrorCode code, String detail) {
    super(code, detail);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   * @param cause the cause, or {@code null}
   */
  public MalformedEnvelopeException(
      CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause);
  }
}
