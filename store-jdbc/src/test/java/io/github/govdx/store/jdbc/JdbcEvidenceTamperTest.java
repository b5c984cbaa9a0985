package io.github.govdx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.crypto.evidence.EvidenceLogVerifier;
import io.github.govdx.crypto.evidence.EvidenceStore;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Someone with write access to the database edits the evidence table behind govdx's back: a changed line, a deleted
 * line and a line moved to another position are each found by {@link EvidenceLogVerifier#verify(EvidenceStore)}
 * at the right line, on every engine.
 */
@ExtendWith(TestDatabase.Cleanup.class)
class JdbcEvidenceTamperTest {

  private static final EnvelopeCodec CODEC;

  static {
    TestPki pki = new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE);
    CODEC =
        EnvelopeCodec.builder()
            .credentials(pki.credentials(Fixtures.HOTLINE))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .build();
  }

  private static String chainWithSixEntries(TestDatabase db) {
    String chain = "tamper-" + UUID.randomUUID();
    EvidenceStore store = db.stores(Clock.systemUTC()).evidenceStore(chain);
    EvidenceLog log = EvidenceLog.create(store, Clock.systemUTC());
    for (int i = 0; i < 6; i++) {
      log.recordSealed(
          CODEC.seal(
              RoutingHeaders.builder()
                  .messageId(UUID.randomUUID().toString())
                  .sender(Fixtures.HOTLINE)
                  .receiver(Fixtures.POLICE)
                  .resourceCode(Fixtures.RESOURCE)
                  .action("push")
                  .build(),
              ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
    }
    assertThat(EvidenceLogVerifier.verify(store).intact()).isTrue();
    return chain;
  }

  private static EvidenceLogVerifier.Result tamper(TestDatabase db, String chain, String sql)
      throws Exception {
    try (Connection c = db.pool().getConnection();
        PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, chain);
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
    return EvidenceLogVerifier.verify(db.stores(Clock.systemUTC()).evidenceStore(chain));
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void changedLine_brokenAtThatLine(TestDatabase db) throws Exception {
    String chain = chainWithSixEntries(db);

    EvidenceLogVerifier.Result r =
        tamper(
            db,
            chain,
            "UPDATE gdx_evidence SET line = REPLACE(line, '\"push\"', '\"query\"')"
                + " WHERE chain = ? AND seq = 3");

    assertThat(r.intact()).isFalse();
    assertThat(r.firstBrokenLine()).hasValue(3);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void deletedLine_brokenWhereItWas(TestDatabase db) throws Exception {
    String chain = chainWithSixEntries(db);

    EvidenceLogVerifier.Result r =
        tamper(db, chain, "DELETE FROM gdx_evidence WHERE chain = ? AND seq = 4");

    assertThat(r.intact()).isFalse();
    assertThat(r.firstBrokenLine()).hasValue(4);
  }

  @ParameterizedTest
  @EnumSource(TestDatabase.class)
  void lastLineDropped_headNoLongerMatchesTheRecordedOne(TestDatabase db) throws Exception {
    String chain = chainWithSixEntries(db);
    String before =
        EvidenceLogVerifier.verify(db.stores(Clock.systemUTC()).evidenceStore(chain)).head();

    EvidenceLogVerifier.Result r =
        tamper(db, chain, "DELETE FROM gdx_evidence WHERE chain = ? AND seq = 6");

    assertThat(r.entries()).isEqualTo(5);
    assertThat(r.head()).isNotEqualTo(before);
  }
}
