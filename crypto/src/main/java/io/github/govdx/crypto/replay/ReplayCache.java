package io.github.govdx.crypto.replay;

import java.time.Instant;

/**
 * Remembers message ids until they expire, to refuse replays (DESIGN section 4 and section 7). The codec calls
 * {@link #firstSeen(String, Instant)} once per authentic, fresh message, after every cryptographic check,
 * with the key {@code <sender party id> <message id>} and the instant after which the message would be
 * refused as too old anyway (issued-at plus the clock skew).
 *
 * <p><b>Atomicity contract.</b> Implementations must be thread-safe and, when shared by several instances of a
 * receiver (a database or Redis), atomic across all of them: of any number of concurrent calls with the same id,
 * from any thread or process, exactly one returns {@code true}. An id is remembered at least until
 * {@code expiresAt}; it may be forgotten after that (a message that old is refused by its issued-at anyway).
 *
 * <p><b>Failure contract: fail closed.</b> An implementation that cannot remember an id must never return
 * {@code true}: it throws {@link io.github.govdx.core.state.StateStoreException} ({@code GDX-1601}, retryable)
 * when its store does not answer within its bounded timeout, or another
 * {@link io.github.govdx.core.GovdxException} (the in-memory cache throws
 * {@link io.github.govdx.crypto.ReplayDetectedException} with {@code GDX-2304}, retryable, when full). The codec
 * passes the exception on unchanged, so the message is refused and can be sent again later.
 *
 * <p>Implementations: {@link InMemoryReplayCache} (one JVM), and the JDBC and Redis caches of
 * {@code govdx-store-jdbc} and {@code govdx-store-redis}.
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
