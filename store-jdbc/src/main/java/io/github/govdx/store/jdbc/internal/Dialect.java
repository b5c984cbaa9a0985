package io.github.govdx.store.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What differs between the supported engines: the DDL file (column types), the insert that does nothing on a duplicate key, and
 * how a duplicate key and a missing table are reported.
 */
public enum Dialect {
  /** PostgreSQL 12 or later. */
  POSTGRESQL,
  /** MariaDB 10.5 or later, MySQL 8 (InnoDB). */
  MARIADB,
  /** H2 2.x (embedded; tests and single-host set-ups). */
  H2;

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
   * The classpath resource holding this engine's DDL with the default prefix {@code gdx_}, e.g. {@code
   * io/github/govdx/store/jdbc/schema/postgresql/V1__govdx_store.sql}: the single source of the tables, shipped in
   * the jar for a department's own Flyway or Liquibase and run by {@link #ddl(String)}.
   *
   * @return the resource name (no leading slash)
   */
  public String schemaResource() {
    return "io/github/govdx/store/jdbc/schema/"
        + name().toLowerCase(Locale.ROOT)
        + "/"
        + SCHEMA_FILE;
  }

  /** The name of each engine's DDL file. */
  public static final String SCHEMA_FILE = "V1__govdx_store.sql";

  /**
   * The tables' DDL, idempotent ({@code IF NOT EXISTS}), read from {@link #schemaResource()}; times are epoch
   * milliseconds of the stores' clock, keys SHA-256 hashes (fixed length, no personal data in the database).
   *
   * @param prefix the table name prefix (a plain identifier), replacing the file's {@code gdx_}
   * @return the statements, in order
   */
  public List<String> ddl(String prefix) {
    return statements(readSchema(), prefix);
  }

  private String readSchema() {
    try (InputStream in = Dialect.class.getClassLoader().getResourceAsStream(schemaResource())) {
      if (in == null) {
        throw new IllegalStateException("the DDL " + schemaResource() + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + schemaResource(), e);
    }
  }

  /**
   * The statements of a DDL file: {@code --} comments removed (the files hold no string literals), split at
   * {@code ;}, every name's {@code gdx_} replaced with {@code prefix}.
   *
   * @param sql the file's text
   * @param prefix the table prefix
   * @return the statements
   */
  static List<String> statements(String sql, String prefix) {
    StringBuilder b = new StringBuilder(sql.length());
    for (String line : sql.split("\\R", -1)) {
      int dash = line.indexOf("--");
      b.append(dash < 0 ? line : line.substring(0, dash)).append('\n');
    }
    String named = DEFAULT_PREFIX.matcher(b).replaceAll(Matcher.quoteReplacement(prefix));
    List<String> out = new ArrayList<>();
    for (String s : named.split(";")) {
      String t = s.strip().replaceAll("\\s+", " ").replace("( ", "(").replace(" )", ")");
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  private static final Pattern DEFAULT_PREFIX = Pattern.compile("\\bgdx_");

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

  /**
   * SQL that appends one text expression to another: {@code CONCAT(a, b)} on MariaDB/MySQL (where {@code ||} is
   * OR by default), {@code a || b} elsewhere.
   */
  String concat(String a, String b) {
    return this == MARIADB ? "CONCAT(" + a + ", " + b + ")" : a + " || " + b;
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
