package io.github.govdx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.contract.MutableClock;
import io.github.govdx.client.contract.Race;
import io.github.govdx.crypto.replay.ReplayCache;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The JDBC replay and nonce caches beyond the shared contract, on every engine (and on MariaDB with found rows and
 * with affected rows counted): an expired id is taken over by exactly one caller, a live one never, and the id is
 * one row whose expiry moves with the take-over.
 */
@ExtendWith(TestDatabase.Cleanup.class)
class JdbcFirstSeenTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));

  private static String id() {
    return "91350100M000100Y43 " + UUID.randomUUID();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void expiredId_takenOverOnce_thenRefusedUntilTheNewExpiry(TestDatabase db) {
    ReplayCache c = db.stores(clock).replayCache();
    String id = id();
    Instant exp = clock.instant().plusSeconds(300);
    assertThat(c.firstSeen(id, exp)).isTrue();
    clock.advance(Duration.ofSeconds(300).minusMillis(1));
    assertThat(c.firstSeen(id, exp.plusSeconds(300))).as("1 ms before expiry").isFalse();
    clock.advance(Duration.ofMillis(1));
    Instant exp2 = clock.instant().plusSeconds(300);
    assertThat(c.firstSeen(id, exp2)).as("at expiry: taken over").isTrue();
    assertThat(c.firstSeen(id, exp2)).as("the take-over is remembered").isFalse();
    clock.advance(Duration.ofSeconds(299));
    assertThat(c.firstSeen(id, exp2.plusSeconds(300))).as("until the new expiry").isFalse();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void expiredId_fiftyRacersOverFiveInstances_exactlyOneTakesItOver(TestDatabase db)
      throws Exception {
    ReplayCache[] instances = new ReplayCache[5];
    for (int i = 0; i < instances.length; i++) {
      instances[i] = db.stores(clock).replayCache();
    }
    for (int round = 0; round < 3; round++) {
      String id = id();
      assertThat(instances[0].firstSeen(id, clock.instant().plusSeconds(60))).isTrue();
      clock.advance(Duration.ofSeconds(61));
      Instant exp = clock.instant().plusSeconds(600);
      List<Boolean> wins =
          Race.run(50, i -> () -> instances[i % instances.length].firstSeen(id, exp));
      assertThat(wins.stream().filter(Boolean::booleanValue).count()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void replayAndNonce_sameId_keptApart(TestDatabase db) {
    JdbcStores s = db.stores(clock);
    String id = id();
    Instant exp = clock.instant().plusSeconds(600);
    assertThat(s.replayCache().firstSeen(id, exp)).isTrue();
    assertThat(s.nonceCache().firstUse(id, exp)).isTrue();
    assertThat(s.replayCache().firstSeen(id, exp)).isFalse();
    assertThat(s.nonceCache().firstUse(id, exp)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void takeOver_movesTheOneRowsExpiry(TestDatabase db) throws Exception {
    ReplayCache c = db.stores(clock).replayCache();
    String id = id();
    Instant exp = clock.instant().plusSeconds(10);
    assertThat(c.firstSeen(id, exp)).isTrue();
    clock.advance(Duration.ofSeconds(10));
    Instant exp2 = clock.instant().plusSeconds(10);
    assertThat(c.firstSeen(id, exp2)).isTrue();
    byte[] hash =
        java.security.MessageDigest.getInstance("SHA-256")
            .digest(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    try (Connection conn = db.pool().getConnection();
        PreparedStatement q =
            conn.prepareStatement(
                "SELECT expires_at FROM gdx_first_seen WHERE ns = 'replay' AND id_hash = ?")) {
      q.setBytes(1, hash);
      try (ResultSet r = q.executeQuery()) {
        assertThat(r.next()).isTrue();
        assertThat(r.getLong(1)).isEqualTo(exp2.toEpochMilli());
        assertThat(r.next()).isFalse();
      }
    }
  }
}
