package io.github.govdx.store.redis.internal;

import io.github.govdx.client.RateLimit;
import io.github.govdx.client.RateLimiter;
import io.github.govdx.core.state.StateStoreException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The shared rate limiter on Redis: one hash per bucket ({@code tokens}, {@code ts}) updated by one Lua script,
 * with the reservation semantics of {@code InMemoryRateLimiter} (tokens may go negative by reservations; a caller
 * that would wait longer than it accepts takes nothing). The time base is the Redis server's {@code TIME}, read
 * inside the script: the one clock every instance shares, so instances whose clocks disagree neither refill a
 * bucket twice nor starve it. An idle bucket's key expires once it would be full again.
 *
 * <p>Thread-safe.
 */
public final class RedisRateLimiter implements RateLimiter {

  private static final String STORE = "redis rate limiter";
  private static final long MAX_WAIT_MICROS = Duration.ofDays(365).toNanos() / 1000;

  private final RedisCommandRunner runner;
  private final RedisKeys keys;

  /**
   * A limiter.
   *
   * @param runner the command runner
   * @param keys the key layout
   */
  public RedisRateLimiter(RedisCommandRunner runner, RedisKeys keys) {
    this.runner = Objects.requireNonNull(runner, "runner == null");
    this.keys = Objects.requireNonNull(keys, "keys == null");
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
    long maxWaitMicros =
        maxWait.compareTo(Duration.ofDays(365)) > 0 ? MAX_WAIT_MICROS : maxWait.toNanos() / 1000;
    Long wait =
        runner.eval(
            STORE,
            "reserve",
            LuaScript.RATE_RESERVE,
            ScriptOutputType.INTEGER,
            keys.key(RedisKeys.RATE, bucket),
            Double.toString(limit.permitsPerSecond()),
            Integer.toString(limit.burst()),
            Long.toString(maxWaitMicros));
    if (wait == null) {
      throw StateStoreException.misconfigured(STORE, "reserve returned no reply", null);
    }
    return wait < 0 ? Optional.empty() : Optional.of(Duration.ofNanos(wait * 1000));
  }

  @Override
  public String toString() {
    return "RedisStores.rateLimiter{prefix=" + keys.prefix() + "}";
  }
}
