package io.github.govdx.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.crypto.evidence.EvidenceLogVerifier;
import io.github.govdx.crypto.evidence.EvidenceStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract every shared {@link EvidenceStore} implementation passes (DESIGN section 7): appends from several
 * instances form one intact chain that {@link EvidenceLogVerifier#verify(EvidenceStore)} checks. Extend it; each
 * {@link #newChain()} call starts a chain no other test uses, and {@link #sameChain(EvidenceStore)} returns another
 * instance (as another process would have) on the same chain. Tampering tests are the implementation's own (they
 * edit its storage directly).
 */
public abstract class EvidenceStoreContract {

  private static List<Envelope> envelopes;

  /**
   * Returns a store on a new, empty chain.
   *
   * @return the store
   */
  protected abstract EvidenceStore newChain();

  /**
   * Returns another instance on the chain of {@code store}.
   *
   * @param store a store made by {@link #newChain()}
   * @return another store on the same chain
   */
  protected abstract EvidenceStore sameChain(EvidenceStore store);

  /** Seals a few real GM envelopes to record. */
  @BeforeAll
  static void envelopes() {
    TestPki pki = new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE);
    EnvelopeCodec codec =
        EnvelopeCodec.builder()
            .credentials(pki.credentials(Fixtures.HOTLINE))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .build();
    envelopes = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      envelopes.add(
          codec.seal(
              RoutingHeaders.builder()
                  .messageId(UUID.randomUUID().toString())
                  .sender(Fixtures.HOTLINE)
                  .receiver(Fixtures.POLICE)
                  .resourceCode(Fixtures.RESOURCE)
                  .action("push")
                  .build(),
              ("{\"n\":" + i + "}").getBytes(StandardCharsets.UTF_8)));
    }
  }

  private static Envelope envelope(int i) {
    return envelopes.get(i % envelopes.size());
  }

  @Test
  void verify_emptyChain_intactWithNoEntries() {
    try (EvidenceStore s = newChain()) {
      EvidenceLogVerifier.Result r = EvidenceLogVerifier.verify(s);
      assertThat(r.intact()).isTrue();
      assertThat(r.entries()).isZero();
      assertThat(r.head()).isEqualTo(EvidenceLog.GENESIS);
    }
  }

  @Test
  void append_oneLog_chainIntactAndHeadMatches() {
    try (EvidenceStore s = newChain()) {
      EvidenceLog log = EvidenceLog.create(s, Clock.systemUTC());
      String head = null;
      for (int i = 0; i < 10; i++) {
        head = log.recordSealed(envelope(i));
      }
      EvidenceLogVerifier.Result r = EvidenceLogVerifier.verify(s);
      assertThat(r.intact()).as(r.toString()).isTrue();
      assertThat(r.entries()).isEqualTo(10);
      assertThat(r.head()).isEqualTo(head).isEqualTo(log.head());
      assertThat(log.size()).isEqualTo(10);
    }
  }

  @Test
  void append_twoInstancesAlternating_oneChain() {
    try (EvidenceStore a = newChain();
        EvidenceStore b = sameChain(a)) {
      EvidenceLog la = EvidenceLog.create(a, Clock.systemUTC());
      EvidenceLog lb = EvidenceLog.create(b, Clock.systemUTC());
      for (int i = 0; i < 10; i++) {
        (i % 2 == 0 ? la : lb).recordSealed(envelope(i));
      }
      EvidenceLogVerifier.Result r = EvidenceLogVerifier.verify(b);
      assertThat(r.intact()).as(r.toString()).isTrue();
      assertThat(r.entries()).isEqualTo(10);
      List<Long> seqs = new ArrayList<>();
      a.read(
          line -> {
            seqs.add(Long.parseLong(line.replaceAll("^\\{\"seq\":(\\d+),.*$", "$1")));
            return true;
          });
      assertThat(seqs).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }
  }

  @Test
  void append_eightThreadsOverFourInstances_noForkNoLoss() throws Exception {
    EvidenceStore first = newChain();
    List<EvidenceStore> stores = new ArrayList<>(List.of(first));
    for (int i = 1; i < 4; i++) {
      stores.add(sameChain(first));
    }
    try {
      List<EvidenceLog> logs = new ArrayList<>();
      for (EvidenceStore s : stores) {
        logs.add(EvidenceLog.create(s, Clock.systemUTC()));
      }
      List<Integer> done =
          Race.run(
              8,
              t ->
                  () -> {
                    for (int i = 0; i < 25; i++) {
                      logs.get(t % logs.size()).recordSealed(envelope(i));
                    }
                    return 25;
                  });
      EvidenceLogVerifier.Result r = EvidenceLogVerifier.verify(first);
      assertThat(r.intact()).as(r.toString()).isTrue();
      assertThat(r.entries()).isEqualTo(done.stream().mapToInt(Integer::intValue).sum());
    } finally {
      for (EvidenceStore s : stores) {
        s.close();
      }
    }
  }

  @Test
  void read_visitorStops_noMoreLines() {
    try (EvidenceStore s = newChain()) {
      EvidenceLog log = EvidenceLog.create(s, Clock.systemUTC());
      for (int i = 0; i < 5; i++) {
        log.recordSealed(envelope(i));
      }
      int[] seen = {0};
      s.read(
          line -> {
            seen[0]++;
            return seen[0] < 2;
          });
      assertThat(seen[0]).isEqualTo(2);
    }
  }
}
