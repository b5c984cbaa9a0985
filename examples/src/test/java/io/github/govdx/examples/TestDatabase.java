package io.github.govdx.examples;

import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh database for one test: an in-memory H2 database, or a schema of its own on the PostgreSQL server at
 * 127.0.0.1:5432 (dropped again on {@link #close()}), so that parallel runs and earlier leftovers never collide.
 */
public final class TestDatabase implements AutoCloseable {

  private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";

  private final String schema;
  private final DataSource dataSource;
  private final boolean postgres;

  private TestDatabase(String schema, DataSource dataSource, boolean postgres) {
    this.schema = schema;
    this.dataSource = dataSource;
    this.postgres = postgres;
  }

  /**
   * Opens one.
   *
   * @param engine {@code h2} or {@code postgresql}
   * @param prefix the schema (or H2 database) name's prefix; a unique suffix is added
   * @return the database
   * @throws SQLException if the schema cannot be created
   * @throws AssertionError if PostgreSQL is asked for and not reachable (with how to start it)
   */
  public static TestDatabase open(String engine, String prefix) throws SQLException {
    String schema = prefix + Long.toHexString(System.nanoTime());
    if (engine.equals("h2")) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:" + schema + ";DB_CLOSE_DELAY=-1");
      return new TestDatabase(schema, h2, false);
    }
    try (Socket s = new Socket("127.0.0.1", 5432)) {
      // reachable
    } catch (java.io.IOException e) {
      throw new AssertionError(
          "PostgreSQL is not reachable at 127.0.0.1:5432 — start it with `pg_ctlcluster 15 main"
              + " start` (or run .ci/services)",
          e);
    }
    try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    PGSimpleDataSource pg = new PGSimpleDataSource();
    pg.setURL(PG_URL + "?currentSchema=" + schema);
    pg.setUser("postgres");
    return new TestDatabase(schema, pg, true);
  }

  /**
   * The database.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Drops the PostgreSQL schema (H2's in-memory database goes with the JVM). */
  @Override
  public void close() throws SQLException {
    if (postgres) {
      try (Connection c = DriverManager.getConnection(PG_URL, "postgres", "");
          Statement s = c.createStatement()) {
        s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      }
    }
  }
}
