package io.github.govdx.crypto.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.CertificateRejectedException;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.Suite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class KeyMaterialTest {

  private static final PartyId A = PartyId.parse("11320500014160478L");
  private static final PartyId A_HOTLINE = PartyId.of("11320500014160478L", "hotline");
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  @TempDir Path dir;

  private static X509Certificate selfSigned(KeyPair kp) {
    return Certificates.selfSigned(A, kp, NOW.minusSeconds(60), NOW.plus(Duration.ofDays(1)));
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void pem_privatePublicAndCertificates_roundTrip(Suite suite) {
    KeyPair kp = KeyPairs.generate(suite);
    X509Certificate cert = selfSigned(kp);

    PrivateKey key = Pem.readPrivateKey(Pem.write(kp.getPrivate()));

    assertThat(Pem.write(kp.getPrivate())).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(key.getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
    assertThat(KeyPairs.suiteOf(key)).contains(suite);
    assertThat(Pem.readPublicKey(Pem.write(kp.getPublic())).getEncoded())
        .isEqualTo(kp.getPublic().getEncoded());
    assertThat(Pem.readCertificates(Pem.write(List.of(cert, cert)))).containsExactly(cert, cert);
    assertThat(Pem.readPublicKey(Pem.write(cert)).getEncoded())
        .isEqualTo(kp.getPublic().getEncoded());
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void pem_garbage_keyMaterialInvalid(Suite suite) {
    assertThatThrownBy(
            () ->
                Pem.readPrivateKey(
                    "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"))
        .isInstanceOf(KeyMaterialException.class)
        .hasMessageStartingWith("GDX-2401: ");
    assertThatThrownBy(() -> Pem.readPrivateKey("no pem here"))
        .isInstanceOf(KeyMaterialException.class);
    assertThatThrownBy(() -> Pem.readPublicKey(Pem.write(KeyPairs.generate(suite).getPrivate())))
        .isInstanceOf(KeyMaterialException.class);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void certificates_partyKeyIdAndSuite(Suite suite) throws Exception {
    KeyPair kp = KeyPairs.generate(suite);
    X509Certificate cert = Certificates.selfSigned(A_HOTLINE, kp, NOW, NOW.plusSeconds(60));

    assertThat(Certificates.partyOf(cert)).contains(A_HOTLINE);
    assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + A_HOTLINE);
    assertThat(Certificates.keyId(cert))
        .isEqualTo(
            Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded())));
    assertThat(Certificates.suiteOf(cert)).contains(suite);
    assertThat(cert.getSigAlgName())
        .isEqualToIgnoringCase(suite == Suite.GM ? "SM3WITHSM2" : "SHA256WITHECDSA");
    X509Certificate ca = Certificates.selfSignedCa("not a party", kp, NOW, NOW.plusSeconds(60));
    assertThat(Certificates.partyOf(ca)).isEmpty();
    assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
    assertThatThrownBy(() -> Certificates.parse(new byte[] {1, 2, 3}))
        .isInstanceOf(KeyMaterialException.class);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void credentials_checkKeyAndParty_andNeverPrintTheKey(Suite suite) {
    KeyPair kp = KeyPairs.generate(suite);
    X509Certificate cert = selfSigned(kp);
    PartyCredentials c =
        PartyCredentials.builder()
            .partyId(A_HOTLINE)
            .privateKey(kp.getPrivate())
            .certificateChain(List.of(cert))
            .build();

    assertThat(c.suite()).isEqualTo(suite);
    assertThat(c.keyId()).isEqualTo(Certificates.keyId(cert));
    assertThat(c.toString())
        .contains("REDACTED")
        .doesNotContain(
            Base64.getEncoder().encodeToString(kp.getPrivate().getEncoded()).substring(40, 60));
    assertThatThrownBy(
            () ->
                PartyCredentials.builder()
                    .partyId(A)
                    .privateKey(KeyPairs.generate(suite).getPrivate())
                    .certificateChain(List.of(cert))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                PartyCredentials.builder()
                    .partyId(PartyId.parse("91350100M000100Y43"))
                    .privateKey(kp.getPrivate())
                    .certificateChain(List.of(cert))
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PartyCredentials.builder().partyId(A).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("privateKey");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void pkcs12_roundTrip_andWrongPassword(Suite suite) throws Exception {
    KeyPair kp = KeyPairs.generate(suite);
    PartyCredentials c =
        PartyCredentials.builder()
            .partyId(A)
            .privateKey(kp.getPrivate())
            .certificateChain(List.of(selfSigned(kp)))
            .build();
    Path file = Files.write(dir.resolve("a.p12"), Pkcs12.write(c, "s3cret".toCharArray()));

    PartyCredentials back = Pkcs12.read(file, "s3cret".toCharArray());

    assertThat(back.partyId()).isEqualTo(A);
    assertThat(back.keyId()).isEqualTo(c.keyId());
    assertThat(((java.security.interfaces.ECPrivateKey) back.privateKey()).getS())
        .isEqualTo(((java.security.interfaces.ECPrivateKey) c.privateKey()).getS());
    assertThatThrownBy(() -> Pkcs12.read(file, "hunter2".toCharArray()))
        .isInstanceOf(KeyMaterialException.class)
        .hasMessageNotContaining("hunter2")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> Pkcs12.read(new byte[10], new char[0]))
        .isInstanceOf(KeyMaterialException.class);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void jwk_roundTrip(Suite suite) {
    KeyPair kp = KeyPairs.generate(suite);
    X509Certificate cert = selfSigned(kp);

    String jwk = Jwks.toJwk(cert);

    assertThat(jwk)
        .contains("\"crv\":\"" + (suite == Suite.GM ? "SM2" : "P-256") + "\"")
        .contains("\"kid\":\"" + Certificates.keyId(cert) + "\"");
    assertThat(Jwks.publicKey(jwk).getEncoded()).isEqualTo(kp.getPublic().getEncoded());
    assertThat(Jwks.certificates(Jwks.toJwks(List.of(cert, cert)))).containsExactly(cert, cert);
    assertThatThrownBy(() -> Jwks.publicKey("{\"kty\":\"RSA\"}"))
        .isInstanceOf(KeyMaterialException.class);
    assertThatThrownBy(() -> Jwks.publicKey("[".repeat(10_000)))
        .isInstanceOf(KeyMaterialException.class);
    assertThatThrownBy(() -> Jwks.certificates("{}")).isInstanceOf(KeyMaterialException.class);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void trustStore_intermediateChain_validatesAtInstant_andLoadsFromPem(Suite suite)
      throws Exception {
    KeyPair root = KeyPairs.generate(suite);
    KeyPair inter = KeyPairs.generate(suite);
    KeyPair leaf = KeyPairs.generate(suite);
    X509Certificate rootCert =
        Certificates.selfSignedCa(
            "root", root, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(10)));
    X509Certificate interCert =
        Certificates.issueCa(
            "intermediate",
            inter.getPublic(),
            rootCert,
            root.getPrivate(),
            NOW.minus(Duration.ofDays(5)),
            NOW.plus(Duration.ofDays(5)));
    X509Certificate leafCert =
        Certificates.issue(
            A,
            leaf.getPublic(),
            interCert,
            inter.getPrivate(),
            NOW.minus(Duration.ofDays(1)),
            NOW.plus(Duration.ofDays(1)));
    Files.writeString(dir.resolve("root.pem"), Pem.write(rootCert));
    TrustStore trust = TrustStore.load(dir);

    assertThat(trust.validate(List.of(leafCert, interCert), NOW)).isEqualTo(leafCert);
    assertThat(trust.validate(List.of(leafCert, interCert, rootCert), NOW)).isEqualTo(leafCert);
    assertThat(TrustStore.load(dir.resolve("root.pem")).anchors()).containsExactly(rootCert);
    assertRejected(
        () -> trust.validate(List.of(leafCert), NOW), CryptoErrorCode.CERTIFICATE_UNTRUSTED);
    assertRejected(
        () -> trust.validate(List.of(leafCert, interCert), NOW.plus(Duration.ofDays(2))),
        CryptoErrorCode.CERTIFICATE_EXPIRED);
    assertRejected(
        () -> trust.validate(List.of(leafCert, interCert), NOW.minus(Duration.ofDays(2))),
        CryptoErrorCode.CERTIFICATE_NOT_YET_VALID);
    assertRejected(() -> trust.validate(List.of(), NOW), CryptoErrorCode.CERTIFICATE_INVALID);
    // a leaf signed by the right name but another key
    X509Certificate forgedInter =
        Certificates.issueCa(
            "intermediate",
            inter.getPublic(),
            Certificates.selfSignedCa(
                "root",
                KeyPairs.generate(suite),
                NOW.minus(Duration.ofDays(10)),
                NOW.plus(Duration.ofDays(10))),
            KeyPairs.generate(suite).getPrivate(),
            NOW.minus(Duration.ofDays(5)),
            NOW.plus(Duration.ofDays(5)));
    assertRejected(
        () -> trust.validate(List.of(leafCert, forgedInter), NOW),
        CryptoErrorCode.CERTIFICATE_UNTRUSTED);
    // pinned self-signed party certificate
    X509Certificate pinned = selfSigned(leaf);
    assertThat(TrustStore.of(pinned).validate(List.of(pinned), NOW)).isEqualTo(pinned);
    assertThatThrownBy(() -> TrustStore.load(dir.resolve("missing.pem")))
        .isInstanceOf(KeyMaterialException.class);
  }

  private static void assertRejected(
      org.assertj.core.api.ThrowableAssert.ThrowingCallable call, CryptoErrorCode code) {
    assertThatThrownBy(call)
        .isInstanceOf(CertificateRejectedException.class)
        .hasMessageStartingWith(code.code() + ": ");
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void directory_byPartyAndByCertificate(Suite suite) {
    X509Certificate cert = selfSigned(KeyPairs.generate(suite));
    PartyDirectory dir = InMemoryPartyDirectory.builder().add(cert).add(A_HOTLINE, cert).build();
    assertThat(dir.certificates(A)).containsExactly(cert);
    assertThat(dir.certificates(A_HOTLINE)).containsExactly(cert);
    assertThat(dir.certificates(PartyId.parse("91350100M000100Y43"))).isEmpty();
  }
}
