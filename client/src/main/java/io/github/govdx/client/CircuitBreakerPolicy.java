package io.github.govdx.client;

import io.github.govdx.client.internal.ValueStyle;
import java.time.Duration;
import org.immutables.value.Value;

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
 * <p>{@code build()} throws {@link IllegalArgumentException} for a setting out of range. Immutable and
 * thread-safe.
 */
@ValueStyle
public abstract class CircuitBreakerPolicy {

  private static final CircuitBreakerPolicy DEFAULT = builder().build();
  private static final CircuitBreakerPolicy DISABLED = builder().enabled(false).build();

  CircuitBreakerPolicy() {}

  /**
   * Returns the default policy: 5 failures within 30 s open the breaker for 30 s, then 1 probe.
   *
   * @return the default policy
   */
  public static CircuitBreakerPolicy defaultPolicy() {
    return DEFAULT;
  }

  /**
   * Returns a policy under which the breaker never opens (the same as {@code builder().enabled(false)}).
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
   * Returns whether the breaker can open at all; default {@code true}.
   *
   * @return {@code false} for a disabled breaker
   */
  @Value.Default
  public boolean enabled() {
    return true;
  }

  /**
   * Returns how many failures within the window open the breaker: 1 to 10,000; default 5.
   *
   * @return at least 1
   */
  @Value.Default
  public int failureThreshold() {
    return 5;
  }

  /**
   * Returns the window in which failures are counted; default 30 s.
   *
   * @return a positive duration
   */
  @Value.Default
  public Duration window() {
    return Duration.ofSeconds(30);
  }

  /**
   * Returns how long the breaker stays open before probing; default 30 s.
   *
   * @return a positive duration
   */
  @Value.Default
  public Duration openDuration() {
    return Duration.ofSeconds(30);
  }

  /**
   * Returns how many probe calls are allowed while half-open (all must succeed to close): 1 to 100; default 1.
   *
   * @return at least 1
   */
  @Value.Default
  public int halfOpenProbes() {
    return 1;
  }

  @Value.Check
  void check() {
    if (failureThreshold() < 1 || failureThreshold() > 10_000) {
      throw new IllegalArgumentException(
          "failureThreshold must be in [1, 10000]: " + failureThreshold());
    }
    positive(window(), "window");
    positive(openDuration(), "openDuration");
    if (halfOpenProbes() < 1 || halfOpenProbes() > 100) {
      throw new IllegalArgumentException("halfOpenProbes must be in [1, 100]: " + halfOpenProbes());
    }
  }

  private static void positive(Duration d, String name) {
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
  }

  /** Builds a {@link CircuitBreakerPolicy}; unset settings keep their defaults. Not thread-safe. */
  public static final class Builder extends ImmutableCircuitBreakerPolicy.Builder {
    Builder() {}
  }
}
