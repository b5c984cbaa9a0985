package io.github.govdx.crypto.evidence;

import io.github.govdx.core.GovdxException;
import io.github.govdx.crypto.CryptoErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * A receipt or the evidence log failed: {@code GDX-2501} receipt invalid, {@code GDX-2502} evidence log
 * broken, {@code GDX-2503} evidence log input/output. Immutable once thrown.
 */
public class EvidenceException extends GovdxException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param code one of the evidence codes
   * @param detail what failed, without payloads or personal data
   * @param cause the cause, or {@code null}
   */
  public EvidenceException(CryptoErrorCode code, String detail, @Nullable Throwable cause) {
    super(code, detail, cause);
  }
}
