package io.github.govdx.client;

import java.time.Duration;
import java.util.Objects;

/**
 * When to stop calling a failing platform (熔断): after {@link #failureThreshold()} failures within
 * {@link #window()} the breaker opens and calls fail fast for {@link #openDuration()}; then up to
 * {@link #halfOpenProbes()} probe calls are let through, and the breaker closes when all of them succeed or opens
 * again on the first failure.
 *
 * <pre>{@code
 * CircuitBreakerPolicy policy = CircuitBreakerPolicy.builder().failureThreshold(10).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CircuitBreakerPolicy {

  private static final CircuitBreakerPolicy DEFAULT = builder().build();
  private static final CircuitBreakerPolicy DISABLED =
      new CircuitBreakerPolicy(
          false, Integer.MAX_VALUE, Duration.ofSeconds(30), Duration.ofSeconds(30), 1);

  private final boolean enabled;
  private final int failureThreshold;
  private final Duration window;
  private final Duration openDuration;
  private final int halfOpenProbes;

  private CircuitBreakerPolicy(
      boolean enabled,
      int failureThreshold,
      Duration window,
      Duration openDuration,
      int halfOpenProbes) {
    this.enabled = enabled;
    this.failureThreshold = failureThreshold;
    this.window = window;
    this.openDuration = openDuration;
    this.halfOpenProbes = halfOpenProbes;
  }

  /**
   * Returns the default policy: 5 failures within 30 s open the breaker for 30 s, then 1 probe.
   *
   * @return the default policy
   */
  public static CircuitBreakerPolicy defaultPolicy() {
    return DEFAULT;
  }

  /**
   * Returns a policy under which the breaker never opens.
   *
   * @return the disabled policy
   */
  public static CircuitBreakerPolicy disabled() {
    return DISABLED;
  }

  /**
   * Returns a builder with the default settings.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns whether the breaker can open at all.
   *
   * @return {@code false} only for {@link #disabled()}
   */
  public boolean enabled() {
    return enabled;
  }

  /**
   * Returns how many failures within the window open the breaker.
   *
   * @return at least 1
   */
  public int failureThreshold() {
    return failureThreshold;
  }

  /**
   * Returns the window in which failures are counted.
   *
   * @return a positive duration
   */
  public Duration window() {
    return window;
  }

  /**
   * Returns how long the breaker stays open before probing.
   *
   * @return a positive duration
   */
  public Duration openDuration() {
    return openDuration;
  }

  /**
   * Returns how many probe calls are allowed while half-open; all must succeed to close.
   *
   * @return at least 1
   */
  public int halfOpenProbes() {
    return halfOpenProbes;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CircuitBreakerPolicy other
        && enabled == other.enabled
        && failureThreshold == other.failureThreshold
        && window.equals(other.window)
        && openDuration.equals(other.openDuration)
        && halfOpenProbes == other.halfOpenProbes;
  }

  @Override
  public int hashCode() {
    return Objects.hash(enabled, failureThreshold, window, openDuration, halfOpenProbes);
  }

  @Override
  public String toString() {
    return enabled
        ? "CircuitBreakerPolicy{failureThreshold="
            + failureThreshold
            + ", window="
            + window
            + ", openDuration="
            + openDuration
            + ", halfOpenProbes="
            + halfOpenProbes
            + "}"
        : "CircuitBreakerPolicy{disabled}";
  }

  /** Builds an enabled {@link CircuitBreakerPolicy}. Not thread-safe. */
  public static final class Builder {
    private int failureThreshold = 5;
    private Duration window = Duration.ofSeconds(30);
    private Duration openDuration = Duration.ofSeconds(30);
    private int halfOpenProbes = 1;

    private Builder() {}

    /**
     * Sets how many failures within the window open the breaker; default 5.
     *
     * @param failureThreshold at least 1, at most 10 000
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder failureThreshold(int failureThreshold) {
      if (failureThreshold < 1 || failureThreshold > 10_000) {
        throw new IllegalArgumentException(
            "failureThreshold must be in [1, 10000]: " + failureThreshold);
      }
      this.failureThreshold = failureThreshold;
      return this;
    }

    /**
     * Sets the failure-counting window; default 30 s.
     *
     * @param window positive
     * @return this builder
     * @throws NullPointerException if {@code window} is {@code null}
     * @throws IllegalArgumentException if not positive
     */
    public Builder window(Duration window) {
      this.window = positive(window, "window");
      return this;
    }

    /**
     * Sets how long the breaker stays open; default 30 s.
     *
     * @param openDuration positive
     * @return this builder
     * @throws NullPointerException if {@code openDuration} is {@code null}
     * @throws IllegalArgumentException if not positive
     */
    public Builder openDuration(Duration openDuration) {
      this.openDuration = positive(openDuration, "openDuration");
      return this;
    }

    /**
     * Sets how many probes are let through while half-open; default 1.
     *
     * @param halfOpenProbes at least 1, at most 100
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder halfOpenProbes(int halfOpenProbes) {
      if (halfOpenProbes < 1 || halfOpenProbes > 100) {
        throw new IllegalArgumentException("halfOpenProbes must be in [1, 100]: " + halfOpenProbes);
      }
      this.halfOpenProbes = halfOpenProbes;
      return this;
    }

    /**
     * Builds the policy.
     *
     * @return the policy
     */
    public CircuitBreakerPolicy build() {
      return new CircuitBreakerPolicy(true, failureThreshold, window, openDuration, halfOpenProbes);
    }

    private static Duration positive(Duration d, String name) {
      Objects.requireNonNull(d, name + " == null");
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive: " + d);
      }
      return d;
    }
  }
}
