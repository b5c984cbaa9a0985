package io.github.govdx.client.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.EnvelopeException;
import io.github.govdx.crypto.ReplayDetectedException;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.replay.ReplayCache;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link ReplayCache} implementation passes (DESIGN section 7): extend it and return instances
 * on the store under test. See {@link FirstSeenContract#instance()} for what each instance must share. Besides
 * {@link ReplayCache#firstSeen}, it checks the early {@link ReplayCache#claim claims} and their release, and the
 * codec on the cache: a replay is refused, a forged envelope carrying a real message's id does not use the id up,
 * and of concurrent opens of one envelope exactly one is accepted.
 */
public abstract class ReplayCacheContract extends FirstSeenContract {

  private static TestPki pki;

  /** The keys of the outage helpers, made on first use. */
  private static final class OutageKeys {
    static final TestPki PKI = new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE);
  }

  /**
   * Returns a replay cache on the backing store under test.
   *
   * @param clock the clock the cache must use
   * @return the cache
   */
  protected abstract ReplayCache newCache(Clock clock);

  @Override
  protected final Once instance() {
    ReplayCache c = newCache(clock);
    return c::firstSeen;
  }

  @BeforeAll
  static void keys() {
    pki = new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE);
  }

  private static String id() {
    return "91350100M000100Y43 " + UUID.randomUUID();
  }

  /** Waits (at most 10 s) until the id can be recorded again, and records it. */
  private boolean becomesFree(ReplayCache c, String id, Instant exp) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (c.firstSeen(id, exp)) {
        return true;
      }
      Thread.sleep(20);
    }
    return false;
  }

  @Test
  void claim_newId_firstThenReplay() {
    ReplayCache c = newCache(clock);
    String id = id();
    Instant exp = clock.instant().plusSeconds(600);
    assertThat(c.claim(id, exp).firstSeen()).isTrue();
    assertThat(c.firstSeen(id, exp)).isFalse();
    assertThat(c.claim(id, exp).firstSeen()).isFalse();
    assertThat(newCache(clock).claim(id, exp).firstSeen()).isFalse();
  }

  @Test
  void claim_releasedBeforeAnswer_idFreeAgain() {
    ReplayCache c = newCache(clock);
    String id = id();
    Instant exp = clock.instant().plusSeconds(600);
    c.claim(id, exp).release();
    // release waits for the claim and its removal (bounded): the id is free at once
    assertThat(newCache(clock).firstSeen(id, exp)).isTrue();
    assertThat(c.firstSeen(id, exp)).isFalse();
  }

  @Test
  void claim_releasedAfterAnswer_idFreeAgain() {
    ReplayCache c = newCache(clock);
    String id = id();
    Instant exp = clock.instant().plusSeconds(600);
    ReplayCache.Claim claim = c.claim(id, exp);
    if (claim.firstSeen()) {
      claim.release();
      assertThat(c.firstSeen(id, exp)).isTrue();
    } else {
      // only the lazy default claim of a cache that does not implement claims answers otherwise
      assertThat(claim.firstSeen()).as("a new id").isTrue();
    }
  }

  @Test
  void claim_releaseOfAReplay_leavesTheOtherEntry() throws InterruptedException {
    ReplayCache c = newCache(clock);
    String id = id();
    Instant exp = clock.instant().plusSeconds(600);
    assertThat(c.firstSeen(id, exp)).isTrue();
    ReplayCache.Claim replay = newCache(clock).claim(id, exp);
    assertThat(replay.firstSeen()).isFalse();
    replay.release();
    // a released claim that never answered is also harmless to the entry it met
    newCache(clock).claim(id, exp).release();
    Thread.sleep(100);
    assertThat(c.firstSeen(id, exp)).isFalse();
    assertThat(c.claim(id, exp).firstSeen()).isFalse();
  }

  @Test
  void claim_afterReleaseAndNewEntry_newEntryStays() throws InterruptedException {
    ReplayCache c = newCache(clock);
    String id = id();
    Instant exp = clock.instant().plusSeconds(600);
    ReplayCache.Claim forged = c.claim(id, exp.minusSeconds(1));
    forged.release();
    assertThat(becomesFree(c, id, exp)).isTrue();
    ReplayCache.Claim late = newCache(clock).claim(id, exp.minusSeconds(1));
    assertThat(late.firstSeen()).isFalse();
    late.release();
    assertThat(c.firstSeen(id, exp)).isFalse();
  }

  @Test
  void claim_fiftyRacersOverFiveInstances_exactlyOneWins() throws Exception {
    ReplayCache[] caches = new ReplayCache[5];
    for (int i = 0; i < caches.length; i++) {
      caches[i] = newCache(clock);
    }
    for (int round = 0; round < 3; round++) {
      String id = id();
      Instant exp = clock.instant().plusSeconds(600);
      List<Boolean> wins =
          Race.run(
              50,
              i ->
                  () ->
                      i % 2 == 0
                          ? caches[i % caches.length].claim(id, exp).firstSeen()
                          : caches[i % caches.length].firstSeen(id, exp));
      assertThat(wins.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
    }
  }

  // the codec on this cache

  private EnvelopeCodec receiver(ReplayCache cache) {
    return EnvelopeCodec.builder()
        .credentials(pki.credentials(Fixtures.POLICE))
        .trustStore(pki.trust)
        .clock(clock)
        .replayCache(cache)
        .build();
  }

  private EnvelopeCodec sender() {
    return EnvelopeCodec.builder()
        .credentials(pki.credentials(Fixtures.HOTLINE))
        .trustStore(pki.trust)
        .directory(pki.directory)
        .clock(clock)
        .build();
  }

  private static RoutingHeaders headers(String messageId) {
    return RoutingHeaders.builder()
        .messageId(messageId)
        .sender(Fixtures.HOTLINE)
        .receiver(Fixtures.POLICE)
        .resourceCode(Fixtures.RESOURCE)
        .action("push")
        .build();
  }

  private static byte[] payload() {
    return "{\"n\":1}".getBytes(StandardCharsets.UTF_8);
  }

  /** The envelope with the first character of one JSON member's base64url value changed. */
  private static byte[] tampered(byte[] envelope, String member) {
    String json = new String(envelope, StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("\"" + member + "\"\\s*:\\s*\"").matcher(json);
    assertThat(m.find()).as(member + " in " + json).isTrue();
    int at = m.end();
    char swapped = json.charAt(at) == 'A' ? 'B' : 'A';
    return (json.substring(0, at) + swapped + json.substring(at + 1))
        .getBytes(StandardCharsets.UTF_8);
  }

  /**
   * For the outage tests of each store: with {@code cache}'s store down, opening a real sealed envelope fails
   * closed with {@code GDX-1601} (retryable) within {@code within}, and a tampered copy of it is still refused for
   * what it is (the cryptography's code, not the store's).
   *
   * @param cache a replay cache whose store is down
   * @param within how long the refusal may take
   * @return the envelope, for the caller to open once the store is back (it is accepted then, once)
   */
  public static byte[] openWhileStoreDown_failsClosed(ReplayCache cache, Duration within) {
    TestPki keys = OutageKeys.PKI;
    Clock now = Clock.systemUTC();
    byte[] sealed =
        EnvelopeCodec.builder()
            .credentials(keys.credentials(Fixtures.HOTLINE))
            .trustStore(keys.trust)
            .directory(keys.directory)
            .clock(now)
            .build()
            .seal(headers(UUID.randomUUID().toString()), payload())
            .toBytes();
    EnvelopeCodec receiver =
        EnvelopeCodec.builder()
            .credentials(keys.credentials(Fixtures.POLICE))
            .trustStore(keys.trust)
            .clock(now)
            .replayCache(cache)
            .build();
    assertThatThrownBy(() -> receiver.open(tampered(sealed, "tag")))
        .isInstanceOf(EnvelopeException.class);
    long start = System.nanoTime();
    assertThatThrownBy(() -> receiver.open(sealed))
        .isInstanceOfSatisfying(
            StateStoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo("GDX-1601");
              assertThat(e.retryable()).isTrue();
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(within);
    return sealed;
  }

  /**
   * Opens, once the store is back, what {@link #openWhileStoreDown_failsClosed} refused: it is accepted (the
   * outage did not use its id up), and refused as a replay after that.
   *
   * @param cache the replay cache, its store back
   * @param sealed the envelope
   */
  public static void openAfterOutage_acceptedOnce(ReplayCache cache, byte[] sealed) {
    EnvelopeCodec receiver =
        EnvelopeCodec.builder()
            .credentials(OutageKeys.PKI.credentials(Fixtures.POLICE))
            .trustStore(OutageKeys.PKI.trust)
            .replayCache(cache)
            .build();
    assertThat(receiver.open(sealed).payload()).isEqualTo(payload());
    assertThatThrownBy(() -> receiver.open(sealed)).isInstanceOf(ReplayDetectedException.class);
  }

  @Test
  void open_sameEnvelopeAgain_replayRefused() {
    EnvelopeCodec receiver = receiver(newCache(clock));
    byte[] sealed = sender().seal(headers(UUID.randomUUID().toString()), payload()).toBytes();
    assertThat(receiver.open(sealed).payload()).isEqualTo(payload());
    assertThatThrownBy(() -> receiver.open(sealed)).isInstanceOf(ReplayDetectedException.class);
    assertThatThrownBy(() -> receiver(newCache(clock)).open(sealed))
        .isInstanceOf(ReplayDetectedException.class);
  }

  @Test
  void open_tamperedEnvelopeWithTheRealId_doesNotUseTheIdUp() {
    EnvelopeCodec receiver = receiver(newCache(clock));
    byte[] sealed = sender().seal(headers(UUID.randomUUID().toString()), payload()).toBytes();
    for (String member : List.of("tag", "ciphertext", "encrypted_key")) {
      assertThatThrownBy(() -> receiver.open(tampered(sealed, member)))
          .isInstanceOf(EnvelopeException.class)
          .isNotInstanceOf(ReplayDetectedException.class);
    }
    assertThat(receiver(newCache(clock)).open(sealed).payload()).isEqualTo(payload());
    assertThatThrownBy(() -> receiver.open(sealed)).isInstanceOf(ReplayDetectedException.class);
  }

  @Test
  void verify_forgedSignatureWithTheRealId_doesNotUseTheIdUp() {
    EnvelopeCodec receiver = receiver(newCache(clock));
    byte[] signed = sender().sign(headers(UUID.randomUUID().toString()), payload()).toBytes();
    assertThatThrownBy(() -> receiver.verify(tampered(signed, "signature")))
        .isInstanceOf(EnvelopeException.class)
        .isNotInstanceOf(ReplayDetectedException.class);
    assertThat(receiver.verify(signed).payload()).isEqualTo(payload());
    assertThatThrownBy(() -> receiver.verify(signed)).isInstanceOf(ReplayDetectedException.class);
  }

  @Test
  void open_sameEnvelopeOnSixteenThreads_exactlyOneAccepted() throws Exception {
    EnvelopeCodec[] receivers = new EnvelopeCodec[4];
    for (int i = 0; i < receivers.length; i++) {
      receivers[i] = receiver(newCache(clock));
    }
    for (int round = 0; round < 3; round++) {
      byte[] sealed = sender().seal(headers(UUID.randomUUID().toString()), payload()).toBytes();
      List<String> outcomes =
          Race.run(
              16,
              i ->
                  () -> {
                    try {
                      receivers[i % receivers.length].open(sealed);
                      return "accepted";
                    } catch (ReplayDetectedException e) {
                      return e.errorCode().code();
                    }
                  });
      assertThat(outcomes).filteredOn("accepted"::equals).hasSize(1);
      assertThat(outcomes).filteredOn(o -> !o.equals("accepted")).containsOnly("GDX-2303");
    }
  }
}
