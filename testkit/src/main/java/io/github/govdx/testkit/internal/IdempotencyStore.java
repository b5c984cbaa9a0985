package io.github.govdx.testkit.internal;

import io.github.govdx.client.provider.IdempotencyClaim;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.core.state.StateStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotency store of {@code docs/protocol.md} §5: per key (the caller decides what a key covers: party,
 * method, path and {@code Idempotency-Key} on the platform; sender and key at a provider) it keeps the SHA-256 of
 * the request body and the final response for 24 hours. Same key and digest, finished: the stored response is
 * replayed (flagged {@code Idempotency-Replayed: true}); still running: {@code 409}/{@code GDX-3009}; another
 * digest: {@code 422}/{@code GDX-3008}. Responses with status 429, 500, 502, 503 or 504 are not stored. Exactly
 * one request per key executes at a time. Thread-safe.
 *
 * <p>Kept in this JVM, or, for sandbox processes that act as one platform ({@code --state}), in a shared store of
 * the client's SPI ({@code govdx-store-jdbc} or {@code govdx-store-redis}): a claim with a lease, then the stored
 * answer, so a retry at any instance gets the answer the first one stored.
 */
public final class IdempotencyStore {

  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyStore.class);
  private static final Set<Integer> NOT_STORED = Set.of(429, 500, 502, 503, 504);
  private static final Duration KEEP = Duration.ofHours(24);

  /** How long a claim of a shared store is held before another instance may take it over. */
  private static final Duration LEASE = Duration.ofMinutes(2);

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final String source;
  private final io.github.govdx.client.provider.@Nullable IdempotencyStore shared;

  /**
   * Creates a store.
   *
   * @param clock the clock of retention
   * @param source the {@code source} of its errors ({@code platform} or {@code provider})
   */
  public IdempotencyStore(Clock clock, String source) {
    this(clock, source, null);
  }

  /**
   * Creates a store on a shared store (or in this JVM when {@code shared} is null).
   *
   * @param clock the clock of retention
   * @param source the {@code source} of its errors ({@code platform} or {@code provider}), also the namespace of
   *     its keys in the shared store
   * @param shared the shared store, or null
   */
  public IdempotencyStore(
      Clock clock,
      String source,
      io.github.govdx.client.provider.@Nullable IdempotencyStore shared) {
    this.clock = clock;
    this.source = source;
    this.shared = shared;
  }

  /**
   * Executes {@code action} once per key and digest, or answers from the store.
   *
   * @param key the store key
   * @param bodyDigest the SHA-256 hex of the request body
   * @param requestId the request id (for a stored error body)
   * @param action the request's execution
   * @return the response (a replay carries {@code Idempotency-Replayed: true})
   * @throws ApiException {@code GDX-3009} or {@code GDX-3008}
   */
  public Reply execute(String key, String bodyDigest, String requestId, Supplier<Reply> action) {
    if (shared != null) {
      return executeShared(shared, source + "\n" + key, bodyDigest, requestId, action);
    }
    prune();
    Entry mine = new Entry(bodyDigest, clock.instant());
    Entry existing = entries.putIfAbsent(key, mine);
    if (existing != null) {
      if (!existing.digest.equals(bodyDigest)) {
        throw new ApiException(
            WireCode.IDEMPOTENCY_KEY_REUSED,
            "the Idempotency-Key was used before with a different body",
            source,
            422,
            null,
            null,
            null);
      }
      Reply stored = existing.reply;
      if (stored == null) {
        throw new ApiException(
            WireCode.IDEMPOTENCY_IN_PROGRESS,
            "a request with the same Idempotency-Key is still running",
            source,
            409,
            Duration.ofSeconds(1),
            null,
            null);
      }
      return stored.withHeader("Idempotency-Replayed", "true");
    }
    Reply reply;
    try {
      reply = action.get();
    } catch (ApiException e) {
      if (NOT_STORED.contains(e.status()) || e.wireCode() == WireCode.IDEMPOTENCY_IN_PROGRESS) {
        entries.remove(key, mine);
      } else {
        mine.reply = ErrorBodies.reply(e, requestId);
      }
      throw e;
    } catch (RuntimeException | Error e) {
      entries.remove(key, mine);
      throw e;
    }
    if (NOT_STORED.contains(reply.status())) {
      entries.remove(key, mine);
    } else {
      mine.reply = reply;
    }
    return reply;
  }

  private Reply executeShared(
      io.github.govdx.client.provider.IdempotencyStore store,
      String key,
      String bodyDigest,
      String requestId,
      Supplier<Reply> action) {
    Instant now = clock.instant();
    IdempotencyClaim claim;
    try {
      claim = store.claim(key, bodyDigest, now.plus(LEASE), now.plus(KEEP));
    } catch (StateStoreException e) {
      throw unavailable(e);
    }
    switch (claim.outcome()) {
      case CONFLICT:
        throw new ApiException(
            WireCode.IDEMPOTENCY_KEY_REUSED,
            "the Idempotency-Key was used before with a different body",
            source,
            422,
            null,
            null,
            null);
      case IN_PROGRESS:
        throw new ApiException(
            WireCode.IDEMPOTENCY_IN_PROGRESS,
            "a request with the same Idempotency-Key is still running",
            source,
            409,
            Duration.ofSeconds(1),
            null,
            null);
      case COMPLETED:
        {
          ProviderResponse r = claim.answer().orElseThrow();
          return new Reply(r.status(), r.headers(), r.body())
              .withHeader("Idempotency-Replayed", "true");
        }
      default:
        break;
    }
    String token = claim.token().orElseThrow();
    Reply reply;
    try {
      reply = action.get();
    } catch (ApiException e) {
      if (NOT_STORED.contains(e.status()) || e.wireCode() == WireCode.IDEMPOTENCY_IN_PROGRESS) {
        releaseQuietly(store, key, token);
      } else {
        completeQuietly(store, key, token, ErrorBodies.reply(e, requestId));
      }
      throw e;
    } catch (RuntimeException | Error e) {
      releaseQuietly(store, key, token);
      throw e;
    }
    if (NOT_STORED.contains(reply.status()) || reply.stream() != null) {
      releaseQuietly(store, key, token);
    } else {
      completeQuietly(store, key, token, reply);
    }
    return reply;
  }

  private void completeQuietly(
      io.github.govdx.client.provider.IdempotencyStore store, String key, String token, Reply r) {
    try {
      store.complete(
          key,
          token,
          new ProviderResponse(r.status(), r.headers(), r.body()),
          clock.instant().plus(KEEP));
    } catch (StateStoreException e) {
      // the answer was computed; a retry after the lease runs the request again (as after a crash)
      LOG.warn("could not store an idempotent answer ({})", e.code());
    }
  }

  private static void releaseQuietly(
      io.github.govdx.client.provider.IdempotencyStore store, String key, String token) {
    try {
      store.release(key, token);
    } catch (StateStoreException e) {
      LOG.warn(
          "could not release an idempotency claim ({}); it frees when its lease ends", e.code());
    }
  }

  private ApiException unavailable(StateStoreException e) {
    return new ApiException(
        "provider".equals(source)
            ? WireCode.PROVIDER_STATE_UNAVAILABLE
            : WireCode.PLATFORM_UNAVAILABLE,
        "the shared idempotency store does not answer (" + e.code() + ")",
        source,
        503,
        Duration.ofSeconds(1),
        null,
        null);
  }

  private void prune() {
    Instant cutoff = clock.instant().minus(KEEP);
    Iterator<Entry> it = entries.values().iterator();
    int checked = 0;
    while (it.hasNext() && checked++ < 16) {
      Entry e = it.next();
      if (e.reply != null && e.at.isBefore(cutoff)) {
        it.remove();
      }
    }
  }

  /**
   * The number of keys held.
   *
   * @return the size
   */
  public int size() {
    return entries.size();
  }

  private static final class Entry {
    final String digest;
    final Instant at;
    volatile Reply reply;

    Entry(String digest, Instant at) {
      this.digest = digest;
      this.at = at;
    }
  }
}
