package io.github.govdx.benchmarks.store;

import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.provider.InboxTransactions;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderRequest;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.TestParty;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * Provider push throughput with its state (replay cache and idempotency store) in memory, on H2, on PostgreSQL or
 * on Redis, all four in one run: {@link ProviderEndpoint#handle} of distinct sealed GM pushes of one small
 * work-order record each (two idempotency claims, open with every check, record validation, the handler, the
 * sealed answer and its receipt, two completions). {@link #push()} runs on one thread (latency-bound), {@link
 * #pushConcurrent()} on four (throughput-bound: 2 × the reference machine's two cores; elsewhere run it alone with
 * {@code -t <2 × cores>}).
 *
 * <p>The pushes are sealed before each iteration (not measured): at least {@link #pool} of them, and twice as many
 * as the previous iteration handled, so a faster configuration never runs out.
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar ProviderPushBenchmark -f 1 -wi 1 -i 3 -w 3s -r 5s}
 * (needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379; docs/performance.md has the exact commands).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProviderPushBenchmark {

  private static final String RESOURCE = "335003001/00031";

  /**
   * Where the provider's state lives: memory, h2, postgresql, redis, or postgresql-inbox (PostgreSQL with the
   * transactional inbox: the push's claims, replay check and answers in one transaction, one commit).
   */
  @Param({"memory", "h2", "postgresql", "postgresql-inbox", "redis"})
  public String store;

  /** The fewest sealed pushes ready before an iteration. */
  @Param({"10000"})
  public int pool;

  private ExchangeSandbox sandbox;
  private StoreBenchmarks stores;
  private ProviderEndpoint endpoint;
  private TestParty hotline;
  private PartyId city;
  private EnvelopeCodec sender;
  private final List<byte[]> pushes = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();
  private final AtomicLong serial = new AtomicLong();
  private int target;

  /** The sandbox's PKI and catalog, the endpoint on the store under test. */
  @Setup(Level.Trial)
  public void setup() {
    sandbox = ExchangeSandbox.builder().start();
    stores = new StoreBenchmarks(store);
    TestParty provider = sandbox.party("citymgmt");
    city = provider.partyId();
    hotline = sandbox.party("hotline");
    ResourceDetail detail;
    try (ExchangeClient c = sandbox.client("citymgmt")) {
      detail = c.catalog().detail(RESOURCE);
    }
    ProviderEndpoint.Builder builder =
        ProviderEndpoint.builder()
            .party(provider.partyId())
            .credentials(provider.credentials())
            .trustStore(sandbox.trustStore())
            .directory(sandbox.directory())
            .replayCache(stores.replayCache())
            .idempotencyStore(stores.idempotencyStore())
            .push(detail, p -> "wo-" + p.messageId());
    InboxTransactions inbox = stores.inboxTransactions();
    if (inbox != null) {
      builder.inboxTransactions(inbox);
    }
    endpoint = builder.build();
    sender = sandbox.codecFor(hotline);
  }

  /**
   * Tops the pool of distinct sealed pushes up before each iteration (not measured): the pushes the previous
   * iteration handled are dropped, the others kept, and the pool refilled, in parallel, to at least {@link #pool}
   * and twice what the previous iteration handled.
   */
  @Setup(Level.Iteration)
  public void seal() {
    int used = Math.min(next.get(), pushes.size());
    List<byte[]> left = new ArrayList<>(pushes.subList(used, pushes.size()));
    target = Math.max(Math.max(target, pool), 2 * used);
    pushes.clear();
    pushes.addAll(left);
    pushes.addAll(
        IntStream.range(0, target - left.size()).parallel().mapToObj(i -> sealOne()).toList());
    next.set(0);
  }

  private byte[] sealOne() {
    String record =
        "{\"records\":[{\"gdbh\":\"GD2026"
            + String.format("%09d", serial.incrementAndGet())
            + "\",\"sqlx\":\"投诉\",\"sqnr\":\"路灯不亮\",\"xzqh\":\"320505\","
            + "\"pdsj\":\"2026-12-03T08:20:00Z\",\"blsx\":\"2026-12-06\"}]}";
    return sender
        .seal(
            RoutingHeaders.builder()
                .messageId(UUID.randomUUID().toString())
                .sender(hotline.partyId())
                .receiver(city)
                .resourceCode(RESOURCE)
                .action("push")
                .build(),
            record.getBytes(StandardCharsets.UTF_8))
        .toBytes();
  }

  /** Stops the sandbox and removes the run's keys. */
  @TearDown(Level.Trial)
  public void tearDown() {
    stores.close();
    sandbox.close();
  }

  /**
   * One push handled by the provider endpoint, on one thread (latency-bound).
   *
   * @return the answer
   */
  @Benchmark
  @Threads(1)
  public ProviderResponse push() {
    return handleNext();
  }

  /**
   * The same on four threads at once (throughput-bound); the score is the pushes per second of all threads.
   *
   * @return the answer
   */
  @Benchmark
  @Threads(4)
  public ProviderResponse pushConcurrent() {
    return handleNext();
  }

  private ProviderResponse handleNext() {
    int i = next.getAndIncrement();
    if (i >= pushes.size()) {
      throw new IllegalStateException(
          "sealed pool exhausted: raise -p pool or shorten the iteration");
    }
    ProviderResponse r =
        endpoint.handle(
            ProviderRequest.of(
                "POST",
                "/v1/data/" + RESOURCE + "/batches",
                Map.of(
                    "Content-Type",
                    "application/govdx-envelope+json",
                    "X-Gdx-Party",
                    hotline.partyId().toString(),
                    "Idempotency-Key",
                    "bench-" + UUID.randomUUID()),
                pushes.get(i)));
    if (r.status() != 201) {
      throw new IllegalStateException("push answered " + r.status());
    }
    return r;
  }
}
