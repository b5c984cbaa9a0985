package io.github.govdx.client.internal;

import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ExchangeClientException;
import io.github.govdx.client.ExchangeEnvelopeException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The mutable state of one logical call across its attempts, attached to the OkHttp request as a tag.
 * Interceptors record what they did (attempts, the signing string, the sealed request, the opened
 * response); the transport reads it to build results and exceptions. Fields are volatile: attempts of one
 * call run one after another, possibly on different threads.
 */
public final class CallState {

  private final String requestId;
  private final String operation;
  private final Observers observers;
  private final Tracing.Span span;
  private final boolean safeToRetry;
  private final @Nullable Duration readTimeout;
  private final AtomicInteger attempts = new AtomicInteger();
  private volatile @Nullable String signingString;
  private volatile @Nullable SealedMessage sealed;
  private volatile @Nullable OpenedResponse opened;
  private volatile int lastStatus;

  /**
   * Creates the state of a call.
   *
   * @param requestId the call's {@code X-Request-Id}
   * @param safeToRetry whether the call may be repeated (idempotent method, a data query, or an idempotency key)
   * @param readTimeout a read timeout for this call only (long polling), or {@code null}
   * @param operation the operation name
   * @param observers the client's listeners
   * @param span the call's span ({@link Tracing.Span#NOOP} without tracing)
   */
  public CallState(
      String requestId,
      boolean safeToRetry,
      @Nullable Duration readTimeout,
      String operation,
      Observers observers,
      Tracing.Span span) {
    this.requestId = requestId;
    this.operation = operation;
    this.observers = observers;
    this.span = span;
    this.safeToRetry = safeToRetry;
    this.readTimeout = readTimeout;
  }

  /** @return the request id */
  public String requestId() {
    return requestId;
  }

  /** @return the operation name */
  public String operation() {
    return operation;
  }

  /** @return the client's listeners */
  public Observers observers() {
    return observers;
  }

  /** @return the call's span */
  public Tracing.Span span() {
    return span;
  }

  /** @return whether retries are allowed */
  public boolean safeToRetry() {
    return safeToRetry;
  }

  /** @return the per-call read timeout, or {@code null} */
  public @Nullable Duration readTimeout() {
    return readTimeout;
  }

  /** @return the number of the attempt that starts now (1-based) */
  public int startAttempt() {
    return attempts.incrementAndGet();
  }

  /** @return attempts made so far */
  public int attempts() {
    return attempts.get();
  }

  /** @return the signing string of the last attempt, or {@code null} */
  public @Nullable String signingString() {
    return signingString;
  }

  /** @param signingString the signing string of the current attempt */
  public void signingString(@Nullable String signingString) {
    this.signingString = signingString;
  }

  /** @return the sealed request of the last attempt, or {@code null} */
  public @Nullable SealedMessage sealed() {
    return sealed;
  }

  /** @param sealed the sealed request of the current attempt */
  public void sealed(SealedMessage sealed) {
    this.sealed = sealed;
  }

  /** @return the HTTP status of the last answer received, 0 when none came */
  public int lastStatus() {
    return lastStatus;
  }

  /** @param status the HTTP status of an answer just received */
  public void lastStatus(int status) {
    this.lastStatus = status;
  }

  /** @return the opened, bound response, or {@code null} */
  public @Nullable OpenedResponse opened() {
    return opened;
  }

  /** @param opened the opened, bound response */
  public void opened(OpenedResponse opened) {
    this.opened = opened;
  }

  /** An envelope failure of this call (sealing, opening, binding or a receipt), with its request id. */
  ExchangeEnvelopeException envelopeError(
      ClientErrorCode code, String message, @Nullable Throwable cause) {
    return new ExchangeEnvelopeException(code, message, cause, requestId, attempts());
  }

  /**
   * A failure found on the client's side of a call, carrying the call's request id and attempts.
   *
   * @param st the call's state, or {@code null} for a request made outside the transport
   */
  static ExchangeClientException clientError(
      ClientErrorCode code,
      String message,
      @Nullable Throwable cause,
      boolean retryable,
      @Nullable CallState st) {
    return new ExchangeClientException(
        code,
        message,
        cause,
        retryable,
        st == null ? null : st.requestId(),
        st == null ? 0 : st.attempts());
  }
}
