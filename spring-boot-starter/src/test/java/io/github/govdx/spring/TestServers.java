package io.github.govdx.spring;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The real servers some tests need: PostgreSQL 127.0.0.1:5432 (db {@code test}, trust) and Redis 127.0.0.1:6379.
 * Absent, a test is skipped on a developer machine and fails under {@code CI=true} (.ci/run starts them).
 */
final class TestServers {

  static final String POSTGRES =
      "jdbc:postgresql://127.0.0.1:5432/test?user=postgres&connectTimeout=5";
  static final String REDIS = "redis://127.0.0.1:6379";
  static final String RUN = "gdx_spring_" + UUID.randomUUID().toString().substring(0, 8);

  private TestServers() {}

  static void postgres(String sql) {
    try (Connection c = DriverManager.getConnection(POSTGRES);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      absent("PostgreSQL at " + POSTGRES, e);
    }
  }

  static void redis() {
    RedisClient client = RedisClient.create(REDIS);
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      c.sync().ping();
    } catch (RuntimeException e) {
      absent("Redis at " + REDIS, e);
    } finally {
      client.shutdown();
    }
  }

  private static void absent(String what, Exception e) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      throw new AssertionError(what + " is not reachable; it is required when CI=true", e);
    }
    Assumptions.abort(what + " is not reachable: " + e);
  }
}
