package io.github.govdx.client.internal;

import io.github.govdx.client.ClientErrorCode;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Fails fast with {@code GDX-3407} while the {@link CircuitBreaker} is open, and feeds it the outcome of each
 * attempt: connection failures, timeouts and 5xx answers count as failures; any other answer (including an
 * envelope govdx rejects: the server did answer) as a success. Thread-safe.
 */
public final class CircuitBreakerInterceptor implements Interceptor {

  private final CircuitBreaker breaker;

  /**
   * Creates the interceptor.
   *
   * @param breaker the breaker, shared by every call of one client
   */
  public CircuitBreakerInterceptor(CircuitBreaker breaker) {
    this.breaker = Objects.requireNonNull(breaker, "breaker == null");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    CallState st = chain.request().tag(CallState.class);
    if (!breaker.allowRequest()) {
      throw new GovdxIoException(
          CallState.clientError(
              ClientErrorCode.CIRCUIT_OPEN,
              "the circuit breaker is open after repeated failures of "
                  + chain.request().url().host()
                  + "; calls fail fast until it half-opens",
              null,
              true,
              st));
    }
    Response r;
    try {
      r = chain.proceed(chain.request());
    } catch (GovdxIoException e) {
      breaker.recordSuccess();
      throw e;
    } catch (IOException e) {
      breaker.recordFailure();
      throw e;
    }
    if (r.code() >= 500) {
      breaker.recordFailure();
    } else {
      breaker.recordSuccess();
    }
    return r;
  }
}
