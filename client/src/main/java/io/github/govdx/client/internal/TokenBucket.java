package io.github.govdx.client.internal;

import io.github.govdx.client.RateLimit;
import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A token bucket enforcing a {@link RateLimit}: it starts full ({@link RateLimit#burst()} tokens), refills
 * continuously at {@link RateLimit#permitsPerSecond()} and lets a caller wait up to a given time for a token.
 * Waiting callers reserve their token before they sleep, so waiters are served in arrival order and the rate holds
 * under contention.
 *
 * <p>Thread-safe.
 */
public final class TokenBucket {

  /** Sleeps for a duration; injectable so tests need not sleep. */
  @FunctionalInterface
  public interface Sleeper {
    /**
     * Sleeps.
     *
     * @param duration how long
     * @throws InterruptedException if interrupted
     */
    void sleep(Duration duration) throws InterruptedException;
  }

  private static final double NANOS_PER_SECOND = 1_000_000_000d;

  private final RateLimit limit;
  private final LongSupplier nanoTime;
  private final Sleeper sleeper;
  private double tokens;
  private long lastRefill;

  /**
   * Creates a bucket on the system nano clock that sleeps with {@link Thread#sleep(long, int)}.
   *
   * @param limit the limit
   * @return the bucket
   * @throws NullPointerException if {@code limit} is {@code null}
   */
  public static TokenBucket create(RateLimit limit) {
    return new TokenBucket(
        limit, System::nanoTime, d -> Thread.sleep(d.toMillis(), (int) (d.toNanos() % 1_000_000)));
  }

  /**
   * Creates a bucket with an injected clock and sleeper.
   *
   * @param limit the limit
   * @param nanoTime a monotonic nanosecond clock, like {@link System#nanoTime()}
   * @param sleeper the sleeper
   * @throws NullPointerException if an argument is {@code null}
   */
  public TokenBucket(RateLimit limit, LongSupplier nanoTime, Sleeper sleeper) {
    this.limit = Objects.requireNonNull(limit, "limit == null");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime == null");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper == null");
    this.tokens = limit.isUnlimited() ? 0 : limit.burst();
    this.lastRefill = nanoTime.getAsLong();
  }

  /**
   * Takes a token, waiting at most {@code maxWait} for one.
   *
   * @param maxWait the longest acceptable wait; {@link Duration#ZERO} to never wait
   * @return {@code true} if a token was taken; {@code false} if none would be available within {@code maxWait}
   *     (then nothing is taken and nothing is waited) or the thread was interrupted while waiting (the interrupt
   *     flag is restored)
   * @throws NullPointerException if {@code maxWait} is {@code null}
   * @throws IllegalArgumentException if {@code maxWait} is negative
   */
  public boolean tryAcquire(Duration maxWait) {
    Objects.requireNonNull(maxWait, "maxWait == null");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait < 0: " + maxWait);
    }
    if (limit.isUnlimited()) {
      return true;
    }
    long waitNanos = reserve(saturatedNanos(maxWait));
    if (waitNanos < 0) {
      return false;
    }
    if (waitNanos == 0) {
      return true;
    }
    try {
      sleeper.sleep(Duration.ofNanos(waitNanos));
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      synchronized (this) {
        tokens += 1;
      }
      return false;
    }
  }

  /**
   * Returns the tokens available now (negative while reserved waits are outstanding).
   *
   * @return the current token count
   */
  public synchronized double availableTokens() {
    refill(nanoTime.getAsLong());
    return tokens;
  }

  /**
   * Takes a token now or reserves one, without waiting.
   *
   * @param maxWait the longest acceptable wait
   * @return 0 (take it now), the nanoseconds to wait before using the reserved token, or -1 if that would
   *     exceed {@code maxWait} (nothing taken)
   */
  public long reserve(Duration maxWait) {
    return reserve(saturatedNanos(maxWait));
  }

  /**
   * The limit this bucket enforces.
   *
   * @return the limit
   */
  public RateLimit limit() {
    return limit;
  }

  private synchronized long reserve(long maxWaitNanos) {
    refill(nanoTime.getAsLong());
    if (tokens >= 1) {
      tokens -= 1;
      return 0;
    }
    double wait = Math.ceil((1 - tokens) / limit.permitsPerSecond() * NANOS_PER_SECOND);
    if (wait > maxWaitNanos) {
      return -1;
    }
    tokens -= 1;
    return Math.max(1, (long) wait);
  }

  private void refill(long now) {
    long elapsed = now - lastRefill;
    if (elapsed > 0) {
      tokens =
          Math.min(limit.burst(), tokens + elapsed * limit.permitsPerSecond() / NANOS_PER_SECOND);
      lastRefill = now;
    }
  }

  private static long saturatedNanos(Duration d) {
    return d.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : d.toNanos();
  }

  @Override
  public String toString() {
    return "TokenBucket{" + limit + "}";
  }
}
