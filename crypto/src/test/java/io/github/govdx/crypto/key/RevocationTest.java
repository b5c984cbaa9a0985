package io.github.govdx.crypto.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.GovdxException;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Certificate revocation on SM2 and P-256 chains against a CA that publishes a CRL and answers OCSP: revoked
 * certificates are refused ({@code GDX-2208}) by CRL and by OCSP; OCSP "good" passes; OCSP "unknown", a stale CRL
 * and unreachable revocation information are accepted under soft fail and refused under hard fail, each with its
 * code; with the policy off nothing is checked.
 */
class RevocationTest {

  private static final PartyId SENDER = PartyId.parse("11320500014160478L");
  private static final PartyId RECEIVER = PartyId.parse("91350100M000100Y43");

  private static void accepted(TrustStore trust, PartyCredentials c) {
    assertThat(trust.validate(c.certificateChain(), Instant.now())).isEqualTo(c.certificate());
  }

  private static void refused(TrustStore trust, PartyCredentials c, String code) {
    assertThatThrownBy(() -> trust.validate(c.certificateChain(), Instant.now()))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith(code);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void crl_revokedRefusedUnderBothPolicies_goodAccepted_offChecksNothing(Suite suite) {
    RevocationTestCa ca = new RevocationTestCa(suite);
    PartyCredentials good = ca.issue(SENDER, false);
    PartyCredentials bad = ca.issue(RECEIVER, false);
    ca.revoke(bad.certificate());
    for (RevocationPolicy p : List.of(RevocationPolicy.SOFT_FAIL, RevocationPolicy.HARD_FAIL)) {
      TrustStore trust = TrustStore.of(ca.cert).withRevocation(p, ca);
      accepted(trust, good);
      refused(trust, bad, "GDX-2208");
    }
    TrustStore off = TrustStore.of(ca.cert).withRevocation(RevocationPolicy.OFF, ca);
    int before = ca.crlFetches;
    accepted(off, bad);
    assertThat(ca.crlFetches).isEqualTo(before);
    assertThat(off.revocationPolicy()).isEqualTo(RevocationPolicy.OFF);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void crl_cachedUntilNextUpdate(Suite suite) {
    RevocationTestCa ca = new RevocationTestCa(suite);
    PartyCredentials good = ca.issue(SENDER, false);
    TrustStore trust = TrustStore.of(ca.cert).withRevocation(RevocationPolicy.HARD_FAIL, ca);
    for (int i = 0; i < 5; i++) {
      accepted(trust, good);
    }
    assertThat(ca.crlFetches).isEqualTo(1);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void ocsp_goodRevokedUnknown(Suite suite) {
    RevocationTestCa ca = new RevocationTestCa(suite);
    PartyCredentials good = ca.issue(SENDER, true);
    PartyCredentials revoked = ca.issue(RECEIVER, true);
    PartyCredentials unknown = ca.issue(PartyId.parse("11320500014160494A"), true);
    ca.revoke(revoked.certificate());
    ca.makeUnknown(unknown.certificate());
    TrustStore soft = TrustStore.of(ca.cert).withRevocation(RevocationPolicy.SOFT_FAIL, ca);
    TrustStore hard = TrustStore.of(ca.cert).withRevocation(RevocationPolicy.HARD_FAIL, ca);
    accepted(hard, good);
    refused(soft, revoked, "GDX-2208");
    refused(hard, revoked, "GDX-2208");
    accepted(soft, unknown);
    refused(hard, unknown, "GDX-2209");
    assertThat(ca.ocspQueries).isGreaterThanOrEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void staleCrl_softAccepts_hardRefuses2210(Suite suite) {
    RevocationTestCa ca = new RevocationTestCa(suite);
    PartyCredentials c = ca.issue(SENDER, false);
    ca.stale = true;
    accepted(TrustStore.of(ca.cert).withRevocation(RevocationPolicy.SOFT_FAIL, ca), c);
    refused(TrustStore.of(ca.cert).withRevocation(RevocationPolicy.HARD_FAIL, ca), c, "GDX-2210");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void unreachable_softAccepts_hardRefuses2211(Suite suite) {
    RevocationTestCa ca = new RevocationTestCa(suite);
    PartyCredentials crlOnly = ca.issue(SENDER, false);
    PartyCredentials withOcsp = ca.issue(RECEIVER, true);
    ca.reachable = false;
    TrustStore soft = TrustStore.of(ca.cert).withRevocation(RevocationPolicy.SOFT_FAIL, ca);
    TrustStore hard = TrustStore.of(ca.cert).withRevocation(RevocationPolicy.HARD_FAIL, ca);
    accepted(soft, crlOnly);
    accepted(soft, withOcsp);
    refused(hard, crlOnly, "GDX-2211");
    refused(hard, withOcsp, "GDX-2211");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void crlFromAnotherCa_notTrusted_countsAsUnavailable(Suite suite) {
    RevocationTestCa ca = new RevocationTestCa(suite);
    RevocationTestCa impostor = new RevocationTestCa(suite);
    PartyCredentials c = ca.issue(SENDER, false);
    ca.revoke(c.certificate());
    // the impostor's CRL lists nothing and is signed by another key: it must not clear the
    // certificate
    TrustStore hard = TrustStore.of(ca.cert).withRevocation(RevocationPolicy.HARD_FAIL, impostor);
    refused(hard, c, "GDX-2211");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void revokedSigner_refusedOnOpen(Suite suite) {
    RevocationTestCa ca = new RevocationTestCa(suite);
    PartyCredentials sender = ca.issue(SENDER, true);
    PartyCredentials receiver = ca.issue(RECEIVER, true);
    EnvelopeCodec a =
        EnvelopeCodec.builder()
            .credentials(sender)
            .directory(InMemoryPartyDirectory.builder().add(receiver.certificate()).build())
            .build();
    EnvelopeCodec b =
        EnvelopeCodec.builder()
            .credentials(receiver)
            .trustStore(TrustStore.of(ca.cert).withRevocation(RevocationPolicy.HARD_FAIL, ca))
            .build();
    Envelope before =
        a.seal(
            RoutingHeaders.builder()
                .messageId(UUID.randomUUID().toString())
                .sender(SENDER)
                .receiver(RECEIVER)
                .resourceCode("335001001/00012")
                .action("push")
                .build(),
            "{}".getBytes(StandardCharsets.UTF_8));
    Envelope after =
        a.seal(
            RoutingHeaders.builder()
                .messageId(UUID.randomUUID().toString())
                .sender(SENDER)
                .receiver(RECEIVER)
                .resourceCode("335001001/00012")
                .action("push")
                .build(),
            "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(b.open(before.toBytes()).signerCertificate()).isEqualTo(sender.certificate());
    ca.revoke(sender.certificate());
    // OCSP answers are cached until their nextUpdate: a fresh trust store sees the revocation at
    // once
    EnvelopeCodec fresh =
        EnvelopeCodec.builder()
            .credentials(receiver)
            .trustStore(TrustStore.of(ca.cert).withRevocation(RevocationPolicy.HARD_FAIL, ca))
            .build();
    assertThatThrownBy(() -> fresh.open(after.toBytes()))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-2208");
  }
}
