package io.github.govdx.client.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.Fixtures;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.internal.Json;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.Receipt;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.PartyKeyRing;
import io.github.govdx.crypto.key.TrustStore;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Key rollover at a running provider endpoint: mail sealed to the old key opens after the new key is added, the
 * answer's receipt is signed with the new key, and mail to the old key is refused once it is removed — without
 * rebuilding the endpoint.
 */
class KeyRingEndpointTest {

  private static final ResourceDetail DETAIL =
      Json.resourceDetail((Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8)));
  private static final Instant NOW = Instant.now();

  private final KeyPair ca = KeyPairs.generate(Suite.GM);
  private final X509Certificate caCert =
      Certificates.selfSignedCa(
          "govdx test CA", ca, NOW.minus(Duration.ofDays(400)), NOW.plus(Duration.ofDays(4000)));

  private PartyCredentials issue(PartyId party, Instant from) {
    KeyPair kp = KeyPairs.generate(Suite.GM);
    return PartyCredentials.builder()
        .partyId(party)
        .privateKey(kp.getPrivate())
        .certificateChain(
            List.of(
                Certificates.issue(
                    party,
                    kp.getPublic(),
                    caCert,
                    ca.getPrivate(),
                    from,
                    NOW.plus(Duration.ofDays(300)))))
        .build();
  }

  private byte[] push(PartyCredentials hotline, X509Certificate to) {
    return EnvelopeCodec.builder()
        .credentials(hotline)
        .trustStore(TrustStore.of(caCert))
        .directory(InMemoryPartyDirectory.builder().add(to).build())
        .build()
        .seal(
            RoutingHeaders.builder()
                .messageId(UUID.randomUUID().toString())
                .sender(Fixtures.HOTLINE)
                .receiver(Fixtures.POLICE)
                .resourceCode(Fixtures.RESOURCE)
                .action("push")
                .build(),
            "{\"records\":[{\"xm\":\"甲\",\"sfzh\":\"11010519491231002X\"}]}"
                .getBytes(StandardCharsets.UTF_8))
        .toBytes();
  }

  private static ProviderResponse send(ProviderEndpoint e, byte[] body) {
    return e.handle(
        ProviderRequest.of(
            "POST",
            Fixtures.RESOURCE_PATH + "/batches",
            Map.of(
                "Content-Type",
                "application/govdx-envelope+json",
                "X-Gdx-Party",
                Fixtures.HOTLINE.toString(),
                "Idempotency-Key",
                UUID.randomUUID().toString()),
            body));
  }

  @Test
  void rollover_oldKeyOpensDuringOverlap_newKeySignsReceipts_oldRefusedOnceRemoved() {
    PartyCredentials hotline = issue(Fixtures.HOTLINE, NOW.minus(Duration.ofDays(10)));
    PartyCredentials oldKey = issue(Fixtures.POLICE, NOW.minus(Duration.ofDays(300)));
    PartyCredentials newKey = issue(Fixtures.POLICE, NOW.minus(Duration.ofMinutes(5)));
    PartyKeyRing ring = PartyKeyRing.of(oldKey);
    ProviderEndpoint endpoint =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .keyRing(ring)
            .trustStore(TrustStore.of(caCert))
            .directory(InMemoryPartyDirectory.builder().add(hotline.certificate()).build())
            .push(DETAIL, p -> "b-" + p.messageId())
            .build();
    byte[] toOld = push(hotline, oldKey.certificate());
    byte[] toOldLater = push(hotline, oldKey.certificate());

    ring.add(newKey);
    ProviderResponse during = send(endpoint, toOld);
    assertThat(during.status())
        .as(new String(during.body(), StandardCharsets.UTF_8))
        .isEqualTo(201);
    EnvelopeCodec hotlineCodec =
        EnvelopeCodec.builder()
            .credentials(hotline)
            .trustStore(TrustStore.of(caCert))
            .replayCache((id, exp) -> true)
            .build();
    OpenedMessage answer = hotlineCodec.open(during.body());
    assertThat(answer.signerCertificate()).isEqualTo(newKey.certificate());
    Receipt receipt = Receipt.parse(Json.bytes(Json.parseObject(answer.payload()).get("receipt")));
    assertThat(
            receipt.verify(
                io.github.govdx.crypto.Envelope.parse(toOld), TrustStore.of(caCert), Instant.now()))
        .as("the receipt is signed with the new key")
        .isEqualTo(newKey.certificate());
    assertThat(send(endpoint, push(hotline, newKey.certificate())).status()).isEqualTo(201);

    ring.remove(oldKey.keyId());
    ProviderResponse refused = send(endpoint, toOldLater);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(new String(refused.body(), StandardCharsets.UTF_8)).contains("GDX-2106");
  }
}
