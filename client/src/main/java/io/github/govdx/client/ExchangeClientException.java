package io.github.govdx.client;

import io.github.govdx.core.ErrorCode;
import org.jspecify.annotations.Nullable;

/**
 * A call failed in the client or on the network, not because a server answered with an error: connection
 * failures and timeouts (retryable), malformed or oversized responses, unexpected content types, an open
 * circuit breaker, the client's own rate limit, cancellation ({@code GDX-34xx}). Immutable once thrown;
 * thread-safe.
 */
public final class ExchangeClientException extends ExchangeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; normally only the client does.
   *
   * @param errorCode the code
   * @param detail the message without the code prefix
   * @param cause the underlying cause, or {@code null}
   * @param retryable whether a retry can help
   * @param requestId the request id, or {@code null}
   * @param attempts the number of HTTP attempts
   */
  public ExchangeClientException(
      ErrorCode errorCode,
      String detail,
      @Nullable Throwable cause,
      boolean retryable,
      @Nullable String requestId,
      int attempts) {
    super(errorCode, detail, cause, retryable, requestId, attempts);
  }
}
