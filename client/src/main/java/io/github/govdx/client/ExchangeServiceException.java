package io.github.govdx.client;

import io.github.govdx.core.ErrorCode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The gateway, the platform or a provider answered with an HTTP error status and (usually) the error body
 * of {@code docs/protocol.md} section 3. Subclasses name the {@link ErrorSource}:
 * {@link ExchangeGatewayException}, {@link ExchangePlatformException}, {@link ExchangeProviderException}.
 *
 * <p>Immutable once thrown; thread-safe.
 */
public class ExchangeServiceException extends ExchangeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final ErrorSource source;
  private final List<ErrorDetail> details;
  private final @Nullable Instant serverDate;

  /**
   * Creates a service exception.
   *
   * @param errorCode the code from the error body (or derived from the status)
   * @param detail the message, without the code prefix
   * @param status the HTTP status
   * @param source where the error arose
   * @param details the body's {@code details}, possibly empty
   * @param serverDate the response's {@code Date} header, or {@code null}
   * @param retryable whether a retry can help
   * @param requestId the request id
   * @param attempts how many HTTP attempts were made
   */
  protected ExchangeServiceException(
      ErrorCode errorCode,
      String detail,
      int status,
      ErrorSource source,
      List<ErrorDetail> details,
      @Nullable Instant serverDate,
      boolean retryable,
      @Nullable String requestId,
      int attempts) {
    super(errorCode, detail, null, retryable, requestId, attempts);
    this.status = status;
    this.source = Objects.requireNonNull(source, "source == null");
    this.details = List.copyOf(details);
    this.serverDate = serverDate;
  }

  /**
   * The HTTP status of the response.
   *
   * @return the status code, e.g. {@code 403}
   */
  public int status() {
    return status;
  }

  /**
   * Where the error arose.
   *
   * @return the source
   */
  public ErrorSource source() {
    return source;
  }

  /**
   * Where a query or record is invalid, when the server said.
   *
   * @return the details, possibly empty
   */
  public List<ErrorDetail> details() {
    return details;
  }

  /**
   * The server's clock from the response's {@code Date} header.
   *
   * @return the server time, or empty if the response had no valid {@code Date}
   */
  public Optional<Instant> serverDate() {
    return Optional.ofNullable(serverDate);
  }

  /**
   * Whether the server throttled the call (status {@code 429} or {@code 503}).
   *
   * @return {@code true} for throttling
   */
  public boolean isThrottling() {
    return status == 429 || status == 503;
  }
}
