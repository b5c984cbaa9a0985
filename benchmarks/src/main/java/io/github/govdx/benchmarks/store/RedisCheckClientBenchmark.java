package io.github.govdx.benchmarks.store;

import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.store.redis.RedisStores;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.NettyCustomizer;
import io.netty.channel.Channel;
import io.netty.handler.flush.FlushConsolidationHandler;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
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
 * What one Redis replay check ({@code SET key 1 NX PX ttl}) costs the client, without the cryptography around it,
 * so the client's share can be told from the round trip's:
 *
 * <ul>
 *   <li>{@code govdx}: {@code RedisStores.replayCache().firstSeen} as a provider calls it (key hashing, the
 *       bounded wait, error mapping) on the client govdx creates from a URI;
 *   <li>{@code lettuce}: the bare command on Lettuce's asynchronous API, waited for with {@code get}: what is left
 *       of the govdx call without govdx;
 *   <li>{@code consolidated}: the same with Netty's {@code FlushConsolidationHandler} in the connection's pipeline,
 *       so that commands of concurrent threads leave in one write (a candidate for {@code RedisStores});
 *   <li>{@code socket}: a blocking socket per thread that writes the command and reads the one-line answer: the
 *       floor of a loopback round trip from Java, no event loop, no hand-off between threads.
 * </ul>
 *
 * <p>{@link #check()} runs on one thread (latency), {@link #checkConcurrent()} on four (2 × the reference
 * machine's cores; with Redis on the same machine the two compete for the cores, as in {@link
 * ReplayCheckBenchmark}). {@code java -jar benchmarks/target/benchmarks.jar RedisCheckClientBenchmark -f 1 -wi 2 -i
 * 3 -w 2s -r 3s} (Redis on 127.0.0.1:6379).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisCheckClientBenchmark {

  /** The client under test: govdx, lettuce, consolidated or socket. */
  @Param({"govdx", "lettuce", "consolidated", "socket"})
  public String client;

  private final String prefix = "gdxbench:" + UUID.randomUUID() + ":";
  private final AtomicLong counter = new AtomicLong();
  private final SetArgs args = SetArgs.Builder.nx().px(60_000);
  private final Instant expiresAt = Instant.now().plusSeconds(3600);
  private @Nullable RedisStores stores;
  private @Nullable ReplayCache cache;
  private @Nullable ClientResources resources;
  private @Nullable RedisClient lettuce;
  private @Nullable StatefulRedisConnection<String, String> connection;
  private @Nullable RedisAsyncCommands<String, String> async;

  /** Connects the client under test. */
  @Setup(Level.Trial)
  public void setup() {
    switch (client) {
      case "govdx" -> {
        stores = RedisStores.builder().uri(StoreBenchmarks.REDIS_URI).keyPrefix(prefix).build();
        cache = stores.replayCache();
      }
      case "lettuce", "consolidated" -> {
        ClientResources.Builder b = ClientResources.builder();
        if (client.equals("consolidated")) {
          b.nettyCustomizer(
              new NettyCustomizer() {
                @Override
                public void afterChannelInitialized(Channel channel) {
                  channel.pipeline().addFirst(new FlushConsolidationHandler(256, true));
                }
              });
        }
        resources = b.build();
        lettuce = RedisClient.create(resources, RedisURI.create(StoreBenchmarks.REDIS_URI));
        lettuce.setOptions(
            ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        connection = lettuce.connect(StringCodec.UTF8);
        async = connection.async();
      }
      case "socket" -> {
        // one socket per thread, in Conn
      }
      default -> throw new IllegalArgumentException("unknown client " + client);
    }
  }

  /** Closes the client and removes the run's keys. */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (stores != null) {
      stores.close();
    }
    if (connection != null) {
      connection.close();
    }
    if (lettuce != null) {
      lettuce.shutdown();
    }
    if (resources != null) {
      resources.shutdown();
    }
    RedisClient cleaner = RedisClient.create(StoreBenchmarks.REDIS_URI);
    try (StatefulRedisConnection<String, String> c = cleaner.connect()) {
      ScanArgs match = ScanArgs.Builder.matches(prefix + "*").limit(5000);
      KeyScanCursor<String> page = c.sync().scan(match);
      while (true) {
        if (!page.getKeys().isEmpty()) {
          c.sync().del(page.getKeys().toArray(new String[0]));
        }
        if (page.isFinished()) {
          break;
        }
        page = c.sync().scan(page, match);
      }
    } finally {
      cleaner.shutdown();
    }
  }

  /** A blocking socket of one benchmark thread (used by {@code socket} only). */
  @State(Scope.Thread)
  public static class Conn {
    private @Nullable Socket socket;
    private @Nullable OutputStream out;
    private @Nullable InputStream in;

    /**
     * Opens the thread's socket when the client under test is {@code socket}.
     *
     * @param bench the benchmark state
     * @throws IOException if Redis cannot be reached
     */
    @Setup(Level.Trial)
    public void open(RedisCheckClientBenchmark bench) throws IOException {
      if (bench.client.equals("socket")) {
        socket = new Socket("127.0.0.1", 6379);
        socket.setTcpNoDelay(true);
        out = new BufferedOutputStream(socket.getOutputStream());
        in = new BufferedInputStream(socket.getInputStream());
      }
    }

    /**
     * Closes the thread's socket.
     *
     * @throws IOException if closing fails
     */
    @TearDown(Level.Trial)
    public void close() throws IOException {
      if (socket != null) {
        socket.close();
      }
    }

    boolean set(String key) throws IOException {
      String cmd =
          "*6\r\n$3\r\nSET\r\n$"
              + key.getBytes(StandardCharsets.UTF_8).length
              + "\r\n"
              + key
              + "\r\n$1\r\n1\r\n$2\r\nNX\r\n$2\r\nPX\r\n$5\r\n60000\r\n";
      OutputStream o = java.util.Objects.requireNonNull(out);
      InputStream i = java.util.Objects.requireNonNull(in);
      o.write(cmd.getBytes(StandardCharsets.UTF_8));
      o.flush();
      int first = i.read();
      int b = first;
      while (b != '\n') {
        if (b < 0) {
          throw new EOFException("Redis closed the connection");
        }
        b = i.read();
      }
      return first == '+';
    }
  }

  private boolean once(Conn conn)
      throws IOException, InterruptedException, ExecutionException, TimeoutException {
    long n = counter.incrementAndGet();
    return switch (client) {
      case "govdx" -> java.util.Objects.requireNonNull(cache).firstSeen("id " + n, expiresAt);
      case "lettuce", "consolidated" ->
          "OK"
              .equals(
                  java.util.Objects.requireNonNull(async)
                      .set(prefix + n, "1", args)
                      .get(2, TimeUnit.SECONDS));
      default -> conn.set(prefix + n);
    };
  }

  /**
   * One check on one thread.
   *
   * @param conn the thread's socket (socket only)
   * @return whether the id was new
   * @throws Exception if Redis fails
   */
  @Benchmark
  @Threads(1)
  public boolean check(Conn conn) throws Exception {
    return once(conn);
  }

  /**
   * The same on four threads at once; the score is the checks per second of all threads.
   *
   * @param conn the thread's socket (socket only)
   * @return whether the id was new
   * @throws Exception if Redis fails
   */
  @Benchmark
  @Threads(4)
  public boolean checkConcurrent(Conn conn) throws Exception {
    return once(conn);
  }
}
