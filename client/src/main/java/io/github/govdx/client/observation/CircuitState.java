package io.github.govdx.client.observation;

/**
 * The state of a client's circuit breaker ({@link io.github.govdx.client.CircuitBreakerPolicy}). Thread-safe (an
 * enum).
 */
public enum CircuitState {
  /** Calls pass. */
  CLOSED,
  /** A limited number of probe calls pass. */
  HALF_OPEN,
  /** Calls fail fast with {@code GDX-3407}. */
  OPEN;

  /**
   * The gauge value of the state: 0 closed, 1 half-open, 2 open.
   *
   * @return the value
   */
  public int gaugeValue() {
    return ordinal();
  }
}
