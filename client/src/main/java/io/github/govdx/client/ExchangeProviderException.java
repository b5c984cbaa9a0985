package io.github.govdx.client;

import io.github.govdx.core.ErrorCode;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An error that arose at the provider (error body {@code "source": "provider"}, {@code docs/protocol.md}
 * section 3). Immutable once thrown; thread-safe.
 */
public final class ExchangeProviderException extends ExchangeServiceException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception; normally only the client does.
   *
   * @param errorCode the code
   * @param detail the message without the code prefix
   * @param status the HTTP status
   * @param details the body's details
   * @param serverDate the {@code Date} header, or {@code null}
   * @param retryable whether a retry can help
   * @param requestId the request id, or {@code null}
   * @param attempts the number of HTTP attempts
   */
  public ExchangeProviderException(
      ErrorCode errorCode,
      String detail,
      int status,
      List<ErrorDetail> details,
      @Nullable Instant serverDate,
      boolean retryable,
      @Nullable String requestId,
      int attempts) {
    super(
        errorCode,
        detail,
        status,
        ErrorSource.PROVIDER,
        details,
        serverDate,
        retryable,
        requestId,
        attempts);
  }
}
