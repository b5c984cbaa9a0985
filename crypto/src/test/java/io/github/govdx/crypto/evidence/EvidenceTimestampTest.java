package io.github.govdx.crypto.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.crypto.EvidenceFixtures;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.TrustStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trusted time-stamps in the evidence log: a {@code TIMESTAMPED} line carries an RFC 3161 token over the previous
 * line's hash; the verifier checks every token offline against the TSA's anchors, and refuses a token grafted from
 * another log.
 */
class EvidenceTimestampTest {

  @TempDir Path dir;

  private Path log(String name, TestTsa tsa) {
    Path file = dir.resolve(name);
    try (EvidenceLog log = EvidenceLog.open(file, Clock.systemUTC())) {
      log.recordOpened(EvidenceFixtures.sealedAndOpened(Suite.GM, "m-1-" + name));
      log.recordOpened(EvidenceFixtures.sealedAndOpened(Suite.GM, "m-2-" + name));
      log.timestamp(tsa);
      log.recordOpened(EvidenceFixtures.sealedAndOpened(Suite.GM, "m-3-" + name));
    }
    return file;
  }

  @Test
  void timestampedLog_verifiesOfflineWithItsTsa() throws Exception {
    TestTsa tsa = new TestTsa(Suite.GM);
    Instant before = Instant.now().minusSeconds(2);
    Path file = log("a.log", tsa);
    EvidenceLogVerifier.Result r = EvidenceLogVerifier.verify(file, TrustStore.of(tsa.ca));
    assertThat(r.intact()).as(r.toString()).isTrue();
    assertThat(r.entries()).isEqualTo(4);
    assertThat(r.timestamps()).isEqualTo(1);
    assertThat(r.latestTimestamp()).hasValueSatisfying(t -> assertThat(t).isAfter(before));
    assertThat(EvidenceLogVerifier.verify(file).intact()).isTrue();
  }

  @Test
  void otherTsaOrGraftedToken_breaksTheLogAtThatLine() throws Exception {
    TestTsa tsa = new TestTsa(Suite.GM);
    TestTsa other = new TestTsa(Suite.GM);
    Path a = log("a.log", tsa);
    EvidenceLogVerifier.Result wrongTsa = EvidenceLogVerifier.verify(a, TrustStore.of(other.ca));
    assertThat(wrongTsa.intact()).isFalse();
    assertThat(wrongTsa.firstBrokenLine()).hasValue(3);

    Path b = log("b.log", tsa);
    List<String> la = Files.readAllLines(a, StandardCharsets.UTF_8);
    List<String> lb = Files.readAllLines(b, StandardCharsets.UTF_8);
    String tstOfB = lb.get(2).replaceAll(".*\"tst\":\"([^\"]+)\".*", "$1");
    String grafted = la.get(2).replaceAll("\"tst\":\"[^\"]+\"", "\"tst\":\"" + tstOfB + "\"");
    // rehash the line so only the token, not the chain, is wrong
    String body = grafted.substring(0, grafted.indexOf(",\"hash\":")) + "}";
    String rehashed =
        body.substring(0, body.length() - 1) + ",\"hash\":\"" + EvidenceLog.hashOf(body) + "\"}";
    la.set(2, rehashed);
    la.set(
        3,
        la.get(
            3)); // line 4 now links to a changed hash: the chain breaks there unless the token is
    // caught
    Files.write(a, (String.join("\n", la) + "\n").getBytes(StandardCharsets.UTF_8));
    EvidenceLogVerifier.Result r = EvidenceLogVerifier.verify(a, TrustStore.of(tsa.ca));
    assertThat(r.intact()).isFalse();
    assertThat(r.firstBrokenLine()).hasValue(3);
    assertThat(r.problem()).hasValueSatisfying(p -> assertThat(p).contains("time-stamp"));
  }
}
