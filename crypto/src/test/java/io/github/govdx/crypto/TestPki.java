package io.github.govdx.crypto;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A throwaway PKI per suite for tests: one CA, two parties (A sends, B receives). Generated once per JVM. */
final class TestPki {

  static final PartyId A = PartyId.parse("11320500014160478L");
  static final PartyId B = PartyId.parse("91350100M000100Y43");
  static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static final Map<Suite, TestPki> CACHE = new EnumMap<>(Suite.class);

  final Suite suite;
  final KeyPair caKeys;
  final X509Certificate ca;
  final PartyCredentials a;
  final PartyCredentials b;
  final TrustStore trust;

  private TestPki(Suite suite) {
    this.suite = suite;
    Instant nb = NOW.minus(Duration.ofDays(30));
    Instant na = NOW.plus(Duration.ofDays(365));
    caKeys = KeyPairs.generate(suite);
    ca = Certificates.selfSignedCa("govdx test CA " + suite, caKeys, nb, na);
    a = party(A, nb, na);
    b = party(B, nb, na);
    trust = TrustStore.of(ca);
  }

  static synchronized TestPki of(Suite suite) {
    return CACHE.computeIfAbsent(suite, TestPki::new);
  }

  PartyCredentials party(PartyId id, Instant notBefore, Instant notAfter) {
    KeyPair kp = KeyPairs.generate(suite);
    X509Certificate c =
        Certificates.issue(id, kp.getPublic(), ca, caKeys.getPrivate(), notBefore, notAfter);
    return PartyCredentials.builder()
        .partyId(id)
        .privateKey(kp.getPrivate())
        .certificateChain(List.of(c))
        .build();
  }

  EnvelopeCodec.Builder codec(PartyCredentials me) {
    return EnvelopeCodec.builder()
        .credentials(me)
        .trustStore(trust)
        .clock(CLOCK)
        .directory(
            InMemoryPartyDirectory.builder().add(a.certificate()).add(b.certificate()).build());
  }

  EnvelopeCodec sender() {
    return codec(a).build();
  }

  EnvelopeCodec receiver() {
    return codec(b).build();
  }

  static RoutingHeaders.Builder headers() {
    return RoutingHeaders.builder().sender(A).receiver(B).resourceCode("R-0001").action("query");
  }
}
