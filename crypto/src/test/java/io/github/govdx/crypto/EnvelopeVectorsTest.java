package io.github.govdx.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.TrustStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The re-runnable envelope vectors of {@code docs/envelope.md}: committed envelopes
 * ({@code src/test/resources/vectors}) made with the committed test keys ({@code src/test/resources/keys/test-*}),
 * payload {@code {"hello":"govdx"}}, issued at 2026-11-24T12:00:00Z. Anyone with the keys can open them.
 */
class EnvelopeVectorsTest {

  private static String resource(String name) {
    try (InputStream in = EnvelopeVectorsTest.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static EnvelopeCodec receiver(Suite suite) {
    String p = "keys/test-" + suite.name().toLowerCase(Locale.ROOT) + "-";
    PartyCredentials b =
        PartyCredentials.builder()
            .partyId(TestPki.B)
            .privateKey(Pem.readPrivateKey(resource(p + "receiver.key.pem")))
            .certificateChain(Pem.readCertificates(resource(p + "receiver.crt.pem")))
            .build();
    return EnvelopeCodec.builder()
        .credentials(b)
        .clock(TestPki.CLOCK)
        .trustStore(TrustStore.of(Pem.readCertificates(resource(p + "ca.crt.pem"))))
        .build();
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void committedSealedVector_opensWithCommittedKeys(Suite suite) {
    byte[] env =
        resource("vectors/" + suite.name().toLowerCase(Locale.ROOT) + "-sealed.json")
            .getBytes(StandardCharsets.UTF_8);

    OpenedMessage m = receiver(suite).open(env);

    assertThat(new String(m.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"hello\":\"govdx\"}");
    assertThat(m.headers().messageId()).isEqualTo("0d4f8a52-5b1e-4c8e-9d61-8f1f2c3b4a5d");
    assertThat(m.headers().issuedAt()).isEqualTo(TestPki.NOW);
    assertThat(m.headers().sender()).isEqualTo(TestPki.A);
    assertThat(m.suite()).isEqualTo(suite);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void committedSignedVector_verifiesWithTrustStoreOnly(Suite suite) {
    String p = "keys/test-" + suite.name().toLowerCase(Locale.ROOT) + "-";
    Envelope env =
        Envelope.parse(
            resource("vectors/" + suite.name().toLowerCase(Locale.ROOT) + "-signed.json")
                .getBytes(StandardCharsets.UTF_8));

    assertThat(
            EnvelopeCodec.verifySignature(
                env, TrustStore.of(Pem.readCertificates(resource(p + "ca.crt.pem"))), TestPki.NOW))
        .isEqualTo(Pem.readCertificates(resource(p + "sender.crt.pem")).get(0));
    assertThat(receiver(suite).verify(env.toBytes()).payload())
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("{\"hello\":\"govdx\"}");
  }
}
