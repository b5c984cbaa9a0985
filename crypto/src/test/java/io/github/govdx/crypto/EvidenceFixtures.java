package io.github.govdx.crypto;

import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;

/** Public-in-package bridge so evidence tests can use {@link TestPki}. */
public final class EvidenceFixtures {

  private EvidenceFixtures() {}

  /** A sealed envelope from A to B and the receiver's opened message. */
  public static OpenedMessage sealedAndOpened(Suite suite, String messageId) {
    TestPki pki = TestPki.of(suite);
    Envelope env =
        pki.sender().seal(TestPki.headers().messageId(messageId).build(), new byte[] {1, 2, 3});
    return pki.receiver().open(env.toBytes());
  }

  public static PartyCredentials sender(Suite suite) {
    return TestPki.of(suite).a;
  }

  public static PartyCredentials receiver(Suite suite) {
    return TestPki.of(suite).b;
  }

  public static TrustStore trust(Suite suite) {
    return TestPki.of(suite).trust;
  }

  public static java.time.Instant now() {
    return TestPki.NOW;
  }
}
