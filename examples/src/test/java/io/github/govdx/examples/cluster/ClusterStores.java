package io.github.govdx.examples.cluster;

import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.store.redis.RedisStores;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The shared state of one provider instance in the cluster test: the replay cache and the idempotency store on
 * Redis (govdx-store-redis), shared by every instance, and connections to the department's PostgreSQL for the
 * handler's own data.
 */
final class ClusterStores {

  private final String pgUrl;
  private final String schema;
  private final RedisStores redis;

  private ClusterStores(String pgUrl, String schema, RedisStores redis) {
    this.pgUrl = pgUrl;
    this.schema = schema;
    this.redis = redis;
  }

  static ClusterStores open(String pgUrl, String schema, String redisUri, String prefix) {
    return new ClusterStores(
        pgUrl, schema, RedisStores.builder().uri(redisUri).keyPrefix(prefix).build());
  }

  ReplayCache replayCache() {
    return redis.replayCache();
  }

  IdempotencyStore idempotencyStore() {
    return redis.idempotencyStore();
  }

  String schema() {
    return schema;
  }

  Connection connection() throws SQLException {
    return DriverManager.getConnection(pgUrl, "postgres", "");
  }

  /** Deletes the test's keys (SCAN + DEL on the prefix). */
  static void dropRedisKeys(String redisUri, String prefix) {
    RedisClient client = RedisClient.create(redisUri);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page =
            c.sync().scan(cursor, ScanArgs.Builder.matches(prefix + "*").limit(500));
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
