package io.github.govdx.client.outbox;

import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.internal.ClientAccess;
import io.github.govdx.client.internal.DataImpl;
import io.github.govdx.client.internal.SealedMessage;
import io.github.govdx.core.GovdxException;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.crypto.evidence.Receipt;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable outbox for pushes (发件箱; {@code docs/delivery.md}). {@link #submit} validates the records
 * against the resource schema, seals the push to its receiver and a copy to ourselves, writes both to the
 * {@link OutboxStore} and returns the entry id at once; a dispatcher ({@link #start()}) delivers each entry with
 * exponential backoff until the receiver's verified signed receipt comes back, stores the receipt, appends it to
 * the evidence log and tells the listener. A permanent refusal (a non-retryable {@code GDX-} code) moves the
 * entry to {@link OutboxState#DEAD} with its error.
 *
 * <p>Exactly once: every attempt carries the same {@code Idempotency-Key} and message id, so the receiver stores
 * the push once and answers a repeat with its stored receipt. An envelope older than {@link
 * Builder#resealAfter(Duration)} is sealed again from the copy with a fresh issued-at and the same message id, so
 * a receiver that was down longer than its freshness window still accepts it, once. An entry not delivered within
 * {@link Builder#maxAge(Duration)} (at most 23 hours, inside the receiver's 24-hour idempotency retention) goes
 * dead with {@code GDX-3419} rather than risk a second delivery.
 *
 * <p>Several instances share one store: entries are claimed under a lease, and an instance that dies leaves its
 * entries to be taken over when their leases run out. With {@link Builder#ordered(boolean)} entries to the same
 * (receiver, resource) are delivered one after another in submit order.
 *
 * <pre>{@code
 * try (Outbox outbox = Outbox.builder().client(client).store(JdbcStores.builder()
 *         .dataSource(ds).build().outboxStore()).build()) {
 *   outbox.start();
 *   String id = outbox.submit(PushRequest.builder().resourceCode("335001001/00012").record(rec).build());
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops the dispatcher and waits for deliveries in progress; it does not close
 * the client or the store.
 */
public final class Outbox implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
  private static final Duration MAX_AGE_LIMIT = Duration.ofHours(23);
  private static final int MESSAGE_LIMIT = 500;
  private static final int RECORD_BATCH = 256;

  private final DataImpl data;
  private final OutboxStore store;
  private final String owner;
  private final Duration lease;
  private final Duration pollInterval;
  private final int batchSize;
  private final int workers;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxAge;
  private final Duration resealAfter;
  private final boolean ordered;
  private final List<OutboxListener> listeners;
  private final @Nullable EvidenceLog evidence;
  private final Clock clock;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition wake = lock.newCondition();
  private final AtomicInteger wakeCount = new AtomicInteger();

  /** Entries claimed by this instance and not yet taken by a worker. */
  private final LinkedBlockingQueue<OutboxEntry> ready = new LinkedBlockingQueue<>();

  /** Entries claimed by this instance whose attempt has not finished. */
  private final AtomicInteger local = new AtomicInteger();

  /** Receipts waiting to be recorded. */
  private final LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();

  private volatile boolean running;
  private volatile boolean recording;
  private @Nullable Thread poller;
  private @Nullable Thread recorder;
  private @Nullable ExecutorService pool;

  private Outbox(Builder b) {
    ExchangeClient client = Objects.requireNonNull(b.client, "Outbox: missing client");
    this.data = ClientAccess.data(client);
    if (!data.sealing()) {
      throw new IllegalArgumentException(
          "Outbox: the client must seal (sealing(false) would leave plaintext at rest)");
    }
    this.store = Objects.requireNonNull(b.store, "Outbox: missing store");
    this.owner = b.instanceId + "/" + UUID.randomUUID();
    this.lease = b.lease;
    this.pollInterval = b.pollInterval;
    this.batchSize = b.batchSize;
    this.workers = b.workers;
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.maxAge = b.maxAge;
    this.resealAfter = b.resealAfter;
    this.ordered = b.ordered;
    this.listeners = List.copyOf(b.listeners);
    this.evidence = b.evidence;
    this.clock = b.clock != null ? b.clock : data.clock();
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- submit

  /**
   * Validates and seals a push and builds its outbox entry, without storing it: for an application that writes
   * the entry itself in its own transaction (for example {@code JdbcStores.addOutboxEntry(Connection, OutboxEntry)}
   * of govdx-store-jdbc, so that the business change and its outbound push commit together).
   *
   * @param request the push
   * @return the entry, {@code PENDING}, due now
   * @throws io.github.govdx.client.ExchangeValidationException {@code GDX-3410} if a record fails the schema
   *     (nothing is stored)
   * @throws io.github.govdx.client.ExchangeException if the resource detail or the receiver's certificate
   *     cannot be fetched
   */
  public OutboxEntry prepare(PushRequest request) {
    Objects.requireNonNull(request, "request == null");
    DataImpl.OutboundPush p = data.preparePush(request);
    SealedMessage sealed = p.sealed();
    Instant now = clock.instant();
    String receiverAndResource =
        sealed.routing().receiver() + " " + sealed.routing().resourceCode();
    return OutboxEntry.builder()
        .id(UUID.randomUUID().toString())
        .receiver(sealed.routing().receiver())
        .resourceCode(sealed.routing().resourceCode())
        .idempotencyKey(p.idempotencyKey())
        .messageId(sealed.routing().messageId())
        .recordCount(p.recordCount())
        .envelope(sealed.bytes())
        .addSentDigests(sealed.digest().hex())
        .ownCopy(p.ownCopy())
        .orderKey(ordered ? receiverAndResource : null)
        .state(OutboxState.PENDING)
        .createdAt(now)
        .nextAttemptAt(now)
        .build();
  }

  /**
   * Validates and seals a push, stores it and returns at once; the dispatcher delivers it.
   *
   * @param request the push
   * @return the entry id
   * @throws io.github.govdx.client.ExchangeValidationException {@code GDX-3410} if a record fails the schema
   *     (nothing is stored)
   * @throws StateStoreException {@code GDX-1601} if the store cannot answer (nothing is stored)
   */
  public String submit(PushRequest request) {
    OutboxEntry e = prepare(request);
    store.add(e);
    if (evidence != null) {
      evidence.recordSealed(Envelope.parse(e.envelope()));
    }
    signal();
    return e.id();
  }

  // ---------------------------------------------------------------- operations

  /**
   * Reads an entry.
   *
   * @param id the entry id
   * @return the entry, or empty (unknown or purged)
   */
  public Optional<OutboxEntry> get(String id) {
    return store.find(Objects.requireNonNull(id, "id == null"));
  }

  /**
   * Counts entries per state and finds the oldest undelivered one (the backlog and its age).
   *
   * @return the figures
   */
  public OutboxStats stats() {
    return store.stats();
  }

  /**
   * Lists the entries in a state, in submit order.
   *
   * @param state the state
   * @param afterSequence the last sequence of the previous page, {@code 0} for the first
   * @param limit the page size (1 to 1000)
   * @return the page
   */
  public List<OutboxEntry> list(OutboxState state, long afterSequence, int limit) {
    return store.list(Objects.requireNonNull(state, "state == null"), afterSequence, limit);
  }

  /**
   * Lists the entries in a state that were submitted longer ago than an age (the part of the backlog to look at),
   * in submit order.
   *
   * @param state the state
   * @param age how long ago at least
   * @param afterSequence the last sequence of the previous page, {@code 0} for the first
   * @param limit the page size (1 to 1000)
   * @return the page
   */
  public List<OutboxEntry> listOlderThan(
      OutboxState state, Duration age, long afterSequence, int limit) {
    Objects.requireNonNull(state, "state == null");
    Instant before = clock.instant().minus(Objects.requireNonNull(age, "age == null"));
    return store.list(state, before, afterSequence, limit);
  }

  /**
   * Moves a dead entry back to pending, due now (after the cause was fixed: a missing access approval, a
   * receiver certificate, ...). If it is older than the maximum age it goes dead again.
   *
   * @param id the entry id
   * @return {@code false} if the entry is unknown or not dead
   */
  public boolean retry(String id) {
    boolean moved = store.retry(Objects.requireNonNull(id, "id == null"), clock.instant());
    if (moved) {
      signal();
    }
    return moved;
  }

  /**
   * Deletes delivered entries older than a retention, in batches of 500.
   *
   * @param retention how long to keep delivered entries (their receipts are also in the evidence log)
   * @return how many were deleted
   */
  public int purgeDelivered(Duration retention) {
    Instant before = clock.instant().minus(Objects.requireNonNull(retention, "retention == null"));
    int total = 0;
    int n;
    do {
      n = store.purgeDelivered(before, 500);
      total += n;
    } while (n == 500);
    return total;
  }

  // ---------------------------------------------------------------- dispatch

  /**
   * Starts the dispatcher (daemon threads named {@code govdx-outbox-…}); idempotent. A poller claims due entries a
   * batch ahead of the workers (each claim one transaction), the workers deliver them, and one recorder writes the
   * receipts they get back in batches, so that the store's round trips and commits never hold a delivery slot.
   */
  public synchronized void start() {
    if (running) {
      return;
    }
    running = true;
    recording = true;
    AtomicInteger n = new AtomicInteger();
    ExecutorService p =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "govdx-outbox-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    for (int i = 0; i < workers; i++) {
      p.execute(this::workLoop);
    }
    pool = p;
    recorder = daemon(this::recordLoop, "govdx-outbox-recorder");
    poller = daemon(this::pollLoop, "govdx-outbox-poller");
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Claims the entries due now and delivers them on the calling thread, without the dispatcher: for a command
   * line tool, a scheduled job or a test.
   *
   * @return how many entries were attempted
   */
  public int dispatchNow() {
    int total = 0;
    List<OutboxEntry> claimed;
    do {
      Instant now = clock.instant();
      claimed = store.claim(owner, now, now.plus(lease), batchSize);
      for (OutboxEntry e : claimed) {
        Done d = deliver(e);
        if (d != null) {
          record(List.of(d));
        }
      }
      total += claimed.size();
    } while (claimed.size() == batchSize);
    return total;
  }

  private void signal() {
    wakeCount.incrementAndGet();
    lock.lock();
    try {
      wake.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void pollLoop() {
    int capacity = workers + batchSize;
    while (running) {
      int seen = wakeCount.get();
      int room = capacity - local.get();
      int claimedCount = 0;
      // claim a batch at a time: when the workers are about to run dry, or when a batch fits
      if (room > 0 && (ready.size() < workers || room >= batchSize)) {
        try {
          Instant now = clock.instant();
          List<OutboxEntry> claimed =
              store.claim(owner, now, now.plus(lease), Math.min(room, batchSize));
          claimedCount = claimed.size();
          local.addAndGet(claimedCount);
          ready.addAll(claimed);
        } catch (StateStoreException e) {
          LOG.warn("outbox store unavailable ({}); will try again", e.code());
        } catch (RuntimeException e) {
          LOG.error("outbox poller failed; will try again", e);
        }
      }
      if (claimedCount == 0 || local.get() >= capacity) {
        await(seen);
      }
    }
  }

  /** A worker: delivers claimed entries until the dispatcher stops and none is left. */
  private void workLoop() {
    drain(
        ready,
        () -> running,
        e -> {
          try {
            Done d = deliver(e);
            if (d != null) {
              done.add(d);
            }
          } catch (RuntimeException ex) {
            LOG.error(
                "outbox entry {} attempt failed unexpectedly; it waits for its lease", e.id(), ex);
          } finally {
            local.decrementAndGet();
            signal();
          }
        });
  }

  /** The recorder: writes the workers' receipts in batches, then tells the evidence log and the listeners. */
  private void recordLoop() {
    List<Done> batch = new ArrayList<>();
    drain(
        done,
        () -> recording,
        d -> {
          batch.add(d);
          done.drainTo(batch, RECORD_BATCH - 1);
          record(batch);
          batch.clear();
        });
  }

  /** Takes items from a queue until it is empty and {@code more} says no more will come (or the thread is interrupted). */
  private <T> void drain(
      LinkedBlockingQueue<T> queue,
      java.util.function.BooleanSupplier more,
      java.util.function.Consumer<T> each) {
    while (true) {
      T item;
      try {
        item = queue.poll(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        return;
      }
      if (item != null) {
        each.accept(item);
      } else if (!more.getAsBoolean()) {
        return;
      }
    }
  }

  private void await(int seen) {
    lock.lock();
    try {
      if (running && wakeCount.get() == seen) {
        wake.await(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    } finally {
      lock.unlock();
    }
  }

  /**
   * One attempt at one claimed entry; every outcome but a receipt is recorded in the store here, a receipt is
   * returned for {@link #record(List)}.
   */
  private @Nullable Done deliver(OutboxEntry e) {
    Instant now = clock.instant();
    if (!e.createdAt().plus(maxAge).isAfter(now)) {
      giveUp(
          e,
          ClientErrorCode.OUTBOX_EXPIRED.code(),
          "not delivered within " + maxAge + " of its submission; given up");
      return null;
    }
    SealedMessage message;
    boolean stale;
    try {
      SealedMessage stored = data.sealedMessage(e.envelope());
      stale = Duration.between(stored.routing().issuedAt(), now).compareTo(resealAfter) > 0;
      message = stale ? data.resealPush(e.receiver(), e.ownCopy()) : stored;
      if (!message.routing().messageId().equals(e.messageId())) {
        throw new IllegalArgumentException("the sealed push is not the entry's message");
      }
    } catch (GovdxException | IllegalArgumentException ex) {
      giveUp(
          e,
          ClientErrorCode.OUTBOX_COPY_UNUSABLE.code(),
          "the stored push no longer opens or seals: " + ex.getMessage());
      return null;
    }
    List<String> digests = new ArrayList<>(e.sentDigests());
    if (stale) {
      // recorded before it is sent, so that its receipt is recognised even after a crash
      String digest = message.digest().hex();
      try {
        if (!store.resealed(e.id(), owner, message.bytes(), digest)) {
          LOG.info("outbox entry {} was taken over by another instance", e.id());
          return null;
        }
      } catch (StateStoreException se) {
        LOG.warn("outbox store unavailable ({}); entry {} waits for its lease", se.code(), e.id());
        return null;
      }
      digests.add(digest);
    }
    PushResult result;
    try {
      result = data.deliverPush(message, e.idempotencyKey(), digests);
    } catch (ExchangeException ex) {
      if (ex.retryable()) {
        Instant next = clock.instant().plus(backoff(e.attempts()));
        try {
          if (!store.reschedule(e.id(), owner, next, ex.code(), limit(ex.getMessage()))) {
            LOG.info("outbox entry {} was taken over by another instance", e.id());
          }
        } catch (StateStoreException se) {
          LOG.warn(
              "outbox store unavailable ({}); entry {} waits for its lease", se.code(), e.id());
        }
        LOG.debug("outbox entry {} attempt failed ({}); next at {}", e.id(), ex.code(), next);
      } else {
        giveUp(e, ex.code(), limit(ex.getMessage()));
      }
      return null;
    } catch (RuntimeException ex) {
      LOG.error("outbox entry {} attempt failed unexpectedly; it waits for its lease", e.id(), ex);
      return null;
    }
    return new Done(e, message, result, clock.instant());
  }

  /** An attempt that came back with a verified receipt, to be recorded. */
  private record Done(OutboxEntry entry, SealedMessage message, PushResult result, Instant at) {
    Receipt receipt() {
      return result.receipt().orElseThrow();
    }
  }

  /** Records receipts in the store (one transaction), then the evidence log and the listeners. */
  private void record(List<Done> batch) {
    List<OutboxStore.Receipted> receipts = new ArrayList<>(batch.size());
    for (Done d : batch) {
      receipts.add(
          new OutboxStore.Receipted(
              d.entry().id(), d.at(), new String(d.receipt().toBytes(), StandardCharsets.UTF_8)));
    }
    try {
      store.deliveredAll(receipts);
    } catch (StateStoreException se) {
      // delivered but not recorded: the leases run out, the next attempts get the stored receipts
      // again
      LOG.warn(
          "outbox store unavailable ({}); {} delivered entries will be confirmed again",
          se.code(),
          batch.size());
      return;
    }
    for (Done d : batch) {
      if (evidence != null) {
        try {
          evidence.recordReceipted(Envelope.parse(d.message().bytes()), d.receipt());
        } catch (GovdxException ge) {
          LOG.error(
              "evidence log append failed ({}) for outbox entry {}", ge.code(), d.entry().id());
        }
      }
      for (OutboxListener l : listeners) {
        try {
          l.delivered(d.entry(), d.result());
        } catch (RuntimeException le) {
          LOG.warn("outbox listener failed", le);
        }
      }
    }
  }

  private void giveUp(OutboxEntry e, String code, String message) {
    try {
      if (!store.dead(e.id(), owner, clock.instant(), code, message)) {
        return;
      }
    } catch (StateStoreException se) {
      LOG.warn("outbox store unavailable ({}); entry {} waits for its lease", se.code(), e.id());
      return;
    }
    LOG.warn("outbox entry {} to {} is dead: {}", e.id(), e.receiver(), code);
    for (OutboxListener l : listeners) {
      try {
        l.dead(e, code, message);
      } catch (RuntimeException le) {
        LOG.warn("outbox listener failed", le);
      }
    }
  }

  private Duration backoff(int attempts) {
    long base = initialBackoff.toMillis() << Math.min(attempts, 20);
    long capped = Math.min(base, maxBackoff.toMillis());
    double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
    return Duration.ofMillis(Math.max(1, (long) (capped * jitter)));
  }

  private static String limit(@Nullable String message) {
    String m = message == null ? "" : message;
    return m.length() <= MESSAGE_LIMIT ? m : m.substring(0, MESSAGE_LIMIT);
  }

  /**
   * Stops the dispatcher: no new claims; the workers deliver what this instance already claimed, waiting up to the
   * lease (an entry still in flight after that is taken over when its lease runs out), and the receipts that came
   * back are recorded; idempotent.
   */
  @Override
  public void close() {
    Thread t;
    Thread r;
    ExecutorService p;
    synchronized (this) {
      running = false;
      t = poller;
      r = recorder;
      p = pool;
      poller = null;
      recorder = null;
      pool = null;
    }
    signal();
    try {
      if (t != null) {
        t.join(pollInterval.toMillis() + 5_000);
      }
      if (p != null) {
        // the workers finish what this instance claimed, then stop
        p.shutdown();
        p.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS);
      }
      recording = false;
      if (r != null) {
        r.join(pollInterval.toMillis() + 30_000);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Outbox{owner=" + owner + ", ordered=" + ordered + "}";
  }

  /** Builds an {@link Outbox}. Not thread-safe. */
  public static final class Builder {

    private @Nullable ExchangeClient client;
    private @Nullable OutboxStore store;
    private String instanceId = ManagementFactory.getRuntimeMXBean().getName();
    private Duration lease = Duration.ofMinutes(2);
    private Duration pollInterval = Duration.ofSeconds(1);
    private int batchSize = 16;
    private int workers = 4;
    private Duration initialBackoff = Duration.ofSeconds(1);
    private Duration maxBackoff = Duration.ofMinutes(5);
    private Duration maxAge = Duration.ofHours(20);
    private Duration resealAfter = Duration.ofMinutes(1);
    private boolean ordered;
    private final List<OutboxListener> listeners = new ArrayList<>();
    private @Nullable EvidenceLog evidence;
    private @Nullable Clock clock;

    Builder() {}

    /**
     * The client that seals and delivers (required; sealing must be on).
     *
     * @param value the client
     * @return this builder
     */
    public Builder client(ExchangeClient value) {
      this.client = Objects.requireNonNull(value, "client == null");
      return this;
    }

    /**
     * Where the entries live (required): {@code JdbcStores…outboxStore()} of govdx-store-jdbc in production;
     * {@link InMemoryOutboxStore} only for tests.
     *
     * @param value the store
     * @return this builder
     */
    public Builder store(OutboxStore value) {
      this.store = Objects.requireNonNull(value, "store == null");
      return this;
    }

    /**
     * A name for this instance in lease owners (default: the JVM's {@code pid@host}); a random suffix makes
     * every running outbox distinct.
     *
     * @param value the name
     * @return this builder
     */
    public Builder instanceId(String value) {
      this.instanceId = Objects.requireNonNull(value, "instanceId == null");
      return this;
    }

    /**
     * How long a claimed entry is held before another instance may take it over (default 2 minutes); longer
     * than the client's whole call with its retries.
     *
     * @param value the lease
     * @return this builder
     */
    public Builder lease(Duration value) {
      this.lease = positive(value, "lease");
      return this;
    }

    /**
     * How often the dispatcher looks for due entries when it was not woken by a submit (default 1 second).
     *
     * @param value the interval
     * @return this builder
     */
    public Builder pollInterval(Duration value) {
      this.pollInterval = positive(value, "pollInterval");
      return this;
    }

    /**
     * The most entries claimed at once (default 16).
     *
     * @param value 1 to 1000
     * @return this builder
     */
    public Builder batchSize(int value) {
      if (value < 1 || value > 1000) {
        throw new IllegalArgumentException("batchSize must be 1 to 1000");
      }
      this.batchSize = value;
      return this;
    }

    /**
     * How many deliveries run at once on this instance (default 4).
     *
     * @param value 1 to 256
     * @return this builder
     */
    public Builder workers(int value) {
      if (value < 1 || value > 256) {
        throw new IllegalArgumentException("workers must be 1 to 256");
      }
      this.workers = value;
      return this;
    }

    /**
     * The backoff after a retryable failure: {@code initial × 2^attempts}, at most {@code max}, ±20% jitter
     * (default 1 second to 5 minutes).
     *
     * @param initial the first delay
     * @param max the longest delay
     * @return this builder
     */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = positive(initial, "initial");
      this.maxBackoff = positive(max, "max");
      if (max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("max backoff < initial backoff");
      }
      return this;
    }

    /**
     * How long an entry may wait for delivery before it goes dead with {@code GDX-3419} (default 20 hours, at
     * most 23 hours: the receiver keeps a push's idempotency record for 24 hours, and only inside that window is
     * a late delivery still exactly once).
     *
     * @param value the maximum age
     * @return this builder
     */
    public Builder maxAge(Duration value) {
      positive(value, "maxAge");
      if (value.compareTo(MAX_AGE_LIMIT) > 0) {
        throw new IllegalArgumentException(
            "maxAge must be at most 23 hours (the receiver's idempotency retention is 24 hours)");
      }
      this.maxAge = value;
      return this;
    }

    /**
     * How old the stored envelope may be before an attempt seals it again with a fresh issued-at (default 1
     * minute; keep it well inside the receivers' clock-skew window, 5 minutes by default).
     *
     * @param value the age
     * @return this builder
     */
    public Builder resealAfter(Duration value) {
      this.resealAfter = positive(value, "resealAfter");
      return this;
    }

    /**
     * Whether entries to the same (receiver, resource) are delivered one after another in submit order
     * (default {@code false}: in parallel). A dead entry does not hold up the ones after it.
     *
     * @param value {@code true} to keep order
     * @return this builder
     */
    public Builder ordered(boolean value) {
      this.ordered = value;
      return this;
    }

    /**
     * Adds a listener for delivered and dead entries.
     *
     * @param value the listener
     * @return this builder
     */
    public Builder listener(OutboxListener value) {
      this.listeners.add(Objects.requireNonNull(value, "listener == null"));
      return this;
    }

    /**
     * An evidence log to append each submitted envelope ({@code SEALED}) and each receipt ({@code RECEIPTED})
     * to (default none). Shared by instances with the JDBC evidence store.
     *
     * @param value the log
     * @return this builder
     */
    public Builder evidenceLog(EvidenceLog value) {
      this.evidence = Objects.requireNonNull(value, "evidenceLog == null");
      return this;
    }

    /**
     * The clock of ages, backoff and leases (default: the client's clock).
     *
     * @param value the clock
     * @return this builder
     */
    public Builder clock(Clock value) {
      this.clock = Objects.requireNonNull(value, "clock == null");
      return this;
    }

    private static Duration positive(Duration value, String name) {
      Objects.requireNonNull(value, name + " == null");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException(name + " must be positive");
      }
      return value;
    }

    /**
     * Builds the outbox (not yet dispatching: call {@link Outbox#start()}).
     *
     * @return the outbox
     * @throws NullPointerException if the client or store is missing
     * @throws IllegalArgumentException if the client does not seal
     */
    public Outbox build() {
      return new Outbox(this);
    }
  }
}
