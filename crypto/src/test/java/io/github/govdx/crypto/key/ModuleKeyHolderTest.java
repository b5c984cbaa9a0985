package io.github.govdx.crypto.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.Receipt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The GM suite end to end through the {@link PrivateKeyHolder} SPI with a stand-in for a cryptographic module
 * (密码机, GM/T 0018 SDF): the SM2 key lives inside the module object, is addressed by a label, and is never
 * handed out; the module counts what it is asked to do. govdx seals, opens, signs answers and issues receipts
 * with it, and cannot get at the key.
 */
class ModuleKeyHolderTest {

  /** A cryptographic module stand-in: keys by label, an operation counter, nothing exported. */
  static final class TestModule {
    private final Map<String, PrivateKeyHolder> inside = new ConcurrentHashMap<>();
    final AtomicInteger signs = new AtomicInteger();
    final AtomicInteger decrypts = new AtomicInteger();

    /** Generates a key pair inside the module; only its public key comes out. */
    PublicKey generate(String label, Suite suite) {
      KeyPair kp = KeyPairs.generate(suite);
      inside.put(label, PrivateKeyHolder.software(kp.getPrivate()));
      return kp.getPublic();
    }

    /** A handle on a key: every operation is a call into the module. */
    PrivateKeyHolder handle(String label) {
      return new PrivateKeyHolder() {
        private PrivateKeyHolder key() {
          PrivateKeyHolder k = inside.get(label);
          if (k == null) {
            throw new IllegalStateException("no key labelled " + label);
          }
          return k;
        }

        @Override
        public Suite suite() {
          return key().suite();
        }

        @Override
        public PublicKey publicKey() {
          return key().publicKey();
        }

        @Override
        public byte[] sign(byte[] message) {
          signs.incrementAndGet();
          return key().sign(message);
        }

        @Override
        public byte[] decrypt(byte[] ciphertext) {
          decrypts.incrementAndGet();
          return key().decrypt(ciphertext);
        }

        @Override
        public byte[] agree(ECPublicKey ephemeral) {
          throw new UnsupportedOperationException("SM2 module");
        }

        @Override
        public String toString() {
          return "TestModule[" + label + "]";
        }
      };
    }
  }

  private static final PartyId SENDER = PartyId.parse("11320500014160478L");
  private static final PartyId RECEIVER = PartyId.parse("91350100M000100Y43");
  private static final Instant FROM = Instant.now().minus(Duration.ofDays(1));
  private static final Instant TO = Instant.now().plus(Duration.ofDays(365));

  @Test
  void gmSealOpenAnswerAndReceipt_withTheReceiversKeyInAModule() {
    KeyPair ca = KeyPairs.generate(Suite.GM);
    X509Certificate caCert = Certificates.selfSignedCa("govdx test CA GM", ca, FROM, TO);
    TrustStore trust = TrustStore.of(caCert);
    KeyPair senderKeys = KeyPairs.generate(Suite.GM);
    X509Certificate senderCert =
        Certificates.issue(SENDER, senderKeys.getPublic(), caCert, ca.getPrivate(), FROM, TO);
    PartyCredentials sender =
        PartyCredentials.builder()
            .partyId(SENDER)
            .privateKey(senderKeys.getPrivate())
            .certificateChain(List.of(senderCert))
            .build();
    TestModule module = new TestModule();
    PublicKey inModule = module.generate("dept-sm2-2026", Suite.GM);
    X509Certificate receiverCert =
        Certificates.issue(RECEIVER, inModule, caCert, ca.getPrivate(), FROM, TO);
    PartyCredentials receiver =
        PartyCredentials.builder()
            .partyId(RECEIVER)
            .keyHolder(module.handle("dept-sm2-2026"))
            .certificateChain(List.of(receiverCert))
            .build();
    InMemoryPartyDirectory directory =
        InMemoryPartyDirectory.builder().add(senderCert).add(receiverCert).build();
    EnvelopeCodec a =
        EnvelopeCodec.builder().credentials(sender).trustStore(trust).directory(directory).build();
    EnvelopeCodec b =
        EnvelopeCodec.builder()
            .credentials(receiver)
            .trustStore(trust)
            .directory(directory)
            .build();

    byte[] payload = "{\"sfzh\":\"11010519491231002X\"}".getBytes(StandardCharsets.UTF_8);
    Envelope request =
        a.seal(
            RoutingHeaders.builder()
                .messageId(UUID.randomUUID().toString())
                .sender(SENDER)
                .receiver(RECEIVER)
                .resourceCode("335001001/00012")
                .action("query")
                .build(),
            payload);
    OpenedMessage opened = b.open(request.toBytes());
    assertThat(opened.payload()).isEqualTo(payload);
    assertThat(module.decrypts.get()).isEqualTo(1);

    Envelope answer =
        b.seal(
            RoutingHeaders.builder()
                .messageId(UUID.randomUUID().toString())
                .sender(RECEIVER)
                .receiver(SENDER)
                .resourceCode("335001001/00012")
                .action("query.result")
                .correlationId(opened.headers().messageId())
                .build(),
            "{\"records\":[]}".getBytes(StandardCharsets.UTF_8));
    assertThat(a.open(answer.toBytes()).signerCertificate()).isEqualTo(receiverCert);
    assertThat(module.signs.get()).isEqualTo(1);

    Receipt receipt = Receipt.issue(receiver, request, Instant.now());
    assertThat(receipt.verify(request, trust, Instant.now())).isEqualTo(receiverCert);
    assertThat(module.signs.get()).isEqualTo(2);

    assertThat(receiver.isSoftwareKey()).isFalse();
    assertThatThrownBy(receiver::privateKey)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("never leaves");
    assertThat(receiver.toString()).doesNotContain("dept-sm2").contains("REDACTED");
  }

  @Test
  void holderWhosePublicKeyIsNotTheCertificates_refusedAtBuild() {
    KeyPair ca = KeyPairs.generate(Suite.GM);
    X509Certificate caCert = Certificates.selfSignedCa("govdx test CA GM", ca, FROM, TO);
    TestModule module = new TestModule();
    module.generate("a", Suite.GM);
    PublicKey other = module.generate("b", Suite.GM);
    X509Certificate certOfB =
        Certificates.issue(RECEIVER, other, caCert, ca.getPrivate(), FROM, TO);
    assertThatThrownBy(
            () ->
                PartyCredentials.builder()
                    .partyId(RECEIVER)
                    .keyHolder(module.handle("a"))
                    .certificateChain(List.of(certOfB))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not hold");
  }

  @Test
  void bothKeyAndHolder_orNeither_refusedAtBuild() {
    KeyPair kp = KeyPairs.generate(Suite.GM);
    assertThatThrownBy(
            () ->
                PartyCredentials.builder()
                    .partyId(RECEIVER)
                    .privateKey(kp.getPrivate())
                    .keyHolder(PrivateKeyHolder.software(kp.getPrivate()))
                    .certificateChain(List.of())
                    .build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> PartyCredentials.builder().partyId(RECEIVER).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("keyHolder");
  }
}
