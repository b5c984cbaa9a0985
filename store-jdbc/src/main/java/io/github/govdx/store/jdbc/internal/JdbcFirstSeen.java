package io.github.govdx.store.jdbc.internal;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * "First time this id is seen?" in one table shared by every instance, one namespace per use (replay, nonce): the
 * primary key decides, so of any number of concurrent callers on any number of instances exactly one inserts the
 * row. An expired row is deleted first (only if still expired, so a fresh row is never touched); expired rows are
 * also purged in bulk every {@value #PURGE_EVERY} calls of an instance.
 */
public final class JdbcFirstSeen {

  private static final int PURGE_EVERY = 1024;

  private final Jdbc db;
  private final String namespace;
  private final String store;
  private final String deleteExpired;
  private final String insert;
  private final @org.jspecify.annotations.Nullable String upsert;
  private final String purge;
  private final AtomicInteger calls = new AtomicInteger();

  /**
   * A cache.
   *
   * @param db the database
   * @param namespace {@code replay} or {@code nonce}
   */
  public JdbcFirstSeen(Jdbc db, String namespace) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.namespace = Objects.requireNonNull(namespace, "namespace == null");
    this.store = "jdbc " + namespace + " cache";
    String t = db.table("first_seen");
    deleteExpired = "DELETE FROM " + t + " WHERE ns = ? AND id_hash = ? AND expires_at <= ?";
    insert =
        db.dialect()
            .insertIfAbsent("INSERT INTO " + t + " (ns, id_hash, expires_at) VALUES (?, ?, ?)");
    purge = "DELETE FROM " + t + " WHERE expires_at <= ?";
    // PostgreSQL in one statement and one round trip: insert, or take over an expired row; a row
    // still
    // unexpired (also one another transaction just committed) leaves 0 rows affected
    upsert =
        db.dialect() == Dialect.POSTGRESQL
            ? "INSERT INTO "
                + t
                + " AS f (ns, id_hash, expires_at) VALUES (?, ?, ?) ON CONFLICT (ns, id_hash)"
                + " DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE f.expires_at <= ?"
            : null;
  }

  /**
   * Records an id unless it is already there and unexpired.
   *
   * @param id the id
   * @param expiresAt until when the id must be remembered
   * @return true for exactly one caller per id until it expires
   */
  public boolean first(String id, Instant expiresAt) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    byte[] h = Jdbc.hash(id);
    long now = db.nowMillis();
    boolean purgeNow = calls.incrementAndGet() % PURGE_EVERY == 0;
    return db.call(
        store,
        "firstSeen",
        c -> {
          if (purgeNow) {
            try (PreparedStatement s = db.prepare(c, purge)) {
              s.setLong(1, now);
              s.executeUpdate();
            }
          }
          if (upsert != null) {
            try (PreparedStatement s = db.prepare(c, upsert)) {
              s.setString(1, namespace);
              s.setBytes(2, h);
              s.setLong(3, expiresAt.toEpochMilli());
              s.setLong(4, now);
              return s.executeUpdate() == 1;
            }
          }
          try (PreparedStatement s = db.prepare(c, deleteExpired)) {
            s.setString(1, namespace);
            s.setBytes(2, h);
            s.setLong(3, now);
            s.executeUpdate();
          }
          try (PreparedStatement s = db.prepare(c, insert)) {
            s.setString(1, namespace);
            s.setBytes(2, h);
            s.setLong(3, expiresAt.toEpochMilli());
            return s.executeUpdate() == 1;
          } catch (SQLException e) {
            if (Dialect.isDuplicate(e)) {
              return false;
            }
            throw e;
          }
        });
  }

  @Override
  public String toString() {
    return "JdbcFirstSeen{" + namespace + "}";
  }
}
