package io.github.govdx.spring;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link ProviderHttpTestBase} on the JDBC stores over a PostgreSQL DataSource, in a schema of its own per run. */
class ProviderHttpPostgresTest extends ProviderHttpTestBase {

  @BeforeAll
  static void schema() {
    TestServers.postgres("CREATE SCHEMA " + TestServers.RUN);
  }

  @AfterAll
  static void drop() {
    TestServers.postgres("DROP SCHEMA IF EXISTS " + TestServers.RUN + " CASCADE");
  }

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry r) {
    r.add(
        "spring.datasource.url", () -> TestServers.POSTGRES + "&currentSchema=" + TestServers.RUN);
    r.add("govdx.store.type", () -> "jdbc");
    r.add("govdx.store.jdbc.create-tables", () -> "true");
  }

  @Override
  String expectedReplayCache() {
    return "store.jdbc";
  }
}
