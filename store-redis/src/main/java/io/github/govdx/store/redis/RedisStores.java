package io.github.govdx.store.redis;

import io.github.govdx.client.RateLimiter;
import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.store.redis.internal.RedisCommandRunner;
import io.github.govdx.store.redis.internal.RedisFirstSeen;
import io.github.govdx.store.redis.internal.RedisIdempotencyStore;
import io.github.govdx.store.redis.internal.RedisKeys;
import io.github.govdx.store.redis.internal.RedisRateLimiter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.ClusterTopologyRefreshOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * govdx's shared security state on Redis (DESIGN section 7): the envelope {@link ReplayCache}, the gateway
 * {@link NonceCache}, the provider's {@link IdempotencyStore} and the shared {@link RateLimiter}, for a department
 * that runs several instances. Every instance builds its own {@code RedisStores} on the same Redis (or Redis
 * Cluster) and key prefix; together they act as one.
 *
 * <pre>{@code
 * try (RedisStores redis = RedisStores.builder().uri("redis://10.0.0.5:6379").keyPrefix("hotline:").build()) {
 *   EnvelopeCodec codec = EnvelopeCodec.builder()...replayCache(redis.replayCache()).build();
 *   ProviderEndpoint endpoint = ProviderEndpoint.builder()...
 *       .replayCache(redis.replayCache())
 *       .idempotencyStore(redis.idempotencyStore())
 *       .build();
 * }
 * }</pre>
 *
 * <p><b>Connections.</b> Give one of: a URI ({@link Builder#uri(String)}; govdx creates the Lettuce client with
 * its fail-fast options and closes it), the application's {@link RedisClient} or {@link RedisClusterClient}
 * (govdx opens one connection on it and closes that connection, never the client), or the application's
 * connection (used as is, never closed). Lettuce reconnects by itself after a Redis restart; see
 * {@code docs/store-redis.md} for the client options an application's own client should have.
 *
 * <p><b>Failure.</b> Every call has one bounded deadline ({@link Builder#commandTimeout(Duration)}, default 2 s);
 * a Redis that does not answer within it, is disconnected or fails makes the call throw {@link
 * StateStoreException} {@code GDX-1601} (retryable), never a guessed {@code true} or {@code ACQUIRED}.
 *
 * <p>Thread-safe.
 */
public final class RedisStores implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RedisStores.class);

  /** The key prefix when none is set. */
  public static final String DEFAULT_KEY_PREFIX = "govdx:";

  /** The command timeout when none is set. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(2);

  /** The longest pause between two reconnect attempts of a client govdx creates. */
  private static final Duration MAX_RECONNECT_DELAY = Duration.ofMillis(500);

  private final List<AutoCloseable> owned;
  private final ReplayCache replayCache;
  private final NonceCache nonceCache;
  private final IdempotencyStore idempotencyStore;
  private final RateLimiter rateLimiter;
  private final String description;

  private RedisStores(
      RedisClusterAsyncCommands<String, String> commands,
      Builder b,
      List<AutoCloseable> owned,
      String description) {
    this.owned = List.copyOf(owned);
    this.description = description;
    RedisCommandRunner runner = new RedisCommandRunner(commands, b.commandTimeout);
    RedisKeys keys = new RedisKeys(b.keyPrefix);
    this.replayCache = RedisFirstSeen.replayCache(runner, keys, b.clock);
    this.nonceCache = RedisFirstSeen.nonceCache(runner, keys, b.clock);
    this.idempotencyStore = new RedisIdempotencyStore(runner, keys, b.clock);
    this.rateLimiter = new RedisRateLimiter(runner, keys);
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The envelope replay cache ({@code SET NX PX} per message id), for {@code EnvelopeCodec.Builder.replayCache}
   * and {@code ProviderEndpoint.Builder.replayCache}.
   *
   * @return the cache
   */
  public ReplayCache replayCache() {
    return replayCache;
  }

  /**
   * The gateway nonce cache ({@code SET NX PX} per nonce), for {@code GovdxHmacVerifier.Builder.nonceCache}.
   *
   * @return the cache
   */
  public NonceCache nonceCache() {
    return nonceCache;
  }

  /**
   * The provider's idempotency store (Lua compare-and-set on an owner token with a lease), for {@code
   * ProviderEndpoint.Builder.idempotencyStore}.
   *
   * @return the store
   */
  public IdempotencyStore idempotencyStore() {
    return idempotencyStore;
  }

  /**
   * The shared rate limiter (one token bucket per name, refilled on the Redis server's clock), for {@code
   * ExchangeClientBuilder.rateLimiter}.
   *
   * @return the limiter
   */
  public RateLimiter rateLimiter() {
    return rateLimiter;
  }

  /**
   * Closes the connection and client govdx created; a connection or client the application gave is left open.
   * The stores must not be used afterwards.
   */
  @Override
  public void close() {
    RuntimeException first = null;
    for (AutoCloseable c : owned) {
      try {
        c.close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing the Redis connection failed", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  @Override
  public String toString() {
    return "RedisStores{" + description + "}";
  }

  /**
   * Builds {@link RedisStores}. Set exactly one of {@link #uri(String)}, {@link #clusterUri(String)},
   * {@link #client(RedisClient)}, {@link #clusterClient(RedisClusterClient)}, {@link
   * #connection(StatefulRedisConnection)} and {@link #clusterConnection(StatefulRedisClusterConnection)}.
   *
   * <p>Not thread-safe.
   */
  public static final class Builder {

    private @Nullable RedisURI uri;
    private boolean clusterUri;
    private @Nullable RedisClient client;
    private @Nullable RedisClusterClient clusterClient;
    private @Nullable StatefulRedisConnection<String, String> connection;
    private @Nullable StatefulRedisClusterConnection<String, String> clusterConnection;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Connects to one Redis server (or a Sentinel set) at a Lettuce URI, e.g. {@code redis://host:6379/0},
     * {@code rediss://user:password@host:6380} or {@code redis-sentinel://host:26379#mymaster}. govdx creates
     * the client with auto-reconnect, reconnect attempts at most 500 ms apart,
     * commands rejected while disconnected, and a connect timeout of {@link #commandTimeout(Duration)} (each
     * call's own deadline is the same duration); {@link RedisStores#close()} shuts it down.
     *
     * @param uri the URI; a password in it is never logged
     * @return this builder
     * @throws IllegalArgumentException if Lettuce cannot parse the URI
     */
    public Builder uri(String uri) {
      this.uri = RedisURI.create(Objects.requireNonNull(uri, "uri == null"));
      this.clusterUri = false;
      return this;
    }

    /**
     * Connects to a Redis Cluster through one of its nodes, like {@link #uri(String)} otherwise; the topology is
     * refreshed every 30 s and on every redirection or reconnect, so a failover is followed.
     *
     * @param uri the URI of a seed node
     * @return this builder
     * @throws IllegalArgumentException if Lettuce cannot parse the URI
     */
    public Builder clusterUri(String uri) {
      this.uri = RedisURI.create(Objects.requireNonNull(uri, "uri == null"));
      this.clusterUri = true;
      return this;
    }

    /**
     * Opens one connection on the application's client; {@link RedisStores#close()} closes that connection, the
     * application closes its client.
     *
     * @param client the application's client
     * @return this builder
     */
    public Builder client(RedisClient client) {
      this.client = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Opens one connection on the application's Cluster client; {@link RedisStores#close()} closes that
     * connection, the application closes its client.
     *
     * @param client the application's Cluster client
     * @return this builder
     */
    public Builder clusterClient(RedisClusterClient client) {
      this.clusterClient = Objects.requireNonNull(client, "client == null");
      return this;
    }

    /**
     * Uses the application's connection (with UTF-8 string keys and values, e.g. {@code
     * client.connect()}); {@link RedisStores#close()} leaves it open.
     *
     * @param connection the application's connection
     * @return this builder
     */
    public Builder connection(StatefulRedisConnection<String, String> connection) {
      this.connection = Objects.requireNonNull(connection, "connection == null");
      return this;
    }

    /**
     * Uses the application's Cluster connection (with UTF-8 string keys and values); {@link
     * RedisStores#close()} leaves it open.
     *
     * @param connection the application's Cluster connection
     * @return this builder
     */
    public Builder clusterConnection(StatefulRedisClusterConnection<String, String> connection) {
      this.clusterConnection = Objects.requireNonNull(connection, "connection == null");
      return this;
    }

    /**
     * Sets the prefix of every key, so that several applications or environments can share one Redis (default
     * {@value RedisStores#DEFAULT_KEY_PREFIX}). Every instance of one department must use the same prefix.
     *
     * @param keyPrefix the prefix, at most 128 characters, without {@code {} and {@code }} (they would move the
     *     Cluster hash tag)
     * @return this builder
     * @throws IllegalArgumentException if the prefix is too long or contains a brace
     */
    public Builder keyPrefix(String keyPrefix) {
      Objects.requireNonNull(keyPrefix, "keyPrefix == null");
      if (keyPrefix.length() > 128) {
        throw new IllegalArgumentException("keyPrefix longer than 128 characters");
      }
      if (keyPrefix.indexOf('{') >= 0 || keyPrefix.indexOf('}') >= 0) {
        throw new IllegalArgumentException("keyPrefix must not contain '{' or '}': " + keyPrefix);
      }
      this.keyPrefix = keyPrefix;
      return this;
    }

    /**
     * Sets the longest time one store call may take, all its round trips together (default 2 s). A call that
     * takes longer throws {@code GDX-1601}.
     *
     * @param commandTimeout the timeout, positive and at most one minute
     * @return this builder
     * @throws IllegalArgumentException if the timeout is out of range
     */
    public Builder commandTimeout(Duration commandTimeout) {
      Objects.requireNonNull(commandTimeout, "commandTimeout == null");
      if (commandTimeout.isNegative()
          || commandTimeout.isZero()
          || commandTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException(
            "commandTimeout must be in (0, 1 min]: " + commandTimeout);
      }
      this.commandTimeout = commandTimeout;
      return this;
    }

    /**
     * Sets the clock that turns the SPIs' absolute expiries into key lifetimes and decides idempotency leases
     * (default {@link Clock#systemUTC()}). The rate limiter does not use it: its time base is the Redis
     * server's clock, the one clock all instances share.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Builds the stores; with a URI or a client, connects first.
     *
     * @return the stores
     * @throws IllegalStateException if not exactly one connection source is set
     * @throws StateStoreException {@code GDX-1601} if the connection cannot be opened within the timeout
     */
    public RedisStores build() {
      int sources =
          (uri != null ? 1 : 0)
              + (client != null ? 1 : 0)
              + (clusterClient != null ? 1 : 0)
              + (connection != null ? 1 : 0)
              + (clusterConnection != null ? 1 : 0);
      if (sources != 1) {
        throw new IllegalStateException(
            "set exactly one of uri, clusterUri, client, clusterClient, connection, clusterConnection"
                + " (got "
                + sources
                + ")");
      }
      if (connection != null) {
        return new RedisStores(connection.async(), this, List.of(), "connection");
      }
      if (clusterConnection != null) {
        return new RedisStores(clusterConnection.async(), this, List.of(), "cluster connection");
      }
      if (client != null) {
        StatefulRedisConnection<String, String> c = connect(() -> client.connect(StringCodec.UTF8));
        return new RedisStores(c.async(), this, List.of(c), "client");
      }
      if (clusterClient != null) {
        StatefulRedisClusterConnection<String, String> c =
            connect(() -> clusterClient.connect(StringCodec.UTF8));
        connectToMasters(c);
        return new RedisStores(c.async(), this, List.of(c), "cluster client");
      }
      return fromUri(Objects.requireNonNull(uri));
    }

    private RedisStores fromUri(RedisURI redisUri) {
      // on the parsed URI itself: RedisURI.builder(source) would drop a Sentinel URI's sentinels
      RedisURI u = redisUri;
      u.setTimeout(commandTimeout);
      ClientResources resources =
          ClientResources.builder()
              .reconnectDelay(
                  Delay.exponential(
                      Duration.ofMillis(10), MAX_RECONNECT_DELAY, 2, TimeUnit.MILLISECONDS))
              .build();
      List<AutoCloseable> owned = new ArrayList<>();
      owned.add(() -> resources.shutdown(0, 2, TimeUnit.SECONDS).get(5, TimeUnit.SECONDS));
      try {
        SocketOptions socket = SocketOptions.builder().connectTimeout(commandTimeout).build();
        // no Lettuce command timeout (TimeoutOptions): every call goes through RedisCommandRunner,
        // whose deadline bounds the wait and cancels the command; Lettuce's would add a timer entry
        // and a completion callback to every command for the same bound
        StatefulConnection<String, String> c;
        RedisClusterAsyncCommands<String, String> commands;
        if (clusterUri) {
          RedisClusterClient cc = RedisClusterClient.create(resources, u);
          owned.add(0, () -> cc.shutdown(0, 2, TimeUnit.SECONDS));
          cc.setOptions(
              ClusterClientOptions.builder()
                  .topologyRefreshOptions(
                      ClusterTopologyRefreshOptions.builder()
                          .enablePeriodicRefresh(Duration.ofSeconds(30))
                          .enableAllAdaptiveRefreshTriggers()
                          .build())
                  .autoReconnect(true)
                  .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                  .socketOptions(socket)
                  .build());
          StatefulRedisClusterConnection<String, String> cluster =
              connect(() -> cc.connect(StringCodec.UTF8));
          c = cluster;
          connectToMasters(cluster);
          commands = cluster.async();
        } else {
          RedisClient rc = RedisClient.create(resources, u);
          owned.add(0, () -> rc.shutdown(0, 2, TimeUnit.SECONDS));
          rc.setOptions(
              ClientOptions.builder()
                  .autoReconnect(true)
                  .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                  .socketOptions(socket)
                  .build());
          StatefulRedisConnection<String, String> single =
              connect(() -> rc.connect(StringCodec.UTF8));
          c = single;
          commands = single.async();
        }
        owned.add(0, c::close);
        return new RedisStores(commands, this, owned, clusterUri ? "cluster uri" : "uri");
      } catch (RuntimeException e) {
        for (AutoCloseable o : owned) {
          try {
            o.close();
          } catch (Exception suppressed) {
            e.addSuppressed(suppressed);
          }
        }
        throw e;
      }
    }

    /**
     * Opens the connections to every master now rather than on first use: with commands rejected while
     * disconnected, Lettuce also rejects a command that would wait for a node connection still being opened, so
     * the first call to each master would fail. Best effort: a master that cannot be reached now is connected to
     * on first use (that call fails with {@code GDX-1601}).
     */
    private static void connectToMasters(StatefulRedisClusterConnection<String, String> c) {
      for (RedisClusterNode node : c.getPartitions()) {
        if (node.is(RedisClusterNode.NodeFlag.UPSTREAM) && node.getUri() != null) {
          try {
            c.getConnection(node.getUri().getHost(), node.getUri().getPort());
          } catch (RuntimeException e) {
            LOG.debug("Redis Cluster master not reachable yet ({})", e.getClass().getSimpleName());
          }
        }
      }
    }

    private static <C> C connect(Supplier<C> connect) {
      try {
        return connect.get();
      } catch (RuntimeException e) {
        throw StateStoreException.unavailable("redis stores", "connect", e);
      }
    }
  }
}
