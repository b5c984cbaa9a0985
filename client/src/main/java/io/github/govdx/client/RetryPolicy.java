package io.github.govdx.client;

import io.github.govdx.client.internal.ValueStyle;
import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.immutables.value.Value;

/**
 * How often and how long to wait before retrying a failed call: capped exponential backoff with full jitter
 * (the delay before retry {@code n} is uniform in {@code [0, min(maxDelay, baseDelay * 2^(n-1))]}).
 *
 * <p>The transport retries only idempotent calls or calls carrying an {@code Idempotency-Key}, and only on a
 * connection failure or a status for which {@link #isRetryableStatus(int)} holds; a {@code Retry-After} header
 * overrides the computed delay.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder().maxAttempts(5).baseDelay(Duration.ofMillis(200)).build();
 * }</pre>
 *
 * <p>{@code build()} throws {@link IllegalArgumentException} for a setting out of range and {@link
 * IllegalStateException} if {@code baseDelay > maxDelay}. Immutable and thread-safe.
 */
@ValueStyle
public abstract class RetryPolicy {

  private static final RetryPolicy DEFAULT = builder().build();
  private static final RetryPolicy NONE = builder().maxAttempts(1).build();

  RetryPolicy() {}

  /**
   * Returns the default policy: 3 attempts, base delay 200 ms, max delay 5 s.
   *
   * @return the default policy
   */
  public static RetryPolicy defaultPolicy() {
    return DEFAULT;
  }

  /**
   * Returns a policy that never retries (one attempt).
   *
   * @return the no-retry policy
   */
  public static RetryPolicy none() {
    return NONE;
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
   * Returns a builder with this policy's settings.
   *
   * @return a builder
   */
  public abstract Builder toBuilder();

  /**
   * Returns the total number of attempts, the first included: 1 (no retry) to 10; default 3.
   *
   * @return at least 1
   */
  @Value.Default
  public int maxAttempts() {
    return 3;
  }

  /**
   * Returns the base delay (the cap of the first backoff): not negative; default 200 ms.
   *
   * @return the base delay
   */
  @Value.Default
  public Duration baseDelay() {
    return Duration.ofMillis(200);
  }

  /**
   * Returns the largest delay between two attempts: not negative, at most one hour; default 5 s.
   *
   * @return the maximum delay
   */
  @Value.Default
  public Duration maxDelay() {
    return Duration.ofSeconds(5);
  }

  /**
   * Returns the delay before retry number {@code attempt} (1 for the wait after the first attempt failed), drawn
   * uniformly from {@code [0, min(maxDelay, baseDelay * 2^(attempt-1))]} at millisecond resolution ("full
   * jitter").
   *
   * @param attempt the retry number, at least 1
   * @param rnd the random source
   * @return the delay, never negative and never above {@link #maxDelay()}
   * @throws IllegalArgumentException if {@code attempt < 1}
   * @throws NullPointerException if {@code rnd} is {@code null}
   */
  public Duration backoff(int attempt, RandomGenerator rnd) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt < 1: " + attempt);
    }
    Objects.requireNonNull(rnd, "rnd == null");
    long maxMillis = maxDelay().toMillis();
    long ceiling = baseDelay().toMillis();
    for (int i = 1; i < attempt && ceiling < maxMillis; i++) {
      ceiling *= 2;
    }
    ceiling = Math.min(ceiling, maxMillis);
    return ceiling <= 0 ? Duration.ZERO : Duration.ofMillis(rnd.nextLong(ceiling + 1));
  }

  /**
   * Returns whether a response status is worth retrying: 408, 429, 500, 502, 503 and 504 (RFC 9110 §15,
   * RFC 6585 §4).
   *
   * @param status the HTTP status
   * @return {@code true} for a transient status
   */
  public boolean isRetryableStatus(int status) {
    return status == 408
        || status == 429
        || status == 500
        || status == 502
        || status == 503
        || status == 504;
  }

  @Value.Check
  void check() {
    if (maxAttempts() < 1 || maxAttempts() > 10) {
      throw new IllegalArgumentException("maxAttempts must be in [1, 10]: " + maxAttempts());
    }
    if (baseDelay().isNegative()) {
      throw new IllegalArgumentException("baseDelay < 0: " + baseDelay());
    }
    if (maxDelay().isNegative() || maxDelay().compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("maxDelay must be in [0, 1 h]: " + maxDelay());
    }
    if (baseDelay().compareTo(maxDelay()) > 0) {
      throw new IllegalStateException("baseDelay " + baseDelay() + " > maxDelay " + maxDelay());
    }
  }

  /** Builds a {@link RetryPolicy}; unset settings keep their defaults. Not thread-safe. */
  public static final class Builder extends ImmutableRetryPolicy.Builder {
    Builder() {}
  }
}
