package io.github.govdx.client.observation;

import java.util.Objects;

/**
 * A client's circuit breaker changed state. Immutable and thread-safe.
 *
 * @param endpoint the host the breaker guards (one breaker per client)
 * @param from the state before
 * @param to the state now
 */
public record CircuitStateChange(String endpoint, CircuitState from, CircuitState to) {

  /**
   * Checks the members.
   *
   * @throws NullPointerException if a member is {@code null}
   */
  public CircuitStateChange {
    Objects.requireNonNull(endpoint, "endpoint == null");
    Objects.requireNonNull(from, "from == null");
    Objects.requireNonNull(to, "to == null");
  }
}
