package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.QueryAnswer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.FilteredClassLoader;

/**
 * Optional parts stay off when their libraries are absent, and {@link ProviderRegistration} beans serve resources
 * (their detail fetched from the catalog, or given).
 */
class OptionalDependenciesTest {

  @Test
  void withoutServletRedisJdbcAndActuator_theClientStillStarts() {
    BrokenConfigurationTest.working()
        .withClassLoader(
            new FilteredClassLoader(
                "jakarta.servlet",
                "io.lettuce",
                "io.github.govdx.store.redis",
                "io.github.govdx.store.jdbc",
                "org.springframework.boot.actuate"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(ExchangeClient.class);
              assertThat(context).doesNotHaveBean("govdxHealthContributor");
              assertThat(context).doesNotHaveBean("govdxJdbcStores");
            });
  }

  @Test
  void providerRegistrations_areServed() {
    ResourceDetail orders;
    try (ExchangeClient c = TestSandbox.get().client("citymgmt")) {
      orders = c.catalog().detail("335003001/00031");
    }
    BrokenConfigurationTest.working()
        .withPropertyValues(
            "govdx.provider.enabled=true",
            "govdx.party-id=" + TestSandbox.get().party("bigdata").partyId(),
            "govdx.credentials.private-key=" + TestSandbox.keys().resolve("test-bigdata.key.pem"),
            "govdx.credentials.certificate=" + TestSandbox.keys().resolve("test-bigdata.cert.pem"),
            "govdx.gateway.key-id=" + TestSandbox.get().party("bigdata").gatewayKeyId(),
            "govdx.gateway.secret=" + TestSandbox.get().party("bigdata").gatewaySecretBase64())
        .withBean(
            "demands",
            ProviderRegistration.class,
            () ->
                ProviderRegistration.query(TestSandbox.DEMANDS, q -> QueryAnswer.builder().build()))
        .withBean(
            "orders",
            ProviderRegistration.class,
            () -> ProviderRegistration.of(orders, null, p -> "stored"))
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(ProviderEndpoint.class).toString())
                  .contains(TestSandbox.DEMANDS)
                  .contains("335003001/00031");
            });
  }
}
