package io.github.govdx.client.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * A small time-bounded cache (entries expire after a TTL; the cache is cleared when it exceeds its capacity).
 * Thread-safe.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class TtlCache<K, V> {

  private record Entry<V>(V value, Instant expires) {}

  private final Map<K, Entry<V>> map = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;
  private final int capacity;

  /**
   * Creates a cache.
   *
   * @param ttl how long entries stay fresh ({@link Duration#ZERO} disables caching)
   * @param clock the clock
   * @param capacity the most entries kept
   */
  public TtlCache(Duration ttl, Clock clock, int capacity) {
    this.ttl = ttl;
    this.clock = clock;
    this.capacity = capacity;
  }

  /**
   * A fresh entry.
   *
   * @param key the key
   * @return the value, or {@code null} if absent or expired
   */
  public @Nullable V get(K key) {
    Entry<V> e = map.get(key);
    if (e == null) {
      return null;
    }
    if (!clock.instant().isBefore(e.expires())) {
      map.remove(key, e);
      return null;
    }
    return e.value();
  }

  /**
   * Stores a value.
   *
   * @param key the key
   * @param value the value
   * @return the value
   */
  public V put(K key, V value) {
    if (!ttl.isZero()) {
      if (map.size() >= capacity) {
        map.clear();
      }
      map.put(key, new Entry<>(value, clock.instant().plus(ttl)));
    }
    return value;
  }

  /**
   * Drops an entry.
   *
   * @param key the key
   */
  public void remove(K key) {
    map.remove(key);
  }
}
