package io.github.govdx.client;

import io.github.govdx.core.ErrorCode;
import io.github.govdx.core.GovdxException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A sealed response could not be trusted: it failed to open or verify ({@code GDX-3406}, with the
 * crypto module's own {@code GDX-2xxx} code available from {@link #envelopeErrorCode()}), it does not answer
 * this request ({@code GDX-3405}: correlation id, sender, receiver, resource or action differ), a push
 * receipt does not cover the message sent ({@code GDX-3412}), or the request could not be sealed because no
 * usable certificate of the receiver was found ({@code GDX-3415}). Never retryable: the same exchange would
 * fail the same way. Immutable once thrown; thread-safe.
 */
public final class ExchangeEnvelopeException extends ExchangeException {

  private static final long serialVersionUID = 1L;

  private final transient @Nullable ErrorCode envelopeErrorCode;

  /**
   * Creates the exception; normally only the client does.
   *
   * @param errorCode {@code GDX-3405}, {@code GDX-3406} or {@code GDX-3412}
   * @param detail the message without the code prefix
   * @param cause the crypto failure, or {@code null}
   * @param requestId the request id, or {@code null}
   * @param attempts the number of HTTP attempts
   */
  public ExchangeEnvelopeException(
      ErrorCode errorCode,
      String detail,
      @Nullable Throwable cause,
      @Nullable String requestId,
      int attempts) {
    super(errorCode, detail, cause, false, requestId, attempts);
    this.envelopeErrorCode =
        cause instanceof GovdxException ? ((GovdxException) cause).errorCode() : null;
  }

  /**
   * The crypto module's code of the failed envelope check (e.g. {@code GDX-2103}) when there was one.
   *
   * @return the envelope error code, or empty
   */
  public Optional<ErrorCode> envelopeErrorCode() {
    return Optional.ofNullable(envelopeErrorCode);
  }
}
