package io.github.govdx.client.provider;

import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.core.state.StateStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The idempotency claims of one kind of provider work (a push, a file transfer's completion): store calls that fail
 * closed with a retryable {@code 503}, and running the work under two claims (its key and its message id) so that
 * its answer is stored under both — in the same transaction as the work when the inbox is transactional, or
 * settled afterwards (stored when answered, freed when refused) otherwise.
 */
final class Claims {

  private static final Logger LOG = LoggerFactory.getLogger(Claims.class);

  private final IdempotencyStore store;
  private final Clock clock;
  private final Duration ttl;
  private final Duration lease;
  private final String what;
  private final String retryHint;

  /**
   * @param store the idempotency store
   * @param clock the clock of answers' expiry
   * @param ttl how long an answer is kept
   * @param lease how long a claim holds before another instance may take it over
   * @param what the work, for logs and messages ("push", "transfer")
   * @param retryHint what the caller should do when the store cannot answer
   */
  Claims(
      IdempotencyStore store,
      Clock clock,
      Duration ttl,
      Duration lease,
      String what,
      String retryHint) {
    this.store = store;
    this.clock = clock;
    this.ttl = ttl;
    this.lease = lease;
    this.what = what;
    this.retryHint = retryHint;
  }

  /** A store call; a store that cannot answer refuses the request with {@code 503}/{@code GDX-3308}. */
  <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (StateStoreException e) {
      throw unavailable(e);
    }
  }

  /** Claims a key for this work, with the fingerprint of what it is for. */
  IdempotencyClaim claim(String key, String fingerprint) {
    Instant now = clock.instant();
    return call(() -> store.claim(key, fingerprint, now.plus(lease), now.plus(ttl)));
  }

  /**
   * Claims a second key while holding a first one; when the second cannot be had (a refusal, or any outcome but
   * {@code ACQUIRED}) the first is freed again.
   */
  IdempotencyClaim claimUnder(String heldKey, String heldToken, String key, String fingerprint) {
    IdempotencyClaim second;
    try {
      second = claim(key, fingerprint);
    } catch (ProviderEndpoint.Refusal r) {
      settle(heldKey, heldToken, null);
      throw r;
    }
    if (second.outcome() != IdempotencyClaim.Outcome.ACQUIRED) {
      settle(heldKey, heldToken, null);
    }
    return second;
  }

  /** The refusal of a request whose store could not answer. */
  ProviderEndpoint.Refusal unavailable(StateStoreException e) {
    return new ProviderEndpoint.Refusal(
        503,
        ClientErrorCode.PROVIDER_STATE_UNAVAILABLE,
        "state store unavailable (" + e.code() + "); " + retryHint);
  }

  /**
   * Stores an accepted answer for repeats, or, when the work was refused, frees the key so that a corrected or later
   * retry runs again. A store that fails here leaves the claim to run out at the end of its lease; the answer still
   * goes out.
   */
  void settle(String key, String token, @Nullable ProviderResponse answer) {
    try {
      if (answer != null) {
        if (!store.complete(key, token, answer, clock.instant().plus(ttl))) {
          LOG.warn("idempotency claim of a {} lost its lease before the answer was stored", what);
        }
      } else {
        store.release(key, token);
      }
    } catch (StateStoreException e) {
      LOG.warn("idempotency store failed to settle a {}'s claim: {}", what, e.code());
    }
  }

  /**
   * Runs the work under both claims and stores its answer under both.
   *
   * @param inTransaction whether the work and the answers share one transaction (an answer that cannot be stored
   *     then fails the work, which rolls back)
   * @return the work's answer
   */
  ProviderResponse run(
      boolean inTransaction,
      String firstKey,
      String firstToken,
      String secondKey,
      String secondToken,
      Supplier<ProviderResponse> work) {
    if (inTransaction) {
      ProviderResponse answer = work.get();
      Instant keep = clock.instant().plus(ttl);
      boolean stored =
          call(() -> store.complete(firstKey, firstToken, answer, keep))
              && call(() -> store.complete(secondKey, secondToken, answer, keep));
      if (!stored) {
        throw new ProviderEndpoint.Refusal(
            503,
            ClientErrorCode.PROVIDER_STATE_UNAVAILABLE,
            "the " + what + "'s answer could not be stored; " + retryHint);
      }
      return answer;
    }
    ProviderResponse answer = null;
    try {
      answer = work.get();
      return answer;
    } finally {
      settle(firstKey, firstToken, answer);
      settle(secondKey, secondToken, answer);
    }
  }
}
