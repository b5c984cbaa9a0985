package io.github.govdx.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What {@link ReplayCacheContract} and {@link NonceCacheContract} share: a "first time this id is seen?" cache,
 * atomic across every instance on one backing store, remembering an id at least until its expiry.
 */
abstract class FirstSeenContract {

  /** The test clock every instance must use. */
  protected final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

  /** One instance's view of the cache under test. */
  @FunctionalInterface
  protected interface Once {
    boolean first(String id, Instant expiresAt);
  }

  /**
   * Returns an instance on the backing store under test, using {@link #clock}. Every call within one test
   * returns an instance on the SAME backing store (as several application instances would share it); each test
   * starts on a store that has seen none of the ids the test uses.
   *
   * @return an instance
   */
  protected abstract Once instance();

  private static String id() {
    return "91350100M000100Y43 " + UUID.randomUUID();
  }

  @Test
  void first_newId_trueThenFalse() {
    Once c = instance();
    String id = id();
    Instant exp = clock.instant().plusSeconds(600);
    assertThat(c.first(id, exp)).isTrue();
    assertThat(c.first(id, exp)).isFalse();
    assertThat(c.first(id, exp.plusSeconds(600))).isFalse();
  }

  @Test
  void first_distinctIds_independent() {
    Once c = instance();
    Instant exp = clock.instant().plusSeconds(600);
    for (int i = 0; i < 20; i++) {
      assertThat(c.first(id(), exp)).isTrue();
    }
  }

  @Test
  void first_seenAtOneInstance_refusedAtAnother() {
    String id = id();
    Instant exp = clock.instant().plusSeconds(600);
    assertThat(instance().first(id, exp)).isTrue();
    assertThat(instance().first(id, exp)).isFalse();
  }

  @Test
  void first_untilExpiry_stillRemembered() {
    Once c = instance();
    String id = id();
    Instant exp = clock.instant().plusSeconds(300);
    assertThat(c.first(id, exp)).isTrue();
    clock.advance(Duration.ofSeconds(299));
    assertThat(c.first(id, exp)).isFalse();
  }

  @Test
  void first_longAndNonAsciiIds_keptApart() {
    Once c = instance();
    Instant exp = clock.instant().plusSeconds(600);
    String base = "十二三四五六 " + "x".repeat(400) + UUID.randomUUID();
    assertThat(c.first(base + "a", exp)).isTrue();
    assertThat(c.first(base + "b", exp)).isTrue();
    assertThat(c.first(base + "a", exp)).isFalse();
  }

  @Test
  void first_fiftyRacersOverFiveInstances_exactlyOneWins() throws Exception {
    Once[] instances = new Once[5];
    for (int i = 0; i < instances.length; i++) {
      instances[i] = instance();
    }
    for (int round = 0; round < 3; round++) {
      String id = id();
      Instant exp = clock.instant().plusSeconds(600);
      List<Boolean> wins = Race.run(50, i -> () -> instances[i % instances.length].first(id, exp));
      assertThat(wins.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
    }
  }
}
