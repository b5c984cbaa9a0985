package io.github.govdx.store.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.client.outbox.OutboxStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real engines the JDBC stores run on in tests: the shared PostgreSQL (127.0.0.1:5432, database {@code test})
 * and MariaDB (127.0.0.1:3306) with a schema or database of this run's own (dropped when the run ends, so parallel
 * builds never collide and earlier runs' leftovers do not matter), and an in-memory H2. Each engine has one
 * HikariCP pool, created on first use, with short connection timeouts.
 *
 * <p>When PostgreSQL or MariaDB is not reachable the tests fail (never skip) with how to start it; under {@code
 * CI=true} too.
 */
enum TestDatabase {
  POSTGRESQL(
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=5&socketTimeout=30",
      "pg_ctlcluster 15 main start (Debian: apt-get install postgresql), trust auth for 127.0.0.1"),
  MARIADB(
      "jdbc:mariadb://127.0.0.1:3306/test?user=root&connectTimeout=5000&socketTimeout=30000",
      "service mariadb start (Debian: apt-get install mariadb-server), root without password"),
  /**
   * MariaDB through a pool whose connections report affected rows instead of found rows ({@code
   * useAffectedRows=true}, no {@code CLIENT_FOUND_ROWS}): the row counts the stores read must mean the same.
   */
  MARIADB_AFFECTED_ROWS(
      "jdbc:mariadb://127.0.0.1:3306/test?user=root&connectTimeout=5000&socketTimeout=30000"
          + "&useAffectedRows=true",
      "service mariadb start (Debian: apt-get install mariadb-server), root without password"),
  H2("jdbc:h2:mem:gdx;DB_CLOSE_DELAY=-1", "");

  private final String adminUrl;
  private final String howToStart;

  TestDatabase(String adminUrl, String howToStart) {
    this.adminUrl = adminUrl;
    this.howToStart = howToStart;
  }

  private static final String RUN = "gdx_test_" + UUID.randomUUID().toString().substring(0, 8);
  private static final Map<TestDatabase, HikariDataSource> POOLS =
      new EnumMap<>(TestDatabase.class);

  /** This run's pool on the engine (created, with this run's schema, on first use). */
  synchronized HikariDataSource pool() {
    HikariDataSource pool = POOLS.get(this);
    if (pool == null) {
      pool = open();
      POOLS.put(this, pool);
    }
    return pool;
  }

  /** Stores on this run's schema with the given clock, tables created. */
  JdbcStores stores(Clock clock) {
    JdbcStores s = JdbcStores.builder().dataSource(pool()).clock(clock).build();
    s.createTables();
    return s;
  }

  /**
   * An outbox store on this run's schema under a table prefix: the first call for a prefix creates the tables
   * (fresh, empty); every call returns a separate {@link JdbcStores} on them, as another instance would.
   */
  OutboxStore outboxStore(String tablePrefix, boolean create) {
    JdbcStores s = JdbcStores.builder().dataSource(pool()).tablePrefix(tablePrefix).build();
    if (create) {
      s.createTables();
    }
    return s.outboxStore();
  }

  private HikariDataSource open() {
    String url;
    try {
      switch (this) {
        case POSTGRESQL -> {
          admin("CREATE SCHEMA " + RUN);
          url = adminUrl + "&currentSchema=" + RUN;
        }
        case MARIADB, MARIADB_AFFECTED_ROWS -> {
          admin("CREATE DATABASE " + database());
          url = adminUrl.replace("/test?", "/" + database() + "?");
        }
        default -> url = adminUrl.replace("mem:gdx", "mem:" + RUN);
      }
    } catch (SQLException e) {
      throw notReachable(e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    config.setMaximumPoolSize(12);
    config.setConnectionTimeout(5_000);
    config.setPoolName("govdx-test-" + name().toLowerCase(Locale.ROOT));
    return new HikariDataSource(config);
  }

  /** This run's database on a MariaDB server (one per constant: they share the server). */
  private String database() {
    return this == MARIADB_AFFECTED_ROWS ? RUN + "_ar" : RUN;
  }

  private void admin(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The admin URL (database {@code test}, or the in-memory H2). */
  String adminUrl() {
    return adminUrl;
  }

  /** The failure to report when the engine does not answer (never a skip). */
  AssertionError notReachable(SQLException e) {
    String how = name() + " is not reachable (" + adminUrl + ") — start it: " + howToStart;
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      how += "; it is required when CI=true (.ci/run starts it)";
    } else {
      how += ", or run .ci/services";
    }
    return new AssertionError(how, e);
  }

  private static synchronized void dropAll() {
    for (Map.Entry<TestDatabase, HikariDataSource> e : POOLS.entrySet()) {
      e.getValue().close();
      try {
        switch (e.getKey()) {
          case POSTGRESQL -> e.getKey().admin("DROP SCHEMA IF EXISTS " + RUN + " CASCADE");
          case MARIADB, MARIADB_AFFECTED_ROWS ->
              e.getKey().admin("DROP DATABASE IF EXISTS " + e.getKey().database());
          default -> {}
        }
      } catch (SQLException ex) {
        throw new IllegalStateException("could not drop " + RUN + " on " + e.getKey(), ex);
      }
    }
    POOLS.clear();
  }

  /** Drops this run's schemas when the whole test run ends. */
  static final class Cleanup implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(TestDatabase.class))
          .getOrComputeIfAbsent("cleanup", k -> (AutoCloseable) TestDatabase::dropAll);
    }
  }
}
