package io.github.govdx.crypto.replay;

import java.time.Instant;

/**
 * Remembers message ids until they expire, to refuse replays (DESIGN §4). The codec calls
 * {@link #firstSeen(String, Instant)} once per authentic, fresh message, after every cryptographic check,
 * with the key {@code <sender party id> <message id>} and the instant after which the message would be
 * refused as too old anyway (issued-at plus the clock skew).
 *
 * <p>Implementations must be thread-safe and atomic: of two concurrent calls with the same id, exactly one
 * returns {@code true}. An implementation that cannot remember an id must not return {@code true}; it may
 * throw a {@link io.github.govdx.core.GovdxException} (the built-in one throws
 * {@link io.github.govdx.crypto.ReplayDetectedException} with {@code GDX-2304}, retryable).
 */
@FunctionalInterface
public interface ReplayCache {

  /**
   * Records an id and says whether it is new.
   *
   * @param messageId the id (scoped by the codec with the sender)
   * @param expiresAt when the id may be forgotten
   * @return {@code true} if the id was not seen before (and is now remembered), {@code false} on a replay
   */
  boolean firstSeen(String messageId, Instant expiresAt);
}
