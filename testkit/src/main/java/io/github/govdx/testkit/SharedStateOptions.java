package io.github.govdx.testkit;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.govdx.store.redis.RedisStores;
import java.util.List;

/**
 * The standalone sandbox's {@code --state}/{@code --redis}: a connection pool and Redis stores, in a class of its
 * own so that the plain sandbox never loads HikariCP or Lettuce.
 */
final class SharedStateOptions {

  private SharedStateOptions() {}

  static SandboxState open(
      String jdbcUrl,
      String prefix,
      @org.jspecify.annotations.Nullable String redisUri,
      List<AutoCloseable> opened) {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")
        && !jdbcUrl.startsWith("jdbc:mariadb:")
        && !jdbcUrl.startsWith("jdbc:mysql:")
        && !jdbcUrl.startsWith("jdbc:h2:")) {
      throw new IllegalArgumentException(
          "expected jdbc:postgresql://…, jdbc:mariadb://… or jdbc:h2:file:…");
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    config.setMaximumPoolSize(16);
    config.setConnectionTimeout(5_000);
    config.setPoolName("govdx-sandbox-state");
    HikariDataSource pool = new HikariDataSource(config);
    opened.add(pool);
    SandboxState.Builder b = SandboxState.builder().dataSource(pool).tablePrefix(prefix);
    if (redisUri != null) {
      RedisStores redis = RedisStores.builder().uri(redisUri).keyPrefix(prefix + ":").build();
      opened.add(redis);
      b.redis(redis);
    }
    return b.build();
  }

  /** The URL without a password parameter or user info, for the start-up banner. */
  static String redact(String jdbcUrl) {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@]*@", "//***@");
  }
}
