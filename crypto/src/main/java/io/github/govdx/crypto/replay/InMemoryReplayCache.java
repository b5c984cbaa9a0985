package io.github.govdx.crypto.replay;

import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.ReplayDetectedException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;

/**
 * A bounded in-memory {@link ReplayCache}: one JVM only (use a shared store for several nodes).
 *
 * <p>Ids are kept until they expire; expired ids are evicted on every call (oldest expiry first, amortised
 * O(log n)). The cache never holds more than {@link #maxEntries()} ids (default {@value #DEFAULT_MAX_ENTRIES}).
 * <b>When full</b> of unexpired ids it fails closed: the new id is not accepted and
 * {@link #firstSeen(String, Instant)} throws {@link ReplayDetectedException} with {@code GDX-2304}
 * (retryable), rather than forgetting an unexpired id, which would let that message be replayed. Size it
 * above the expected message rate times the validity window (2 × clock skew).
 *
 * <p>Thread-safe (one lock; each call is short).
 */
public final class InMemoryReplayCache implements ReplayCache {

  /** The default capacity. */
  public static final int DEFAULT_MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final int maxEntries;
  private final Map<String, Instant> seen = new HashMap<>();
  private final PriorityQueue<Entry> byExpiry = new PriorityQueue<>();

  private record Entry(Instant expiresAt, String id) implements Comparable<Entry> {
    @Override
    public int compareTo(Entry o) {
      return expiresAt.compareTo(o.expiresAt);
    }
  }

  /**
   * A cache with the default capacity and the system UTC clock.
   */
  public InMemoryReplayCache() {
    this(Clock.systemUTC(), DEFAULT_MAX_ENTRIES);
  }

  /**
   * A cache.
   *
   * @param clock the clock that decides expiry
   * @param maxEntries the capacity, at least 1
   * @throws IllegalArgumentException if {@code maxEntries < 1}
   */
  public InMemoryReplayCache(Clock clock, int maxEntries) {
    this.clock = Objects.requireNonNull(clock, "clock == null");
    if (maxEntries < 1) {
      throw new IllegalArgumentException("maxEntries must be at least 1");
    }
    this.maxEntries = maxEntries;
  }

  /**
   * The capacity.
   *
   * @return the maximum number of remembered ids
   */
  public int maxEntries() {
    return maxEntries;
  }

  /**
   * The number of remembered (possibly expired, not yet evicted) ids.
   *
   * @return the size
   */
  public synchronized int size() {
    return seen.size();
  }

  /**
   * {@inheritDoc}
   *
   * @throws ReplayDetectedException {@code GDX-2304} if the cache is full of unexpired ids
   */
  @Override
  public synchronized boolean firstSeen(String messageId, Instant expiresAt) {
    Objects.requireNonNull(messageId, "messageId == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    Instant now = clock.instant();
    while (!byExpiry.isEmpty() && !byExpiry.peek().expiresAt().isAfter(now)) {
      Entry e = byExpiry.poll();
      if (e.expiresAt().equals(seen.get(e.id()))) {
        seen.remove(e.id());
      }
    }
    Instant known = seen.get(messageId);
    if (known != null) {
      return false;
    }
    if (seen.size() >= maxEntries) {
      throw new ReplayDetectedException(
          CryptoErrorCode.REPLAY_CACHE_FULL,
          "replay cache full (" + maxEntries + " unexpired ids); message refused");
    }
    seen.put(messageId, expiresAt);
    byExpiry.add(new Entry(expiresAt, messageId));
    return true;
  }

  /**
   * Records the id at once (no store to wait for); {@link Claim#release()} removes the entry again if this claim
   * created it and it is still the same entry.
   *
   * @throws ReplayDetectedException {@code GDX-2304} (retryable) when the cache is full
   */
  @Override
  public Claim claim(String messageId, Instant expiresAt) {
    boolean first = firstSeen(messageId, expiresAt);
    return new Claim() {
      @Override
      public boolean firstSeen() {
        return first;
      }

      @Override
      public void release() {
        if (first) {
          forget(messageId, expiresAt);
        }
      }
    };
  }

  private synchronized void forget(String messageId, Instant expiresAt) {
    // only the entry this claim created: an entry that expired and was recorded again carries a
    // later expiry
    // (a fresh message's expiry is after now); its stale byExpiry item is skipped when polled
    seen.remove(messageId, expiresAt);
  }

  @Override
  public String toString() {
    return "InMemoryReplayCache{maxEntries=" + maxEntries + "}";
  }
}
