package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.HttpRevocationSource;
import io.github.govdx.client.HttpTimestampAuthority;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.Receipt;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.RevocationPolicy;
import io.github.govdx.crypto.key.TrustStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's test CA as a revocation and time-stamping service: a party revoked with {@link
 * ExchangeSandbox#revoke} is refused by receivers that check revocation ({@code GDX-2208}), OCSP "unknown" passes
 * soft fail and fails hard fail, the CRL and TSA are served over HTTP at {@code /pki/}, and dual-certificate parties
 * sign with one certificate and are sealed to with the other.
 */
class SandboxCaTest {

  private static Envelope seal(EnvelopeCodec from, PartyId sender, PartyId receiver) {
    return from.seal(
        RoutingHeaders.builder()
            .messageId(UUID.randomUUID().toString())
            .sender(sender)
            .receiver(receiver)
            .resourceCode("335001001/00012")
            .action("push")
            .build(),
        "{}".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void revokedParty_refusedByAReceiverThatChecks_acceptedBeforeRevocation() {
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start()) {
      TestParty hotline = sandbox.party("hotline");
      TestParty police = sandbox.party("police");
      TrustStore checking =
          sandbox
              .trustStore()
              .withRevocation(RevocationPolicy.HARD_FAIL, sandbox.pki().revocationSource());
      Envelope before = seal(sandbox.codecFor(hotline), hotline.partyId(), police.partyId());
      EnvelopeCodec receiver =
          EnvelopeCodec.builder().credentials(police.credentials()).trustStore(checking).build();
      assertThat(receiver.open(before.toBytes()).signerCertificate())
          .isEqualTo(hotline.credentials().certificate());

      sandbox.revoke("hotline");
      Envelope after = seal(sandbox.codecFor(hotline), hotline.partyId(), police.partyId());
      EnvelopeCodec fresh =
          EnvelopeCodec.builder()
              .credentials(police.credentials())
              .trustStore(
                  sandbox
                      .trustStore()
                      .withRevocation(RevocationPolicy.HARD_FAIL, sandbox.pki().revocationSource()))
              .build();
      assertThatThrownBy(() -> fresh.open(after.toBytes()))
          .isInstanceOf(GovdxException.class)
          .hasMessageStartingWith("GDX-2208");
    }
  }

  @Test
  void ocspUnknown_softAccepts_hardRefuses() {
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start()) {
      PartyCredentials c = sandbox.party("hotline").credentials();
      sandbox.pki().forget(c.certificate());
      TrustStore soft =
          sandbox
              .trustStore()
              .withRevocation(RevocationPolicy.SOFT_FAIL, sandbox.pki().revocationSource());
      TrustStore hard =
          sandbox
              .trustStore()
              .withRevocation(RevocationPolicy.HARD_FAIL, sandbox.pki().revocationSource());
      assertThat(soft.validate(c.certificateChain(), Instant.now())).isEqualTo(c.certificate());
      assertThatThrownBy(() -> hard.validate(c.certificateChain(), Instant.now()))
          .hasMessageStartingWith("GDX-2209");
    }
  }

  @Test
  void staleOrUnreachableCrl_softAccepts_hardRefusesWithItsCode() {
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start()) {
      PartyCredentials c = sandbox.party("hotline").credentials();
      // OCSP unreachable: the CRL decides
      io.github.govdx.crypto.key.RevocationSource crlOnly =
          new io.github.govdx.crypto.key.RevocationSource() {
            @Override
            public java.util.Optional<byte[]> crl(
                java.security.cert.X509Certificate issuer, List<URI> points) {
              return sandbox.pki().revocationSource().crl(issuer, points);
            }
          };
      sandbox.pki().staleCrl(true);
      assertThat(
              sandbox
                  .trustStore()
                  .withRevocation(RevocationPolicy.SOFT_FAIL, crlOnly)
                  .validate(c.certificateChain(), Instant.now()))
          .isEqualTo(c.certificate());
      assertThatThrownBy(
              () ->
                  sandbox
                      .trustStore()
                      .withRevocation(RevocationPolicy.HARD_FAIL, crlOnly)
                      .validate(c.certificateChain(), Instant.now()))
          .hasMessageStartingWith("GDX-2210");
      io.github.govdx.crypto.key.RevocationSource unreachable =
          (issuer, points) -> java.util.Optional.empty();
      assertThat(
              sandbox
                  .trustStore()
                  .withRevocation(RevocationPolicy.SOFT_FAIL, unreachable)
                  .validate(c.certificateChain(), Instant.now()))
          .isEqualTo(c.certificate());
      assertThatThrownBy(
              () ->
                  sandbox
                      .trustStore()
                      .withRevocation(RevocationPolicy.HARD_FAIL, unreachable)
                      .validate(c.certificateChain(), Instant.now()))
          .hasMessageStartingWith("GDX-2211");
    }
  }

  @Test
  void ocspGoodAndRevoked_againstTheSandboxCa() {
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start()) {
      PartyCredentials good = sandbox.party("hotline").credentials();
      PartyCredentials bad = sandbox.party("police").credentials();
      sandbox.revoke("police");
      io.github.govdx.crypto.key.RevocationSource ocspOnly =
          new io.github.govdx.crypto.key.RevocationSource() {
            @Override
            public java.util.Optional<byte[]> crl(
                java.security.cert.X509Certificate issuer, List<URI> points) {
              return java.util.Optional.empty();
            }

            @Override
            public java.util.Optional<byte[]> ocsp(URI responder, byte[] request) {
              return sandbox.pki().revocationSource().ocsp(responder, request);
            }
          };
      TrustStore hard = sandbox.trustStore().withRevocation(RevocationPolicy.HARD_FAIL, ocspOnly);
      assertThat(hard.validate(good.certificateChain(), Instant.now()))
          .isEqualTo(good.certificate());
      assertThatThrownBy(() -> hard.validate(bad.certificateChain(), Instant.now()))
          .hasMessageStartingWith("GDX-2208");
    }
  }

  @Test
  void es256Tsa_overHttp_verifiesOffline() {
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start()) {
      TestParty police = sandbox.party("police");
      TestParty hotline = sandbox.party("hotline");
      Envelope push = seal(sandbox.codecFor(hotline), hotline.partyId(), police.partyId());
      Receipt stamped =
          Receipt.issue(police.credentials(), push, Instant.now())
              .timestamped(
                  HttpTimestampAuthority.create(sandbox.baseUri().resolve("/pki/tsa-es256")));
      assertThat(Receipt.parse(stamped.toBytes()).verifyTimestamp(sandbox.trustStore()))
          .isBeforeOrEqualTo(Instant.now());
    }
  }

  @Test
  void crlAndTsaOverHttp_atPki() throws Exception {
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().start()) {
      sandbox.revoke("police");
      URI base = sandbox.baseUri();
      byte[] crlBytes =
          HttpRevocationSource.create()
              .crl(sandbox.pki().caCertificate(), List.of(base.resolve("/pki/crl")))
              .orElseThrow();
      X509CRL crl =
          (X509CRL)
              CertificateFactory.getInstance(
                      "X.509", new org.bouncycastle.jce.provider.BouncyCastleProvider())
                  .generateCRL(new java.io.ByteArrayInputStream(crlBytes));
      assertThat(crl.isRevoked(sandbox.party("police").credentials().certificate())).isTrue();
      assertThat(crl.isRevoked(sandbox.party("hotline").credentials().certificate())).isFalse();

      TestParty police = sandbox.party("police");
      TestParty hotline = sandbox.party("hotline");
      Envelope push = seal(sandbox.codecFor(hotline), hotline.partyId(), police.partyId());
      Receipt stamped =
          Receipt.issue(police.credentials(), push, Instant.now())
              .timestamped(HttpTimestampAuthority.create(base.resolve("/pki/tsa")));
      assertThat(Receipt.parse(stamped.toBytes()).verifyTimestamp(sandbox.trustStore()))
          .isBeforeOrEqualTo(Instant.now());
    }
  }

  @Test
  void dualCertificates_endToEndThroughTheSandbox_pushSealedToTheEncryptionCertificate() {
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().dualCertificates(true).start();
        io.github.govdx.client.ExchangeClient city = sandbox.client("citymgmt");
        io.github.govdx.client.ExchangeClient hotline = sandbox.client("hotline")) {
      TestParty cityParty = sandbox.party("citymgmt");
      assertThat(cityParty.credentials().encryptionCertificate()).isPresent();
      java.util.List<io.github.govdx.client.provider.ProviderPush> inbox =
          new java.util.concurrent.CopyOnWriteArrayList<>();
      io.github.govdx.client.catalog.ResourceDetail orders =
          city.catalog().detail("335003001/00031");
      io.github.govdx.client.provider.ProviderEndpoint endpoint =
          io.github.govdx.client.provider.ProviderEndpoint.builder()
              .party(cityParty.partyId())
              .credentials(cityParty.credentials())
              .trustStore(sandbox.trustStore())
              .directory(sandbox.directory())
              .push(
                  orders,
                  p -> {
                    inbox.add(p);
                    return "wo-" + inbox.size();
                  })
              .build();
      sandbox.registerProvider(cityParty.partyId(), ExchangeSandbox.provider(endpoint));
      com.fasterxml.jackson.databind.node.ObjectNode order =
          new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode();
      order.put("gdbh", "GD2026120300001");
      order.put("sqlx", "投诉");
      order.put("sqnr", "小区路灯不亮，夜间出行不便");
      order.put("xzqh", "320505");
      order.put("pdsj", "2026-12-03T08:20:00Z");
      order.put("blsx", "2026-12-06");
      io.github.govdx.client.data.PushResult r =
          hotline
              .data()
              .push(
                  io.github.govdx.client.data.PushRequest.builder()
                      .resourceCode("335003001/00031")
                      .addRecord(order)
                      .idempotencyKey(UUID.randomUUID().toString())
                      .build());
      // the provider could open it: it was sealed to the encryption certificate (the signing key
      // cannot decrypt)
      assertThat(inbox).hasSize(1);
      // the client verified the receipt (signed with the signing certificate) before returning
      assertThat(r.receipt())
          .hasValueSatisfying(rc -> assertThat(rc.receiver()).isEqualTo(cityParty.partyId()));
      assertThat(cityParty.credentials().decryptionKeyId())
          .isNotEqualTo(cityParty.credentials().keyId());
    }
  }

  @Test
  void dualCertificateParties_signWithOneSealToTheOther() {
    TestPki pki = TestPki.create();
    PartyId a = PartyId.parse("11320500014160478L");
    PartyId b = PartyId.parse("91350100M000100Y43");
    PartyCredentials ca = pki.issueDual(a, Suite.GM);
    PartyCredentials cb = pki.issueDual(b, Suite.GM);
    InMemoryPartyDirectory dir =
        InMemoryPartyDirectory.builder()
            .add(cb.certificate())
            .add(cb.encryptionCertificate().orElseThrow())
            .build();
    Envelope e =
        seal(
            EnvelopeCodec.builder()
                .credentials(ca)
                .trustStore(pki.trustStore())
                .directory(dir)
                .build(),
            a,
            b);
    assertThat(e.keyId()).isEqualTo(cb.decryptionKeyId());
    assertThat(
            EnvelopeCodec.builder()
                .credentials(cb)
                .trustStore(pki.trustStore())
                .build()
                .open(e.toBytes())
                .signerCertificate())
        .isEqualTo(ca.certificate());
  }
}
