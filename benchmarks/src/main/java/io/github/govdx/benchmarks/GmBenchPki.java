package io.github.govdx.benchmarks;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A throwaway GM (SM2) CA for benchmarks: issues party credentials valid for a month. Not thread-safe. */
public final class GmBenchPki {

  private final Instant now = Instant.now();
  private final KeyPair ca = KeyPairs.generate(Suite.GM);
  private final X509Certificate caCert =
      Certificates.selfSignedCa(
          "bench CA", ca, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)));

  /**
   * Issues a party SM2 credentials.
   *
   * @param id the party
   * @return the credentials
   */
  public PartyCredentials party(PartyId id) {
    KeyPair kp = KeyPairs.generate(Suite.GM);
    return PartyCredentials.builder()
        .partyId(id)
        .privateKey(kp.getPrivate())
        .certificateChain(
            List.of(
                Certificates.issue(
                    id,
                    kp.getPublic(),
                    caCert,
                    ca.getPrivate(),
                    now.minus(Duration.ofDays(1)),
                    now.plus(Duration.ofDays(30)))))
        .build();
  }

  /**
   * A trust store of this CA.
   *
   * @return the trust store
   */
  public TrustStore trustStore() {
    return TrustStore.of(caCert);
  }
}
