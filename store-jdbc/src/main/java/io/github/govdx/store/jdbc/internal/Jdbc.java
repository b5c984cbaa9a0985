package io.github.govdx.store.jdbc.internal;

import io.github.govdx.core.state.StateStoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * One database as the stores use it: connections from the pool per call (a broken connection never poisons later
 * calls), a query timeout on every statement, and every failure turned into a {@link StateStoreException} — a
 * missing table is {@code GDX-1602}, anything else {@code GDX-1601}. Never "yes" when unsure.
 */
public final class Jdbc {

  /** Work on one connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Thrown out of a transaction when the engine asks for a retry (deadlock, serialization failure). */
  static final class Retry extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Retry(SQLException cause) {
      super(cause.getSQLState(), cause, false, false);
    }
  }

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String prefix;
  private final Clock clock;
  private final int queryTimeoutSeconds;

  /**
   * A database.
   *
   * @param dataSource the pool
   * @param dialect the engine
   * @param prefix the table name prefix
   * @param clock the clock that decides expiry and leases
   * @param queryTimeoutSeconds the timeout of each statement, at least 1
   */
  public Jdbc(
      DataSource dataSource, Dialect dialect, String prefix, Clock clock, int queryTimeoutSeconds) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
    this.dialect = Objects.requireNonNull(dialect, "dialect == null");
    this.prefix = Objects.requireNonNull(prefix, "prefix == null");
    this.clock = Objects.requireNonNull(clock, "clock == null");
    this.queryTimeoutSeconds = queryTimeoutSeconds;
  }

  Dialect dialect() {
    return dialect;
  }

  String table(String name) {
    return prefix + name;
  }

  int queryTimeoutSeconds() {
    return queryTimeoutSeconds;
  }

  long nowMillis() {
    return clock.millis();
  }

  PreparedStatement prepare(Connection c, String sql) throws SQLException {
    PreparedStatement s = c.prepareStatement(sql);
    s.setQueryTimeout(queryTimeoutSeconds);
    return s;
  }

  /** The connection of the inbox transaction running on this thread, if any. */
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();

  /**
   * The connection of the transaction {@link #inTransaction} runs on this thread.
   *
   * @return the connection, or null outside such a transaction
   */
  public @org.jspecify.annotations.Nullable Connection boundConnection() {
    return bound.get();
  }

  /**
   * Runs work in one transaction on one connection that every store operation on this thread joins: committed
   * when the work returns, rolled back when it throws (the transactional inbox).
   *
   * @param work the work
   * @param <T> the result
   * @return the result
   */
  public <T> T inTransaction(java.util.function.Supplier<T> work) {
    if (bound.get() != null) {
      return work.get();
    }
    Connection c;
    try {
      c = dataSource.getConnection();
      c.setAutoCommit(false);
    } catch (SQLException e) {
      throw mapped("jdbc inbox", "begin", e);
    }
    bound.set(c);
    try {
      T result = work.get();
      try {
        c.commit();
      } catch (SQLException e) {
        throw mapped("jdbc inbox", "commit", e);
      }
      return result;
    } catch (RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      bound.remove();
      try {
        c.setAutoCommit(true);
        c.close();
      } catch (SQLException ignored) {
        // the pool discards a broken connection
      }
    }
  }

  /** Runs work in auto-commit mode, or inside the bound inbox transaction when there is one. */
  <T> T call(String store, String operation, Work<T> work) {
    Connection joined = bound.get();
    if (joined != null) {
      try {
        return work.run(joined);
      } catch (SQLException e) {
        throw mapped(store, operation, e);
      }
    }
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw mapped(store, operation, e);
    } catch (RuntimeException e) {
      if (e instanceof StateStoreException
          || e instanceof Retry
          || e instanceof IllegalArgumentException) {
        throw e;
      }
      throw StateStoreException.unavailable(store, operation, e);
    }
  }

  /**
   * Runs work in one transaction, committed when it returns and rolled back when it throws; inside the bound
   * inbox transaction it simply joins it.
   */
  <T> T transaction(String store, String operation, Work<T> work) {
    if (bound.get() != null) {
      return call(store, operation, work);
    }
    return call(
        store,
        operation,
        c -> {
          boolean auto = c.getAutoCommit();
          c.setAutoCommit(false);
          try {
            T result = work.run(c);
            c.commit();
            return result;
          } catch (SQLException | RuntimeException e) {
            try {
              c.rollback();
            } catch (SQLException suppressed) {
              e.addSuppressed(suppressed);
            }
            throw e;
          } finally {
            c.setAutoCommit(auto);
          }
        });
  }

  /** Creates the tables and indexes if they do not exist. */
  public void createTables() {
    call(
        "jdbc stores",
        "createTables",
        c -> {
          for (String ddl : dialect.ddl(prefix)) {
            try (PreparedStatement s = prepare(c, ddl)) {
              s.execute();
            } catch (SQLException e) {
              // two instances starting at once: PostgreSQL's IF NOT EXISTS can still lose the race
              // on its
              // catalog (23505 on pg_type, or 42P07); the other instance created the object
              if (!Dialect.isDuplicate(e) && !"42P07".equals(e.getSQLState())) {
                throw e;
              }
            }
          }
          return null;
        });
  }

  private StateStoreException mapped(String store, String operation, SQLException e) {
    if (Dialect.isMissingTable(e)) {
      return StateStoreException.misconfigured(
          store,
          "a table with prefix '"
              + prefix
              + "' is missing (create them: JdbcStores.createTables())",
          e);
    }
    return StateStoreException.unavailable(store, operation, e);
  }

  /** SHA-256 of a key's UTF-8 bytes: fixed length, and the database never holds the key itself. */
  static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
