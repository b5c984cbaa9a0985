package io.github.govdx.store.jdbc.internal;

import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.client.outbox.OutboxStats;
import io.github.govdx.client.outbox.OutboxStore;
import io.github.govdx.core.party.PartyId;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The outbox table shared by every sender instance. A claim runs in one transaction: a plain read finds the due
 * candidates in sequence order (with, per order key, only the oldest undelivered entry), a locking read {@code FOR
 * UPDATE SKIP LOCKED} takes those that no other claimer holds and that are still due, and an update moves them to
 * {@code in_flight} under the caller's lease. Two claimers therefore never take the same row, and neither waits
 * for the other. Later changes are single conditional updates (owner and state in the {@code WHERE} clause), so
 * an instance whose lease was taken over changes nothing. Times are epoch milliseconds.
 */
public final class JdbcOutboxStore implements OutboxStore {

  private static final String STORE = "jdbc outbox store";
  private static final String COLUMNS =
      "seq, id, receiver, resource_code, idempotency_key, message_id, record_count, envelope,"
          + " own_copy, order_key, state, attempts, created_at, next_attempt_at, lease_owner,"
          + " lease_until, delivered_at, receipt, last_error_code, last_error, sent_digests";
  private static final int ATTEMPTS = 5;
  private static final int GROUP_MAX = 64;

  private final Jdbc db;
  private final String table;
  private final String insert;
  private final String candidates;
  private final String byId;
  private final String deliveredSql;
  private final GroupInsert inserts = new GroupInsert();

  /**
   * The outbox of a database.
   *
   * @param db the database
   */
  public JdbcOutboxStore(Jdbc db) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.table = db.table("outbox");
    this.insert =
        "INSERT INTO "
            + table
            + " (id, receiver, resource_code, idempotency_key, message_id, record_count, envelope,"
            + " own_copy, order_key, state, attempts, created_at, next_attempt_at, sent_digests)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)";
    this.candidates = candidateQuery(table);
    this.byId = "SELECT " + COLUMNS + " FROM " + table + " WHERE id = ?";
    this.deliveredSql =
        "UPDATE "
            + table
            + " SET state = 'delivered', delivered_at = ?, receipt = ?, lease_owner = NULL,"
            + " lease_until = NULL WHERE id = ? AND state <> 'delivered'";
  }

  /**
   * The claim's candidate query over a table: the due pending entries and the entries whose lease ran out, each
   * without an earlier undelivered entry of the same order key, in sequence order, at most {@code ?} of each arm
   * and overall. Parameters: now, limit, now, limit, limit.
   *
   * @param table the outbox table's name
   * @return the statement
   */
  public static String candidateQuery(String table) {
    // Two arms, each read in sequence order from its own index and limited, merged and limited
    // again: a
    // plain index scan per arm (never a bitmap OR over both states) lets PostgreSQL mark the dead
    // entries
    // it meets, so a claim does not pay again for every earlier delivery (see Dialect's outbox
    // indexes).
    String orderFree =
        " AND (o.order_key IS NULL OR NOT EXISTS (SELECT 1 FROM "
            + table
            + " b WHERE b.order_key = o.order_key AND b.seq < o.seq"
            + " AND b.state IN ('pending', 'in_flight')))";
    return "SELECT u.seq FROM ((SELECT o.seq FROM "
        + table
        + " o WHERE o.state = 'pending' AND o.next_attempt_at <= ?"
        + orderFree
        + " ORDER BY o.seq LIMIT ?) UNION ALL (SELECT o.seq FROM "
        + table
        + " o WHERE o.state = 'in_flight' AND o.lease_until <= ?"
        + orderFree
        + " ORDER BY o.seq LIMIT ?)) u ORDER BY u.seq LIMIT ?";
  }

  // ---------------------------------------------------------------- add

  /**
   * {@inheritDoc}
   *
   * <p>Durable when it returns. Inside an inbox transaction bound to this thread the insert joins it. Otherwise
   * concurrent adds commit together (group commit): the first caller to find no insert under way writes every
   * entry waiting at that moment in one transaction, and each caller returns once the transaction holding its
   * entry committed. Should that transaction fail, each of its entries is inserted again on its own, so that a
   * duplicate id or a store failure is reported to its own caller only.
   */
  @Override
  public void add(OutboxEntry entry) {
    Objects.requireNonNull(entry, "entry == null");
    if (db.boundConnection() != null) {
      db.call(
          STORE,
          "add",
          c -> {
            add(c, entry);
            return null;
          });
      return;
    }
    inserts.add(entry);
  }

  /** One entry of a group insert, and what became of it. */
  private static final class Waiting {
    final OutboxEntry entry;
    final CountDownLatch done = new CountDownLatch(1);
    volatile @Nullable RuntimeException failure;

    Waiting(OutboxEntry entry) {
      this.entry = entry;
    }
  }

  /** Group commit of concurrent adds (see {@link #add(OutboxEntry)}). */
  private final class GroupInsert {
    private final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    void add(OutboxEntry entry) {
      Waiting me = new Waiting(entry);
      queue.add(me);
      // once queued the entry may be written by any caller: wait for its outcome even when
      // interrupted (the flag is kept), so that no caller hears "failed" of a stored entry
      boolean interrupted = false;
      while (me.done.getCount() > 0) {
        if (writer.tryLock()) {
          try {
            writeWaiting(me);
          } finally {
            writer.unlock();
          }
        } else {
          // the writer may have taken its batch just before this entry came: look again soon
          try {
            me.done.await(1, TimeUnit.MILLISECONDS);
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      RuntimeException failure = me.failure;
      if (failure != null) {
        throw failure;
      }
    }

    /**
     * Writes what waits, batch by batch, until the writer's own entry is written (then another waiting caller
     * takes over, so that no caller keeps writing for others under a steady stream of adds) or nothing waits.
     */
    private void writeWaiting(Waiting own) {
      List<Waiting> batch = new ArrayList<>();
      while (own.done.getCount() > 0) {
        batch.clear();
        for (Waiting w; batch.size() < GROUP_MAX && (w = queue.poll()) != null; ) {
          batch.add(w);
        }
        if (batch.isEmpty()) {
          return;
        }
        try {
          db.transaction(
              STORE,
              "add",
              c -> {
                for (Waiting w : batch) {
                  JdbcOutboxStore.this.add(c, w.entry);
                }
                return null;
              });
        } catch (RuntimeException groupFailed) {
          if (batch.size() == 1) {
            batch.get(0).failure = groupFailed;
          } else {
            for (Waiting w : batch) {
              try {
                db.call(
                    STORE,
                    "add",
                    c -> {
                      JdbcOutboxStore.this.add(c, w.entry);
                      return null;
                    });
              } catch (RuntimeException alone) {
                w.failure = alone;
              }
            }
          }
        }
        for (Waiting w : batch) {
          w.done.countDown();
        }
      }
    }
  }

  /**
   * Inserts an entry with the caller's connection, in whatever transaction it has open; never commits.
   *
   * @param c the connection
   * @param entry the entry
   * @throws SQLException if the insert fails
   * @throws IllegalArgumentException if the id exists
   */
  public void add(Connection c, OutboxEntry entry) throws SQLException {
    try (PreparedStatement s = db.prepare(c, insert)) {
      s.setString(1, entry.id());
      s.setString(2, entry.receiver().toString());
      s.setString(3, entry.resourceCode());
      s.setString(4, entry.idempotencyKey());
      s.setString(5, entry.messageId());
      s.setInt(6, entry.recordCount());
      s.setBytes(7, entry.envelope());
      s.setBytes(8, entry.ownCopy());
      setNullable(s, 9, entry.orderKey().orElse(null));
      s.setInt(10, entry.attempts());
      s.setLong(11, entry.createdAt().toEpochMilli());
      s.setLong(12, entry.nextAttemptAt().toEpochMilli());
      s.setString(13, String.join(" ", entry.sentDigests()));
      s.executeUpdate();
    } catch (SQLException e) {
      if (Dialect.isDuplicate(e)) {
        throw new IllegalArgumentException("an outbox entry " + entry.id() + " exists already", e);
      }
      throw e;
    }
  }

  // ---------------------------------------------------------------- claim

  @Override
  public List<OutboxEntry> claim(String owner, Instant now, Instant leaseUntil, int max) {
    Objects.requireNonNull(owner, "owner == null");
    if (max < 1) {
      return List.of();
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return db.transaction(STORE, "claim", c -> claimIn(c, owner, now, leaseUntil, max));
      } catch (Jdbc.Retry r) {
        if (attempt == ATTEMPTS) {
          throw io.github.govdx.core.state.StateStoreException.unavailable(STORE, "claim", r);
        }
      }
    }
  }

  private List<OutboxEntry> claimIn(
      Connection c, String owner, Instant now, Instant leaseUntil, int max) throws SQLException {
    long t = now.toEpochMilli();
    List<Long> seqs = new ArrayList<>();
    if (db.dialect() == Dialect.POSTGRESQL) {
      // Only plain index scans mark the dead entries they meet; with few live rows the planner
      // would rather take a
      // bitmap scan and a sort, which leaves them for every later claim to read again. For this
      // transaction only.
      try (PreparedStatement s = db.prepare(c, "SET LOCAL enable_bitmapscan = off")) {
        s.execute();
      } catch (SQLException e) {
        throw retryable(e);
      }
    }
    try (PreparedStatement s = db.prepare(c, candidates)) {
      s.setLong(1, t);
      s.setInt(2, max);
      s.setLong(3, t);
      s.setInt(4, max);
      s.setInt(5, max);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          seqs.add(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw retryable(e);
    }
    if (seqs.isEmpty()) {
      return List.of();
    }
    String in = String.join(", ", Collections.nCopies(seqs.size(), "?"));
    List<Long> locked = new ArrayList<>();
    String lock =
        "SELECT o.seq FROM "
            + table
            + " o WHERE o.seq IN ("
            + in
            + ") AND ((o.state = 'pending' AND o.next_attempt_at <= ?)"
            + " OR (o.state = 'in_flight' AND o.lease_until <= ?))"
            + " ORDER BY o.seq FOR UPDATE SKIP LOCKED";
    try (PreparedStatement s = db.prepare(c, lock)) {
      int i = 1;
      for (Long seq : seqs) {
        s.setLong(i++, seq);
      }
      s.setLong(i++, t);
      s.setLong(i, t);
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          locked.add(rs.getLong(1));
        }
      }
    } catch (SQLException e) {
      throw retryable(e);
    }
    if (locked.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement s =
        db.prepare(
            c,
            "UPDATE "
                + table
                + " SET state = 'in_flight', lease_owner = ?, lease_until = ? WHERE seq = ?")) {
      for (Long seq : locked) {
        s.setString(1, owner);
        s.setLong(2, leaseUntil.toEpochMilli());
        s.setLong(3, seq);
        s.addBatch();
      }
      s.executeBatch();
    } catch (SQLException e) {
      throw retryable(e);
    }
    String read =
        "SELECT "
            + COLUMNS
            + " FROM "
            + table
            + " WHERE seq IN ("
            + String.join(", ", Collections.nCopies(locked.size(), "?"))
            + ") ORDER BY seq";
    List<OutboxEntry> out = new ArrayList<>(locked.size());
    try (PreparedStatement s = db.prepare(c, read)) {
      int i = 1;
      for (Long seq : locked) {
        s.setLong(i++, seq);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(entry(rs));
        }
      }
    }
    return out;
  }

  private static SQLException retryable(SQLException e) {
    String state = e.getSQLState();
    if (state != null && state.startsWith("40")) {
      throw new Jdbc.Retry(e);
    }
    return e;
  }

  // ---------------------------------------------------------------- transitions

  @Override
  public boolean delivered(String id, Instant at, String receipt) {
    return update(
        "delivered",
        deliveredSql,
        s -> {
          s.setLong(1, at.toEpochMilli());
          s.setString(2, receipt);
          s.setString(3, id);
        });
  }

  @Override
  public void deliveredAll(List<Receipted> receipts) {
    if (receipts.isEmpty()) {
      return;
    }
    db.transaction(
        STORE,
        "delivered",
        c -> {
          try (PreparedStatement s = db.prepare(c, deliveredSql)) {
            for (Receipted r : receipts) {
              s.setLong(1, r.at().toEpochMilli());
              s.setString(2, r.receipt());
              s.setString(3, r.id());
              s.addBatch();
            }
            s.executeBatch();
          }
          return null;
        });
  }

  @Override
  public boolean resealed(String id, String owner, byte[] envelope, String digest) {
    if (!digest.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException("digest must be 64 lowercase hex characters");
    }
    return update(
        "resealed",
        "UPDATE "
            + table
            + " SET envelope = ?, sent_digests = "
            + db.dialect().concat("sent_digests", "?")
            + " WHERE id = ? AND state = 'in_flight' AND lease_owner = ?",
        s -> {
          s.setBytes(1, envelope);
          s.setString(2, " " + digest);
          s.setString(3, id);
          s.setString(4, owner);
        });
  }

  @Override
  public boolean reschedule(
      String id, String owner, Instant nextAttemptAt, String code, String message) {
    return settle("reschedule", "pending", id, owner, nextAttemptAt, code, message);
  }

  @Override
  public boolean dead(String id, String owner, Instant at, String code, String message) {
    return settle("dead", "dead", id, owner, at, code, message);
  }

  /** Ends the lease holder's attempt: the new state, one more attempt, the error kept, the lease cleared. */
  private boolean settle(
      String operation,
      String state,
      String id,
      String owner,
      Instant at,
      String code,
      String message) {
    return update(
        operation,
        "UPDATE "
            + table
            + " SET state = '"
            + state
            + "', attempts = attempts + 1, next_attempt_at = ?,"
            + " last_error_code = ?, last_error = ?, lease_owner = NULL, lease_until = NULL"
            + " WHERE id = ? AND state = 'in_flight' AND lease_owner = ?",
        s -> {
          s.setLong(1, at.toEpochMilli());
          s.setString(2, code);
          s.setString(3, message);
          s.setString(4, id);
          s.setString(5, owner);
        });
  }

  @Override
  public boolean retry(String id, Instant now) {
    return update(
        "retry",
        "UPDATE "
            + table
            + " SET state = 'pending', attempts = 0, next_attempt_at = ? WHERE id = ?"
            + " AND state = 'dead'",
        s -> {
          s.setLong(1, now.toEpochMilli());
          s.setString(2, id);
        });
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement s) throws SQLException;
  }

  private boolean update(String operation, String sql, Binder binder) {
    return db.call(
        STORE,
        operation,
        c -> {
          try (PreparedStatement s = db.prepare(c, sql)) {
            binder.bind(s);
            return s.executeUpdate() == 1;
          }
        });
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<OutboxEntry> find(String id) {
    Objects.requireNonNull(id, "id == null");
    return db.call(
        STORE,
        "find",
        c -> {
          try (PreparedStatement s = db.prepare(c, byId)) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
              return rs.next() ? Optional.of(entry(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public OutboxStats stats() {
    return db.call(
        STORE,
        "stats",
        c -> {
          Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
          for (OutboxState st : OutboxState.values()) {
            counts.put(st, 0L);
          }
          try (PreparedStatement s =
                  db.prepare(c, "SELECT state, COUNT(*) FROM " + table + " GROUP BY state");
              ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
              counts.put(OutboxState.ofStoredName(rs.getString(1)), rs.getLong(2));
            }
          }
          Instant oldest = null;
          try (PreparedStatement s =
                  db.prepare(
                      c,
                      "SELECT MIN(created_at) FROM "
                          + table
                          + " WHERE state IN ('pending', 'in_flight')");
              ResultSet rs = s.executeQuery()) {
            if (rs.next()) {
              long v = rs.getLong(1);
              if (!rs.wasNull()) {
                oldest = Instant.ofEpochMilli(v);
              }
            }
          }
          return OutboxStats.builder().counts(counts).oldestUndelivered(oldest).build();
        });
  }

  @Override
  public List<OutboxEntry> list(
      OutboxState state, Instant createdBefore, long afterSequence, int limit) {
    Objects.requireNonNull(state, "state == null");
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000");
    }
    return db.call(
        STORE,
        "list",
        c -> {
          try (PreparedStatement s =
              db.prepare(
                  c,
                  "SELECT "
                      + COLUMNS
                      + " FROM "
                      + table
                      + " WHERE state = ? AND created_at < ? AND seq > ? ORDER BY seq LIMIT ?")) {
            s.setString(1, state.storedName());
            s.setLong(2, createdBefore.toEpochMilli());
            s.setLong(3, afterSequence);
            s.setInt(4, limit);
            List<OutboxEntry> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                out.add(entry(rs));
              }
            }
            return out;
          }
        });
  }

  @Override
  public int purgeDelivered(Instant deliveredBefore, int max) {
    if (max < 1) {
      return 0;
    }
    return db.transaction(
        STORE,
        "purgeDelivered",
        c -> {
          List<Long> seqs = new ArrayList<>();
          try (PreparedStatement s =
              db.prepare(
                  c,
                  "SELECT seq FROM "
                      + table
                      + " WHERE state = 'delivered' AND delivered_at < ? ORDER BY seq LIMIT ?")) {
            s.setLong(1, deliveredBefore.toEpochMilli());
            s.setInt(2, max);
            try (ResultSet rs = s.executeQuery()) {
              while (rs.next()) {
                seqs.add(rs.getLong(1));
              }
            }
          }
          if (seqs.isEmpty()) {
            return 0;
          }
          // one statement for the batch, not a round trip per entry
          int n = 0;
          try (PreparedStatement s =
              db.prepare(
                  c,
                  "DELETE FROM "
                      + table
                      + " WHERE seq IN ("
                      + String.join(", ", Collections.nCopies(seqs.size(), "?"))
                      + ") AND state = 'delivered'")) {
            int i = 1;
            for (Long seq : seqs) {
              s.setLong(i++, seq);
            }
            n = s.executeUpdate();
          }
          return n;
        });
  }

  // ---------------------------------------------------------------- mapping

  private static OutboxEntry entry(ResultSet rs) throws SQLException {
    OutboxEntry.Builder b =
        OutboxEntry.builder()
            .sequence(rs.getLong("seq"))
            .id(rs.getString("id"))
            .receiver(PartyId.parse(rs.getString("receiver")))
            .resourceCode(rs.getString("resource_code"))
            .idempotencyKey(rs.getString("idempotency_key"))
            .messageId(rs.getString("message_id"))
            .recordCount(rs.getInt("record_count"))
            .envelope(rs.getBytes("envelope"))
            .ownCopy(rs.getBytes("own_copy"))
            .orderKey(rs.getString("order_key"))
            .state(OutboxState.ofStoredName(rs.getString("state")))
            .attempts(rs.getInt("attempts"))
            .createdAt(Instant.ofEpochMilli(rs.getLong("created_at")))
            .nextAttemptAt(Instant.ofEpochMilli(rs.getLong("next_attempt_at")))
            .leaseOwner(rs.getString("lease_owner"))
            .leaseUntil(instant(rs, "lease_until"))
            .deliveredAt(instant(rs, "delivered_at"))
            .receipt(rs.getString("receipt"))
            .lastErrorCode(rs.getString("last_error_code"))
            .lastError(rs.getString("last_error"));
    String digests = rs.getString("sent_digests");
    if (digests != null && !digests.isBlank()) {
      b.addSentDigests(digests.trim().split(" "));
    }
    return b.build();
  }

  private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }

  private static void setNullable(PreparedStatement s, int i, @Nullable String v)
      throws SQLException {
    if (v == null) {
      s.setNull(i, Types.VARCHAR);
    } else {
      s.setString(i, v);
    }
  }
}
