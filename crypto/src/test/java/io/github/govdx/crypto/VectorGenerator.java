package io.github.govdx.crypto;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.TrustStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Regenerates the committed test keys and envelope vectors that {@link EnvelopeVectorsTest} and
 * {@code docs/envelope.md} describe. Not a test; run it by hand when the vector definition changes:
 *
 * <pre>
 * java -cp crypto/target/test-classes:crypto/target/classes:$(deps) io.github.govdx.crypto.VectorGenerator \
 *     crypto/src/test/resources
 * </pre>
 *
 * Keys are random, so every run produces new files; the tests only depend on what the files say.
 */
final class VectorGenerator {

  static final String MESSAGE_ID = "0d4f8a52-5b1e-4c8e-9d61-8f1f2c3b4a5d";
  static final Instant NOT_BEFORE = Instant.parse("2026-01-01T00:00:00Z");
  static final Instant NOT_AFTER = Instant.parse("2036-01-01T00:00:00Z");
  static final byte[] PAYLOAD = "{\"hello\":\"govdx\"}".getBytes(StandardCharsets.UTF_8);

  private VectorGenerator() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    Files.createDirectories(root.resolve("keys"));
    Files.createDirectories(root.resolve("vectors"));
    for (Suite suite : Suite.values()) {
      String s = suite.name().toLowerCase(Locale.ROOT);
      KeyPair caKeys = KeyPairs.generate(suite);
      X509Certificate ca =
          Certificates.selfSignedCa(
              "govdx test vector CA " + suite.name(), caKeys, NOT_BEFORE, NOT_AFTER);
      PartyCredentials sender = party(suite, TestPki.A, ca, caKeys);
      PartyCredentials receiver = party(suite, TestPki.B, ca, caKeys);
      write(root.resolve("keys/test-" + s + "-ca.crt.pem"), Pem.write(ca));
      write(root.resolve("keys/test-" + s + "-sender.key.pem"), Pem.write(sender.privateKey()));
      write(root.resolve("keys/test-" + s + "-sender.crt.pem"), Pem.write(sender.certificate()));
      write(root.resolve("keys/test-" + s + "-receiver.key.pem"), Pem.write(receiver.privateKey()));
      write(
          root.resolve("keys/test-" + s + "-receiver.crt.pem"), Pem.write(receiver.certificate()));

      EnvelopeCodec codec =
          EnvelopeCodec.builder()
              .credentials(sender)
              .trustStore(TrustStore.of(ca))
              .clock(TestPki.CLOCK)
              .build();
      RoutingHeaders headers =
          TestPki.headers().messageId(MESSAGE_ID).issuedAt(TestPki.NOW).build();
      write(
          root.resolve("vectors/" + s + "-sealed.json"),
          codec.seal(headers, PAYLOAD, receiver.certificate()).toJson());
      write(root.resolve("vectors/" + s + "-signed.json"), codec.sign(headers, PAYLOAD).toJson());
    }
  }

  private static PartyCredentials party(
      Suite suite, PartyId id, X509Certificate ca, KeyPair caKeys) {
    KeyPair kp = KeyPairs.generate(suite);
    X509Certificate c =
        Certificates.issue(id, kp.getPublic(), ca, caKeys.getPrivate(), NOT_BEFORE, NOT_AFTER);
    return PartyCredentials.builder()
        .partyId(id)
        .privateKey(kp.getPrivate())
        .certificateChain(List.of(c))
        .build();
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
