package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.TrustStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code govdx.credentials.pkcs11.*}: the department's INTL key is generated inside a PKCS#11 token (SoftHSM2
 * through the JDK's SunPKCS11, as a hardware module would be reached) and stored there with its certificate; the
 * starter loads it from the SunPKCS11 configuration file, alias and PIN, the key never leaves the token, and an
 * envelope sealed to the department opens with the auto-configured codec.
 *
 * <p>Needs SoftHSM2 ({@code apt-get install softhsm2}; {@code .ci/run} installs it): skipped without it, failed
 * under {@code CI=true}. Surefire points {@code SOFTHSM2_CONF} at {@code target/softhsm/softhsm2.conf}.
 */
class Pkcs11CredentialsTest {

  private static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
  private static final String PIN = "test-pin-1234";
  private static final String ALIAS = "dept-2026";
  private static final PartyId DEPARTMENT = PartyId.parse("91350100M000100Y43");

  private static Path config;
  private static Path anchor;
  private static KeyPair ca;
  private static X509Certificate caCert;
  private static X509Certificate leaf;

  @BeforeAll
  static void token() throws Exception {
    String conf = System.getenv("SOFTHSM2_CONF");
    if (!Files.isRegularFile(LIBRARY) || conf == null) {
      String what = "SoftHSM2 (" + LIBRARY + ") with SOFTHSM2_CONF set by surefire";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(what + " is required when CI=true (see .ci/run)");
      }
      org.junit.jupiter.api.Assumptions.abort(what + " is not available; PKCS#11 test skipped");
    }
    Path dir = Path.of(conf).getParent();
    Path tokens = dir.resolve("tokens-" + UUID.randomUUID());
    Files.createDirectories(tokens);
    Files.writeString(
        Path.of(conf),
        "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
    run(
        "softhsm2-util",
        "--init-token",
        "--free",
        "--label",
        "govdx-spring",
        "--pin",
        PIN,
        "--so-pin",
        "test-so-pin-5678");
    config = dir.resolve("pkcs11-" + UUID.randomUUID() + ".cfg");
    Files.writeString(
        config,
        "name = govdxspring\n"
            + "library = "
            + LIBRARY
            + "\nslotListIndex = 0\n"
            + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n"
            + "  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n  CKA_SIGN = true\n  CKA_DERIVE = true\n}\n"
            + "attributes(*, CKO_SECRET_KEY, *) = {\n  CKA_SENSITIVE = false\n  CKA_EXTRACTABLE = true\n}\n");

    Provider p11 = Security.getProvider("SunPKCS11").configure(config.toString());
    KeyStore ks = KeyStore.getInstance("PKCS11", p11);
    ks.load(null, PIN.toCharArray());
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC", p11);
    g.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair inToken = g.generateKeyPair();
    Instant from = Instant.now().minus(Duration.ofDays(1));
    Instant to = Instant.now().plus(Duration.ofDays(365));
    ca = KeyPairs.generate(Suite.INTL);
    caCert = Certificates.selfSignedCa("govdx TEST CA INTL - spring", ca, from, to);
    leaf = Certificates.issue(DEPARTMENT, inToken.getPublic(), caCert, ca.getPrivate(), from, to);
    ks.setKeyEntry(ALIAS, inToken.getPrivate(), null, new Certificate[] {leaf, caCert});
    anchor = dir.resolve("test-ca-" + UUID.randomUUID() + ".cert.pem");
    Files.writeString(anchor, Pem.write(caCert));
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail(command[0] + " failed: " + out);
    }
  }

  @Test
  void keyInTheToken_isLoadedFromProperties_andOpensMailSealedToTheDepartment() {
    new org.springframework.boot.test.context.runner.ApplicationContextRunner()
        .withConfiguration(BrokenConfigurationTest.ALL)
        .withPropertyValues(
            "govdx.endpoint=" + TestSandbox.get().baseUri(),
            "govdx.party-id=" + DEPARTMENT,
            "govdx.credentials.pkcs11.config=" + config,
            "govdx.credentials.pkcs11.alias=" + ALIAS,
            "govdx.credentials.pkcs11.pin=" + PIN,
            "govdx.trust.anchors=" + anchor)
        .withBean(
            io.github.govdx.crypto.key.PartyDirectory.class,
            () -> InMemoryPartyDirectory.builder().add(leaf).build())
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              PartyCredentials loaded = context.getBean(PartyCredentials.class);
              assertThat(loaded.isSoftwareKey()).isFalse();
              assertThat(loaded.suite()).isEqualTo(Suite.INTL);
              assertThat(loaded.certificate()).isEqualTo(leaf);

              PartyId sender = PartyId.parse("11320500014160478L");
              KeyPair senderKeys = KeyPairs.generate(Suite.INTL);
              Instant now = Instant.now();
              X509Certificate senderCert =
                  Certificates.issue(
                      sender,
                      senderKeys.getPublic(),
                      caCert,
                      ca.getPrivate(),
                      now.minus(Duration.ofDays(1)),
                      now.plus(Duration.ofDays(30)));
              EnvelopeCodec senderCodec =
                  EnvelopeCodec.builder()
                      .credentials(
                          PartyCredentials.builder()
                              .partyId(sender)
                              .privateKey(senderKeys.getPrivate())
                              .certificateChain(List.of(senderCert))
                              .build())
                      .trustStore(TrustStore.of(caCert))
                      .directory(InMemoryPartyDirectory.builder().add(leaf).add(senderCert).build())
                      .build();
              byte[] payload = "{\"records\":[]}".getBytes(StandardCharsets.UTF_8);
              Envelope sealed =
                  senderCodec.seal(
                      RoutingHeaders.builder()
                          .messageId(UUID.randomUUID().toString())
                          .sender(sender)
                          .receiver(DEPARTMENT)
                          .resourceCode("335002001/00003")
                          .action("push")
                          .build(),
                      payload);
              EnvelopeCodec mine = context.getBean(EnvelopeCodec.class);
              assertThat(mine.open(sealed.toBytes()).payload()).isEqualTo(payload);
            });
  }
}
