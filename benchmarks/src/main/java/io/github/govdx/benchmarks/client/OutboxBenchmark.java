package io.github.govdx.benchmarks.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxListener;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.client.outbox.OutboxStats;
import io.github.govdx.client.outbox.OutboxStore;
import io.github.govdx.store.jdbc.JdbcStores;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Issue 12's throughput target: {@code pushes} GM pushes of about 1 KiB each, sealed, sent to the standalone
 * sandbox in a child JVM (which keeps every pushed batch; here that is not the sender's heap) over loopback HTTP and
 * receipted, either directly ({@code data().push} from as many threads as the outbox
 * has workers) or through the durable outbox on PostgreSQL (submit all, then wait until every entry is delivered
 * with its verified receipt, as the outbox's listener reports). One op = the whole batch; the ratio of the two
 * times is the figure. The delivered entries are purged after each op, outside the measured time.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar OutboxBenchmark -f 1 -wi 1 -i 2 -jvmArgs -Xmx128m} (needs
 * PostgreSQL on 127.0.0.1:5432). In the outbox mode each op prints the heap after a full collection at the largest
 * backlog (right after the last submit) and at the end: the entries wait in the table, not in memory.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
public class OutboxBenchmark {

  private static final String RESOURCE = "335002001/00003";
  private static final String PG_URL = "jdbc:postgresql://127.0.0.1:5432/test";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int WORKERS = 4;

  /** How pushes go out: {@code direct} or {@code outbox}. */
  @Param({"direct", "outbox"})
  public String mode;

  /** Pushes per op. */
  @Param({"10000"})
  public int pushes;

  private SandboxProcess sandbox;
  private ExchangeClient client;
  private HikariDataSource pool;
  private JdbcStores stores;
  private String schema;
  private final AtomicInteger seq = new AtomicInteger();

  /** The sandbox, the hotline's client and (for the outbox) its table on PostgreSQL. */
  @Setup(Level.Trial)
  public void setup() throws Exception {
    sandbox = SandboxProcess.start("3g");
    client = sandbox.client("hotline");
    schema = "gdx_bench_" + Long.toHexString(System.nanoTime());
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(PG_URL + "?currentSchema=" + schema);
    config.setUsername("postgres");
    config.setMaximumPoolSize(8);
    pool = new HikariDataSource(config);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
    stores = JdbcStores.builder().dataSource(pool).build();
    stores.createTables();
  }

  /** Drops the schema and stops the sandbox. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA " + schema + " CASCADE");
    }
    pool.close();
    client.close();
    sandbox.close();
  }

  /** Three demand records of about 340 bytes each: about 1 KiB of payload. */
  private PushRequest push() {
    int n = seq.incrementAndGet();
    PushRequest.Builder b =
        PushRequest.builder().resourceCode(RESOURCE).idempotencyKey("bench-" + UUID.randomUUID());
    for (int i = 0; i < 3; i++) {
      ObjectNode r = JSON.createObjectNode();
      r.put("gdbh", String.format("GD2026120%d%06d", i, n % 1_000_000));
      r.put("sqqd", "电话");
      r.put("sqlx", "投诉");
      r.put(
          "sqnr", "小区路灯不亮，夜间出行不便，已多次反映仍未修复，请尽快安排人员现场查看并维修，" + "同时建议对周边道路照明设施进行一次全面排查，确保居民夜间出行安全。");
      r.put("xzqh", "320505");
      r.put("slsj", "2026-12-04T08:12:00Z");
      b.addRecord(r);
    }
    return b.build();
  }

  /**
   * Sends the batch (application threads submitting or pushing) and waits for every receipt.
   *
   * @return the number of pushes delivered
   * @throws Exception if a push fails
   */
  @Benchmark
  public long batch() throws Exception {
    if (mode.equals("direct")) {
      inParallel(() -> client.data().push(push()));
      return pushes;
    }
    CountDownLatch delivered = new CountDownLatch(pushes);
    AtomicInteger dead = new AtomicInteger();
    try (Outbox outbox =
        Outbox.builder()
            .client(client)
            .store(stores.outboxStore())
            .workers(WORKERS)
            .batchSize(32)
            .pollInterval(Duration.ofMillis(20))
            .listener(
                new OutboxListener() {
                  @Override
                  public void delivered(OutboxEntry entry, PushResult result) {
                    delivered.countDown();
                  }

                  @Override
                  public void dead(OutboxEntry entry, String code, String message) {
                    dead.incrementAndGet();
                  }
                })
            .build()) {
      outbox.start();
      inParallel(() -> outbox.submit(push()));
      OutboxStats stats = outbox.stats();
      long backlog = stats.count(OutboxState.PENDING) + stats.count(OutboxState.IN_FLIGHT);
      long heapAtBacklog = heapAfterGc();
      // the listener hears of each receipt once it is stored (and of any entry given up): the
      // table is not polled while it drains
      while (!delivered.await(100, TimeUnit.MILLISECONDS)) {
        if (dead.get() > 0) {
          throw new IllegalStateException("dead entries in the benchmark");
        }
      }
      System.out.printf(
          "%nheap after full GC: %d MiB with %d entries waiting in the outbox, %d MiB with none%n",
          heapAtBacklog >> 20, backlog, heapAfterGc() >> 20);
    }
    return pushes;
  }

  /** Deletes the delivered entries after each op, outside the measured time (retention is housekeeping). */
  @TearDown(Level.Invocation)
  public void purge() {
    if (mode.equals("outbox")) {
      OutboxStore store = stores.outboxStore();
      while (store.purgeDelivered(Instant.now(), 500) == 500) {
        // next batch
      }
    }
  }

  /** The heap in use after a full collection: what the process keeps, not its garbage. */
  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Runs {@code pushes} calls of {@code one} on {@link #WORKERS} application threads. */
  private void inParallel(Runnable one) throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<?>> done = new ArrayList<>();
      AtomicInteger left = new AtomicInteger(pushes);
      for (int t = 0; t < WORKERS; t++) {
        done.add(
            threads.submit(
                () -> {
                  while (left.getAndDecrement() > 0) {
                    one.run();
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      threads.shutdown();
    }
  }
}
