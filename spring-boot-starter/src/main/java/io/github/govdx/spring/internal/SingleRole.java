package io.github.govdx.spring.internal;

import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.crypto.replay.ReplayCache;
import java.time.Instant;
import java.util.Objects;

/**
 * Views of a store object that implements several SPIs (a Redis or JDBC "first seen" store is both a replay
 * cache and a nonce cache) as exactly one, so that injecting {@link ReplayCache} or {@link NonceCache} by type
 * finds one bean. {@code toString()} names the store. Thread-safe when the store is.
 */
public final class SingleRole {

  private SingleRole() {}

  /**
   * The store as a replay cache only.
   *
   * @param store the store
   * @return the view
   */
  public static ReplayCache replayCache(ReplayCache store) {
    Objects.requireNonNull(store, "store == null");
    return new ReplayCache() {
      @Override
      public boolean firstSeen(String messageId, Instant expiresAt) {
        return store.firstSeen(messageId, expiresAt);
      }

      @Override
      public Claim claim(String messageId, Instant expiresAt) {
        return store.claim(messageId, expiresAt);
      }

      @Override
      public String toString() {
        return "ReplayCache{" + store.getClass().getName() + "}";
      }
    };
  }

  /**
   * The store as a nonce cache only.
   *
   * @param store the store
   * @return the view
   */
  public static NonceCache nonceCache(NonceCache store) {
    Objects.requireNonNull(store, "store == null");
    return new NonceCache() {
      @Override
      public boolean firstUse(String key, Instant expiresAt) {
        return store.firstUse(key, expiresAt);
      }

      @Override
      public String toString() {
        return "NonceCache{" + store.getClass().getName() + "}";
      }
    };
  }
}
