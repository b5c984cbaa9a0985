package io.github.govdx.testkit;

import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.crypto.evidence.EvidenceStore;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.store.jdbc.JdbcStores;
import io.github.govdx.store.redis.RedisStores;
import io.github.govdx.testkit.internal.StateTables;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * Where several sandbox processes keep the state that makes them one clustered platform
 * ({@code govdx-sandbox.jar --state JDBC-URL [--redis URI]}, docs/sandbox.md "Several instances"): a relational
 * database (PostgreSQL, MariaDB/MySQL or an H2 file) and, optionally, Redis.
 *
 * <p>In the database: the test CA, the parties' credentials and gateway secrets and the page-token key (made by the
 * first instance to start, read by the others), the pushed batches of the built-in providers, the grants of
 * approved applications (so a conditional query is allowed at any instance), and the evidence
 * chain {@code sandbox} of every envelope they opened and sealed ({@code govdx-store-jdbc}); without Redis also the
 * gateway nonce cache, the envelope replay cache and both idempotency stores (platform and provider). With Redis
 * those four go to Redis ({@code govdx-store-redis}), and the per-party rate limit
 * ({@link ExchangeSandbox.Builder#rateLimit}) is shared too.
 *
 * <p>Needs {@code govdx-store-jdbc} (and {@code govdx-store-redis} with Redis) on the class path; the standalone
 * jar has both. Immutable and thread-safe; it does not own the data source or the Redis stores.
 */
public final class SandboxState {

  /** The default table prefix (also the Redis key prefix of the standalone jar, with a colon). */
  public static final String DEFAULT_PREFIX = "gdx_sandbox_";

  private final DataSource dataSource;
  private final String tablePrefix;
  private final @Nullable RedisStores redis;

  private SandboxState(Builder b, DataSource dataSource) {
    this.dataSource = dataSource;
    this.tablePrefix = b.tablePrefix;
    this.redis = b.redis;
  }

  /**
   * A new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The table prefix.
   *
   * @return the prefix
   */
  public String tablePrefix() {
    return tablePrefix;
  }

  /**
   * Whether the hot security state (replay, nonces, idempotency, rate limit) is in Redis.
   *
   * @return whether Redis is used
   */
  public boolean usesRedis() {
    return redis != null;
  }

  /** Opens the stores with the sandbox's clock (creating missing tables). */
  Opened open(Clock clock) {
    JdbcStores jdbc =
        JdbcStores.builder().dataSource(dataSource).tablePrefix(tablePrefix).clock(clock).build();
    jdbc.createTables();
    StateTables tables = new StateTables(dataSource, tablePrefix);
    RedisStores r = redis;
    return new Opened(
        tables,
        r != null ? r.replayCache() : jdbc.replayCache(),
        r != null ? r.nonceCache() : jdbc.nonceCache(),
        r != null ? r.idempotencyStore() : jdbc.idempotencyStore(),
        jdbc.evidenceStore("sandbox"),
        r != null ? r.rateLimiter() : null);
  }

  /** The opened stores. */
  record Opened(
      StateTables tables,
      ReplayCache replayCache,
      NonceCache nonceCache,
      IdempotencyStore idempotencyStore,
      EvidenceStore evidenceStore,
      io.github.govdx.client.@Nullable RateLimiter rateLimiter) {}

  @Override
  public String toString() {
    return "SandboxState{prefix=" + tablePrefix + (redis != null ? ", redis" : "") + "}";
  }

  /** Builds {@link SandboxState}. Not thread-safe. */
  public static final class Builder {
    private @Nullable DataSource dataSource;
    private String tablePrefix = DEFAULT_PREFIX;
    private @Nullable RedisStores redis;

    private Builder() {}

    /**
     * The shared database (a pool; PostgreSQL, MariaDB/MySQL or H2). Required.
     *
     * @param dataSource the data source
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
      return this;
    }

    /**
     * The table prefix, default {@value SandboxState#DEFAULT_PREFIX}: a letter then up to 30 letters, digits or
     * underscores. Instances that act as one platform use the same prefix; different prefixes in one database are
     * separate platforms.
     *
     * @param tablePrefix the prefix
     * @return this builder
     * @throws IllegalArgumentException if the prefix is not a plain identifier
     */
    public Builder tablePrefix(String tablePrefix) {
      // checked here, so a bad prefix fails at the sandbox's own builder, by the JDBC stores' one
      // rule
      JdbcStores.builder().tablePrefix(tablePrefix);
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * Redis for the replay cache, the nonce cache, the idempotency stores and the rate limit (the evidence chain,
     * the keys and the batches stay in the database). Optional.
     *
     * @param redis the stores (their key prefix separates platforms)
     * @return this builder
     */
    public Builder redis(RedisStores redis) {
      this.redis = Objects.requireNonNull(redis, "redis == null");
      return this;
    }

    /**
     * Builds the value.
     *
     * @return the value
     * @throws IllegalStateException if no data source was set
     */
    public SandboxState build() {
      if (dataSource == null) {
        throw new IllegalStateException("dataSource is required");
      }
      return new SandboxState(this, dataSource);
    }
  }
}
