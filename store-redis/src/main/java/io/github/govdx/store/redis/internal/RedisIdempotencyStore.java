package io.github.govdx.store.redis.internal;

import io.github.govdx.client.provider.IdempotencyClaim;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.core.state.StateStoreException;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The provider's idempotency store on Redis: one hash per key ({@code fp}, {@code tok}, {@code lease}, {@code
 * exp}, {@code ans}), read and changed only by Lua scripts, so every claim, completion and release is one atomic
 * step across all instances. Leases and expiries are compared with the store's {@link Clock} (passed to the
 * script as {@code now}); the key's Redis TTL only lets Redis drop what the clock has already expired.
 *
 * <p>Thread-safe.
 */
public final class RedisIdempotencyStore implements IdempotencyStore {

  private static final String STORE = "redis idempotency store";

  private final RedisCommandRunner runner;
  private final RedisKeys keys;
  private final Clock clock;

  /**
   * A store.
   *
   * @param runner the command runner
   * @param keys the key layout
   * @param clock the clock that decides leases and expiry
   */
  public RedisIdempotencyStore(RedisCommandRunner runner, RedisKeys keys, Clock clock) {
    this.runner = Objects.requireNonNull(runner, "runner == null");
    this.keys = Objects.requireNonNull(keys, "keys == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  @Override
  public IdempotencyClaim claim(
      String key, String fingerprint, Instant leaseUntil, Instant expiresAt) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(fingerprint, "fingerprint == null");
    Objects.requireNonNull(leaseUntil, "leaseUntil == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    Instant now = clock.instant();
    String token = UUID.randomUUID().toString();
    List<Object> reply =
        runner.eval(
            STORE,
            "claim",
            LuaScript.IDEMPOTENCY_CLAIM,
            ScriptOutputType.MULTI,
            keys.key(RedisKeys.IDEMPOTENCY, key),
            Long.toString(Ttl.epochMillis(now)),
            fingerprint,
            token,
            Long.toString(Ttl.epochMillis(leaseUntil)),
            Long.toString(Ttl.epochMillis(expiresAt)),
            Long.toString(Ttl.millisUntil(clock, expiresAt)));
    if (reply == null || reply.isEmpty() || !(reply.get(0) instanceof String outcome)) {
      throw StateStoreException.misconfigured(STORE, "claim returned an unexpected reply", null);
    }
    switch (outcome) {
      case "A":
        return IdempotencyClaim.acquired(token);
      case "R":
        return IdempotencyClaim.resumed(token);
      case "P":
        return IdempotencyClaim.inProgress();
      case "C":
        return IdempotencyClaim.conflict();
      case "D":
        if (reply.size() == 2 && reply.get(1) instanceof String answer) {
          try {
            return IdempotencyClaim.completed(AnswerCodec.decode(answer));
          } catch (IllegalArgumentException e) {
            throw StateStoreException.misconfigured(STORE, "a stored answer is unreadable", e);
          }
        }
        throw StateStoreException.misconfigured(STORE, "claim returned no answer", null);
      default:
        throw StateStoreException.misconfigured(STORE, "claim returned an unknown outcome", null);
    }
  }

  @Override
  public boolean complete(String key, String token, ProviderResponse answer, Instant expiresAt) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(answer, "answer == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    Long stored =
        runner.eval(
            STORE,
            "complete",
            LuaScript.IDEMPOTENCY_COMPLETE,
            ScriptOutputType.INTEGER,
            keys.key(RedisKeys.IDEMPOTENCY, key),
            token,
            AnswerCodec.encode(answer),
            Long.toString(Ttl.epochMillis(expiresAt)),
            Long.toString(Ttl.millisUntil(clock, expiresAt)));
    return stored != null && stored == 1L;
  }

  @Override
  public void release(String key, String token) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(token, "token == null");
    runner.<Long>eval(
        STORE,
        "release",
        LuaScript.IDEMPOTENCY_RELEASE,
        ScriptOutputType.INTEGER,
        keys.key(RedisKeys.IDEMPOTENCY, key),
        token);
  }

  @Override
  public String toString() {
    return "RedisStores.idempotencyStore{prefix=" + keys.prefix() + "}";
  }
}
