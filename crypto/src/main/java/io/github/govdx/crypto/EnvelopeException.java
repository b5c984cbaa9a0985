package io.github.govdx.crypto;

import io.github.govdx.core.GovdxException;
import org.jspecify.annotations.Nullable;

/**
 * An envelope was rejected or could not be made: the root of every envelope failure, with a stable
 * {@link CryptoErrorCode}. Subtypes group the failures (structure, algorithm, decryption, signature, sender,
 * receiver, certificate, freshness, replay); {@link #code()} tells them apart exactly.
 *
 * <p>Messages never contain payloads, keys or personal data. Immutable once thrown.
 */
public class EnvelopeException extends GovdxException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   */
  public EnvelopeException(CryptoErrorCode code, String detail) {
    super(code, detail, null, code == CryptoErrorCode.REPLAY_CACHE_FULL, null);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param code the code
   * @param detail what failed, without secrets or personal data
   * @param cause the cause, or {@code null}
   */
  public EnvelopeException(CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause, code == CryptoErrorCode.REPLAY_CACHE_FULL, null);
  }

  /**
   * The crypto error code of this failure.
   *
   * @return the code
   */
  public CryptoErrorCode cryptoErrorCode() {
    return (CryptoErrorCode) errorCode();
  }
}
