package io.github.govdx.client.provider;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An {@link IdempotencyStore} in this JVM's memory: right for one provider instance that is never restarted
 * mid-retry, wrong for several (each would run the handler once; share a JDBC or Redis store instead, see
 * {@code docs/scaling.md}).
 *
 * <p>Expired entries (answers past their expiry, abandoned attempts past their claim's expiry) are purged by a scan every
 * {@value #PURGE_EVERY} claims, so the cost per claim stays constant on average.
 *
 * <p>Thread-safe (one lock; each call is short).
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {

  private static final int PURGE_EVERY = 1024;

  private final Clock clock;
  private final Map<String, Entry> entries = new HashMap<>();
  private int claimsSincePurge;

  /**
   * An entry: fingerprint, owner token while in progress (null once released or completed), answer once
   * completed, the lease end while in progress, and when the entry may be forgotten.
   */
  private record Entry(
      String fingerprint,
      @Nullable String token,
      @Nullable ProviderResponse answer,
      Instant leaseUntil,
      Instant expiresAt) {

    boolean live(Instant now) {
      return answer != null || (token != null && leaseUntil.isAfter(now));
    }
  }

  /**
   * A store.
   *
   * @param clock the clock that decides leases and expiry
   */
  public InMemoryIdempotencyStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
  }

  @Override
  public synchronized IdempotencyClaim claim(
      String key, String fingerprint, Instant leaseUntil, Instant expiresAt) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(fingerprint, "fingerprint == null");
    Objects.requireNonNull(leaseUntil, "leaseUntil == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    Instant now = clock.instant();
    if (++claimsSincePurge >= PURGE_EVERY) {
      claimsSincePurge = 0;
      entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
    }
    Entry e = entries.get(key);
    if (e != null && !e.expiresAt().isAfter(now)) {
      e = null;
    }
    if (e != null && e.live(now)) {
      if (!e.fingerprint().equals(fingerprint)) {
        return IdempotencyClaim.conflict();
      }
      return e.answer() != null
          ? IdempotencyClaim.completed(e.answer())
          : IdempotencyClaim.inProgress();
    }
    String token = UUID.randomUUID().toString();
    entries.put(key, new Entry(fingerprint, token, null, leaseUntil, expiresAt));
    boolean resumed = e != null && e.fingerprint().equals(fingerprint);
    return resumed ? IdempotencyClaim.resumed(token) : IdempotencyClaim.acquired(token);
  }

  @Override
  public synchronized boolean complete(
      String key, String token, ProviderResponse answer, Instant expiresAt) {
    Objects.requireNonNull(answer, "answer == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    Entry e = entries.get(Objects.requireNonNull(key, "key == null"));
    if (e == null || !Objects.requireNonNull(token, "token == null").equals(e.token())) {
      return false;
    }
    entries.put(key, new Entry(e.fingerprint(), null, answer, e.leaseUntil(), expiresAt));
    return true;
  }

  @Override
  public synchronized void release(String key, String token) {
    Entry e = entries.get(Objects.requireNonNull(key, "key == null"));
    if (e != null && Objects.requireNonNull(token, "token == null").equals(e.token())) {
      entries.put(key, new Entry(e.fingerprint(), null, null, e.leaseUntil(), e.expiresAt()));
    }
  }

  @Override
  public String toString() {
    return "InMemoryIdempotencyStore{}";
  }
}
