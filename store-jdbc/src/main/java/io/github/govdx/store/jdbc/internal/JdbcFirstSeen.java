package io.github.govdx.store.jdbc.internal;

import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.replay.ReplayCache;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "First time this id is seen?" in one table shared by every instance, one namespace per use (replay, nonce): the
 * primary key decides, so of any number of concurrent callers on any number of instances exactly one inserts the
 * row (or takes over the expired row). A new id — every authentic message — costs one statement and one round
 * trip on every engine:
 *
 * <ul>
 *   <li>PostgreSQL: {@code INSERT … ON CONFLICT (ns, id_hash) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE
 *       expires_at <= now}; 1 row affected is "first", 0 (a live row, also one another transaction just
 *       committed) is a replay.
 *   <li>MariaDB/MySQL: {@code INSERT IGNORE}; 1 row is "first". A duplicate is 0 rows, and only then a second
 *       statement, {@code UPDATE … SET expires_at = ? WHERE … AND expires_at <= now}, takes over an expired row
 *       (1 row) or finds a live one (0 rows: a replay). Not {@code INSERT … ON DUPLICATE KEY UPDATE}: with the
 *       {@code CLIENT_FOUND_ROWS} flag that MariaDB's and MySQL's Connector/J set by default ({@code
 *       useAffectedRows=false}) a duplicate left unchanged reports 1 row, exactly like an insert, so its count
 *       cannot tell a replay from a first sighting unless the application's pool sets {@code useAffectedRows}.
 *       Both counts used here mean the same under either setting.
 *   <li>H2: a plain {@code INSERT}; the duplicate-key error (only on a replay or an expired id) is followed by the
 *       same conditional {@code UPDATE}.
 * </ul>
 *
 * <p><b>Asynchronous commit on PostgreSQL</b> (unless built durable): outside an inbox transaction the statement runs
 * as {@code SELECT set_config('statement_timeout', …, true), set_config('synchronous_commit', 'off', true); INSERT
 * …} in one round trip, so the server bounds it by the query timeout (no cancel task on the driver's timer thread for
 * every claim) and its own transaction does not wait for the WAL flush (an {@code fdatasync}, often longer than the rest of the claim). Atomicity and visibility are
 * unchanged: the row is there for every session and instance as soon as the statement returns, so of any number of
 * concurrent callers exactly one is first, as before. What is given up is the last moments before a crash of the
 * database server itself: claims committed within about three {@code wal_writer_delay} (600 ms by default) of it
 * may be lost, and a message seen then could be accepted once more after the restart while still fresh — the same
 * kind of window (much shorter) as Redis's default persistence. The setting never reaches other work on the
 * connection (a setting made local ends with the transaction; not {@code SET LOCAL}, which outside {@code BEGIN}
 * also logs a warning for every claim), and inside an inbox transaction the claim joins it
 * unchanged.
 *
 * <p>Expired rows are also purged in bulk every {@value #PURGE_EVERY} calls of an instance.
 *
 * <p><b>Early claims</b> ({@link #claim(String, Instant)}, the replay cache's {@link ReplayCache#claim}): the
 * statement runs on a small executor of this cache ({@value #CLAIM_THREADS} daemon threads at most, started on
 * demand and ended after {@value #IDLE_SECONDS} s idle, so nothing needs closing; a full queue runs the claim on the
 * caller's thread), while the caller checks the envelope's cryptography; the caller then waits for the answer at
 * most twice the query timeout from the start of the claim, and a claim not answered by then fails closed with
 * {@code GDX-1601}. A release waits (at most one more query timeout) for the claim and then deletes the row only if it still carries this claim's expiry ({@code DELETE … WHERE ns
 * = ? AND id_hash = ? AND expires_at = ?}): a row another caller inserted after this one's expired carries a later
 * expiry (its message is fresh, so its expiry is after the "now" at which it took the row over), so only this
 * claim's row can match. Inside an inbox transaction bound to the caller's thread the claim runs in that
 * transaction, on the caller's thread, when its answer is asked for (as {@link #first(String, Instant)}); a
 * release then has nothing to do (the transaction rolls back).
 */
public final class JdbcFirstSeen {

  private static final Logger LOG = LoggerFactory.getLogger(JdbcFirstSeen.class);
  private static final int PURGE_EVERY = 1024;
  private static final int CLAIM_THREADS = 8;
  private static final int CLAIM_QUEUE = 1024;
  private static final int IDLE_SECONDS = 30;
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Jdbc db;
  private final String namespace;
  private final String store;
  private final String insert;
  private final String takeOver;
  private final @org.jspecify.annotations.Nullable String upsert;
  private final @org.jspecify.annotations.Nullable String upsertOwn;
  private final String purge;
  private final String release;
  private final AtomicInteger calls = new AtomicInteger();
  private final ThreadPoolExecutor claims;

  /**
   * A cache.
   *
   * @param db the database
   * @param namespace {@code replay} or {@code nonce}
   * @param durable on PostgreSQL, whether a claim waits for its commit's WAL flush ({@code false}: the claim's own
   *     transaction commits asynchronously; see the class description)
   */
  public JdbcFirstSeen(Jdbc db, String namespace, boolean durable) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.namespace = Objects.requireNonNull(namespace, "namespace == null");
    this.store = "jdbc " + namespace + " cache";
    String t = db.table("first_seen");
    String columns = " (ns, id_hash, expires_at) VALUES (?, ?, ?)";
    insert =
        db.dialect() == Dialect.MARIADB
            ? "INSERT IGNORE INTO " + t + columns
            : "INSERT INTO " + t + columns;
    takeOver =
        "UPDATE " + t + " SET expires_at = ? WHERE ns = ? AND id_hash = ? AND expires_at <= ?";
    purge = "DELETE FROM " + t + " WHERE expires_at <= ?";
    release = "DELETE FROM " + t + " WHERE ns = ? AND id_hash = ? AND expires_at = ?";
    claims =
        new ThreadPoolExecutor(
            CLAIM_THREADS,
            CLAIM_THREADS,
            IDLE_SECONDS,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(CLAIM_QUEUE),
            r -> {
              Thread th =
                  new Thread(r, "govdx-jdbc-" + namespace + "-" + THREADS.incrementAndGet());
              th.setDaemon(true);
              return th;
            },
            new ThreadPoolExecutor.CallerRunsPolicy());
    claims.allowCoreThreadTimeOut(true);
    // PostgreSQL: insert, or take over an expired row; a row still unexpired (also one another
    // transaction just committed) leaves 0 rows affected
    upsert =
        db.dialect() == Dialect.POSTGRESQL
            ? "INSERT INTO "
                + t
                + " AS f (ns, id_hash, expires_at) VALUES (?, ?, ?) ON CONFLICT (ns, id_hash)"
                + " DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE f.expires_at <= ?"
            : null;
    // the same statement in a transaction of its own: one round trip, one transaction up to the
    // protocol's Sync, and settings made local to it (set_config(..., true); SET LOCAL would do
    // the same but outside BEGIN it also sends a WARNING to the client and the server log on
    // every claim). The server bounds the statement (statement_timeout) instead of the driver,
    // whose query timeout arms a cancel task on its shared timer thread for every statement;
    // unless durable, the commit does not wait for the WAL flush
    upsertOwn =
        upsert == null
            ? null
            : "SELECT set_config('statement_timeout', '"
                + db.queryTimeoutSeconds() * 1000L
                + "', true)"
                + (durable ? "" : ", set_config('synchronous_commit', 'off', true)")
                + "; "
                + upsert;
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
    long expires = expiresAt.toEpochMilli();
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
          if (upsertOwn != null && db.boundConnection() == null) {
            // bounded by the statement_timeout it sets, not by a driver-side timer
            try (PreparedStatement s = c.prepareStatement(upsertOwn)) {
              s.setString(1, namespace);
              s.setBytes(2, h);
              s.setLong(3, expires);
              s.setLong(4, now);
              return lastUpdateCount(s) == 1;
            }
          }
          if (upsert != null) {
            try (PreparedStatement s = db.prepare(c, upsert)) {
              s.setString(1, namespace);
              s.setBytes(2, h);
              s.setLong(3, expires);
              s.setLong(4, now);
              return s.executeUpdate() == 1;
            }
          }
          try (PreparedStatement s = db.prepare(c, insert)) {
            s.setString(1, namespace);
            s.setBytes(2, h);
            s.setLong(3, expires);
            if (s.executeUpdate() == 1) {
              return true;
            }
            // MariaDB/MySQL: INSERT IGNORE found the key
          } catch (SQLException e) {
            if (!Dialect.isDuplicate(e)) {
              throw e;
            }
            // H2: the key is there
          }
          // a row is there: take it over only if it has expired. The update reads the latest
          // committed row under its row lock, so of several callers racing for one expired row
          // exactly one matches it; the others find it live (0 rows) — with found rows or
          // affected rows counted alike, since a taken-over row always changes (new expiry > now)
          try (PreparedStatement s = db.prepare(c, takeOver)) {
            s.setLong(1, expires);
            s.setString(2, namespace);
            s.setBytes(3, h);
            s.setLong(4, now);
            return s.executeUpdate() == 1;
          }
        });
  }

  /** Runs a statement list and returns the update count of its last statement. */
  private static int lastUpdateCount(PreparedStatement s) throws SQLException {
    boolean result = s.execute();
    int last = -1;
    while (true) {
      if (!result) {
        int n = s.getUpdateCount();
        if (n == -1) {
          return last;
        }
        last = n;
      }
      result = s.getMoreResults();
    }
  }

  /**
   * Starts recording an id on this cache's executor ({@link ReplayCache#claim}; see the class description).
   *
   * @param id the id
   * @param expiresAt until when the id must be remembered
   * @return the claim in flight
   */
  public ReplayCache.Claim claim(String id, Instant expiresAt) {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(expiresAt, "expiresAt == null");
    if (db.boundConnection() != null) {
      return new ReplayCache.Claim() {
        @Override
        public boolean firstSeen() {
          return first(id, expiresAt);
        }

        @Override
        public void release() {
          // inside the inbox transaction: its rollback undoes the claim
        }
      };
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2L * db.queryTimeoutSeconds());
    CompletableFuture<Boolean> answer = new CompletableFuture<>();
    claims.execute(
        () -> {
          try {
            answer.complete(first(id, expiresAt));
          } catch (RuntimeException e) {
            answer.completeExceptionally(e);
          }
        });
    return new ReplayCache.Claim() {
      @Override
      public boolean firstSeen() {
        try {
          return answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          throw StateStoreException.unavailable(store, "firstSeen", e.getCause());
        } catch (TimeoutException e) {
          throw StateStoreException.unavailable(store, "firstSeen", e);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw StateStoreException.unavailable(store, "firstSeen", e);
        }
      }

      @Override
      public void release() {
        // also a claim still in flight: its row is deleted as soon as it is known to be this
        // claim's
        CompletableFuture<Void> removed =
            answer.thenAcceptAsync(
                first -> {
                  if (first) {
                    forget(id, expiresAt);
                  }
                },
                claims);
        long wait =
            deadline - System.nanoTime() + TimeUnit.SECONDS.toNanos(db.queryTimeoutSeconds());
        try {
          removed.get(Math.max(0, wait), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
          // best effort (ReplayCache.Claim.release); a failed claim has nothing to remove
          LOG.debug("{} claim not released in time: {}", namespace, e.toString());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
  }

  private void forget(String id, Instant expiresAt) {
    try {
      db.call(
          store,
          "release",
          c -> {
            try (PreparedStatement s = db.prepare(c, release)) {
              s.setString(1, namespace);
              s.setBytes(2, Jdbc.hash(id));
              s.setLong(3, expiresAt.toEpochMilli());
              return s.executeUpdate();
            }
          });
    } catch (RuntimeException e) {
      // best effort (ReplayCache.Claim.release): the row stays until it expires
      LOG.debug("could not release a {} claim: {}", namespace, e.toString());
    }
  }

  @Override
  public String toString() {
    return "JdbcFirstSeen{" + namespace + "}";
  }
}
