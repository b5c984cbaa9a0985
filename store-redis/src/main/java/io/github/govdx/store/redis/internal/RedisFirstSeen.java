package io.github.govdx.store.redis.internal;

import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.crypto.replay.ReplayCache;
import io.lettuce.core.SetArgs;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The envelope replay cache and the gateway nonce cache on Redis: one {@code SET key 1 NX PX ttl} per call, so of
 * any number of concurrent calls with one id, on any number of instances, exactly the one whose {@code SET}
 * created the key sees {@code OK} (the others see nil). The key lives {@code expiresAt − clock.now} (at least 1 ms).
 *
 * <p>An early replay claim ({@link ReplayCache#claim}) sends the same {@code SET} at once with a value unique to the
 * claim (a random id of this cache and a counter) instead of {@code 1}, and waits for the reply only when asked,
 * within the runner's deadline counted from the send. Its release deletes the key only if it still holds that
 * value (a compare-and-delete script, {@code first-seen-release.lua}), sent once the {@code SET} is known to have
 * created the key; the release waits for it within the runner's timeout.
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
  private final String claimPrefix = UUID.randomUUID() + ":";
  private final AtomicLong claims = new AtomicLong();

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
  public Claim claim(String messageId, Instant expiresAt) {
    Objects.requireNonNull(messageId, "messageId == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    String key = keys.key(kind, messageId);
    String token = claimPrefix + claims.incrementAndGet();
    SetArgs args = SetArgs.Builder.nx().px(Ttl.millisUntil(clock, expiresAt));
    RedisCommandRunner.Pending<String> set =
        runner.send(store, operation, c -> c.set(key, token, args));
    return new Claim() {
      @Override
      public boolean firstSeen() {
        return "OK".equals(set.await());
      }

      @Override
      public void release() {
        // once the SET is known to have created the key (a SET cancelled at its deadline never is)
        runner.awaitQuietly(
            store + " release",
            set.future()
                .thenCompose(
                    reply ->
                        "OK".equals(reply)
                            ? runner.evalAsync(LuaScript.FIRST_SEEN_RELEASE, key, token)
                            : CompletableFuture.completedFuture(0L)));
      }
    };
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
