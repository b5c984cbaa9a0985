package io.github.govdx.store.redis.internal;

import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.crypto.replay.ReplayCache;
import io.lettuce.core.SetArgs;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * The envelope replay cache and the gateway nonce cache on Redis: one {@code SET key 1 NX PX ttl} per call, so of
 * any number of concurrent calls with one id, on any number of instances, exactly the one whose {@code SET}
 * created the key sees {@code OK} (the others see nil). The key lives {@code expiresAt − clock.now} (at least 1 ms).
 *
 * <p>Thread-safe.
 */
public final class RedisFirstSeen implements ReplayCache, NonceCache {

  private final RedisCommandRunner runner;
  private final RedisKeys keys;
  private final String kind;
  private final Clock clock;
  private final String store;
  private final String operation;

  private RedisFirstSeen(
      RedisCommandRunner runner,
      RedisKeys keys,
      String kind,
      Clock clock,
      String store,
      String op) {
    this.runner = Objects.requireNonNull(runner, "runner == null");
    this.keys = Objects.requireNonNull(keys, "keys == null");
    this.kind = kind;
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.store = store;
    this.operation = op;
  }

  /**
   * The envelope replay cache.
   *
   * @param runner the command runner
   * @param keys the key layout
   * @param clock the clock that decides lifetimes
   * @return the cache
   */
  public static ReplayCache replayCache(RedisCommandRunner runner, RedisKeys keys, Clock clock) {
    return new RedisFirstSeen(
        runner, keys, RedisKeys.REPLAY, clock, "redis replay cache", "firstSeen");
  }

  /**
   * The gateway nonce cache.
   *
   * @param runner the command runner
   * @param keys the key layout
   * @param clock the clock that decides lifetimes
   * @return the cache
   */
  public static NonceCache nonceCache(RedisCommandRunner runner, RedisKeys keys, Clock clock) {
    return new RedisFirstSeen(
        runner, keys, RedisKeys.NONCE, clock, "redis nonce cache", "firstUse");
  }

  @Override
  public boolean firstSeen(String messageId, Instant expiresAt) {
    return first(messageId, expiresAt);
  }

  @Override
  public boolean firstUse(String key, Instant expiresAt) {
    return first(key, expiresAt);
  }

  private boolean first(String id, Instant expiresAt) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    String key = keys.key(kind, id);
    SetArgs args = SetArgs.Builder.nx().px(Ttl.millisUntil(clock, expiresAt));
    String reply = runner.call(store, operation, c -> c.set(key, "1", args));
    return "OK".equals(reply);
  }

  @Override
  public String toString() {
    return "RedisStores." + kind + "{prefix=" + keys.prefix() + "}";
  }
}
