package io.github.govdx.client;

import io.github.govdx.core.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An error that arose at the gateway: authentication ({@code 401}), authorisation of the calling party or
 * route ({@code 403}) or throttling ({@code 429}). Gateways that are not govdx-aware answer without a govdx
 * error body; the code is then derived from the status ({@code docs/protocol.md} section 3).
 *
 * <p>On a {@code 401} the message shows the signing string the client's authenticator used (never the
 * secret) and the server time from the response's {@code Date} header next to the client's clock, so clock
 * skew and canonicalisation mismatches can be diagnosed from the exception alone. Immutable once thrown;
 * thread-safe.
 */
public final class ExchangeGatewayException extends ExchangeServiceException {

  private static final long serialVersionUID = 1L;

  private final @Nullable String signingString;

  /**
   * Creates the exception; normally only the client does.
   *
   * @param errorCode the code
   * @param detail the message without the code prefix
   * @param status the HTTP status
   * @param details the body's details
   * @param serverDate the {@code Date} header, or {@code null}
   * @param signingString the signing string the authenticator used, or {@code null}
   * @param retryable whether a retry can help
   * @param requestId the request id, or {@code null}
   * @param attempts the number of HTTP attempts
   */
  public ExchangeGatewayException(
      ErrorCode errorCode,
      String detail,
      int status,
      List<ErrorDetail> details,
      @Nullable Instant serverDate,
      @Nullable String signingString,
      boolean retryable,
      @Nullable String requestId,
      int attempts) {
    super(
        errorCode,
        detail,
        status,
        ErrorSource.GATEWAY,
        details,
        serverDate,
        retryable,
        requestId,
        attempts);
    this.signingString = signingString;
  }

  /**
   * The signing string the client's authenticator computed for the failed attempt (no secret in it).
   *
   * @return the signing string, or empty when the scheme has none or no authenticator was configured
   */
  public Optional<String> signingString() {
    return Optional.ofNullable(signingString);
  }
}
