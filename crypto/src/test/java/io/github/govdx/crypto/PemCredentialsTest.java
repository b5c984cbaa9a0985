package io.github.govdx.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyMaterialException;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.TrustStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link PartyCredentials#fromPem} and {@link TrustStore#load(List)}: checked from the PEM text without the JCA
 * provider, the same credentials as the builder's once used, and every check of the builder kept.
 */
class PemCredentialsTest {

  @TempDir Path dir;

  private static String pem(String type, byte[] der) throws IOException {
    StringWriter w = new StringWriter();
    try (PemWriter p = new PemWriter(w)) {
      p.writeObject(new PemObject(type, der));
    }
    return w.toString();
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void fromPem_sealsAndOpensAsTheBuiltCredentials(Suite suite) {
    TestPki pki = TestPki.of(suite);
    KeyPair kp = KeyPairs.generate(suite);
    Instant nb = TestPki.NOW.minus(Duration.ofDays(1));
    Instant na = TestPki.NOW.plus(Duration.ofDays(30));
    X509Certificate cert =
        Certificates.issue(TestPki.A, kp.getPublic(), pki.ca, pki.caKeys.getPrivate(), nb, na);
    PartyCredentials built =
        PartyCredentials.builder()
            .partyId(TestPki.A)
            .privateKey(kp.getPrivate())
            .certificateChain(List.of(cert, pki.ca))
            .build();

    PartyCredentials read =
        PartyCredentials.fromPem(
            TestPki.A, Pem.write(kp.getPrivate()), Pem.write(List.of(cert, pki.ca)));

    // answered from the checked text
    assertThat(read.partyId()).isEqualTo(built.partyId());
    assertThat(read.suite()).isEqualTo(suite);
    assertThat(read.keyId()).isEqualTo(built.keyId()).isEqualTo(Certificates.keyId(cert));
    assertThat(read.decryptionKeyId()).isEqualTo(built.decryptionKeyId());
    assertThat(read.notBefore()).isEqualTo(cert.getNotBefore().toInstant()).isEqualTo(nb);
    assertThat(read.notAfter()).isEqualTo(cert.getNotAfter().toInstant()).isEqualTo(na);
    assertThat(read.isSoftwareKey()).isTrue();
    assertThat(read.encryptionCertificate()).isEmpty();
    assertThat(read.isValidAt(TestPki.NOW)).isTrue();
    assertThat(read.isValidAt(na.plusSeconds(1))).isFalse();
    assertThat(read.validFor(TestPki.NOW)).isEqualTo(Duration.ofDays(30));
    assertThat(read.toString()).isEqualTo(built.toString()).doesNotContain("BEGIN");

    // made on first use, equal to the builder's
    assertThat(read.certificateChain()).containsExactly(cert, pki.ca);
    assertThat(read.privateKey().getEncoded()).isEqualTo(built.privateKey().getEncoded());
    assertThat(read.keyHolder().publicKey().getEncoded())
        .isEqualTo(built.keyHolder().publicKey().getEncoded());

    byte[] payload = "{\"q\":\"12345 工单\"}".getBytes(StandardCharsets.UTF_8);
    EnvelopeCodec mine = pki.codec(read).build();
    Envelope out = mine.seal(TestPki.headers().build(), payload);
    assertThat(pki.receiver().open(out.toBytes()).payload()).isEqualTo(payload);
    Envelope back =
        EnvelopeCodec.builder()
            .credentials(pki.b)
            .trustStore(pki.trust)
            .clock(TestPki.CLOCK)
            .directory(
                io.github.govdx.crypto.key.InMemoryPartyDirectory.builder().add(cert).build())
            .build()
            .seal(TestPki.headers().sender(TestPki.B).receiver(TestPki.A).build(), payload);
    EnvelopeCodec opener =
        EnvelopeCodec.builder()
            .credentials(read)
            .trustStore(pki.trust)
            .clock(TestPki.CLOCK)
            .directory(
                io.github.govdx.crypto.key.InMemoryPartyDirectory.builder()
                    .add(pki.b.certificate())
                    .build())
            .build();
    assertThat(opener.open(back.toBytes()).payload()).isEqualTo(payload);
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void fromPem_sec1KeyAndGeneralizedTime(Suite suite) throws IOException {
    KeyPair kp = KeyPairs.generate(suite);
    // notAfter in 2051: encoded as GeneralizedTime (RFC 5280 §4.1.2.5), notBefore as UTCTime
    Instant nb = Instant.parse("2026-01-02T03:04:05Z");
    Instant na = Instant.parse("2051-06-07T08:09:10Z");
    X509Certificate cert = Certificates.selfSigned(TestPki.A, kp, nb, na);
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(kp.getPrivate().getEncoded());
    ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
    String sec1 =
        pem(
            "EC PRIVATE KEY",
            new ECPrivateKey(256, inner.getKey(), info.getPrivateKeyAlgorithm().getParameters())
                .getEncoded());

    PartyCredentials read = PartyCredentials.fromPem(TestPki.A, sec1, Pem.write(cert));

    assertThat(read.notBefore()).isEqualTo(nb);
    assertThat(read.notAfter()).isEqualTo(na);
    assertThat(((java.security.interfaces.ECPrivateKey) read.privateKey()).getS())
        .isEqualTo(((java.security.interfaces.ECPrivateKey) kp.getPrivate()).getS());
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void fromPem_refusesWhatTheBuilderRefuses(Suite suite) throws IOException {
    KeyPair kp = KeyPairs.generate(suite);
    KeyPair other = KeyPairs.generate(suite);
    Instant now = TestPki.NOW;
    X509Certificate mine = Certificates.selfSigned(TestPki.A, kp, now, now.plusSeconds(600));
    X509Certificate theirs = Certificates.selfSigned(TestPki.A, other, now, now.plusSeconds(600));
    X509Certificate otherParty = Certificates.selfSigned(TestPki.B, kp, now, now.plusSeconds(600));
    String key = Pem.write(kp.getPrivate());

    assertThatThrownBy(() -> PartyCredentials.fromPem(TestPki.A, key, Pem.write(theirs)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the leaf certificate does not hold the private key's public key");
    assertThatThrownBy(() -> PartyCredentials.fromPem(TestPki.A, key, Pem.write(otherParty)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("names party " + TestPki.B);
    assertThatThrownBy(() -> PartyCredentials.fromPem(TestPki.A, key, key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("certificateChain is empty");
    assertThatThrownBy(
            () ->
                PartyCredentials.fromPem(
                    TestPki.A, key, pem("CERTIFICATE", new byte[] {0x30, 0x03, 1, 2, 3})))
        .isInstanceOf(KeyMaterialException.class)
        .hasMessageStartingWith("GDX-2401: ");
    assertThatThrownBy(() -> PartyCredentials.fromPem(TestPki.A, "no key", Pem.write(mine)))
        .isInstanceOf(KeyMaterialException.class)
        .hasMessageStartingWith("GDX-2401: ");
    // a department's key may name its service: CN=11320500014160478L also serves A/hotline
    PartyId hotline = PartyId.of(TestPki.A.creditCode(), "hotline");
    assertThat(PartyCredentials.fromPem(hotline, key, Pem.write(mine)).partyId())
        .isEqualTo(hotline);

    // a scalar outside [1, n-1]
    PrivateKeyInfo info = PrivateKeyInfo.getInstance(kp.getPrivate().getEncoded());
    ECPrivateKey ec = ECPrivateKey.getInstance(info.parsePrivateKey());
    PrivateKeyInfo zero =
        new PrivateKeyInfo(
            info.getPrivateKeyAlgorithm(),
            new ECPrivateKey(256, BigInteger.ZERO, ec.getParametersObject()));
    assertThatThrownBy(
            () ->
                PartyCredentials.fromPem(
                    TestPki.A, pem("PRIVATE KEY", zero.getEncoded()), Pem.write(mine)))
        .isInstanceOf(KeyMaterialException.class)
        .hasMessageContaining("out of range");
  }

  @Test
  void trustStoreLoad_manyFiles_validatesLikeOf(@TempDir Path more) throws IOException {
    TestPki gm = TestPki.of(Suite.GM);
    TestPki intl = TestPki.of(Suite.INTL);
    Files.writeString(dir.resolve("gm.pem"), Pem.write(gm.ca));
    Files.writeString(more.resolve("intl.crt"), Pem.write(intl.ca));

    TrustStore loaded = TrustStore.load(List.of(dir.resolve("gm.pem"), more));

    assertThat(loaded.toString()).isEqualTo("TrustStore{2 anchors}");
    assertThat(loaded.validate(List.of(gm.a.certificate()), TestPki.NOW))
        .isEqualTo(gm.a.certificate());
    assertThat(loaded.validate(List.of(intl.b.certificate()), TestPki.NOW))
        .isEqualTo(intl.b.certificate());
    assertThat(loaded.anchors()).containsExactly(gm.ca, intl.ca);
    assertThatThrownBy(
            () -> TrustStore.of(intl.ca).validate(List.of(gm.a.certificate()), TestPki.NOW))
        .isInstanceOf(CertificateRejectedException.class);

    Files.writeString(dir.resolve("bad.pem"), pem("CERTIFICATE", new byte[] {1, 2, 3}));
    assertThatThrownBy(() -> TrustStore.load(dir.resolve("bad.pem")))
        .isInstanceOf(KeyMaterialException.class);
    Files.writeString(dir.resolve("none.pem"), "nothing here");
    assertThatThrownBy(
            () -> TrustStore.load(List.of(dir.resolve("gm.pem"), dir.resolve("none.pem"))))
        .isInstanceOf(KeyMaterialException.class)
        .hasMessageContaining("none.pem");
    assertThatThrownBy(() -> TrustStore.load(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** What a start-up check does, in a fresh JVM: it must not build Bouncy Castle's JCA provider. */
  public static final class StartupCheck {
    /**
     * Reads credentials and anchors, then prints whether the provider holder class was loaded.
     *
     * @param args key file, chain file, anchor file
     * @throws Exception if reading fails
     */
    public static void main(String[] args) throws Exception {
      PartyCredentials c =
          PartyCredentials.fromPem(
              PartyId.parse("11320500014160478L"),
              Files.readString(Path.of(args[0])),
              Files.readString(Path.of(args[1])));
      TrustStore t = TrustStore.load(List.of(Path.of(args[2])));
      System.out.println(c.keyId() + " " + t + " " + c.notAfter());
    }
  }

  @Test
  void startupCheck_doesNotBuildTheJcaProvider() throws Exception {
    TestPki pki = TestPki.of(Suite.GM);
    KeyPair kp = KeyPairs.generate(Suite.GM);
    X509Certificate cert =
        Certificates.issue(
            TestPki.A,
            kp.getPublic(),
            pki.ca,
            pki.caKeys.getPrivate(),
            TestPki.NOW,
            TestPki.NOW.plusSeconds(3600));
    Path key = Files.writeString(dir.resolve("test-key.pem"), Pem.write(kp.getPrivate()));
    Path chain = Files.writeString(dir.resolve("chain.pem"), Pem.write(List.of(cert, pki.ca)));
    Path anchors = Files.writeString(dir.resolve("ca.pem"), Pem.write(pki.ca));
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p =
        new ProcessBuilder(
                java.toString(),
                "-Xlog:class+load=info",
                "-cp",
                System.getProperty("java.class.path"),
                StartupCheck.class.getName(),
                key.toString(),
                chain.toString(),
                anchors.toString())
            .redirectErrorStream(true)
            .start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    p.getInputStream().transferTo(out);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String log = out.toString(StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(log).isZero();
    assertThat(log)
        .contains(Certificates.keyId(cert) + " TrustStore{1 anchors}")
        .contains(" io.github.govdx.crypto.key.PartyCredentials source:")
        .doesNotContain(" io.github.govdx.crypto.internal.Bc source:")
        .doesNotContain(" org.bouncycastle.jcajce.provider.asymmetric.EC$Mappings source:")
        .doesNotContain(" org.bouncycastle.jcajce.provider.asymmetric.ec.KeyFactorySpi");
  }
}
