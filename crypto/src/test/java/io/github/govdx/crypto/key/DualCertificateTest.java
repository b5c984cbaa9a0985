package io.github.govdx.crypto.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.Receipt;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Dual certificates (双证书, GB/T 20518, GM/T 0015): a department signs with its signing key and is sealed to with
 * its separate encryption certificate; keyUsage is enforced on open (an encryption certificate used to sign is
 * refused with {@code GDX-2207}) and on seal (a signing-only certificate is never sealed to); single certificates
 * that carry both usages keep working.
 */
class DualCertificateTest {

  private static final PartyId SENDER = PartyId.parse("11320500014160478L");
  private static final PartyId RECEIVER = PartyId.parse("91350100M000100Y43");
  private static final Instant FROM = Instant.now().minus(Duration.ofDays(1));
  private static final Instant TO = Instant.now().plus(Duration.ofDays(365));

  private static final class Ca {
    final KeyPair keys;
    final X509Certificate cert;

    Ca(Suite suite) {
      keys = KeyPairs.generate(suite);
      cert = Certificates.selfSignedCa("govdx test CA " + suite, keys, FROM, TO);
    }

    X509Certificate issue(PartyId party, KeyPair kp, CertificateUsage usage) {
      return Certificates.issue(party, kp.getPublic(), cert, keys.getPrivate(), FROM, TO, usage);
    }

    /** A dual pair: signing key and certificate, escrowed encryption key and certificate. */
    PartyCredentials dual(Suite suite, PartyId party) {
      KeyPair sign = KeyPairs.generate(suite);
      KeyPair enc = KeyPairs.generate(suite);
      return PartyCredentials.builder()
          .partyId(party)
          .privateKey(sign.getPrivate())
          .certificateChain(List.of(issue(party, sign, CertificateUsage.SIGNING)))
          .encryptionKey(
              PrivateKeyHolder.software(enc.getPrivate()),
              issue(party, enc, CertificateUsage.ENCRYPTION))
          .build();
    }
  }

  private static RoutingHeaders headers(PartyId from, PartyId to, String action) {
    return RoutingHeaders.builder()
        .messageId(UUID.randomUUID().toString())
        .sender(from)
        .receiver(to)
        .resourceCode("335001001/00012")
        .action(action)
        .build();
  }

  private static final byte[] PAYLOAD = "{\"n\":1}".getBytes(StandardCharsets.UTF_8);

  @ParameterizedTest
  @EnumSource(Suite.class)
  void dualPairs_signWithOneSealToTheOther_bothWays(Suite suite) {
    Ca ca = new Ca(suite);
    PartyCredentials a = ca.dual(suite, SENDER);
    PartyCredentials b = ca.dual(suite, RECEIVER);
    // the directory publishes each party's signing certificate first: sealing must skip it
    InMemoryPartyDirectory directory =
        InMemoryPartyDirectory.builder()
            .add(a.certificate())
            .add(a.encryptionCertificate().orElseThrow())
            .add(b.certificate())
            .add(b.encryptionCertificate().orElseThrow())
            .build();
    EnvelopeCodec ca1 =
        EnvelopeCodec.builder()
            .credentials(a)
            .trustStore(TrustStore.of(ca.cert))
            .directory(directory)
            .build();
    EnvelopeCodec cb =
        EnvelopeCodec.builder()
            .credentials(b)
            .trustStore(TrustStore.of(ca.cert))
            .directory(directory)
            .build();

    Envelope request = ca1.seal(headers(SENDER, RECEIVER, "push"), PAYLOAD);
    assertThat(request.keyId()).isEqualTo(b.decryptionKeyId()).isNotEqualTo(b.keyId());
    OpenedMessage opened = cb.open(request.toBytes());
    assertThat(opened.payload()).isEqualTo(PAYLOAD);
    assertThat(opened.signerCertificate()).isEqualTo(a.certificate());

    Envelope answer = cb.seal(headers(RECEIVER, SENDER, "push.receipt"), PAYLOAD);
    assertThat(ca1.open(answer.toBytes()).signerCertificate()).isEqualTo(b.certificate());
    Receipt receipt = Receipt.issue(b, request, Instant.now());
    assertThat(receipt.verify(request, TrustStore.of(ca.cert), Instant.now()))
        .isEqualTo(b.certificate());
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void encryptionCertificateUsedToSign_refused2207(Suite suite) {
    Ca ca = new Ca(suite);
    PartyCredentials b = ca.dual(suite, RECEIVER);
    KeyPair encAsSign = KeyPairs.generate(suite);
    PartyCredentials wrong =
        PartyCredentials.builder()
            .partyId(SENDER)
            .privateKey(encAsSign.getPrivate())
            .certificateChain(List.of(ca.issue(SENDER, encAsSign, CertificateUsage.ENCRYPTION)))
            .build();
    EnvelopeCodec sender =
        EnvelopeCodec.builder()
            .credentials(wrong)
            .directory(
                InMemoryPartyDirectory.builder()
                    .add(b.encryptionCertificate().orElseThrow())
                    .build())
            .build();
    EnvelopeCodec receiver =
        EnvelopeCodec.builder().credentials(b).trustStore(TrustStore.of(ca.cert)).build();
    Envelope e = sender.seal(headers(SENDER, RECEIVER, "push"), PAYLOAD);
    assertThatThrownBy(() -> receiver.open(e.toBytes()))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-2207");
    Envelope signed = sender.sign(headers(SENDER, RECEIVER, "push"), PAYLOAD);
    assertThatThrownBy(() -> receiver.verify(signed.toBytes()))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-2207");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void signingOnlyCertificate_neverSealedTo(Suite suite) {
    Ca ca = new Ca(suite);
    PartyCredentials a = ca.dual(suite, SENDER);
    PartyCredentials b = ca.dual(suite, RECEIVER);
    EnvelopeCodec sender =
        EnvelopeCodec.builder()
            .credentials(a)
            .directory(InMemoryPartyDirectory.builder().add(b.certificate()).build())
            .build();
    assertThatThrownBy(() -> sender.seal(headers(SENDER, RECEIVER, "push"), PAYLOAD))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-2205");
    assertThatThrownBy(
            () -> sender.seal(headers(SENDER, RECEIVER, "push"), PAYLOAD, b.certificate()))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-2206");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void encryptionCertificateOfAnotherKey_refusedAtBuild(Suite suite) {
    Ca ca = new Ca(suite);
    KeyPair sign = KeyPairs.generate(suite);
    KeyPair enc = KeyPairs.generate(suite);
    KeyPair other = KeyPairs.generate(suite);
    assertThatThrownBy(
            () ->
                PartyCredentials.builder()
                    .partyId(RECEIVER)
                    .privateKey(sign.getPrivate())
                    .certificateChain(List.of(ca.issue(RECEIVER, sign, CertificateUsage.SIGNING)))
                    .encryptionKey(
                        PrivateKeyHolder.software(enc.getPrivate()),
                        ca.issue(RECEIVER, other, CertificateUsage.ENCRYPTION))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encryption certificate");
    assertThatThrownBy(
            () ->
                PartyCredentials.builder()
                    .partyId(RECEIVER)
                    .privateKey(sign.getPrivate())
                    .certificateChain(List.of(ca.issue(RECEIVER, sign, CertificateUsage.SIGNING)))
                    .encryptionKey(
                        PrivateKeyHolder.software(enc.getPrivate()),
                        ca.issue(RECEIVER, enc, CertificateUsage.SIGNING))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not allow encryption");
  }
}
