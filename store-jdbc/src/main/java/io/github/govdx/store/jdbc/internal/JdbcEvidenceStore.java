package io.github.govdx.store.jdbc.internal;

import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.crypto.evidence.EvidenceStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One evidence hash chain in two tables shared by every instance: {@code evidence} holds the lines (primary key
 * chain and seq, so two lines can never take one position) and {@code evidence_head} one row per chain with the
 * last seq and hash. An append locks the head row ({@code SELECT … FOR UPDATE}), links the new line to it, inserts
 * the line and moves the head, in one transaction: appenders on every instance queue on the lock, so the chain
 * never forks and a failed append leaves nothing behind. The head row is created on its own first (auto-commit),
 * so no shared lock is carried into the locking read.
 *
 * <p>The linker runs while the head is locked: a linker that asks a time-stamp authority holds the chain for that
 * request's duration.
 */
public final class JdbcEvidenceStore implements EvidenceStore {

  private static final String STORE = "jdbc evidence store";
  private static final int ATTEMPTS = 8;
  private static final int PAGE = 500;

  private final Jdbc db;
  private final String chain;
  private final String insertHead;
  private final String lockHead;
  private final String insertLine;
  private final String moveHead;
  private final String page;

  /**
   * A chain.
   *
   * @param db the database
   * @param chain the chain's name
   */
  public JdbcEvidenceStore(Jdbc db, String chain) {
    this.db = Objects.requireNonNull(db, "db == null");
    this.chain = Objects.requireNonNull(chain, "chain == null");
    String head = db.table("evidence_head");
    String lines = db.table("evidence");
    insertHead =
        db.dialect().insertIfAbsent("INSERT INTO " + head + " (chain, seq, hash) VALUES (?, 0, ?)");
    lockHead = "SELECT seq, hash FROM " + head + " WHERE chain = ? FOR UPDATE";
    insertLine = "INSERT INTO " + lines + " (chain, seq, line, hash) VALUES (?, ?, ?, ?)";
    moveHead = "UPDATE " + head + " SET seq = ?, hash = ? WHERE chain = ? AND seq = ?";
    page =
        "SELECT seq, line FROM "
            + lines
            + " WHERE chain = ? AND seq > ? ORDER BY seq LIMIT "
            + PAGE;
  }

  @Override
  public Entry append(Linker linker) {
    Objects.requireNonNull(linker, "linker == null");
    db.call(
        STORE,
        "append",
        c -> {
          try (PreparedStatement s = db.prepare(c, insertHead)) {
            s.setString(1, chain);
            s.setString(2, EvidenceLog.GENESIS);
            s.executeUpdate();
          } catch (SQLException e) {
            if (!Dialect.isDuplicate(e)) {
              throw e;
            }
          }
          return null;
        });
    for (int attempt = 1; ; attempt++) {
      try {
        return db.transaction(STORE, "append", c -> appendLocked(c, linker));
      } catch (Jdbc.Retry r) {
        if (attempt >= ATTEMPTS) {
          throw StateStoreException.unavailable(STORE, "append", r.getCause());
        }
        try {
          Thread.sleep(ThreadLocalRandom.current().nextLong(1, 5L << Math.min(attempt, 6)));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw StateStoreException.unavailable(STORE, "append", e);
        }
      }
    }
  }

  private Entry appendLocked(Connection c, Linker linker) throws SQLException {
    try {
      long seq;
      String prev;
      try (PreparedStatement s = db.prepare(c, lockHead)) {
        s.setString(1, chain);
        try (ResultSet r = s.executeQuery()) {
          if (!r.next()) {
            throw new SQLException("evidence head row vanished", "40001");
          }
          seq = r.getLong(1);
          prev = r.getString(2);
        }
      }
      Entry e = Objects.requireNonNull(linker.link(seq + 1, prev), "linker returned null");
      if (e.seq() != seq + 1) {
        throw new IllegalStateException(
            "linker returned seq " + e.seq() + ", expected " + (seq + 1));
      }
      try (PreparedStatement s = db.prepare(c, insertLine)) {
        s.setString(1, chain);
        s.setLong(2, e.seq());
        s.setString(3, e.line());
        s.setString(4, e.hash());
        s.executeUpdate();
      }
      try (PreparedStatement s = db.prepare(c, moveHead)) {
        s.setLong(1, e.seq());
        s.setString(2, e.hash());
        s.setString(3, chain);
        s.setLong(4, seq);
        if (s.executeUpdate() != 1) {
          throw new SQLException("evidence head moved under its lock", "40001");
        }
      }
      return e;
    } catch (SQLException e) {
      String state = e.getSQLState();
      if (state != null && (state.startsWith("40") || Dialect.isDuplicate(e))) {
        throw new Jdbc.Retry(e);
      }
      throw e;
    }
  }

  /**
   * Reads the chain a page of {@value #PAGE} lines at a time (keyset paging on seq, so memory stays bounded however
   * long the chain is); the visitor runs outside the database call, holding no connection.
   */
  @Override
  public void read(LineVisitor visitor) {
    Objects.requireNonNull(visitor, "visitor == null");
    long after = 0;
    while (true) {
      long from = after;
      List<String> lines = new ArrayList<>(PAGE);
      long last =
          db.call(
              STORE,
              "read",
              c -> {
                long seq = from;
                try (PreparedStatement s = db.prepare(c, page)) {
                  s.setString(1, chain);
                  s.setLong(2, from);
                  try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                      seq = r.getLong(1);
                      lines.add(r.getString(2));
                    }
                  }
                }
                return seq;
              });
      for (String line : lines) {
        if (!visitor.visit(line)) {
          return;
        }
      }
      if (lines.size() < PAGE) {
        return;
      }
      after = last;
    }
  }

  @Override
  public String name() {
    return "jdbc:" + chain;
  }

  /** Nothing to release: the data source belongs to the application. */
  @Override
  public void close() {}

  @Override
  public String toString() {
    return "JdbcEvidenceStore{" + chain + "}";
  }
}
