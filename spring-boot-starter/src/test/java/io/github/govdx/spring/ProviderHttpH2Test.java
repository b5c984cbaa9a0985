package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ProviderHttpTestBase} on the JDBC stores over the application's DataSource, an in-memory H2 database, with
 * the transactional inbox.
 */
class ProviderHttpH2Test extends ProviderHttpTestBase {

  @DynamicPropertySource
  static void h2(DynamicPropertyRegistry r) {
    r.add(
        "spring.datasource.url",
        () -> "jdbc:h2:mem:govdx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    r.add("govdx.store.type", () -> "jdbc");
    r.add("govdx.store.jdbc.create-tables", () -> "true");
    r.add("govdx.provider.inbox-transactions", () -> "true");
  }

  @Autowired Map<String, ProviderEndpointCustomizer> customizers;

  @Test
  void inboxTransactions_areConfigured() {
    assertThat(customizers).containsKey("govdxInboxTransactions");
  }

  @Override
  String expectedReplayCache() {
    return "store.jdbc";
  }
}
