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
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Key rollover (密钥更新) without a restart, in both suites: a party holds several key pairs; mail sealed to the old
 * key opens while it is in the ring and is refused with {@code GDX-2106} once it is removed; the codec signs with
 * the newest valid key; a signer whose certificate was renewed is accepted by a codec that is already running; a
 * trust store source lets a new CA take effect on the next message.
 */
class KeyRolloverTest {

  private static final PartyId SENDER = PartyId.parse("11320500014160478L");
  private static final PartyId RECEIVER = PartyId.parse("91350100M000100Y43");
  private static final Instant NOW = Instant.parse("2026-12-03T08:00:00Z");

  private static final class Ca {
    final KeyPair keys;
    final X509Certificate cert;

    Ca(Suite suite, String name) {
      keys = KeyPairs.generate(suite);
      cert =
          Certificates.selfSignedCa(
              name, keys, NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(4000)));
    }

    PartyCredentials issue(Suite suite, PartyId party, Instant from, Instant to) {
      KeyPair kp = KeyPairs.generate(suite);
      return PartyCredentials.builder()
          .partyId(party)
          .privateKey(kp.getPrivate())
          .certificateChain(
              List.of(Certificates.issue(party, kp.getPublic(), cert, keys.getPrivate(), from, to)))
          .build();
    }
  }

  private static Envelope seal(EnvelopeCodec codec, PartyId from, PartyId to, String action) {
    return codec.seal(
        RoutingHeaders.builder()
            .messageId(UUID.randomUUID().toString())
            .sender(from)
            .receiver(to)
            .resourceCode("335001001/00012")
            .action(action)
            .build(),
        "{\"n\":1}".getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void oldKeyOpensDuringTheOverlap_refusedOnceRemoved_newestValidKeySigns(Suite suite) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Ca ca = new Ca(suite, "govdx test CA " + suite);
    PartyCredentials sender =
        ca.issue(suite, SENDER, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(300)));
    PartyCredentials oldKey =
        ca.issue(suite, RECEIVER, NOW.minus(Duration.ofDays(360)), NOW.plus(Duration.ofDays(5)));
    PartyCredentials newKey =
        ca.issue(suite, RECEIVER, NOW.minus(Duration.ofHours(1)), NOW.plus(Duration.ofDays(365)));
    PartyKeyRing ring = PartyKeyRing.of(oldKey);
    EnvelopeCodec receiver =
        EnvelopeCodec.builder()
            .keyRing(ring)
            .trustStore(TrustStore.of(ca.cert))
            .clock(clock)
            .directory(InMemoryPartyDirectory.builder().add(sender.certificate()).build())
            .build();
    EnvelopeCodec senderToOld =
        EnvelopeCodec.builder()
            .credentials(sender)
            .trustStore(TrustStore.of(ca.cert))
            .clock(clock)
            .directory(InMemoryPartyDirectory.builder().add(oldKey.certificate()).build())
            .build();
    Envelope toOld = seal(senderToOld, SENDER, RECEIVER, "push");
    Envelope toOldLater = seal(senderToOld, SENDER, RECEIVER, "push");

    ring.add(newKey);
    assertThat(receiver.credentials().keyId()).isEqualTo(newKey.keyId());
    OpenedMessage opened = receiver.open(toOld.toBytes());
    assertThat(opened.envelope().keyId()).isEqualTo(oldKey.keyId());
    Envelope answer = seal(receiver, RECEIVER, SENDER, "push.receipt");
    assertThat(senderToOld.open(answer.toBytes()).signerCertificate())
        .isEqualTo(newKey.certificate());

    assertThat(ring.remove(oldKey.keyId())).isTrue();
    assertThatThrownBy(() -> receiver.open(toOldLater.toBytes()))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-2106");
    assertThat(oldKey.validFor(NOW)).isEqualTo(Duration.ofDays(5));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void notYetValidNewKey_notUsedUntilItsNotBefore(Suite suite) {
    Ca ca = new Ca(suite, "govdx test CA " + suite);
    PartyCredentials current =
        ca.issue(suite, RECEIVER, NOW.minus(Duration.ofDays(300)), NOW.plus(Duration.ofDays(30)));
    PartyCredentials next =
        ca.issue(suite, RECEIVER, NOW.plus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(400)));
    PartyKeyRing ring = PartyKeyRing.of(current, next);
    assertThat(ring.current(NOW).keyId()).isEqualTo(current.keyId());
    assertThat(ring.current(NOW.plus(Duration.ofDays(2))).keyId()).isEqualTo(next.keyId());
    assertThat(ring.all())
        .extracting(PartyCredentials::keyId)
        .containsExactly(next.keyId(), current.keyId());
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void renewedSignerCertificate_acceptedByARunningCodec(Suite suite) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Ca ca = new Ca(suite, "govdx test CA " + suite);
    PartyCredentials receiverKeys =
        ca.issue(suite, RECEIVER, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(300)));
    PartyCredentials before =
        ca.issue(suite, SENDER, NOW.minus(Duration.ofDays(360)), NOW.plus(Duration.ofDays(2)));
    PartyKeyRing senderRing = PartyKeyRing.of(before);
    EnvelopeCodec sender =
        EnvelopeCodec.builder()
            .keyRing(senderRing)
            .trustStore(TrustStore.of(ca.cert))
            .clock(clock)
            .directory(InMemoryPartyDirectory.builder().add(receiverKeys.certificate()).build())
            .build();
    EnvelopeCodec receiver =
        EnvelopeCodec.builder()
            .credentials(receiverKeys)
            .trustStore(TrustStore.of(ca.cert))
            .clock(clock)
            .build();
    assertThat(receiver.open(seal(sender, SENDER, RECEIVER, "push").toBytes()).signerCertificate())
        .isEqualTo(before.certificate());
    PartyCredentials renewed =
        ca.issue(suite, SENDER, NOW.minus(Duration.ofMinutes(5)), NOW.plus(Duration.ofDays(365)));
    senderRing.add(renewed);
    assertThat(receiver.open(seal(sender, SENDER, RECEIVER, "push").toBytes()).signerCertificate())
        .isEqualTo(renewed.certificate());
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void trustStoreSource_newCaTakesEffectOnTheNextMessage(Suite suite) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    Ca oldCa = new Ca(suite, "govdx old CA " + suite);
    Ca newCa = new Ca(suite, "govdx new CA " + suite);
    PartyCredentials receiverKeys =
        oldCa.issue(
            suite, RECEIVER, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(300)));
    PartyCredentials sender =
        newCa.issue(suite, SENDER, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(300)));
    AtomicReference<TrustStore> anchors = new AtomicReference<>(TrustStore.of(oldCa.cert));
    EnvelopeCodec receiver =
        EnvelopeCodec.builder()
            .credentials(receiverKeys)
            .trustStoreSource(anchors::get)
            .clock(clock)
            .build();
    EnvelopeCodec senderCodec =
        EnvelopeCodec.builder()
            .credentials(sender)
            .clock(clock)
            .directory(InMemoryPartyDirectory.builder().add(receiverKeys.certificate()).build())
            .build();
    Envelope first = seal(senderCodec, SENDER, RECEIVER, "push");
    assertThatThrownBy(() -> receiver.open(first.toBytes()))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-2201");
    anchors.set(TrustStore.of(oldCa.cert, newCa.cert));
    assertThat(
            receiver
                .open(seal(senderCodec, SENDER, RECEIVER, "push").toBytes())
                .signerCertificate())
        .isEqualTo(sender.certificate());
  }
}
