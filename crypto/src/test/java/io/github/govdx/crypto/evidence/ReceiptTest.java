package io.github.govdx.crypto.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EvidenceFixtures;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.Suite;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReceiptTest {

  @ParameterizedTest
  @EnumSource(Suite.class)
  void issue_thenVerifyAgainstSentEnvelope_returnsReceiverCertificate(Suite suite) {
    OpenedMessage opened = EvidenceFixtures.sealedAndOpened(suite, "r-1");
    Receipt receipt =
        Receipt.issue(EvidenceFixtures.receiver(suite), opened, EvidenceFixtures.now());

    Receipt parsed = Receipt.parse(receipt.toBytes());
    Envelope sent = Envelope.parse(opened.envelope().toBytes());

    assertThat(parsed).isEqualTo(receipt);
    assertThat(parsed.messageId()).isEqualTo("r-1");
    assertThat(parsed.envelopeDigest()).isEqualTo(sent.digest());
    assertThat(parsed.issuedAt()).isEqualTo(EvidenceFixtures.now());
    assertThat(parsed.verify(sent, EvidenceFixtures.trust(suite), EvidenceFixtures.now()))
        .isEqualTo(EvidenceFixtures.receiver(suite).certificate());
    assertThat(receipt.toJson()).startsWith("{\"protected\":");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void verify_otherEnvelopeOrTamperedReceipt_receiptInvalid(Suite suite) {
    OpenedMessage opened = EvidenceFixtures.sealedAndOpened(suite, "r-2");
    OpenedMessage other = EvidenceFixtures.sealedAndOpened(suite, "r-3");
    Receipt receipt =
        Receipt.issue(EvidenceFixtures.receiver(suite), opened, EvidenceFixtures.now());

    assertThatThrownBy(
            () ->
                receipt.verify(
                    other.envelope(), EvidenceFixtures.trust(suite), EvidenceFixtures.now()))
        .isInstanceOf(EvidenceException.class)
        .hasMessageStartingWith("GDX-2501");
    String json = receipt.toJson();
    int sig = json.indexOf("\"signature\":\"") + 14;
    char c = json.charAt(sig);
    String tampered = json.substring(0, sig) + (c == 'A' ? 'B' : 'A') + json.substring(sig + 1);
    assertThatThrownBy(
            () ->
                Receipt.parse(tampered.getBytes(StandardCharsets.US_ASCII))
                    .verify(
                        opened.envelope(), EvidenceFixtures.trust(suite), EvidenceFixtures.now()))
        .isInstanceOf(EvidenceException.class)
        .hasMessageStartingWith("GDX-2501");
    assertThatThrownBy(() -> Receipt.parse("{}".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(EvidenceException.class);
    assertThatThrownBy(() -> Receipt.parse("[".repeat(10_000).getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(EvidenceException.class);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void issue_byPartyThatIsNotTheReceiver_illegalArgument(Suite suite) {
    OpenedMessage opened = EvidenceFixtures.sealedAndOpened(suite, "r-4");
    assertThatThrownBy(
            () -> Receipt.issue(EvidenceFixtures.sender(suite), opened, EvidenceFixtures.now()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
