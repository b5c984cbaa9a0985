package io.github.govdx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.crypto.replay.ReplayCache;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Replay claims on PostgreSQL commit asynchronously in a transaction of their own, and the setting never outlives
 * it: on a single pooled connection, {@code synchronous_commit} is still {@code on} after claims, and the
 * statement-list form the store sends runs as one transaction in auto-commit mode (its {@code SET LOCAL} is seen by
 * the next statement of the list). Durable claims ({@code durableClaims(true)}) behave the same to callers.
 */
@ExtendWith(TestDatabase.Cleanup.class)
class PostgresAsyncClaimTest {

  private static String id() {
    return "91350100M000100Y43 " + UUID.randomUUID();
  }

  /** One connection handed out again and again, as a pool of one would. */
  private static DataSource single(Connection c) {
    Connection kept =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, m, args) -> m.getName().equals("close") ? null : m.invoke(c, args));
    return new DataSource() {
      @Override
      public Connection getConnection() {
        return kept;
      }

      @Override
      public Connection getConnection(String user, String password) {
        return kept;
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() {
        return Logger.getGlobal();
      }

      @Override
      public <T> T unwrap(Class<T> iface) {
        throw new UnsupportedOperationException();
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }

  private static String setting(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void claims_commitOnTheirOwn_andLeaveTheConnectionAsItWas() throws Exception {
    TestDatabase.POSTGRESQL.stores(java.time.Clock.systemUTC()); // tables
    try (Connection c = TestDatabase.POSTGRESQL.pool().getConnection()) {
      assertThat(c.getAutoCommit()).isTrue();
      String before = setting(c);
      for (boolean durable : new boolean[] {false, true}) {
        ReplayCache cache =
            JdbcStores.builder().dataSource(single(c)).durableClaims(durable).build().replayCache();
        Instant exp = Instant.now().plusSeconds(300);
        String a = id();
        assertThat(cache.firstSeen(a, exp)).isTrue();
        assertThat(cache.firstSeen(a, exp)).isFalse();
        String b = id();
        ReplayCache.Claim claim = cache.claim(b, exp);
        assertThat(claim.firstSeen()).isTrue();
        assertThat(cache.claim(b, exp).firstSeen()).isFalse();
        assertThat(setting(c)).as("durable=%s", durable).isEqualTo(before).isEqualTo("on");
      }
      // the statement-list form runs as one transaction in auto-commit mode
      try (PreparedStatement s =
          c.prepareStatement(
              "SET LOCAL synchronous_commit TO OFF; SELECT current_setting('synchronous_commit')")) {
        boolean result = s.execute();
        String seen = null;
        while (result || s.getUpdateCount() != -1) {
          if (result) {
            try (ResultSet rs = s.getResultSet()) {
              rs.next();
              seen = rs.getString(1);
            }
          }
          result = s.getMoreResults();
        }
        assertThat(seen).isEqualTo("off");
      }
      assertThat(setting(c)).isEqualTo("on");
    }
  }
}
