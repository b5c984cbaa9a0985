package io.github.govdx.client.auth;

import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;

/**
 * A bounded {@link NonceCache} in this JVM's memory: right for one instance, wrong for several (each would
 * accept the same nonce once; share a JDBC or Redis cache instead, see {@code docs/scaling.md}).
 *
 * <p>Expired nonces are dropped on every call. When the cache holds {@link #maxEntries()} unexpired nonces the
 * oldest is forgotten; size it to at least the peak request rate times twice the allowed skew.
 *
 * <p>Thread-safe (one lock; each call is short).
 */
public final class InMemoryNonceCache implements NonceCache {

  /** The default capacity. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final int maxEntries;
  private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

  /**
   * A cache.
   *
   * @param clock the clock that decides expiry
   * @param maxEntries the capacity, at least 1
   * @throws IllegalArgumentException if {@code maxEntries < 1}
   */
  public InMemoryNonceCache(Clock clock, int maxEntries) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries < 1: " + maxEntries);
    }
    this.maxEntries = maxEntries;
  }

  /**
   * The capacity.
   *
   * @return the maximum number of remembered nonces
   */
  public int maxEntries() {
    return maxEntries;
  }

  @Override
  public synchronized boolean firstUse(String key, Instant expiresAt) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    Instant now = clock.instant();
    Iterator<Instant> expiries = seen.values().iterator(); // oldest first
    while (expiries.hasNext()) {
      if (!expiries.next().isBefore(now) && seen.size() < maxEntries) {
        break;
      }
      expiries.remove();
    }
    return seen.putIfAbsent(key, expiresAt) == null;
  }

  @Override
  public String toString() {
    return "InMemoryNonceCache{maxEntries=" + maxEntries + "}";
  }
}
