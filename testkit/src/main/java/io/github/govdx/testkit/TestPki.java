package io.github.govdx.testkit;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A throwaway test certificate authority: an SM2 root generated in memory when the object is created, which issues
 * SM2 (GM suite, GB/T 32918) or P-256 (INTL suite) party certificates naming a {@link PartyId}. Nothing is ever
 * written to disk unless the caller asks ({@link ExchangeSandbox#writeCredentials(java.nio.file.Path)}); the keys
 * are test keys and must never protect real data.
 *
 * <pre>{@code
 * TestPki pki = TestPki.create();
 * PartyCredentials police = pki.issue(PartyId.parse("11320500014160478L"));
 * TrustStore trust = pki.trustStore();
 * }</pre>
 *
 * <p>Certificates are valid from one day before creation for two years, so small clock differences between
 * processes do not matter. Thread-safe.
 */
public final class TestPki {

  /** The common name of every test root, so nobody mistakes it for a real CA. */
  public static final String CA_NAME = "govdx TEST CA - not for production";

  private final Clock clock;
  private final KeyPair caKeys;
  private final X509Certificate ca;
  private final TrustStore trustStore;
  private final Instant notBefore;
  private final Instant notAfter;

  private TestPki(Clock clock) {
    this.clock = clock;
    Instant now = clock.instant();
    this.notBefore = now.minus(Duration.ofDays(1));
    this.notAfter = now.plus(Duration.ofDays(730));
    this.caKeys = KeyPairs.generate(Suite.GM);
    this.ca =
        Certificates.selfSignedCa(CA_NAME, caKeys, notBefore, notAfter.plus(Duration.ofDays(1)));
    this.trustStore = TrustStore.of(ca);
  }

  /**
   * Creates a test CA with a fresh SM2 key, using the system clock.
   *
   * @return the CA
   */
  public static TestPki create() {
    return new TestPki(Clock.systemUTC());
  }

  /**
   * Creates a test CA with a fresh SM2 key.
   *
   * @param clock the clock that sets certificate validity
   * @return the CA
   * @throws NullPointerException if {@code clock} is null
   */
  public static TestPki create(Clock clock) {
    return new TestPki(Objects.requireNonNull(clock, "clock == null"));
  }

  /**
   * Issues GM-suite (SM2) credentials to a party: a fresh key pair and a certificate signed by this CA.
   *
   * @param party the party
   * @return the credentials
   * @throws NullPointerException if {@code party} is null
   */
  public PartyCredentials issue(PartyId party) {
    return issue(party, Suite.GM);
  }

  /**
   * Issues credentials of a suite to a party.
   *
   * @param party the party
   * @param suite {@link Suite#GM} (SM2) or {@link Suite#INTL} (P-256)
   * @return the credentials
   * @throws NullPointerException if an argument is null
   */
  public PartyCredentials issue(PartyId party, Suite suite) {
    Objects.requireNonNull(party, "party == null");
    Objects.requireNonNull(suite, "suite == null");
    KeyPair kp = KeyPairs.generate(suite);
    X509Certificate leaf =
        Certificates.issue(party, kp.getPublic(), ca, caKeys.getPrivate(), notBefore, notAfter);
    return PartyCredentials.builder()
        .partyId(party)
        .privateKey(kp.getPrivate())
        .certificateChain(List.of(leaf))
        .build();
  }

  /**
   * The root certificate of this CA.
   *
   * @return the certificate
   */
  public X509Certificate caCertificate() {
    return ca;
  }

  /**
   * A trust store holding only this CA.
   *
   * @return the trust store
   */
  public TrustStore trustStore() {
    return trustStore;
  }

  /**
   * The CA's private key, for tests that must issue certificates of their own (e.g. an expired one).
   *
   * @return the key
   */
  PrivateKey caKey() {
    return caKeys.getPrivate();
  }

  /**
   * The clock of this CA.
   *
   * @return the clock
   */
  Clock clock() {
    return clock;
  }

  /** Names the CA; never its key. */
  @Override
  public String toString() {
    return "TestPki{" + CA_NAME + ", serial " + ca.getSerialNumber().toString(16) + "}";
  }
}
