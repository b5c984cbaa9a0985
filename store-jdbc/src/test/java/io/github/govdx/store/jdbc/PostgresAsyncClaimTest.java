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
    return single(c, new java.util.ArrayList<>());
  }

  /**
   * One connection handed out again and again; the warnings (PostgreSQL notices) of every statement prepared on it
   * are added to {@code warnings} when the statement is closed.
   */
  private static DataSource single(Connection c, java.util.List<String> warnings) {
    Connection kept =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, m, args) -> {
                  if (m.getName().equals("close")) {
                    return null;
                  }
                  Object r = m.invoke(c, args);
                  if (r instanceof PreparedStatement ps) {
                    return Proxy.newProxyInstance(
                        PreparedStatement.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class},
                        (p2, m2, args2) -> {
                          if (m2.getName().equals("close")) {
                            for (java.sql.SQLWarning w = ps.getWarnings();
                                w != null;
                                w = w.getNextWarning()) {
                              warnings.add(w.getMessage());
                            }
                          }
                          return m2.invoke(ps, args2);
                        });
                  }
                  return r;
                });
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
    return setting(c, "synchronous_commit");
  }

  private static String setting(Connection c, String name) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SHOW " + name)) {
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
      String timeoutBefore = setting(c, "statement_timeout");
      java.util.List<String> warnings = new java.util.ArrayList<>();
      for (boolean durable : new boolean[] {false, true}) {
        ReplayCache cache =
            JdbcStores.builder()
                .dataSource(single(c, warnings))
                .durableClaims(durable)
                .build()
                .replayCache();
        Instant exp = Instant.now().plusSeconds(300);
        String a = id();
        assertThat(cache.firstSeen(a, exp)).isTrue();
        assertThat(cache.firstSeen(a, exp)).isFalse();
        String b = id();
        ReplayCache.Claim claim = cache.claim(b, exp);
        assertThat(claim.firstSeen()).isTrue();
        assertThat(cache.claim(b, exp).firstSeen()).isFalse();
        assertThat(setting(c)).as("durable=%s", durable).isEqualTo(before).isEqualTo("on");
        assertThat(setting(c, "statement_timeout")).isEqualTo(timeoutBefore);
      }
      // no notice from the server (SET LOCAL outside BEGIN would send, and log, a WARNING per
      // claim)
      assertThat(warnings).isEmpty();
      // the statement-list form runs as one transaction in auto-commit mode
      try (PreparedStatement s =
          c.prepareStatement(
              "SELECT set_config('synchronous_commit', 'off', true);"
                  + " SELECT current_setting('synchronous_commit')")) {
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

  /**
   * A claim's statement is bounded by the store's query timeout, set on the server for the claim's own transaction:
   * a claim that waits for a row lock held by another transaction (a concurrent claim of the same id that has not
   * committed) fails closed with the retryable {@code GDX-1601} after about the timeout, for the direct check and
   * for an early claim alike, and the id is still claimable once the other transaction ends.
   */
  @Test
  void claimWaitingForALock_failsClosedAtTheQueryTimeout() throws Exception {
    TestDatabase.POSTGRESQL.stores(java.time.Clock.systemUTC()); // tables
    String id = id();
    Instant exp = Instant.now().plusSeconds(300);
    for (boolean durable : new boolean[] {false, true}) {
      ReplayCache bounded =
          JdbcStores.builder()
              .dataSource(TestDatabase.POSTGRESQL.pool())
              .queryTimeout(java.time.Duration.ofSeconds(1))
              .durableClaims(durable)
              .build()
              .replayCache();
      try (Connection holder = TestDatabase.POSTGRESQL.pool().getConnection()) {
        holder.setAutoCommit(false);
        ReplayCache inTransaction =
            JdbcStores.builder().dataSource(single(holder)).build().replayCache();
        assertThat(inTransaction.firstSeen(id, exp)).isTrue(); // row inserted, lock held
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(15),
            () -> {
              long start = System.nanoTime();
              org.assertj.core.api.Assertions.assertThatThrownBy(() -> bounded.firstSeen(id, exp))
                  .isInstanceOfSatisfying(
                      io.github.govdx.core.state.StateStoreException.class,
                      e -> {
                        assertThat(e.code()).isEqualTo("GDX-1601");
                        assertThat(e.retryable()).isTrue();
                      });
              org.assertj.core.api.Assertions.assertThatThrownBy(
                      () -> bounded.claim(id, exp).firstSeen())
                  .isInstanceOf(io.github.govdx.core.state.StateStoreException.class);
              assertThat(java.time.Duration.ofNanos(System.nanoTime() - start))
                  .as("durable=%s", durable)
                  .isGreaterThanOrEqualTo(java.time.Duration.ofMillis(1800))
                  .isLessThan(java.time.Duration.ofSeconds(8));
            });
        holder.rollback();
      }
    }
    ReplayCache cache = TestDatabase.POSTGRESQL.stores(java.time.Clock.systemUTC()).replayCache();
    assertThat(cache.firstSeen(id, exp)).isTrue();
  }
}
