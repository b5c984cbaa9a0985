package io.github.govdx.store.redis.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Key lifetimes: from the store's clock to an absolute expiry, in whole milliseconds. */
final class Ttl {

  /** The longest lifetime given to a key (Redis refuses expiry times past its clock's range). */
  static final long MAX_MILLIS = Duration.ofDays(3650).toMillis();

  private Ttl() {}

  /**
   * The {@code PX} of a key that must live until {@code expiresAt}.
   *
   * @param clock the store's clock
   * @param expiresAt the expiry
   * @return {@code expiresAt − clock.now} in milliseconds, rounded up, at least 1 and at most {@link #MAX_MILLIS}
   */
  static long millisUntil(Clock clock, Instant expiresAt) {
    Instant now = clock.instant();
    if (!expiresAt.isAfter(now)) {
      return 1;
    }
    Duration d = Duration.between(now, expiresAt);
    if (d.compareTo(Duration.ofMillis(MAX_MILLIS)) >= 0) {
      return MAX_MILLIS;
    }
    long millis = d.toMillis();
    return d.equals(Duration.ofMillis(millis)) ? Math.max(1, millis) : millis + 1;
  }

  /**
   * An instant as epoch milliseconds, saturated to the range Lua numbers hold exactly.
   *
   * @param instant the instant
   * @return its epoch milliseconds
   */
  static long epochMillis(Instant instant) {
    long max = 1L << 52;
    if (instant.isAfter(Instant.ofEpochMilli(max))) {
      return max;
    }
    if (instant.isBefore(Instant.ofEpochMilli(-max))) {
      return -max;
    }
    return instant.toEpochMilli();
  }
}
