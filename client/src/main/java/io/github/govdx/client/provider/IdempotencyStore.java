package io.github.govdx.client.provider;

import java.time.Instant;

/**
 * The provider's idempotency store (幂等存储, the inbox of DESIGN section 7): it makes a push with one
 * {@code Idempotency-Key} run the department's handler once, however often and at however many instances it
 * arrives. {@link ProviderEndpoint} uses it in three steps:
 *
 * <ol>
 *   <li>{@link #claim(String, String, Instant, Instant)} before anything else: the first caller gets the key
 *       ({@link IdempotencyClaim.Outcome#ACQUIRED ACQUIRED}, with an owner token and a lease); a later caller with
 *       the same fingerprint gets {@link IdempotencyClaim.Outcome#IN_PROGRESS IN_PROGRESS} while the owner works,
 *       then {@link IdempotencyClaim.Outcome#COMPLETED COMPLETED} with the stored answer; a caller with another
 *       fingerprint gets {@link IdempotencyClaim.Outcome#CONFLICT CONFLICT}.
 *   <li>{@link #complete(String, String, ProviderResponse, Instant)} when the handler has run and the answer is
 *       final: the answer is kept until its expiry and served to every repeat.
 *   <li>{@link #release(String, String)} when the attempt was refused or failed: the key is free again (for any
 *       fingerprint).
 * </ol>
 *
 * <p><b>Atomicity contract.</b> Implementations are thread-safe and, when shared by several instances, atomic
 * across all of them: of any number of concurrent {@code claim}s of a free key exactly one is
 * {@code ACQUIRED}. A claim whose lease ran out (its owner died mid-call) counts as free, whatever its
 * fingerprint: its handler never committed an answer. <b>Resumption:</b> an attempt that ended without an answer
 * (released, or its lease ran out) is remembered until the {@code expiresAt} of its claim; a later claim of the
 * same key with the same fingerprint is then {@link IdempotencyClaim#resumed(String) resumed}, so that the
 * endpoint runs the same request again instead of refusing its envelope as a replay of the one the earlier attempt
 * had already opened. {@code complete} and {@code release} act only while the
 * token still owns the key (compare-and-set), so an owner whose lease was taken over cannot overwrite the new
 * owner's work. A completed entry is kept at least until the {@code expiresAt} given to {@code complete}.
 *
 * <p><b>Failure contract: fail closed.</b> A store that cannot answer throws
 * {@link io.github.govdx.core.state.StateStoreException} ({@code GDX-1601}, retryable) and never guesses; the
 * endpoint then refuses the push with {@code 503}/{@code GDX-3308} so the sender retries with the same key.
 *
 * <p>Implementations: {@link InMemoryIdempotencyStore} (one JVM, the default), and the JDBC and Redis stores of
 * {@code govdx-store-jdbc} and {@code govdx-store-redis}.
 */
public interface IdempotencyStore {

  /**
   * Claims a key, or reports who has it.
   *
   * @param key the scoped key ({@code <caller party> <resource code> <Idempotency-Key>})
   * @param fingerprint what identifies the request under this key (a digest of the push); a different
   *     fingerprint under a live key is a {@link IdempotencyClaim.Outcome#CONFLICT CONFLICT}
   * @param leaseUntil until when an {@code ACQUIRED} claim is exclusive; after that another caller may take it
   * @param expiresAt until when the store must remember this attempt if it ends without an answer (at least as
   *     long as the request's envelope is remembered by the replay cache)
   * @return the outcome; never {@code null}
   * @throws io.github.govdx.core.state.StateStoreException if the store cannot answer
   */
  IdempotencyClaim claim(String key, String fingerprint, Instant leaseUntil, Instant expiresAt);

  /**
   * Stores the final answer of an acquired key.
   *
   * @param key the key
   * @param token the owner token of the {@code ACQUIRED} claim
   * @param answer the answer to serve to every repeat
   * @param expiresAt until when the answer must be kept
   * @return {@code true} if stored; {@code false} if the token no longer owns the key (its lease was taken over)
   * @throws io.github.govdx.core.state.StateStoreException if the store cannot answer
   */
  boolean complete(String key, String token, ProviderResponse answer, Instant expiresAt);

  /**
   * Frees an acquired key without an answer, so that a retry runs the handler again: a retry with the same
   * fingerprint is {@link IdempotencyClaim#resumed(String) resumed}, one with another fingerprint simply
   * acquires the key.
   *
   * @param key the key
   * @param token the owner token of the {@code ACQUIRED} claim; a key owned by another token is left alone
   * @throws io.github.govdx.core.state.StateStoreException if the store cannot answer
   */
  void release(String key, String token);
}
