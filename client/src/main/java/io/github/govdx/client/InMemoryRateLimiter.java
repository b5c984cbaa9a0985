package io.github.govdx.client;

import io.github.govdx.client.internal.TokenBucket;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * A {@link RateLimiter} in this JVM's memory: right for one instance, wrong for several (each allows the whole
 * quota; share the Redis limiter of {@code govdx-store-redis} instead, see {@code docs/scaling.md}).
 *
 * <p>Thread-safe.
 */
public final class InMemoryRateLimiter implements RateLimiter {

  private final LongSupplier nanoTime;
  private final ConcurrentMap<String, TokenBucket> buckets = new ConcurrentHashMap<>();

  /** A limiter on the system's monotonic clock. */
  public InMemoryRateLimiter() {
    this(System::nanoTime);
  }

  /**
   * A limiter on a given monotonic clock (for tests).
   *
   * @param nanoTime a monotonic nanosecond clock, like {@link System#nanoTime()}
   */
  public InMemoryRateLimiter(LongSupplier nanoTime) {
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
  }

  @Override
  public Optional<Duration> reserve(String bucket, RateLimit limit, Duration maxWait) {
    Objects.requireNonNull(bucket, "bucket == null");
    Objects.requireNonNull(limit, "limit == null");
    Objects.requireNonNull(maxWait, "maxWait == null");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait < 0: " + maxWait);
    }
    if (limit.isUnlimited()) {
      return Optional.of(Duration.ZERO);
    }
    TokenBucket b =
        buckets.compute(
            bucket,
            (k, old) ->
                old != null && old.limit().equals(limit) ? old : new TokenBucket(limit, nanoTime));
    long wait = b.reserve(maxWait);
    return wait < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait));
  }

  @Override
  public String toString() {
    return "InMemoryRateLimiter{buckets=" + buckets.size() + "}";
  }
}
