package io.github.govdx.client.observation;

/**
 * Hears what an {@link io.github.govdx.client.ExchangeClient} does: every logical call when it ends (retries
 * included), each retry, each circuit-breaker state change and each rate-limit wait. Register any number with
 * {@link io.github.govdx.client.ExchangeClientBuilder#addCallListener(CallListener)}; every method has an empty
 * default, so implement only what you need.
 *
 * <p>Methods are called on the thread that made the call (an OkHttp dispatcher thread for asynchronous calls), in
 * the call's path: keep them short and non-blocking. An exception a listener throws is caught and logged at DEBUG
 * (its class name only); it never changes the call. Implementations must be thread-safe.
 *
 * <pre>{@code
 * ExchangeClient client = ExchangeClient.builder()
 *     ...
 *     .addCallListener(GovdxMeters.create(registry))
 *     .build();
 * }</pre>
 */
public interface CallListener {

  /**
   * A logical call ended, with a result or an exception.
   *
   * @param outcome what happened
   */
  default void callCompleted(CallOutcome outcome) {}

  /**
   * An attempt failed transiently and the client will retry after a wait.
   *
   * @param event the retry
   */
  default void retryScheduled(RetryEvent event) {}

  /**
   * The circuit breaker changed state.
   *
   * @param change the change
   */
  default void circuitStateChanged(CircuitStateChange change) {}

  /**
   * An attempt waited for a rate-limit permit.
   *
   * @param wait the wait
   */
  default void rateLimitWaited(RateLimitWait wait) {}
}
