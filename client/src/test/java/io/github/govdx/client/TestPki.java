package io.github.govdx.client;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A throwaway CA and party credentials generated per test run (no key is stored anywhere). */
public final class TestPki {

  private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2030-01-01T00:00:00Z");

  public final Suite suite;
  public final X509Certificate ca;
  public final TrustStore trust;
  public final InMemoryPartyDirectory directory;
  private final Map<PartyId, PartyCredentials> credentials = new HashMap<>();

  public TestPki(Suite suite, PartyId... parties) {
    this.suite = suite;
    KeyPair caKeys = KeyPairs.generate(suite);
    ca = Certificates.selfSignedCa("govdx test CA", caKeys, FROM, TO);
    trust = TrustStore.of(ca);
    InMemoryPartyDirectory.Builder dir = InMemoryPartyDirectory.builder();
    for (PartyId p : parties) {
      KeyPair kp = KeyPairs.generate(suite);
      X509Certificate cert =
          Certificates.issue(p, kp.getPublic(), ca, caKeys.getPrivate(), FROM, TO);
      credentials.put(
          p,
          PartyCredentials.builder()
              .partyId(p)
              .privateKey(kp.getPrivate())
              .certificateChain(List.of(cert, ca))
              .build());
      dir.add(p, cert);
    }
    directory = dir.build();
  }

  public PartyCredentials credentials(PartyId party) {
    return credentials.get(party);
  }
}
