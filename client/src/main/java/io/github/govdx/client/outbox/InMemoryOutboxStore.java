package io.github.govdx.client.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * An {@link OutboxStore} in this JVM's memory: for tests and for trying the outbox out. It is <b>not durable</b>:
 * entries die with the process, so nothing of the outbox's promise survives a restart. Production uses {@code
 * govdx-store-jdbc}. Thread-safe (one lock).
 */
public final class InMemoryOutboxStore implements OutboxStore {

  private final TreeMap<Long, OutboxEntry> bySequence = new TreeMap<>();
  private final Map<String, Long> sequenceOf = new HashMap<>();
  private long nextSequence = 1;

  /** Creates an empty store. */
  public InMemoryOutboxStore() {}

  @Override
  public synchronized void add(OutboxEntry entry) {
    Objects.requireNonNull(entry, "entry == null");
    if (sequenceOf.containsKey(entry.id())) {
      throw new IllegalArgumentException("an outbox entry " + entry.id() + " exists already");
    }
    long seq = nextSequence++;
    bySequence.put(
        seq,
        entry.toBuilder()
            .sequence(seq)
            .state(OutboxState.PENDING)
            .leaseOwner(Optional.empty())
            .leaseUntil(Optional.empty())
            .build());
    sequenceOf.put(entry.id(), seq);
  }

  @Override
  public synchronized List<OutboxEntry> claim(
      String owner, Instant now, Instant leaseUntil, int max) {
    List<OutboxEntry> out = new ArrayList<>();
    Set<String> blocked = new HashSet<>();
    for (OutboxEntry e : bySequence.values()) {
      if (out.size() >= max) {
        break;
      }
      boolean open = e.state() == OutboxState.PENDING || e.state() == OutboxState.IN_FLIGHT;
      boolean due =
          (e.state() == OutboxState.PENDING && !e.nextAttemptAt().isAfter(now))
              || (e.state() == OutboxState.IN_FLIGHT && !e.leaseUntil().orElseThrow().isAfter(now));
      String key = e.orderKey().orElse(null);
      boolean free = key == null || !blocked.contains(key);
      if (open && key != null) {
        blocked.add(key);
      }
      if (due && free) {
        OutboxEntry claimed =
            e.toBuilder()
                .state(OutboxState.IN_FLIGHT)
                .leaseOwner(owner)
                .leaseUntil(leaseUntil)
                .build();
        bySequence.put(e.sequence(), claimed);
        out.add(claimed);
      }
    }
    return out;
  }

  private OutboxEntry get(String id) {
    Long seq = sequenceOf.get(id);
    return seq == null ? null : bySequence.get(seq);
  }

  private boolean holds(OutboxEntry e, String owner) {
    return e != null
        && e.state() == OutboxState.IN_FLIGHT
        && e.leaseOwner().orElse("").equals(owner);
  }

  @Override
  public synchronized boolean delivered(String id, Instant at, String receipt) {
    OutboxEntry e = get(id);
    if (e == null || e.state() == OutboxState.DELIVERED) {
      return false;
    }
    bySequence.put(
        e.sequence(),
        e.toBuilder()
            .state(OutboxState.DELIVERED)
            .deliveredAt(at)
            .receipt(receipt)
            .leaseOwner(Optional.empty())
            .leaseUntil(Optional.empty())
            .build());
    return true;
  }

  @Override
  public synchronized boolean resealed(String id, String owner, byte[] envelope, String digest) {
    OutboxEntry e = get(id);
    if (!holds(e, owner)) {
      return false;
    }
    bySequence.put(e.sequence(), e.toBuilder().envelope(envelope).addSentDigests(digest).build());
    return true;
  }

  @Override
  public synchronized boolean reschedule(
      String id, String owner, Instant nextAttemptAt, String code, String message) {
    return settle(id, owner, OutboxState.PENDING, nextAttemptAt, code, message);
  }

  @Override
  public synchronized boolean dead(
      String id, String owner, Instant at, String code, String message) {
    return settle(id, owner, OutboxState.DEAD, at, code, message);
  }

  /** Ends the holder's attempt: one more attempt counted, the error kept, the lease cleared. */
  private boolean settle(
      String id, String owner, OutboxState state, Instant at, String code, String message) {
    OutboxEntry e = get(id);
    if (!holds(e, owner)) {
      return false;
    }
    bySequence.put(
        e.sequence(),
        e.toBuilder()
            .state(state)
            .attempts(e.attempts() + 1)
            .nextAttemptAt(at)
            .lastErrorCode(code)
            .lastError(message)
            .leaseOwner(Optional.empty())
            .leaseUntil(Optional.empty())
            .build());
    return true;
  }

  @Override
  public synchronized boolean retry(String id, Instant now) {
    OutboxEntry e = get(id);
    if (e == null || e.state() != OutboxState.DEAD) {
      return false;
    }
    bySequence.put(
        e.sequence(),
        e.toBuilder().state(OutboxState.PENDING).attempts(0).nextAttemptAt(now).build());
    return true;
  }

  @Override
  public synchronized Optional<OutboxEntry> find(String id) {
    return Optional.ofNullable(get(id));
  }

  @Override
  public synchronized OutboxStats stats() {
    Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
    for (OutboxState s : OutboxState.values()) {
      counts.put(s, 0L);
    }
    Instant oldest = null;
    for (OutboxEntry e : bySequence.values()) {
      counts.merge(e.state(), 1L, Long::sum);
      boolean open = e.state() == OutboxState.PENDING || e.state() == OutboxState.IN_FLIGHT;
      if (open && (oldest == null || e.createdAt().isBefore(oldest))) {
        oldest = e.createdAt();
      }
    }
    return OutboxStats.builder().counts(counts).oldestUndelivered(oldest).build();
  }

  @Override
  public synchronized List<OutboxEntry> list(
      OutboxState state, Instant createdBefore, long afterSequence, int limit) {
    if (limit < 1 || limit > 1000) {
      throw new IllegalArgumentException("limit must be 1 to 1000");
    }
    List<OutboxEntry> out = new ArrayList<>();
    for (OutboxEntry e : bySequence.tailMap(afterSequence, false).values()) {
      if (e.state() == state && e.createdAt().isBefore(createdBefore)) {
        out.add(e);
        if (out.size() == limit) {
          break;
        }
      }
    }
    return out;
  }

  @Override
  public synchronized int purgeDelivered(Instant deliveredBefore, int max) {
    int n = 0;
    Iterator<OutboxEntry> it = bySequence.values().iterator();
    while (it.hasNext() && n < max) {
      OutboxEntry e = it.next();
      if (e.state() == OutboxState.DELIVERED
          && e.deliveredAt().orElseThrow().isBefore(deliveredBefore)) {
        it.remove();
        sequenceOf.remove(e.id());
        n++;
      }
    }
    return n;
  }
}
