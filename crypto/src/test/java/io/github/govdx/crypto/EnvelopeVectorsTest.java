package io.github.govdx.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.TrustStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
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

  /**
   * The stream vectors' plaintext: the ASCII line {@code "govdx sealed stream vector NNNN\n"} for NNNN =
   * 0000 to 0099 (3,200 bytes, four chunks of 1,024 bytes, the last one partial).
   */
  static byte[] streamPlaintext() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < 100; i++) {
      b.append(String.format(Locale.ROOT, "govdx sealed stream vector %04d\n", i));
    }
    return b.toString().getBytes(StandardCharsets.US_ASCII);
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

  /** SM3 and SHA-256 of {@link #streamPlaintext()}, computed by {@code openssl dgst -sm3 / -sha256}. */
  private static final Map<Suite, String> STREAM_DIGEST =
      Map.of(
          Suite.GM, "526a2a06133856e17cedd05aa412a55566801aa8bb21a4b169d2e26a036650d4",
          Suite.INTL, "03904e9acd1a925b0fa114f8307a67376870189d730ba5f6022fcf58ce0b9459");

  @ParameterizedTest
  @EnumSource(Suite.class)
  void committedStreamVector_opensWithCommittedKeys(Suite suite) throws IOException {
    String p = "keys/test-" + suite.name().toLowerCase(Locale.ROOT) + "-";
    byte[] sealed;
    try (InputStream in =
        EnvelopeVectorsTest.class.getResourceAsStream(
            "/vectors/" + suite.name().toLowerCase(Locale.ROOT) + "-stream.bin")) {
      sealed = in.readAllBytes();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    OpenedStream s = receiver(suite).openStream(new ByteArrayInputStream(sealed), out);

    assertThat(out.toByteArray()).isEqualTo(streamPlaintext());
    assertThat(s.length()).isEqualTo(3200);
    assertThat(s.chunks()).isEqualTo(4);
    assertThat(s.digest()).isEqualTo(STREAM_DIGEST.get(suite));
    assertThat(s.headers().messageId()).isEqualTo("3f6c1b2e-9a47-4d0b-8e55-2c7d9f10a6b4");
    assertThat(s.headers().sender()).isEqualTo(TestPki.A);
    assertThat(s.headers().receiver()).isEqualTo(TestPki.B);
    assertThat(s.headers().issuedAt()).isEqualTo(TestPki.NOW);
    assertThat(s.signerCertificate())
        .isEqualTo(Pem.readCertificates(resource(p + "sender.crt.pem")).get(0));
  }
}
