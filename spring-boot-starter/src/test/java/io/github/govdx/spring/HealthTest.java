package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.testkit.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.context.ApplicationContext;

/**
 * The {@code govdx} health contributor: credentials DOWN with an expired certificate, UP with a warning and the
 * days left inside the warning window, UP otherwise; the store round trip; the exchange reachable or not.
 */
class HealthTest {

  private static Health component(ApplicationContext context, String name) {
    CompositeHealthContributor govdx =
        context.getBean("govdxHealthContributor", CompositeHealthContributor.class);
    return ((HealthIndicator) govdx.getContributor(name)).health();
  }

  @Test
  void validCertificate_storesAndExchange_areUp() {
    BrokenConfigurationTest.working()
        .run(
            context -> {
              Health credentials = component(context, "credentials");
              assertThat(credentials.getStatus()).isEqualTo(Status.UP);
              assertThat(credentials.getDetails())
                  .doesNotContainKey("warning")
                  .containsKey("daysLeft");
              assertThat(component(context, "stores").getStatus()).isEqualTo(Status.UP);
              assertThat(component(context, "stores").getDetails()).containsEntry("type", "memory");
              Health exchange = component(context, "exchange");
              assertThat(exchange.getStatus()).isEqualTo(Status.UP);
              assertThat(exchange.getDetails()).containsKey("status");
              CompositeHealthContributor govdx =
                  context.getBean("govdxHealthContributor", CompositeHealthContributor.class);
              assertThat(govdx.getContributor("outbox")).isNull();
            });
  }

  @Test
  void certificateInsideTheWarningWindow_isUpWithAWarningAndDaysLeft() {
    PartyCredentials current = TestSandbox.get().party("hotline").credentials();
    Instant tenDaysBefore =
        current.certificate().getNotAfter().toInstant().minus(Duration.ofDays(10));
    BrokenConfigurationTest.working()
        .withBean(Clock.class, () -> Clock.fixed(tenDaysBefore, ZoneOffset.UTC))
        .run(
            context -> {
              Health credentials = component(context, "credentials");
              assertThat(credentials.getStatus()).isEqualTo(Status.UP);
              assertThat(credentials.getDetails()).containsEntry("daysLeft", 10L);
              assertThat((String) credentials.getDetails().get("warning"))
                  .contains("expires in 10 days");
            });
  }

  @Test
  void expiredCertificate_isDown() {
    TestPki oldCa =
        TestPki.create(Clock.fixed(Instant.now().minus(Duration.ofDays(800)), ZoneOffset.UTC));
    PartyCredentials expired = oldCa.issue(TestSandbox.get().party("hotline").partyId());
    BrokenConfigurationTest.working()
        .withBean(PartyCredentials.class, () -> expired)
        .run(
            context -> {
              Health credentials = component(context, "credentials");
              assertThat(credentials.getStatus()).isEqualTo(Status.DOWN);
              assertThat((String) credentials.getDetails().get("error"))
                  .startsWith("the certificate expired at");
              assertThat((Long) credentials.getDetails().get("daysLeft")).isNegative();
            });
  }

  @Test
  void unreachableExchange_isDown() {
    BrokenConfigurationTest.working()
        .withPropertyValues(
            "govdx.endpoint=http://127.0.0.1:9", "govdx.health.exchange-timeout=500ms")
        .run(
            context -> {
              Health exchange = component(context, "exchange");
              assertThat(exchange.getStatus()).isEqualTo(Status.DOWN);
              assertThat(exchange.getDetails()).containsKey("error");
            });
  }
}
