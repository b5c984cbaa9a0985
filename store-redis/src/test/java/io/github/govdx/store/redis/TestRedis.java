package io.github.govdx.store.redis;

import static org.assertj.core.api.Assertions.fail;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The shared Redis at 127.0.0.1:6379 for this test run: three connections (standing for three instances), a random
 * key prefix, and at the end of the run every key under that prefix deleted (SCAN + DEL). Register {@link
 * Extension} on a test class, then use {@link #shared()}.
 *
 * <p>When Redis is not reachable the tests fail (never skip) with how to start it; under {@code CI=true} too.
 */
final class TestRedis implements AutoCloseable {

  static final String HOST = "127.0.0.1";
  static final int PORT = 6379;

  private static TestRedis shared;

  private final RedisClient client;
  private final List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
  private final String prefix = "gdx-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
  private final AtomicInteger next = new AtomicInteger();

  private TestRedis() {
    client = RedisClient.create(RedisURI.builder().withHost(HOST).withPort(PORT).build());
    try {
      for (int i = 0; i < 3; i++) {
        StatefulRedisConnection<String, String> c = client.connect(StringCodec.UTF8);
        c.setTimeout(Duration.ofSeconds(5));
        connections.add(c);
      }
      connections.get(0).sync().ping();
    } catch (RuntimeException e) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      throw notReachable(e);
    }
  }

  static synchronized TestRedis shared() {
    if (shared == null) {
      shared = new TestRedis();
    }
    return shared;
  }

  private static AssertionError notReachable(RuntimeException e) {
    String how =
        "Redis is not reachable at "
            + HOST
            + ":"
            + PORT
            + " — start it with `redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save ''"
            + " --appendonly no` (or run .ci/run)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      how += "; it is required when CI=true";
    }
    AssertionError error = new AssertionError(how, e);
    return error;
  }

  /** The random key prefix of this run. */
  String prefix() {
    return prefix;
  }

  /** Connection {@code i} (0 to 2). */
  StatefulRedisConnection<String, String> connection(int i) {
    return connections.get(i);
  }

  /**
   * Stores on the next of the three connections (round robin), as another instance of the department would
   * have them, all on this run's prefix.
   */
  RedisStores stores(Clock clock) {
    return RedisStores.builder()
        .connection(connections.get(Math.floorMod(next.getAndIncrement(), connections.size())))
        .keyPrefix(prefix)
        .clock(clock)
        .build();
  }

  /** The keys under this run's prefix (SCAN, never KEYS). */
  List<String> keys() {
    RedisCommands<String, String> sync = connections.get(0).sync();
    List<String> keys = new ArrayList<>();
    ScanArgs args = ScanArgs.Builder.matches(prefix + "*").limit(500);
    ScanCursor cursor = ScanCursor.INITIAL;
    do {
      KeyScanCursor<String> page = sync.scan(cursor, args);
      keys.addAll(page.getKeys());
      cursor = page;
    } while (!cursor.isFinished());
    return keys;
  }

  @Override
  public void close() {
    try {
      List<String> keys = keys();
      for (int i = 0; i < keys.size(); i += 500) {
        connections
            .get(0)
            .sync()
            .del(keys.subList(i, Math.min(keys.size(), i + 500)).toArray(String[]::new));
      }
      if (!keys().isEmpty()) {
        fail("keys left under " + prefix);
      }
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  /** Opens the shared Redis once per run and closes it (deleting the run's keys) when the run ends. */
  static final class Extension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
      context
          .getRoot()
          .getStore(ExtensionContext.Namespace.create(TestRedis.class))
          .getOrComputeIfAbsent("redis", k -> shared(), TestRedis.class);
    }
  }
}
