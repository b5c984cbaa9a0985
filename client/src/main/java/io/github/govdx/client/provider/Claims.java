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
 * closed with a retryable {@code 503}, and running the work once under two claims (its key and its message id) so
 * that its answer is stored under both — in the same transaction as the work when the inbox is transactional, or
 * settled afterwards (stored when answered, freed when refused) otherwise.
 *
 * @param store the idempotency store
 * @param transactions the transactional inbox, or null to settle the claims after the work
 * @param clock the clock of answers' expiry
 * @param ttl how long an answer is kept
 * @param lease how long a claim holds before another instance may take it over
 * @param what the work, for logs and messages ("push", "transfer")
 * @param retryHint what the caller should do when the store cannot answer
 */
record Claims(
    IdempotencyStore store,
    @Nullable InboxTransactions transactions,
    Clock clock,
    Duration ttl,
    Duration lease,
    String what,
    String retryHint) {

  private static final Logger LOG = LoggerFactory.getLogger(Claims.class);

  /** The same claims for another kind of work. */
  Claims forWork(String otherWhat, String otherRetryHint) {
    return new Claims(store, transactions, clock, ttl, lease, otherWhat, otherRetryHint);
  }

  /** A stored answer served again to the request {@code requestId}. */
  static ProviderResponse replayed(ProviderResponse stored, String requestId) {
    return stored.with("Idempotency-Replayed", "true").with("X-Request-Id", requestId);
  }

  /**
   * Runs the work once: claims its key (one message per key: {@code 422}/{@code GDX-3008} for another, {@code
   * 409}/{@code GDX-3009} while in progress, the stored answer again for a repeat), then its message id under the
   * key (the same message under another key is a replay), runs the work under both claims and stores its answer
   * under both. With the transactional inbox all of it is one transaction: a refusal or failure throws, so that
   * the claims and the handler's writes roll back together, and an answer that cannot be stored fails the work.
   *
   * @param key the key's claim
   * @param keyFingerprint what the key is for
   * @param messageKey the message id's claim
   * @param messageFingerprint what the message id is for
   * @param reused the refusal's message when the key was used for another message
   * @param inProgress the refusal's message when the key's work is in progress
   * @param replay what the replay refusal says when the message was claimed under another key
   * @param replayAnswered whether a message answered under another key gets that answer again rather than the
   *     replay refusal
   * @param requestId the request's id, for a stored answer served again
   * @param work the work
   * @return the work's answer, or the stored one
   */
  ProviderResponse once(
      String key,
      String keyFingerprint,
      String messageKey,
      String messageFingerprint,
      String reused,
      String inProgress,
      String replay,
      boolean replayAnswered,
      String requestId,
      Supplier<ProviderResponse> work) {
    Supplier<ProviderResponse> claimed =
        () -> {
          IdempotencyClaim byKey = claim(key, keyFingerprint);
          switch (byKey.outcome()) {
            case CONFLICT:
              throw new ProviderEndpoint.Refusal(ClientErrorCode.IDEMPOTENCY_KEY_REUSED, reused);
            case IN_PROGRESS:
              throw new ProviderEndpoint.Refusal(
                  ClientErrorCode.IDEMPOTENCY_IN_PROGRESS, inProgress);
            case COMPLETED:
              return replayed(byKey.answer().orElseThrow(), requestId);
            default:
              break;
          }
          String keyToken = byKey.token().orElseThrow();
          IdempotencyClaim byMessage;
          try {
            byMessage = claim(messageKey, messageFingerprint);
          } catch (ProviderEndpoint.Refusal r) {
            settle(key, keyToken, null);
            throw r;
          }
          if (byMessage.outcome() != IdempotencyClaim.Outcome.ACQUIRED) {
            settle(key, keyToken, null);
            if (replayAnswered && byMessage.outcome() == IdempotencyClaim.Outcome.COMPLETED) {
              return replayed(byMessage.answer().orElseThrow(), requestId);
            }
            throw ProviderEndpoint.Refusal.replayed(replay);
          }
          return run(key, keyToken, messageKey, byMessage.token().orElseThrow(), work);
        };
    if (transactions == null) {
      return claimed.get();
    }
    try {
      return transactions.inTransaction(claimed);
    } catch (StateStoreException e) {
      throw unavailable(e);
    }
  }

  /** A store call; a store that cannot answer refuses the request with {@code 503}/{@code GDX-3308}. */
  private <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (StateStoreException e) {
      throw unavailable(e);
    }
  }

  /** Claims a key for this work, with the fingerprint of what it is for. */
  private IdempotencyClaim claim(String key, String fingerprint) {
    Instant now = clock.instant();
    return call(() -> store.claim(key, fingerprint, now.plus(lease), now.plus(ttl)));
  }

  /** The refusal of a request whose store could not answer. */
  private ProviderEndpoint.Refusal unavailable(StateStoreException e) {
    return new ProviderEndpoint.Refusal(
        ClientErrorCode.PROVIDER_STATE_UNAVAILABLE,
        "state store unavailable (" + e.code() + "); " + retryHint);
  }

  /**
   * Stores an accepted answer for repeats, or, when the work was refused, frees the key so that a corrected or later
   * retry runs again. A store that fails here leaves the claim to run out at the end of its lease; the answer still
   * goes out.
   */
  private void settle(String key, String token, @Nullable ProviderResponse answer) {
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
   * Runs the work under both claims and stores its answer under both; in a transaction an answer that cannot be
   * stored fails the work, which rolls back.
   */
  private ProviderResponse run(
      String firstKey,
      String firstToken,
      String secondKey,
      String secondToken,
      Supplier<ProviderResponse> work) {
    if (transactions != null) {
      ProviderResponse answer = work.get();
      Instant keep = clock.instant().plus(ttl);
      boolean stored =
          call(() -> store.complete(firstKey, firstToken, answer, keep))
              && call(() -> store.complete(secondKey, secondToken, answer, keep));
      if (!stored) {
        throw new ProviderEndpoint.Refusal(
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
