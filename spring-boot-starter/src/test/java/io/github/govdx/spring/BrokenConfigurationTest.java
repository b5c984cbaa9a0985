package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.provider.ProviderQuery;
import io.github.govdx.client.provider.QueryAnswer;
import io.github.govdx.client.provider.QueryHandler;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.Pem;
import io.github.govdx.spring.internal.GovdxFailureAnalyzer;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each configuration that cannot work stops start-up, and Spring Boot's failure analysis (the analyzer registered
 * in {@code META-INF/spring.factories}) describes it in one line that names the property and the {@code GDX-60xx}
 * code.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokenConfigurationTest {

  static final AutoConfigurations ALL =
      AutoConfigurations.of(
          GovdxAutoConfiguration.class,
          GovdxJdbcStoreAutoConfiguration.class,
          GovdxRedisStoreAutoConfiguration.class,
          GovdxOutboxAutoConfiguration.class,
          GovdxProviderAutoConfiguration.class,
          GovdxHealthAutoConfiguration.class);

  @TempDir Path dir;

  /** A runner with a working configuration of the hotline party (PEM files) against the sandbox. */
  static ApplicationContextRunner working() {
    ExchangeSandbox s = TestSandbox.get();
    Path keys = TestSandbox.keys();
    return new ApplicationContextRunner()
        .withConfiguration(ALL)
        .withPropertyValues(
            "govdx.endpoint=" + s.baseUri(),
            "govdx.party-id=" + s.party("hotline").partyId(),
            "govdx.credentials.private-key=" + keys.resolve("test-hotline.key.pem"),
            "govdx.credentials.certificate=" + keys.resolve("test-hotline.cert.pem"),
            "govdx.trust.anchors=" + keys.resolve("test-ca.cert.pem"),
            "govdx.gateway.scheme=govdx-hmac",
            "govdx.gateway.key-id=" + s.party("hotline").gatewayKeyId(),
            "govdx.gateway.secret=" + s.party("hotline").gatewaySecretBase64());
  }

  private static void fails(ApplicationContextRunner runner, String expectedStart) {
    runner.run(
        context -> {
          assertThat(context).hasFailed();
          FailureAnalysis analysis =
              new GovdxFailureAnalyzer().analyze(context.getStartupFailure());
          assertThat(analysis).as("a govdx failure analysis").isNotNull();
          assertThat(analysis.getDescription()).startsWith(expectedStart).doesNotContain("\n");
          assertThat(analysis.getAction()).isNotBlank();
        });
  }

  @Test
  void workingConfiguration_starts() {
    working().run(context -> assertThat(context).hasNotFailed());
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Test
  void startupFailure_isReportedByTheRegisteredAnalyzer_inOneLineNamingTheProperty(
      CapturedOutput output) {
    SpringApplication app = new SpringApplication(App.class);
    app.setWebApplicationType(WebApplicationType.NONE);
    assertThatThrownBy(
            () -> app.run("--govdx.party-id=not-a-party", "--spring.main.banner-mode=off"))
        .hasStackTraceContaining("GovdxConfigurationException");
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("Property govdx.party-id: GDX-6002: 'not-a-party' is not a valid party id")
        .contains("Set govdx.party-id to the department's 18-character unified social credit code");
  }

  @Test
  void keyAndCertificateDoNotMatch() {
    fails(
        working()
            .withPropertyValues(
                "govdx.credentials.certificate="
                    + TestSandbox.keys().resolve("test-police.cert.pem")),
        "Property govdx.credentials.certificate: GDX-6005: ");
  }

  @Test
  void certificateExpired() throws IOException {
    Instant longAgo = Instant.now().minus(Duration.ofDays(800));
    TestPki oldCa = TestPki.create(Clock.fixed(longAgo, ZoneOffset.UTC));
    PartyCredentials expired = oldCa.issue(TestSandbox.get().party("hotline").partyId());
    Path key =
        Files.writeString(dir.resolve("test-expired.key.pem"), Pem.write(expired.privateKey()));
    Path cert =
        Files.writeString(dir.resolve("test-expired.cert.pem"), Pem.write(expired.certificate()));
    fails(
        working()
            .withPropertyValues(
                "govdx.credentials.private-key=" + key, "govdx.credentials.certificate=" + cert),
        "Property govdx.credentials.certificate: GDX-6006: the certificate expired at ");
  }

  @Test
  void partyIdInvalid() {
    fails(
        working().withPropertyValues("govdx.party-id=11320500014160486X"),
        "Property govdx.party-id: GDX-6002: ");
  }

  @Test
  void fileMissing() {
    fails(
        working()
            .withPropertyValues("govdx.credentials.private-key=" + dir.resolve("no-such.key.pem")),
        "Property govdx.credentials.private-key: GDX-6003: file ");
  }

  @Test
  void trustAnchorMissing() {
    fails(
        working().withPropertyValues("govdx.trust.anchors=" + dir.resolve("no-such-ca.pem")),
        "Property govdx.trust.anchors[0]: GDX-6003: ");
  }

  @Test
  void endpointMissing() {
    fails(
        working().withPropertyValues("govdx.endpoint="),
        "Property govdx.endpoint: GDX-6001: not set");
  }

  @Test
  void endpointInvalid() {
    fails(
        working().withPropertyValues("govdx.endpoint=ftp://exchange.example"),
        "Property govdx.endpoint: GDX-6007: ");
  }

  @Test
  void partyMissing() {
    fails(working().withPropertyValues("govdx.party-id="), "Property govdx.party-id: GDX-6001: ");
  }

  @Test
  void jdbcStoreWithoutDataSource() {
    fails(
        working().withPropertyValues("govdx.store.type=jdbc"),
        "Property govdx.store.type: GDX-6008: ");
  }

  @Test
  void gatewaySecretNotBase64() {
    fails(
        working().withPropertyValues("govdx.gateway.secret=not base64!"),
        "Property govdx.gateway.secret: GDX-6010: ");
  }

  @Test
  void pkcs12WrongPassword() {
    fails(
        working()
            .withPropertyValues(
                "govdx.party-id=" + TestSandbox.get().party("bigdata").partyId(),
                "govdx.credentials.private-key=",
                "govdx.credentials.certificate=",
                "govdx.credentials.pkcs12=" + TestSandbox.keys().resolve("test-bigdata.p12"),
                "govdx.credentials.pkcs12-password=wrong"),
        "Property govdx.credentials.pkcs12: GDX-6004: ");
  }

  @Test
  void suiteDoesNotMatchTheKey() {
    fails(working().withPropertyValues("govdx.suite=INTL"), "Property govdx.suite: GDX-6010: ");
  }

  @Test
  void redisStoreWithoutClientOrUri() {
    fails(
        working().withPropertyValues("govdx.store.type=redis"),
        "Property govdx.store.redis.uri: GDX-6008: ");
  }

  @Test
  void outboxWithoutDataSource() {
    fails(
        working().withPropertyValues("govdx.outbox.enabled=true"),
        "Property govdx.outbox.enabled: GDX-6008: ");
  }

  @Test
  void providerEnabledWithoutHandlers() {
    fails(
        working().withPropertyValues("govdx.provider.enabled=true"),
        "Property govdx.provider.enabled: GDX-6009: the provider side is enabled but no handler");
  }

  @Configuration(proxyBeanMethods = false)
  static class UnnamedHandler {
    @Bean
    QueryHandler lookup() {
      return (ProviderQuery q) -> QueryAnswer.builder().build();
    }
  }

  @Test
  void providerHandlerWithoutResource() {
    fails(
        working()
            .withPropertyValues("govdx.provider.enabled=true")
            .withUserConfiguration(UnnamedHandler.class),
        "Property govdx.provider.enabled: GDX-6009: handler bean 'lookup' names no resource");
  }
}
