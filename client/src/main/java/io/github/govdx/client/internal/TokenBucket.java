package io.github.govdx.client.internal;

import io.github.govdx.client.RateLimit;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A token bucket enforcing a {@link RateLimit}: it starts full ({@link RateLimit#burst()} tokens) and refills
 * continuously at {@link RateLimit#permitsPerSecond()}. A caller takes a token now or reserves the next one and
 * waits for it itself; reserving before waiting serves waiters in arrival order, so the rate holds under
 * contention.
 *
 * <p>Thread-safe.
 */
public final class TokenBucket {

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final RateLimit limit;
  private final LongSupplier nanoTime;
  private double tokens;
  private long lastRefill;

  /**
   * Creates a full bucket.
   *
   * @param limit the limit
   * @param nanoTime the monotonic clock, in nanoseconds ({@code System::nanoTime})
   */
  public TokenBucket(RateLimit limit, LongSupplier nanoTime) {
    this.limit = Objects.requireNonNull(limit, "limit == null");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
    this.tokens = limit.isUnlimited() ? 0 : limit.burst();
    this.lastRefill = nanoTime.getAsLong();
  }

  /**
   * Takes a token now or reserves one, without waiting.
   *
   * @param maxWait the longest acceptable wait
   * @return 0 (take it now), the nanoseconds to wait before using the reserved token, or -1 if that would
   *     exceed {@code maxWait} (nothing taken)
   */
  public synchronized long reserve(Duration maxWait) {
    if (limit.isUnlimited()) {
      return 0;
    }
    long now = nanoTime.getAsLong();
    long elapsed = now - lastRefill;
    if (elapsed > 0) {
      tokens =
          Math.min(limit.burst(), tokens + elapsed * limit.permitsPerSecond() / NANOS_PER_SECOND);
      lastRefill = now;
    }
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    double wait = Math.ceil((1 - tokens) / limit.permitsPerSecond() * NANOS_PER_SECOND);
    long maxWaitNanos =
        maxWait.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : maxWait.toNanos();
    if (wait > maxWaitNanos) {
      return -1;
    }
    tokens -= 1;
    return Math.max(1, (long) wait);
  }

  /**
   * Returns the limit.
   *
   * @return the limit this bucket enforces
   */
  public RateLimit limit() {
    return limit;
  }

  @Override
  public String toString() {
    return "TokenBucket{" + limit + "}";
  }
}
