package io.github.govdx.testkit.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The idempotency store of {@code docs/protocol.md} §5: per key (the caller decides what a key covers: party,
 * method, path and {@code Idempotency-Key} on the platform; sender and key at a provider) it keeps the SHA-256 of
 * the request body and the final response for 24 hours. Same key and digest, finished: the stored response is
 * replayed (flagged {@code Idempotency-Replayed: true}); still running: {@code 409}/{@code GDX-3009}; another
 * digest: {@code 422}/{@code GDX-3008}. Responses with status 429, 500, 502, 503 or 504 are not stored. Exactly
 * one request per key executes at a time. Thread-safe.
 */
public final class IdempotencyStore {

  private static final Set<Integer> NOT_STORED = Set.of(429, 500, 502, 503, 504);
  private static final Duration KEEP = Duration.ofHours(24);

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;
  private final String source;

  /**
   * Creates a store.
   *
   * @param clock the clock of retention
   * @param source the {@code source} of its errors ({@code platform} or {@code provider})
   */
  public IdempotencyStore(Clock clock, String source) {
    this.clock = clock;
    this.source = source;
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
