package io.github.govdx.crypto.replay;

import java.time.Instant;
import java.util.Objects;

/**
 * Remembers message ids until they expire, to refuse replays (DESIGN section 4 and section 7). The codec records
 * each authentic, fresh message's id with the key {@code <sender party id> <message id>} and the instant after
 * which the message would be refused as too old anyway (issued-at plus the clock skew), either with
 * {@link #firstSeen(String, Instant)} or through a {@link #claim(String, Instant) claim}.
 *
 * <p><b>Atomicity contract.</b> Implementations must be thread-safe and, when shared by several instances of a
 * receiver (a database or Redis), atomic across all of them: of any number of concurrent calls with the same id,
 * from any thread or process, exactly one returns {@code true} (counting {@link #firstSeen(String, Instant)} and
 * {@link Claim#firstSeen()} alike). An id is remembered at least until {@code expiresAt}; it may be forgotten after
 * that (a message that old is refused by its issued-at anyway). The one exception is {@link Claim#release()}.
 *
 * <p><b>Failure contract: fail closed.</b> An implementation that cannot remember an id must never return
 * {@code true}: it throws {@link io.github.govdx.core.state.StateStoreException} ({@code GDX-1601}, retryable)
 * when its store does not answer within its bounded timeout, or another
 * {@link io.github.govdx.core.GovdxException} (the in-memory cache throws
 * {@link io.github.govdx.crypto.ReplayDetectedException} with {@code GDX-2304}, retryable, when full). The codec
 * passes the exception on unchanged, so the message is refused and can be sent again later.
 *
 * <p><b>Early claims.</b> With a shared store the check is a network round trip. {@code EnvelopeCodec.open} and
 * {@code verify} therefore start a {@link #claim(String, Instant) claim} as soon as the routing headers are parsed
 * and the cheap checks have passed (receiver, recipient key, issued-at inside the skew window), run the
 * cryptography while the store answers, and only then wait for the answer. A claim made before the signature is
 * checked never lets anything through: a message is accepted only when its signature verifies <em>and</em> its
 * claim is the one that recorded the id. When the codec does not accept the message after all (decryption or
 * signature fails, the store fails, anything else), it {@linkplain Claim#release() releases} the claim, which
 * removes the entry again if, and only if, this claim created it. So a forged envelope carrying a real message's
 * id holds that id only while it is being checked (a fraction of a millisecond plus two store round trips: the
 * codec's call returns only once the entry is removed again):
 * the
 * genuine envelope is refused as a replay only if it arrives in exactly that window, which an attacker who can
 * see message ids on the path could achieve more simply by dropping it; message ids are random, so nobody can
 * claim an id before seeing it. What an early claim does cost: every well-formed, fresh envelope addressed to the
 * receiver, forged or not, now writes to the store (and a forged one removes its entry again); and if the
 * receiver stops between a forger's claim and its release, that id stays claimed until it expires (issued-at plus
 * the clock skew), so the genuine envelope is refused as a replay and must be sent again under a new message id
 * (docs/security.md, "Early replay claims").
 *
 * <p>Implementations: {@link InMemoryReplayCache} (one JVM), and the JDBC and Redis caches of
 * {@code govdx-store-jdbc} and {@code govdx-store-redis}, which all implement {@link #claim(String, Instant)}. An
 * implementation that implements only {@link #firstSeen(String, Instant)} gets a claim that asks it after the
 * cryptography, as before (no overlap, nothing to release).
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

  /**
   * Starts recording an id without waiting for the answer, so the caller can do other work while the store
   * answers; {@link Claim#firstSeen()} then waits for it. Either {@link Claim#firstSeen()} returns {@code true}
   * and the caller accepts the message, or the caller calls {@link Claim#release()}.
   *
   * <p>The default asks {@link #firstSeen(String, Instant)} only when {@link Claim#firstSeen()} is called, and
   * its release does nothing; implementations on a remote store override it to send the claim at once.
   *
   * @param messageId the id (scoped by the codec with the sender)
   * @param expiresAt when the id may be forgotten; must be after the store's "now" for the claim to last
   * @return the claim, in flight
   * @throws io.github.govdx.core.GovdxException if the claim cannot even be started (the failure contract)
   */
  default Claim claim(String messageId, Instant expiresAt) {
    Objects.requireNonNull(messageId, "messageId == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    return new Claim() {
      @Override
      public boolean firstSeen() {
        return ReplayCache.this.firstSeen(messageId, expiresAt);
      }

      @Override
      public void release() {
        // nothing was sent before firstSeen(), and after it the codec either accepted or was
        // refused
      }
    };
  }

  /**
   * A claim on one id, started by {@link #claim(String, Instant)}. Each of its two methods is called at most once,
   * and {@link #release()} never once the message was accepted.
   *
   * <p>Not thread-safe: used by the thread that started it.
   */
  interface Claim {

    /**
     * Waits (within the store's bounded timeout, counted from the start of the claim) for the answer.
     *
     * @return {@code true} if this claim recorded the id (exactly one claim or {@code firstSeen} call per id
     *     does), {@code false} on a replay
     * @throws io.github.govdx.core.GovdxException on the failure contract's terms ({@code GDX-1601} when the
     *     store does not answer in time)
     */
    boolean firstSeen();

    /**
     * Gives the claim up: the message it was made for is not accepted. If this claim created the entry (now, or
     * when a claim still in flight completes), the entry is removed, so the id counts as never seen; an entry
     * this claim did not create is never removed (a conditional delete of exactly this claim's entry: the
     * atomicity contract otherwise holds unchanged), so after a replay ({@link #firstSeen()} returned
     * {@code false}) it does nothing. Returns once the removal is done, or when the store's bounded timeout has
     * passed; the removal is best effort (if the store cannot be reached, the entry stays until it expires, as if
     * the claim had succeeded). Never throws.
     */
    void release();
  }
}
