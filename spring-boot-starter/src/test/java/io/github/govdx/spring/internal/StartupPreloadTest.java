package io.github.govdx.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.spring.GovdxConfigurationException;
import io.github.govdx.spring.GovdxProperties;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The start-up preload hands the credentials and trust anchors it read on another thread to the beans only for
 * exactly the properties the beans are given, once, and never hides a misconfiguration.
 */
class StartupPreloadTest {

  private static final PartyId PARTY = PartyId.parse("11320500014160486F/hotline");
  private static final PartyId OTHER = PartyId.parse("11320500014160478L");

  @TempDir static Path dir;
  private static Path key;
  private static Path chain;
  private static Path ca;
  private static KeyPair keys;

  @BeforeAll
  static void credentials() throws Exception {
    Instant now = Instant.now();
    KeyPair caKeys = KeyPairs.generate(Suite.GM);
    X509Certificate caCert =
        Certificates.selfSignedCa("govdx test CA", caKeys, now, now.plus(Duration.ofDays(1)));
    keys = KeyPairs.generate(Suite.GM);
    X509Certificate cert =
        Certificates.issue(
            PARTY,
            keys.getPublic(),
            caCert,
            caKeys.getPrivate(),
            now,
            now.plus(Duration.ofDays(1)));
    key = Files.writeString(dir.resolve("test-hotline.key.pem"), Pem.write(keys.getPrivate()));
    chain =
        Files.writeString(dir.resolve("test-hotline.cert.pem"), Pem.write(List.of(cert, caCert)));
    ca = Files.writeString(dir.resolve("test-ca.cert.pem"), Pem.write(caCert));
  }

  @AfterEach
  void clear() {
    StartupPreload.clear();
  }

  private static StandardEnvironment env(Map<String, Object> extra) {
    Map<String, Object> m = new HashMap<>();
    m.put("govdx.party-id", PARTY.toString());
    m.put("govdx.credentials.private-key", key.toString());
    m.put("govdx.credentials.certificate", chain.toString());
    m.put("govdx.trust.anchors", ca.toString());
    m.putAll(extra);
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", m));
    return env;
  }

  private static GovdxProperties.Credentials pem(Path k, Path c) {
    return new GovdxProperties.Credentials(
        k, c, null, null, new GovdxProperties.Pkcs11(null, null, null));
  }

  @Test
  void sameProperties_getThePreloadedCredentialsOnce() {
    assertThat(StartupPreload.run(env(Map.of()))).isTrue();

    PartyCredentials got = StartupPreload.credentials(pem(key, chain), PARTY);

    assertThat(got).isNotNull();
    assertThat(got.partyId()).isEqualTo(PARTY);
    assertThat(got.certificate().getPublicKey().getEncoded())
        .isEqualTo(keys.getPublic().getEncoded());
    assertThat(StartupPreload.credentials(pem(key, chain), PARTY)).isNull();
    TrustStore trust = StartupPreload.trustStore(List.of(ca));
    assertThat(trust).isNotNull();
    assertThat(trust.anchors()).hasSize(1);
    assertThat(StartupPreload.trustStore(List.of(ca))).isNull();
  }

  @Test
  void otherFilesOrParty_loadAgain() {
    StartupPreload.run(env(Map.of()));
    assertThat(StartupPreload.credentials(pem(key, ca), PARTY)).isNull();

    StartupPreload.run(env(Map.of()));
    assertThat(StartupPreload.credentials(pem(key, chain), OTHER)).isNull();

    StartupPreload.run(env(Map.of()));
    assertThat(StartupPreload.trustStore(List.of(chain))).isNull();
  }

  @Test
  void aFailedPreload_isLeftToTheBean_whichReportsItAsBefore() throws Exception {
    Path broken = Files.writeString(dir.resolve("test-broken.key.pem"), "not a key");
    assertThat(StartupPreload.run(env(Map.of("govdx.credentials.private-key", broken.toString()))))
        .isFalse();

    assertThat(StartupPreload.credentials(pem(broken, chain), PARTY)).isNull();
    assertThatThrownBy(() -> ConfigChecks.load(pem(broken, chain), PARTY))
        .isInstanceOfSatisfying(
            GovdxConfigurationException.class,
            e -> assertThat(e.property()).isEqualTo("govdx.credentials.private-key"))
        .hasMessageContaining("GDX-6004");
  }

  @Test
  void pkcs11AndIncompleteSettings_areNotPreloaded() {
    assertThat(
            StartupPreload.run(
                env(Map.of("govdx.credentials.pkcs11.config", dir.resolve("p11.cfg").toString()))))
        .isFalse();
    StartupPreload.clear();
    StandardEnvironment noCert = new StandardEnvironment();
    noCert
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "test",
                Map.of(
                    "govdx.party-id",
                    PARTY.toString(),
                    "govdx.credentials.private-key",
                    key.toString())));
    assertThat(StartupPreload.run(noCert)).isFalse();
  }

  @Test
  void clear_dropsWhatWasNotTaken() {
    StartupPreload.run(env(Map.of()));
    StartupPreload.clear();
    assertThat(StartupPreload.credentials(pem(key, chain), PARTY)).isNull();
    assertThat(StartupPreload.trustStore(List.of(ca))).isNull();
  }
}
