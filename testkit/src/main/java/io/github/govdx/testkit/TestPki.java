package io.github.govdx.testkit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.TimestampAuthority;
import io.github.govdx.crypto.key.CertificateProfile;
import io.github.govdx.crypto.key.CertificateUsage;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.PrivateKeyHolder;
import io.github.govdx.crypto.key.RevocationSource;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.testkit.internal.CaServices;
import io.github.govdx.testkit.internal.Json;
import io.github.govdx.testkit.internal.Keyring;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
  private final CaServices services;

  private TestPki(Clock clock) {
    this(clock, freshCa(clock));
  }

  private TestPki(Clock clock, Object[] ca) {
    this.clock = clock;
    this.caKeys = (KeyPair) ca[0];
    this.ca = (X509Certificate) ca[1];
    this.notBefore = this.ca.getNotBefore().toInstant();
    this.notAfter = this.ca.getNotAfter().toInstant().minus(Duration.ofDays(1));
    this.trustStore = TrustStore.of(this.ca);
    this.services = new CaServices(clock, this.ca, caKeys.getPrivate(), notAfter);
  }

  private static Object[] freshCa(Clock clock) {
    Instant now = clock.instant();
    Instant notBefore = now.minus(Duration.ofDays(1));
    Instant notAfter = now.plus(Duration.ofDays(730));
    KeyPair keys = KeyPairs.generate(Suite.GM);
    X509Certificate cert =
        Certificates.selfSignedCa(CA_NAME, keys, notBefore, notAfter.plus(Duration.ofDays(1)));
    return new Object[] {keys, cert};
  }

  /**
   * The test CA kept under {@code ca} in a keyring: the one the first instance of a clustered sandbox generated,
   * or a fresh one.
   */
  static TestPki create(Clock clock, Keyring keyring) {
    String stored =
        keyring.getOrCreate(
            "ca",
            () -> {
              Object[] fresh = freshCa(clock);
              return Json.write(
                  new StoredCa(
                      Pem.write(((KeyPair) fresh[0]).getPrivate()),
                      Pem.write((X509Certificate) fresh[1])));
            });
    StoredCa ca = Json.stored(stored, StoredCa.class);
    X509Certificate cert = Pem.readCertificates(ca.certificate()).get(0);
    PrivateKey key = Pem.readPrivateKey(ca.key());
    return new TestPki(clock, new Object[] {new KeyPair(cert.getPublicKey(), key), cert});
  }

  /** The test CA as a keyring keeps it (PEM). */
  record StoredCa(String key, String certificate) {}

  /**
   * A party's credentials as a keyring keeps them: private keys and certificates in PEM, and the gateway secret
   * (base64) once the party has one.
   *
   * @param partyId the party
   * @param key the signing key
   * @param certificate the signing certificate
   * @param encryptionKey the encryption key of a dual pair, or null
   * @param encryptionCertificate its certificate, or null
   * @param gatewaySecret the gateway secret, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record StoredParty(
      String partyId,
      String key,
      String certificate,
      @Nullable String encryptionKey,
      @Nullable String encryptionCertificate,
      @Nullable String gatewaySecret) {

    StoredParty withGatewaySecret(String secret) {
      return new StoredParty(
          partyId, key, certificate, encryptionKey, encryptionCertificate, secret);
    }

    PartyCredentials credentials() {
      PartyCredentials.Builder b =
          PartyCredentials.builder()
              .partyId(PartyId.parse(partyId))
              .privateKey(Pem.readPrivateKey(key))
              .certificateChain(Pem.readCertificates(certificate));
      if (encryptionKey != null && encryptionCertificate != null) {
        b.encryptionKey(
            PrivateKeyHolder.software(Pem.readPrivateKey(encryptionKey)),
            Pem.readCertificates(encryptionCertificate).get(0));
      }
      return b.build();
    }
  }

  /**
   * Issues credentials for a keyring.
   *
   * @param party the party
   * @param dual a dual pair (signing and encryption)
   * @return the credentials, without a gateway secret
   */
  StoredParty issueStored(PartyId party, boolean dual) {
    KeyPair sign = KeyPairs.generate(Suite.GM);
    String certificate =
        Pem.write(certify(party, sign, dual ? CertificateUsage.SIGNING : CertificateUsage.BOTH));
    if (!dual) {
      return new StoredParty(
          party.toString(), Pem.write(sign.getPrivate()), certificate, null, null, null);
    }
    KeyPair enc = KeyPairs.generate(Suite.GM);
    return new StoredParty(
        party.toString(),
        Pem.write(sign.getPrivate()),
        certificate,
        Pem.write(enc.getPrivate()),
        Pem.write(certify(party, enc, CertificateUsage.ENCRYPTION)),
        null);
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
    return PartyCredentials.builder()
        .partyId(party)
        .privateKey(kp.getPrivate())
        .certificateChain(List.of(certify(party, kp, CertificateUsage.BOTH)))
        .build();
  }

  /**
   * Issues a dual pair (双证书, GM/T 0015): a signing certificate, and an encryption certificate for a second key
   * (the one a real CA's key management centre would escrow).
   *
   * @param party the party
   * @param suite the suite
   * @return credentials that sign with the signing key and open mail sealed to the encryption certificate
   */
  public PartyCredentials issueDual(PartyId party, Suite suite) {
    Objects.requireNonNull(party, "party == null");
    Objects.requireNonNull(suite, "suite == null");
    KeyPair sign = KeyPairs.generate(suite);
    KeyPair enc = KeyPairs.generate(suite);
    return PartyCredentials.builder()
        .partyId(party)
        .privateKey(sign.getPrivate())
        .certificateChain(List.of(certify(party, sign, CertificateUsage.SIGNING)))
        .encryptionKey(
            PrivateKeyHolder.software(enc.getPrivate()),
            certify(party, enc, CertificateUsage.ENCRYPTION))
        .build();
  }

  private X509Certificate certify(PartyId party, KeyPair kp, CertificateUsage usage) {
    return Certificates.issue(
        party,
        kp.getPublic(),
        ca,
        caKeys.getPrivate(),
        notBefore,
        notAfter,
        CertificateProfile.builder()
            .usage(usage)
            .crlDistributionPoint(CaServices.CRL)
            .ocspResponder(CaServices.OCSP)
            .build());
  }

  /**
   * Revokes a certificate this CA issued: its CRL lists it and its OCSP responder answers "revoked" from now on.
   *
   * @param certificate the certificate
   */
  public void revoke(X509Certificate certificate) {
    services.revoke(Objects.requireNonNull(certificate, "certificate == null"));
  }

  /**
   * Makes the OCSP responder answer "unknown" for a certificate (to test hard-fail policies).
   *
   * @param certificate the certificate
   */
  public void forget(X509Certificate certificate) {
    services.forget(Objects.requireNonNull(certificate, "certificate == null"));
  }

  /**
   * This CA's CRL and OCSP responder, in process: give it to {@link TrustStore#withRevocation}. Its certificates
   * name {@code http://sandbox-ca.govdx.test/pki/crl} and {@code …/pki/ocsp}; the sandbox serves both at its own
   * base URI.
   *
   * @return the revocation source
   */
  public RevocationSource revocationSource() {
    return services;
  }

  /**
   * This CA's RFC 3161 time-stamping authority (SM2-SM3, certificate issued by this CA with critical extended key
   * usage timeStamping), in process.
   *
   * @return the authority
   */
  public TimestampAuthority timestampAuthority() {
    return services;
  }

  /**
   * This CA's ES256 time-stamping authority (a P-256 TSA key, certificate issued by this CA), in process.
   *
   * @return the authority
   */
  public TimestampAuthority es256TimestampAuthority() {
    return services.es256();
  }

  /**
   * Makes this CA publish a stale CRL (its {@code nextUpdate} passed), or a fresh one again.
   *
   * @param stale whether the CRL is stale
   */
  public void staleCrl(boolean stale) {
    services.staleCrl(stale);
  }

  /** @return the DER CRL, for the sandbox's {@code /pki/crl} */
  byte[] crl() {
    return services.crl();
  }

  /** @return the OCSP answer, for the sandbox's {@code /pki/ocsp} */
  byte[] ocsp(byte[] request) {
    return services.ocsp(request);
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
