package io.github.govdx.store.jdbc.internal;

import java.util.List;
import java.util.Locale;

/**
 * What differs between the supported engines: column types, the insert that does nothing on a duplicate key, and
 * how a duplicate key and a missing table are reported.
 */
public enum Dialect {
  /** PostgreSQL 12 or later. */
  POSTGRESQL("BYTEA", "BYTEA", "TEXT"),
  /** MariaDB 10.5 or later, MySQL 8 (InnoDB). */
  MARIADB("VARBINARY(32)", "LONGBLOB", "LONGTEXT"),
  /** H2 2.x (embedded; tests and single-host set-ups). */
  H2("VARBINARY(32)", "VARBINARY(16777216)", "CHARACTER VARYING(1000000)");

  private final String hashType;
  private final String bodyType;
  private final String textType;

  Dialect(String hashType, String bodyType, String textType) {
    this.hashType = hashType;
    this.bodyType = bodyType;
    this.textType = textType;
  }

  /**
   * The dialect of a database product name as {@code DatabaseMetaData.getDatabaseProductName()} reports it.
   *
   * @param productName the product name
   * @return the dialect, or {@code null} when govdx does not support the engine
   */
  public static @org.jspecify.annotations.Nullable Dialect ofProduct(String productName) {
    String p = productName.toLowerCase(Locale.ROOT);
    if (p.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (p.contains("mariadb") || p.contains("mysql")) {
      return MARIADB;
    }
    if (p.equals("h2")) {
      return H2;
    }
    return null;
  }

  /**
   * The tables' DDL, idempotent ({@code IF NOT EXISTS}); times are epoch milliseconds of the stores' clock, keys
   * SHA-256 hashes (fixed length, no personal data in the database).
   *
   * @param prefix the table name prefix
   * @return the statements, in order
   */
  public List<String> ddl(String prefix) {
    return List.of(
        "CREATE TABLE IF NOT EXISTS "
            + prefix
            + "first_seen (ns VARCHAR(16) NOT NULL, id_hash "
            + hashType
            + " NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (ns, id_hash))",
        "CREATE INDEX IF NOT EXISTS "
            + prefix
            + "first_seen_exp ON "
            + prefix
            + "first_seen (expires_at)",
        "CREATE TABLE IF NOT EXISTS "
            + prefix
            + "idempotency (key_hash "
            + hashType
            + " NOT NULL PRIMARY KEY, fp_hash "
            + hashType
            + " NOT NULL, token VARCHAR(36), lease_until BIGINT NOT NULL, expires_at BIGINT NOT NULL,"
            + " status INT, headers "
            + textType
            + ", body "
            + bodyType
            + ")",
        "CREATE INDEX IF NOT EXISTS "
            + prefix
            + "idempotency_exp ON "
            + prefix
            + "idempotency (expires_at)",
        "CREATE TABLE IF NOT EXISTS "
            + prefix
            + "evidence_head (chain VARCHAR(64) NOT NULL PRIMARY KEY, seq BIGINT NOT NULL,"
            + " hash VARCHAR(128) NOT NULL)",
        "CREATE TABLE IF NOT EXISTS "
            + prefix
            + "evidence (chain VARCHAR(64) NOT NULL, seq BIGINT NOT NULL, line "
            + textType
            + " NOT NULL, hash VARCHAR(128) NOT NULL, PRIMARY KEY (chain, seq))");
  }

  /**
   * An insert that leaves an existing row alone: PostgreSQL answers a duplicate with 0 rows (so the open transaction
   * survives), the others with an integrity error that {@link #isDuplicate} recognises.
   *
   * @param insert {@code INSERT INTO t (...) VALUES (...)}
   * @return the statement
   */
  String insertIfAbsent(String insert) {
    return this == POSTGRESQL ? insert + " ON CONFLICT DO NOTHING" : insert;
  }

  /** Whether an exception says "duplicate key" (SQLSTATE class 23, integrity constraint violation). */
  static boolean isDuplicate(java.sql.SQLException e) {
    String state = e.getSQLState();
    return state != null && state.startsWith("23");
  }

  /** Whether an exception says a table is missing (PostgreSQL 42P01, MariaDB and H2 42S02 or H2's 42S04/42102). */
  static boolean isMissingTable(java.sql.SQLException e) {
    String state = e.getSQLState();
    return "42P01".equals(state)
        || "42S02".equals(state)
        || "42102".equals(state)
        || "42S04".equals(state)
        || e.getErrorCode() == 1146;
  }
}
