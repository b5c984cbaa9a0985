package io.github.govdx.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.provider.IdempotencyClaim;
import io.github.govdx.client.provider.IdempotencyClaim.Outcome;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.client.provider.ProviderResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link IdempotencyStore} implementation passes (DESIGN section 7): extend it and return
 * instances on the store under test. Every {@link #newStore(Clock)} call within one test returns an instance on
 * the SAME backing store, as several provider instances would share it.
 */
public abstract class IdempotencyStoreContract {

  /** The test clock every instance must use. */
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

  /**
   * Returns an idempotency store on the backing store under test.
   *
   * @param clock the clock the store must use
   * @return the store
   */
  protected abstract IdempotencyStore newStore(Clock clock);

  private static String key() {
    return "91350100M000100Y43/hotline 335001001/00012 " + UUID.randomUUID();
  }

  private Instant lease() {
    return clock.instant().plusSeconds(120);
  }

  private Instant retention() {
    return clock.instant().plus(Duration.ofHours(24));
  }

  private static ProviderResponse answer() {
    byte[] body = new byte[256];
    for (int i = 0; i < body.length; i++) {
      body[i] = (byte) i;
    }
    return new ProviderResponse(
        201,
        Map.of(
            "Content-Type",
            "application/govdx-envelope+json",
            "X-Request-Id",
            "请求-" + UUID.randomUUID()),
        body);
  }

  @Test
  void claim_freeKey_acquiredThenInProgressOrConflict() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    IdempotencyClaim first = s.claim(key, "fp-1", lease(), retention());
    assertThat(first.outcome()).isEqualTo(Outcome.ACQUIRED);
    assertThat(first.isResumed()).isFalse();
    assertThat(first.token()).isPresent();
    assertThat(s.claim(key, "fp-1", lease(), retention()).outcome()).isEqualTo(Outcome.IN_PROGRESS);
    assertThat(s.claim(key, "fp-2", lease(), retention()).outcome()).isEqualTo(Outcome.CONFLICT);
    assertThat(newStore(clock).claim(key, "fp-1", lease(), retention()).outcome())
        .isEqualTo(Outcome.IN_PROGRESS);
  }

  @Test
  void complete_byOwner_answerServedToRepeatsAtEveryInstance() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    String token = s.claim(key, "fp-1", lease(), retention()).token().orElseThrow();
    ProviderResponse answer = answer();
    assertThat(s.complete(key, token, answer, retention())).isTrue();
    IdempotencyClaim again = newStore(clock).claim(key, "fp-1", lease(), retention());
    assertThat(again.outcome()).isEqualTo(Outcome.COMPLETED);
    assertThat(again.answer()).contains(answer);
    assertThat(newStore(clock).claim(key, "fp-other", lease(), retention()).outcome())
        .isEqualTo(Outcome.CONFLICT);
  }

  @Test
  void complete_withForeignToken_refusedAndKeyStaysInProgress() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    s.claim(key, "fp-1", lease(), retention());
    assertThat(s.complete(key, UUID.randomUUID().toString(), answer(), retention())).isFalse();
    assertThat(s.claim(key, "fp-1", lease(), retention()).outcome()).isEqualTo(Outcome.IN_PROGRESS);
  }

  @Test
  void release_byOwner_keyFreeAgainWithNewToken() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    String token = s.claim(key, "fp-1", lease(), retention()).token().orElseThrow();
    s.release(key, token);
    IdempotencyClaim again = newStore(clock).claim(key, "fp-2", lease(), retention());
    assertThat(again.outcome()).isEqualTo(Outcome.ACQUIRED);
    assertThat(again.token()).isPresent().get().isNotEqualTo(token);
    assertThat(s.complete(key, token, answer(), retention())).isFalse();
  }

  @Test
  void release_withForeignToken_leavesTheOwnerAlone() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    String token = s.claim(key, "fp-1", lease(), retention()).token().orElseThrow();
    s.release(key, UUID.randomUUID().toString());
    assertThat(s.claim(key, "fp-1", lease(), retention()).outcome()).isEqualTo(Outcome.IN_PROGRESS);
    assertThat(s.complete(key, token, answer(), retention())).isTrue();
  }

  @Test
  void claim_afterLeaseRanOut_takenOverAndOldOwnerCannotComplete() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    String dead =
        s.claim(key, "fp-1", clock.instant().plusSeconds(10), retention()).token().orElseThrow();
    clock.advance(Duration.ofSeconds(9));
    assertThat(s.claim(key, "fp-1", lease(), retention()).outcome()).isEqualTo(Outcome.IN_PROGRESS);
    clock.advance(Duration.ofSeconds(2));
    IdempotencyClaim takeover = newStore(clock).claim(key, "fp-1", lease(), retention());
    assertThat(takeover.outcome()).isEqualTo(Outcome.ACQUIRED);
    assertThat(takeover.isResumed()).as("same fingerprint after a lapsed lease").isTrue();
    assertThat(s.complete(key, dead, answer(), retention())).isFalse();
    ProviderResponse answer = answer();
    assertThat(s.complete(key, takeover.token().orElseThrow(), answer, retention())).isTrue();
    assertThat(s.claim(key, "fp-1", lease(), retention()).answer()).contains(answer);
  }

  @Test
  void claim_otherFingerprintAfterLeaseRanOut_acquiredNotResumed() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    s.claim(key, "fp-1", clock.instant().plusSeconds(10), retention());
    clock.advance(Duration.ofSeconds(11));
    IdempotencyClaim c = s.claim(key, "fp-2", lease(), retention());
    assertThat(c.outcome()).isEqualTo(Outcome.ACQUIRED);
    assertThat(c.isResumed()).isFalse();
  }

  @Test
  void claim_afterReleaseSameFingerprint_resumed() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    s.release(key, s.claim(key, "fp-1", lease(), retention()).token().orElseThrow());
    IdempotencyClaim c = newStore(clock).claim(key, "fp-1", lease(), retention());
    assertThat(c.outcome()).isEqualTo(Outcome.ACQUIRED);
    assertThat(c.isResumed()).isTrue();
  }

  @Test
  void claim_afterReleaseOtherFingerprint_acquiredNotResumed() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    s.release(key, s.claim(key, "fp-1", lease(), retention()).token().orElseThrow());
    IdempotencyClaim c = s.claim(key, "fp-2", lease(), retention());
    assertThat(c.outcome()).isEqualTo(Outcome.ACQUIRED);
    assertThat(c.isResumed()).isFalse();
  }

  @Test
  void claim_abandonedAttemptForgottenAfterItsExpiry_acquiredNotResumed() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    String token =
        s.claim(key, "fp-1", lease(), clock.instant().plusSeconds(600)).token().orElseThrow();
    s.release(key, token);
    clock.advance(Duration.ofSeconds(601));
    IdempotencyClaim c = s.claim(key, "fp-1", lease(), retention());
    assertThat(c.outcome()).isEqualTo(Outcome.ACQUIRED);
    assertThat(c.isResumed()).isFalse();
  }

  @Test
  void claim_afterAnswerExpired_free() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    String token = s.claim(key, "fp-1", lease(), retention()).token().orElseThrow();
    s.complete(key, token, answer(), clock.instant().plusSeconds(60));
    clock.advance(Duration.ofSeconds(59));
    assertThat(s.claim(key, "fp-1", lease(), retention()).outcome()).isEqualTo(Outcome.COMPLETED);
    clock.advance(Duration.ofSeconds(2));
    assertThat(s.claim(key, "fp-1", lease(), retention()).outcome()).isEqualTo(Outcome.ACQUIRED);
  }

  @Test
  void claim_emptyBodyAnswer_roundTrips() {
    IdempotencyStore s = newStore(clock);
    String key = key();
    String token = s.claim(key, "fp", lease(), retention()).token().orElseThrow();
    ProviderResponse empty = new ProviderResponse(204, Map.of(), new byte[0]);
    s.complete(key, token, empty, retention());
    assertThat(s.claim(key, "fp", lease(), retention()).answer()).contains(empty);
  }

  @Test
  void claim_fiftyRacersOverFiveInstances_exactlyOneAcquires() throws Exception {
    IdempotencyStore[] stores = new IdempotencyStore[5];
    for (int i = 0; i < stores.length; i++) {
      stores[i] = newStore(clock);
    }
    String key = key();
    List<Outcome> outcomes =
        Race.run(
            50,
            i -> () -> stores[i % stores.length].claim(key, "fp", lease(), retention()).outcome());
    assertThat(outcomes).filteredOn(o -> o == Outcome.ACQUIRED).hasSize(1);
    assertThat(outcomes).filteredOn(o -> o == Outcome.IN_PROGRESS).hasSize(49);
  }

  @Test
  void claim_keyWithPersonalLookingText_storedAndFoundExactly() {
    IdempotencyStore s = newStore(clock);
    String a = "11010519491231002X 张三 " + UUID.randomUUID();
    String token = s.claim(a, "fp", lease(), retention()).token().orElseThrow();
    s.complete(a, token, answer(), retention());
    assertThat(s.claim(a + " ", "fp", lease(), retention()).outcome()).isEqualTo(Outcome.ACQUIRED);
    assertThat(s.claim(a, "fp", lease(), retention()).outcome()).isEqualTo(Outcome.COMPLETED);
  }
}
