package io.github.govdx.client.observation;

/**
 * Hears every request a {@link io.github.govdx.client.provider.ProviderEndpoint} handled, once its answer is
 * ready. Register any number with
 * {@link io.github.govdx.client.provider.ProviderEndpoint.Builder#addListener(ProviderListener)}.
 *
 * <p>Called on the thread that handled the request, before the answer is written out: keep it short. An
 * exception it throws is caught and logged at DEBUG (its class name only) and never changes the answer.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface ProviderListener {

  /**
   * A request was handled.
   *
   * @param outcome what happened
   */
  void requestHandled(ProviderOutcome outcome);
}
