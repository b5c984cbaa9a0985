package io.github.govdx.benchmarks.store;

import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.client.provider.InMemoryIdempotencyStore;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.store.redis.RedisStores;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The stores the benchmarks compare, by name: {@code memory} and {@code redis} (127.0.0.1:6379). */
final class StoreBenchmarks implements AutoCloseable {

  static final String REDIS_URI = "redis://127.0.0.1:6379";

  private final String name;
  private final String prefix = "gdxbench:" + UUID.randomUUID() + ":";
  private @Nullable RedisStores redis;

  StoreBenchmarks(String name) {
    this.name = name;
    if (name.equals("redis")) {
      redis = RedisStores.builder().uri(REDIS_URI).keyPrefix(prefix).build();
    } else if (!name.equals("memory")) {
      throw new IllegalArgumentException("unknown store " + name);
    }
  }

  ReplayCache replayCache() {
    return redis != null
        ? redis.replayCache()
        : new InMemoryReplayCache(Clock.systemUTC(), 20_000_000);
  }

  IdempotencyStore idempotencyStore() {
    return redis != null
        ? redis.idempotencyStore()
        : new InMemoryIdempotencyStore(Clock.systemUTC());
  }

  @Override
  public void close() {
    if (redis != null) {
      redis.close();
      RedisClient client = RedisClient.create(REDIS_URI);
      try (StatefulRedisConnection<String, String> c = client.connect()) {
        ScanCursor cursor = ScanCursor.INITIAL;
        do {
          KeyScanCursor<String> page =
              c.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(1000));
          if (!page.getKeys().isEmpty()) {
            c.sync().del(page.getKeys().toArray(new String[0]));
          }
          cursor = page;
        } while (!cursor.isFinished());
      } finally {
        client.shutdown();
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
