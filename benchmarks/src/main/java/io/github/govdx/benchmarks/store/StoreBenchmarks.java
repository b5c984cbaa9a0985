package io.github.govdx.benchmarks.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.client.provider.InMemoryIdempotencyStore;
import io.github.govdx.client.provider.InboxTransactions;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.store.jdbc.JdbcStores;
import io.github.govdx.store.redis.RedisStores;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The stores the benchmarks compare, by name: {@code memory}, {@code h2} (embedded, in memory), {@code postgresql}
 * (127.0.0.1:5432, a schema of its own through a HikariCP pool) and {@code redis} (127.0.0.1:6379). A JDBC name
 * with the suffix {@code -inbox} (e.g. {@code postgresql-inbox}) is the same store whose {@link
 * #inboxTransactions()} a provider uses, so each push is one transaction and one commit.
 */
final class StoreBenchmarks implements AutoCloseable {

  static final String REDIS_URI = "redis://127.0.0.1:6379";

  private final String name;
  private final boolean inbox;
  private final String prefix = "gdxbench:" + UUID.randomUUID() + ":";
  private @Nullable RedisStores redis;
  private @Nullable JdbcStores jdbc;
  private @Nullable HikariDataSource pool;
  private @Nullable String schema;

  StoreBenchmarks(String fullName) {
    this.name = fullName;
    this.inbox = fullName.endsWith("-inbox");
    String name = inbox ? fullName.substring(0, fullName.length() - "-inbox".length()) : fullName;
    if (inbox && !name.equals("h2") && !name.equals("postgresql")) {
      throw new IllegalArgumentException("only a JDBC store has inbox transactions: " + fullName);
    }
    if (name.equals("redis")) {
      redis = RedisStores.builder().uri(REDIS_URI).keyPrefix(prefix).build();
    } else if (name.equals("h2") || name.equals("postgresql")) {
      HikariConfig config = new HikariConfig();
      config.setMaximumPoolSize(8);
      if (name.equals("h2")) {
        config.setJdbcUrl("jdbc:h2:mem:gdxbench-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      } else {
        schema = "gdx_bench_" + Long.toHexString(System.nanoTime());
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test");
        config.setUsername("postgres");
        pool = new HikariDataSource(config);
        execute("CREATE SCHEMA " + schema);
        pool.close();
        config = new HikariConfig();
        config.setMaximumPoolSize(8);
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:5432/test?currentSchema=" + schema);
        config.setUsername("postgres");
      }
      pool = new HikariDataSource(config);
      jdbc = JdbcStores.builder().dataSource(pool).build();
      jdbc.createTables();
    } else if (!name.equals("memory")) {
      throw new IllegalArgumentException("unknown store " + name);
    }
  }

  private void execute(String sql) {
    try (Connection c = Objects.requireNonNull(pool).getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + " failed", e);
    }
  }

  ReplayCache replayCache() {
    if (jdbc != null) {
      return jdbc.replayCache();
    }
    return redis != null
        ? redis.replayCache()
        : new InMemoryReplayCache(Clock.systemUTC(), 20_000_000);
  }

  IdempotencyStore idempotencyStore() {
    if (jdbc != null) {
      return jdbc.idempotencyStore();
    }
    return redis != null
        ? redis.idempotencyStore()
        : new InMemoryIdempotencyStore(Clock.systemUTC());
  }

  /** The transactional inbox of an {@code -inbox} store, else null (each store call commits on its own). */
  @Nullable InboxTransactions inboxTransactions() {
    return inbox ? Objects.requireNonNull(jdbc).inboxTransactions() : null;
  }

  @Override
  public void close() {
    if (pool != null) {
      if (schema != null) {
        execute("DROP SCHEMA " + schema + " CASCADE");
      }
      pool.close();
    }
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
