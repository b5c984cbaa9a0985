package io.github.govdx.client;

import io.github.govdx.core.ErrorCode;
import io.github.govdx.core.GovdxException;
import org.jspecify.annotations.Nullable;

/**
 * The root of every failure of an exchange call: the gateway, the platform or the provider answered with
 * an error ({@link ExchangeServiceException}), an envelope failed to open or was not bound to its request
 * ({@link ExchangeEnvelopeException}), records failed their schema ({@link ExchangeValidationException}),
 * or the call failed locally or on the network ({@link ExchangeClientException}).
 *
 * <p>Every instance has a stable code ({@link #code()}), the call's request id where there was a call
 * ({@link #requestId()}) and whether retrying can help ({@link #retryable()}). Messages never contain
 * secrets, record values or unmasked personal data. Immutable once thrown; thread-safe.
 */
public class ExchangeException extends GovdxException {

  private static final long serialVersionUID = 1L;

  private final int attempts;

  /**
   * Creates an exchange exception.
   *
   * @param errorCode the stable code
   * @param detail what went wrong, without secrets or personal data
   * @param cause the underlying cause, or {@code null}
   * @param retryable whether repeating the call may succeed
   * @param requestId the request id of the call, or {@code null}
   * @param attempts how many HTTP attempts the call made ({@code 0} if none was sent)
   */
  protected ExchangeException(
      ErrorCode errorCode,
      String detail,
      @Nullable Throwable cause,
      boolean retryable,
      @Nullable String requestId,
      int attempts) {
    super(errorCode, detail, cause, retryable, requestId);
    this.attempts = attempts;
  }

  /**
   * How many HTTP attempts the call made before it failed (retries included).
   *
   * @return the number of attempts, {@code 0} if the call never reached the network
   */
  public int attempts() {
    return attempts;
  }
}
