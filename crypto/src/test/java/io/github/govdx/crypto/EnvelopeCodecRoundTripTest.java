package io.github.govdx.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EnvelopeCodecRoundTripTest {

  @ParameterizedTest
  @EnumSource(Suite.class)
  void seal_thenOpen_returnsPayloadAndHeaders(Suite suite) {
    TestPki pki = TestPki.of(suite);
    byte[] payload = new byte[3000];
    new Random(7).nextBytes(payload);
    RoutingHeaders h = TestPki.headers().correlationId("corr-1").build();

    Envelope env = pki.sender().seal(h, payload);
    OpenedMessage msg = pki.receiver().open(env.toBytes());

    assertThat(env.kind()).isEqualTo(Envelope.Kind.SEALED);
    assertThat(env.suite()).isEqualTo(suite);
    assertThat(env.keyId()).isEqualTo(pki.b.keyId());
    assertThat(msg.payload()).isEqualTo(payload);
    assertThat(msg.headers()).isEqualTo(h.toBuilder().issuedAt(TestPki.NOW).build());
    assertThat(msg.signerCertificate()).isEqualTo(pki.a.certificate());
    assertThat(msg.suite()).isEqualTo(suite);
    assertThat(msg.envelope().digest()).isEqualTo(env.digest()).hasSize(64);
    assertThat(env.toJson()).doesNotContain("unprotected").startsWith("{\"protected\":");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void sign_thenVerify_returnsPayload(Suite suite) {
    TestPki pki = TestPki.of(suite);
    byte[] payload = "{\"q\":\"你好\"}".getBytes(StandardCharsets.UTF_8);

    Envelope env = pki.sender().sign(TestPki.headers().build(), payload);
    OpenedMessage msg = pki.receiver().verify(env.toBytes());

    assertThat(env.kind()).isEqualTo(Envelope.Kind.SIGNED);
    assertThat(env.keyId()).isEqualTo(pki.a.keyId());
    assertThat(msg.payload()).isEqualTo(payload);
    assertThat(EnvelopeCodec.verifySignature(Envelope.parse(env.toBytes()), pki.trust, TestPki.NOW))
        .isEqualTo(pki.a.certificate());
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void seal_emptyAndLargePayloads_roundTrip(Suite suite) {
    TestPki pki = TestPki.of(suite);
    for (int size : new int[] {0, 1, 65536, 1 << 20}) {
      byte[] payload = new byte[size];
      new Random(size).nextBytes(payload);
      Envelope env = pki.sender().seal(TestPki.headers().build(), payload);
      assertThat(pki.receiver().open(env.toBytes()).payload()).isEqualTo(payload);
    }
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void parse_ofSealed_exposesHeadersWithoutDecrypting(Suite suite) {
    TestPki pki = TestPki.of(suite);
    RoutingHeaders h = TestPki.headers().messageId("m-1").build();
    Envelope env = pki.sender().seal(h, new byte[] {1});

    Envelope parsed = Envelope.parse(env.toBytes());

    assertThat(parsed).isEqualTo(env);
    assertThat(parsed.headers().messageId()).isEqualTo("m-1");
    assertThat(parsed.headers().sender()).isEqualTo(TestPki.A);
    assertThat(parsed.headers().receiver()).isEqualTo(TestPki.B);
    assertThat(parsed.suite()).isEqualTo(suite);
    assertThat(parsed.toString()).doesNotContain(env.toJson().substring(20, 60));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void sealAndOpen_fromSeveralThreadsOnSharedCodecs_allSucceed(Suite suite) throws Exception {
    TestPki pki = TestPki.of(suite);
    EnvelopeCodec sender = pki.sender();
    EnvelopeCodec receiver = pki.receiver();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      java.util.List<java.util.concurrent.Future<byte[]>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 24; i++) {
        byte[] payload = ("message " + i).getBytes(StandardCharsets.UTF_8);
        results.add(
            pool.submit(
                () ->
                    receiver
                        .open(sender.seal(TestPki.headers().build(), payload).toBytes())
                        .payload()));
      }
      for (int i = 0; i < 24; i++) {
        assertThat(new String(results.get(i).get(), StandardCharsets.UTF_8))
            .isEqualTo("message " + i);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @org.junit.jupiter.api.Test
  void limits_equalsAndDefaults() {
    nl.jqno.equalsverifier.EqualsVerifier.forClass(EnvelopeLimits.class).verify();
    assertThat(EnvelopeLimits.defaults().maxDepth()).isEqualTo(8);
    assertThat(EnvelopeLimits.builder().maxDepth(20).build().maxDepth()).isEqualTo(20);
  }
}
