package io.github.govdx.benchmarks.store;

import io.github.govdx.benchmarks.GmBenchPki;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.crypto.replay.ReplayCache;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GM 1 KiB {@code open} with its replay check on each store, against the same open with no replay check ({@code
 * none}): the target is that a shared store adds at most 10 % on loopback. Every operation opens the same sealed
 * envelope; the replay cache under test is called with an id made unique per call (the real store call, its
 * atomic insert and its round trip), so the envelope can be opened again.
 *
 * <p>Two methods, because a store round trip costs differently in the two regimes: {@link #open()} runs on one
 * thread (latency-bound: every microsecond the thread waits for the store is lost), {@link #openConcurrent()} on
 * four threads, twice the two cores of the reference machine (throughput-bound: a thread waiting for its store
 * answer releases its core to another thread's cryptography, as a provider serving many requests does). On a
 * machine with another core count, run {@code openConcurrent} alone with {@code -t <2 × cores>}.
 *
 * <p>The warm-up is long on purpose: with a store, the JIT has the store's client (Lettuce and Netty, the JDBC
 * driver and pool, the codec's claim path) to compile as well, and on a 2-core machine it does so on the core the
 * store's work needs; after the 6 s of warm-up used before 2026-12-04 the store runs were still compiling, which
 * measured the JIT rather than the store (docs/performance.md, "Steady state").
 *
 * <p>{@code java -jar benchmarks/target/benchmarks.jar 'store\.ReplayCheckBenchmark\.open$'} (needs PostgreSQL on
 * 127.0.0.1:5432 and Redis on 127.0.0.1:6379; see docs/performance.md for the exact commands).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 5)
@Measurement(iterations = 5, time = 3)
@Fork(3)
public class ReplayCheckBenchmark {

  private static final PartyId A = PartyId.parse("11320500014160478L");
  private static final PartyId B = PartyId.parse("91350100M000100Y43");

  /**
   * The replay cache: none, memory, h2, postgresql or redis. A store name with {@code -late} appended ({@code -p
   * store=postgresql,postgresql-late}) hides the store's early claim, so the codec asks the store after the
   * cryptography, as before early claims: the A/B of the overlap on one store in one run.
   */
  @Param({"none", "memory", "h2", "postgresql", "redis"})
  public String store;

  private final AtomicLong counter = new AtomicLong();
  private StoreBenchmarks stores;
  private EnvelopeCodec receiver;
  private byte[] sealed;

  /** Keys, codecs and one sealed 1 KiB GM envelope. */
  @Setup
  public void setup() {
    GmBenchPki pki = new GmBenchPki();
    PartyCredentials a = pki.party(A);
    PartyCredentials b = pki.party(B);
    TrustStore trust = pki.trustStore();
    ReplayCache underTest;
    if (store.equals("none")) {
      stores = null;
      underTest = (id, exp) -> true;
    } else {
      boolean late = store.endsWith("-late");
      stores = new StoreBenchmarks(late ? store.substring(0, store.length() - 5) : store);
      ReplayCache shared = stores.replayCache();
      // "-late": only firstSeen, so the default claim asks it after the cryptography
      ReplayCache real = late ? shared::firstSeen : shared;
      // a unique id per call: the real store call (an early claim, as the codec makes it,
      // overlapping the
      // cryptography), and the envelope can be opened again
      underTest =
          new ReplayCache() {
            @Override
            public boolean firstSeen(String id, Instant exp) {
              real.firstSeen(id + "#" + counter.incrementAndGet(), exp);
              return true;
            }

            @Override
            public Claim claim(String id, Instant exp) {
              Claim c = real.claim(id + "#" + counter.incrementAndGet(), exp);
              return new Claim() {
                @Override
                public boolean firstSeen() {
                  c.firstSeen();
                  return true;
                }

                @Override
                public void release() {
                  c.release();
                }
              };
            }
          };
    }
    receiver =
        EnvelopeCodec.builder()
            .credentials(b)
            .trustStore(trust)
            .clockSkew(Duration.ofMinutes(30))
            .replayCache(underTest)
            .build();
    byte[] payload = new byte[1024];
    new java.util.Random(1).nextBytes(payload);
    sealed =
        EnvelopeCodec.builder()
            .credentials(a)
            .trustStore(trust)
            .directory(InMemoryPartyDirectory.builder().add(b.certificate()).build())
            .build()
            .seal(
                RoutingHeaders.builder()
                    .messageId(UUID.randomUUID().toString())
                    .sender(A)
                    .receiver(B)
                    .resourceCode("335001001/00012")
                    .action("push")
                    .build(),
                payload)
            .toBytes();
  }

  /** Removes the keys the run wrote. */
  @TearDown
  public void tearDown() {
    if (stores != null) {
      stores.close();
    }
  }

  /**
   * One GM 1 KiB open with every check, the replay check on the store under test; one thread (latency-bound).
   *
   * @return the opened message
   */
  @Benchmark
  @Threads(1)
  public OpenedMessage open() {
    return receiver.open(sealed);
  }

  /**
   * The same open on four threads at once (throughput-bound: 2 × the reference machine's two cores); the score
   * is the opens per second of all threads together.
   *
   * @return the opened message
   */
  @Benchmark
  @Threads(4)
  public OpenedMessage openConcurrent() {
    return receiver.open(sealed);
  }
}
