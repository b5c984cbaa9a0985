package io.github.govdx.cli.internal;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.jspecify.annotations.Nullable;

/**
 * The one-connection pool behind every {@code --jdbc URL} option: bounded timeouts, the password only from the
 * environment variable {@code GOVDX_JDBC_PASSWORD} (never a command-line argument, which other users can see).
 */
final class JdbcPools {

  private JdbcPools() {}

  /**
   * Opens a pool of one connection; a database that cannot be reached fails the first use, not this call.
   *
   * @param url the JDBC URL
   * @param user the user, or null
   * @return the pool; the caller closes it
   */
  static HikariDataSource open(String url, @Nullable String user) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(url);
    if (user != null) {
      config.setUsername(user);
    }
    String password = System.getenv("GOVDX_JDBC_PASSWORD");
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(1);
    config.setConnectionTimeout(10_000);
    config.setInitializationFailTimeout(-1);
    config.setPoolName("govdx-cli");
    return new HikariDataSource(config);
  }
}
