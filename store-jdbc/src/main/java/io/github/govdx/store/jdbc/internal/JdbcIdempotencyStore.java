package io.github.govdx.store.jdbc.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.client.provider.IdempotencyClaim;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.core.state.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * The provider's idempotency store in one table: a claim first tries to insert its row (the primary key lets
 * exactly one concurrent claimant in), and only when a row is there reads it under a row lock ({@code SELECT …
 * FOR UPDATE}) and decides as {@code InMemoryIdempotencyStore} does — a completed answer, work in progress, a
 * conflicting fingerprint, or a free row (expired, released, or a lapsed lease) that it takes over. {@code
 * complete} and {@code release} are compare-and-set on the owner token. The insert runs in its own auto-commit
 * statement so no shared lock is held into the locking read (InnoDB would deadlock two claimants otherwise); a
 * deadlock or serialization failure the engine still reports is retried a few times.
 */
public final class JdbcIdempotencyStore implements IdempotencyStore {

  private static final String STORE = "jdbc idempotency store";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<LinkedHashMap<String, String>> HEADERS =
      new TypeReference<>() {};
  private static final int ATTEMPTS = 8;
  private static final int PURGE_EVERY = 1024;

  private final Jdbc db;
  private final String insert;
  private final String select;
  private final String takeOver;
  private final String complete;
  private final String release;
  private final String purge;
  private final AtomicInteger calls = new AtomicInteger();

  /**
   * A store.
   *
   * @param db the database
   */
  public JdbcIdempotencyStore(Jdbc db) {
    this.db = Objects.requireNonNull(db, "db == null");
    String t = db.table("idempotency");
    insert =
        db.dialect()
            .insertIfAbsent(
                "INSERT INTO "
                    + t
                    + " (key_hash, fp_hash, token, lease_until, expires_at) VALUES (?, ?, ?, ?, ?)");
    select =
        "SELECT fp_hash, token, lease_until, expires_at, status, headers, body FROM "
            + t
            + " WHERE key_hash = ? FOR UPDATE";
    takeOver =
        "UPDATE "
            + t
            + " SET fp_hash = ?, token = ?, lease_until = ?, expires_at = ?, status = NULL,"
            + " headers = NULL, body = NULL WHERE key_hash = ?";
    complete =
        "UPDATE "
            + t
            + " SET token = NULL, status = ?, headers = ?, body = ?, expires_at = ?"
            + " WHERE key_hash = ? AND token = ?";
    release = "UPDATE " + t + " SET token = NULL WHERE key_hash = ? AND token = ?";
    purge = "DELETE FROM " + t + " WHERE expires_at <= ?";
  }

  @Override
  public IdempotencyClaim claim(
      String key, String fingerprint, Instant leaseUntil, Instant expiresAt) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(fingerprint, "fingerprint == null");
    Objects.requireNonNull(leaseUntil, "leaseUntil == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    byte[] k = Jdbc.hash(key);
    byte[] fp = Jdbc.hash(fingerprint);
    if (calls.incrementAndGet() % PURGE_EVERY == 0) {
      long now = db.nowMillis();
      db.call(
          STORE,
          "purge",
          c -> {
            try (PreparedStatement s = db.prepare(c, purge)) {
              s.setLong(1, now);
              return s.executeUpdate();
            }
          });
    }
    for (int attempt = 1; ; attempt++) {
      String token = UUID.randomUUID().toString();
      if (inserted(k, fp, token, leaseUntil, expiresAt)) {
        return IdempotencyClaim.acquired(token);
      }
      try {
        IdempotencyClaim c = decide(k, fp, token, leaseUntil, expiresAt);
        if (c != null) {
          return c;
        }
      } catch (Jdbc.Retry r) {
        if (attempt >= ATTEMPTS) {
          throw StateStoreException.unavailable(STORE, "claim", r.getCause());
        }
        pause(attempt);
      }
      if (attempt >= ATTEMPTS) {
        throw StateStoreException.unavailable(STORE, "claim", null);
      }
    }
  }

  private boolean inserted(byte[] k, byte[] fp, String token, Instant lease, Instant exp) {
    return db.call(
        STORE,
        "claim",
        c -> {
          try (PreparedStatement s = db.prepare(c, insert)) {
            s.setBytes(1, k);
            s.setBytes(2, fp);
            s.setString(3, token);
            s.setLong(4, lease.toEpochMilli());
            s.setLong(5, exp.toEpochMilli());
            return s.executeUpdate() == 1;
          } catch (SQLException e) {
            if (Dialect.isDuplicate(e)) {
              return false;
            }
            throw e;
          }
        });
  }

  /** Reads the existing row under a lock and decides; null when the row vanished (purged) meanwhile. */
  private @Nullable IdempotencyClaim decide(
      byte[] k, byte[] fp, String token, Instant leaseUntil, Instant expiresAt) {
    long now = db.nowMillis();
    return db.transaction(
        STORE,
        "claim",
        c -> {
          try {
            return decide(c, k, fp, token, leaseUntil, expiresAt, now);
          } catch (SQLException e) {
            String state = e.getSQLState();
            if (state != null && state.startsWith("40")) {
              throw new Jdbc.Retry(e);
            }
            throw e;
          }
        });
  }

  private @Nullable IdempotencyClaim decide(
      Connection c,
      byte[] k,
      byte[] fp,
      String token,
      Instant leaseUntil,
      Instant expiresAt,
      long now)
      throws SQLException {
    boolean expired;
    boolean sameFingerprint;
    try (PreparedStatement s = db.prepare(c, select)) {
      s.setBytes(1, k);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return null;
        }
        sameFingerprint = Arrays.equals(r.getBytes(1), fp);
        String owner = r.getString(2);
        long lease = r.getLong(3);
        expired = r.getLong(4) <= now;
        int status = r.getInt(5);
        boolean answered = !r.wasNull();
        boolean live = !expired && (answered || (owner != null && lease > now));
        if (live) {
          if (!sameFingerprint) {
            return IdempotencyClaim.conflict();
          }
          return answered
              ? IdempotencyClaim.completed(
                  new ProviderResponse(status, headers(r.getString(6)), body(r.getBytes(7))))
              : IdempotencyClaim.inProgress();
        }
      }
    }
    try (PreparedStatement s = db.prepare(c, takeOver)) {
      s.setBytes(1, fp);
      s.setString(2, token);
      s.setLong(3, leaseUntil.toEpochMilli());
      s.setLong(4, expiresAt.toEpochMilli());
      s.setBytes(5, k);
      s.executeUpdate();
    }
    return !expired && sameFingerprint
        ? IdempotencyClaim.resumed(token)
        : IdempotencyClaim.acquired(token);
  }

  private static Map<String, String> headers(@Nullable String json) throws SQLException {
    if (json == null) {
      return Map.of();
    }
    try {
      return JSON.readValue(json, HEADERS);
    } catch (JsonProcessingException e) {
      throw new SQLException("stored answer headers are not a JSON object", "22000", e);
    }
  }

  private static byte[] body(byte @Nullable [] body) {
    return body == null ? new byte[0] : body;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw StateStoreException.unavailable(STORE, "claim", e);
    }
  }

  @Override
  public boolean complete(String key, String token, ProviderResponse answer, Instant expiresAt) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(token, "token == null");
    Objects.requireNonNull(answer, "answer == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    String headers;
    try {
      headers = JSON.writeValueAsString(answer.headers());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("answer headers cannot be stored", e);
    }
    byte[] k = Jdbc.hash(key);
    return db.call(
        STORE,
        "complete",
        c -> {
          try (PreparedStatement s = db.prepare(c, complete)) {
            s.setInt(1, answer.status());
            s.setString(2, headers);
            s.setBytes(3, answer.body());
            s.setLong(4, expiresAt.toEpochMilli());
            s.setBytes(5, k);
            s.setString(6, token);
            return s.executeUpdate() == 1;
          }
        });
  }

  @Override
  public void release(String key, String token) {
    Objects.requireNonNull(key, "key == null");
    Objects.requireNonNull(token, "token == null");
    byte[] k = Jdbc.hash(key);
    db.call(
        STORE,
        "release",
        c -> {
          try (PreparedStatement s = db.prepare(c, release)) {
            s.setBytes(1, k);
            s.setString(2, token);
            return s.executeUpdate();
          }
        });
  }

  @Override
  public String toString() {
    return "JdbcIdempotencyStore{}";
  }
}
