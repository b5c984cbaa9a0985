package io.github.govdx.benchmarks.store;

import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderRequest;
import io.github.govdx.client.provider.ProviderResponse;
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
 * Provider push throughput with its state (replay cache and idempotency store) in memory or on Redis: {@link
 * ProviderEndpoint#handle} of distinct sealed GM pushes of one small work-order record each (two idempotency claims,
 * open with every check, record validation, the handler, the sealed answer and its receipt, two completions).
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar ProviderPushBenchmark -f 1 -wi 2 -i 5 -w 3s -r 5s}
 * (needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProviderPushBenchmark {

  private static final String RESOURCE = "335003001/00031";
  private static final int POOL = 6000;

  /** Where the provider's state lives: memory or redis. */
  @Param({"memory", "h2", "postgresql", "redis"})
  public String store;

  private ExchangeSandbox sandbox;
  private StoreBenchmarks stores;
  private ProviderEndpoint endpoint;
  private TestParty hotline;
  private EnvelopeCodec sender;
  private final List<byte[]> pushes = new ArrayList<>();
  private final AtomicInteger next = new AtomicInteger();

  /** The sandbox's PKI and catalog, the endpoint on the store under test. */
  @Setup(Level.Trial)
  public void setup() {
    sandbox = ExchangeSandbox.builder().start();
    stores = new StoreBenchmarks(store);
    TestParty city = sandbox.party("citymgmt");
    hotline = sandbox.party("hotline");
    ResourceDetail detail;
    try (ExchangeClient c = sandbox.client("citymgmt")) {
      detail = c.catalog().detail(RESOURCE);
    }
    endpoint =
        ProviderEndpoint.builder()
            .party(city.partyId())
            .credentials(city.credentials())
            .trustStore(sandbox.trustStore())
            .directory(sandbox.directory())
            .replayCache(stores.replayCache())
            .idempotencyStore(stores.idempotencyStore())
            .push(detail, p -> "wo-" + p.messageId())
            .build();
    sender = sandbox.codecFor(hotline);
  }

  /** Seals a fresh pool of distinct pushes before each iteration (not measured). */
  @Setup(Level.Iteration)
  public void seal() {
    pushes.clear();
    next.set(0);
    for (int i = 0; i < POOL; i++) {
      String record =
          "{\"records\":[{\"gdbh\":\"GD2026120"
              + String.format("%07d", i)
              + "\",\"sqlx\":\"投诉\",\"sqnr\":\"路灯不亮\",\"xzqh\":\"320505\","
              + "\"pdsj\":\"2026-12-03T08:20:00Z\",\"blsx\":\"2026-12-06\"}]}";
      pushes.add(
          sender
              .seal(
                  RoutingHeaders.builder()
                      .messageId(UUID.randomUUID().toString())
                      .sender(hotline.partyId())
                      .receiver(sandbox.party("citymgmt").partyId())
                      .resourceCode(RESOURCE)
                      .action("push")
                      .build(),
                  record.getBytes(StandardCharsets.UTF_8))
              .toBytes());
    }
  }

  /** Stops the sandbox and removes the run's keys. */
  @TearDown(Level.Trial)
  public void tearDown() {
    stores.close();
    sandbox.close();
  }

  /**
   * One push handled by the provider endpoint.
   *
   * @return the answer
   */
  @Benchmark
  public ProviderResponse push() {
    int i = next.getAndIncrement();
    if (i >= POOL) {
      throw new IllegalStateException("sealed pool exhausted: raise POOL or shorten the iteration");
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
