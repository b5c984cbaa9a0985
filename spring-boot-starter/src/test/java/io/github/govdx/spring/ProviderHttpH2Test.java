package io.github.govdx.spring;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ProviderHttpTestBase} on the JDBC stores over the application's DataSource, an in-memory H2 database. */
class ProviderHttpH2Test extends ProviderHttpTestBase {

  @DynamicPropertySource
  static void h2(DynamicPropertyRegistry r) {
    r.add(
        "spring.datasource.url",
        () -> "jdbc:h2:mem:govdx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    r.add("govdx.store.type", () -> "jdbc");
    r.add("govdx.store.jdbc.create-tables", () -> "true");
  }

  @Override
  String expectedReplayCache() {
    return "store.jdbc";
  }
}
