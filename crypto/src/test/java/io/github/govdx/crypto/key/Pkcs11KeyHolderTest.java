package io.github.govdx.crypto.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.Receipt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The INTL suite end to end (seal, open, answer, receipt) with the receiving department's private key inside a
 * PKCS#11 module — SoftHSM2, reached through the JDK's SunPKCS11 provider exactly as a hardware module would be —
 * and proof that the key cannot be taken out of it.
 *
 * <p>Needs SoftHSM2 ({@code apt-get install softhsm2}; {@code .ci/run} installs it). The surefire configuration
 * points {@code SOFTHSM2_CONF} at {@code target/softhsm/softhsm2.conf}, which this test writes before the library
 * is loaded.
 */
class Pkcs11KeyHolderTest {

  private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  private static final PartyId SENDER = PartyId.parse("11320500014160478L");
  private static final PartyId RECEIVER = PartyId.parse("91350100M000100Y43");
  private static final char[] PIN = "test-pin-1234".toCharArray();

  private static Provider pkcs11;

  @BeforeAll
  static void token() throws Exception {
    String conf = System.getenv("SOFTHSM2_CONF");
    boolean available = Files.isRegularFile(LIBRARY) && conf != null;
    if (!available) {
      String what =
          "SoftHSM2 (" + LIBRARY + "; apt-get install softhsm2) with SOFTHSM2_CONF set by surefire";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(what + " is required when CI=true (see .ci/run)");
      }
      org.junit.jupiter.api.Assumptions.assumeTrue(
          false, what + " is not available; PKCS#11 test skipped (set CI=true to fail instead)");
    }
    Path dir = Path.of(conf).getParent();
    Path tokens = dir.resolve("tokens-" + UUID.randomUUID());
    Files.createDirectories(tokens);
    Files.writeString(
        Path.of(conf),
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    run(
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        "govdx-test",
        "--pin",
        new String(PIN),
        "--so-pin",
        "test-so-pin-5678");
    pkcs11 =
        Security.getProvider("SunPKCS11")
            .configure(
                "--name=govdx-test\n"
                    + "library="
                    + LIBRARY
                    + "\nslotListIndex=0\n"
                    // the department's key: never leaves the token, may sign and derive (ECDH)
                    + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
                    + "  CKA_SENSITIVE = true\n"
                    + "  CKA_EXTRACTABLE = false\n"
                    + "  CKA_SIGN = true\n"
                    + "  CKA_DERIVE = true\n"
                    + "}\n"
                    // the per-message ECDH secret Z comes out for the JOSE key derivation (RFC 7518
                    // 4.6)
                    + "attributes(*, CKO_SECRET_KEY, *) = {\n"
                    + "  CKA_SENSITIVE = false\n"
                    + "  CKA_EXTRACTABLE = true\n"
                    + "}\n");
    KeyStore ks = KeyStore.getInstance("PKCS11", pkcs11);
    ks.load(null, PIN);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail(String.join(" ", command[0], command[1]) + " failed: " + out);
    }
  }

  @Test
  void intlSealOpenAnswerAndReceipt_withTheReceiversKeyInSoftHsm() throws Exception {
    Instant from = Instant.now().minus(Duration.ofDays(1));
    Instant to = Instant.now().plus(Duration.ofDays(365));
    KeyPair ca = KeyPairs.generate(Suite.INTL);
    X509Certificate caCert = Certificates.selfSignedCa("govdx test CA INTL", ca, from, to);
    TrustStore trust = TrustStore.of(caCert);
    KeyPair senderKeys = KeyPairs.generate(Suite.INTL);
    X509Certificate senderCert =
        Certificates.issue(SENDER, senderKeys.getPublic(), caCert, ca.getPrivate(), from, to);
    PartyCredentials sender =
        PartyCredentials.builder()
            .partyId(SENDER)
            .privateKey(senderKeys.getPrivate())
            .certificateChain(List.of(senderCert))
            .build();

    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", pkcs11);
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair inToken = g.generateKeyPair();
    X509Certificate receiverCert =
        Certificates.issue(RECEIVER, inToken.getPublic(), caCert, ca.getPrivate(), from, to);
    PartyCredentials receiver =
        PartyCredentials.builder()
            .partyId(RECEIVER)
            .keyHolder(PrivateKeyHolder.jca(inToken.getPrivate(), inToken.getPublic(), pkcs11))
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

    byte[] payload =
        "{\"records\":[{\"gdbh\":\"GD2026120300001\"}]}".getBytes(StandardCharsets.UTF_8);
    Envelope push =
        a.seal(
            RoutingHeaders.builder()
                .messageId(UUID.randomUUID().toString())
                .sender(SENDER)
                .receiver(RECEIVER)
                .resourceCode("335002001/00003")
                .action("push")
                .build(),
            payload);
    OpenedMessage opened = b.open(push.toBytes());
    assertThat(opened.payload()).isEqualTo(payload);

    Envelope answer =
        b.seal(
            RoutingHeaders.builder()
                .messageId(UUID.randomUUID().toString())
                .sender(RECEIVER)
                .receiver(SENDER)
                .resourceCode("335002001/00003")
                .action("push.receipt")
                .correlationId(opened.headers().messageId())
                .build(),
            "{\"batchId\":\"b-1\"}".getBytes(StandardCharsets.UTF_8));
    assertThat(a.open(answer.toBytes()).signerCertificate()).isEqualTo(receiverCert);

    Receipt receipt = Receipt.issue(receiver, push, Instant.now());
    assertThat(receipt.verify(push, trust, Instant.now())).isEqualTo(receiverCert);
  }

  @Test
  void theKeyInTheToken_cannotBeExtracted() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", pkcs11);
    g.initialize(new ECGenParameterSpec("secp256r1"));
    PrivateKey key = g.generateKeyPair().getPrivate();

    assertThat(key.getEncoded()).as("no PKCS#8 encoding of a sensitive key").isNull();
    if (key instanceof ECPrivateKey) {
      assertThatThrownBy(() -> ((ECPrivateKey) key).getS()).isInstanceOf(RuntimeException.class);
    }
    KeyFactory kf = KeyFactory.getInstance("EC", pkcs11);
    assertThatThrownBy(() -> kf.getKeySpec(key, ECPrivateKeySpec.class))
        .isInstanceOf(Exception.class);
    assertThatThrownBy(() -> kf.getKeySpec(key, PKCS8EncodedKeySpec.class))
        .isInstanceOf(Exception.class);
  }
}
