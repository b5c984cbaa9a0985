package io.github.govdx.store.jdbc;

import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxStore;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.client.provider.InboxTransactions;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.evidence.EvidenceStore;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.store.jdbc.internal.Dialect;
import io.github.govdx.store.jdbc.internal.Jdbc;
import io.github.govdx.store.jdbc.internal.JdbcEvidenceStore;
import io.github.govdx.store.jdbc.internal.JdbcFirstSeen;
import io.github.govdx.store.jdbc.internal.JdbcIdempotencyStore;
import io.github.govdx.store.jdbc.internal.JdbcOutboxStore;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/**
 * govdx's shared security state in the department's own relational database (DESIGN section 7): the envelope replay
 * cache, the gateway nonce cache, the provider's idempotency store and the evidence hash chain, shared by every
 * instance that uses the same database and table prefix.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.builder().dataSource(pool).build();
 * stores.createTables();                       // or run the shipped schema/<engine>/V1__govdx_store.sql yourself
 * ProviderEndpoint endpoint = ProviderEndpoint.builder()
 *     .replayCache(stores.replayCache())
 *     .idempotencyStore(stores.idempotencyStore())
 *     ...
 * }</pre>
 *
 * <p><b>Engines.</b> PostgreSQL, MariaDB/MySQL (InnoDB) and H2 2.x, detected from the connection's metadata when
 * the stores are built. The tables are {@code <prefix>first_seen}, {@code <prefix>idempotency}, {@code <prefix>evidence} and
 * {@code <prefix>evidence_head}; keys are stored
 * only as SHA-256 hashes, so no message id, nonce or idempotency key (which may carry personal data) reaches the
 * database, and times are epoch milliseconds of this builder's {@link Clock}, never the server's.
 *
 * <p><b>Failure.</b> Every statement has a query timeout ({@link Builder#queryTimeout(Duration)}, default 5 s); set
 * the pool's connection timeout and the driver's connect and socket timeouts too (see {@code docs/store-jdbc.md}),
 * so a database that does not answer fails the call within seconds. Any failure is a {@link StateStoreException}:
 * {@code GDX-1602} when the tables are missing, {@code GDX-1601} (retryable) otherwise; the callers then refuse the
 * message or the request (fail closed). Connections are taken from the pool per call, so the stores work again as
 * soon as the database does.
 *
 * <p>Immutable and thread-safe; it does not own the data source (closing the pool is the application's business).
 */
public final class JdbcStores {

  /** The default table name prefix. */
  public static final String DEFAULT_TABLE_PREFIX = "gdx_";

  /** The default query timeout of each statement. */
  public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(5);

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,30}");
  private static final Pattern CHAIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private final Jdbc db;
  private final Dialect dialect;
  private final String tablePrefix;
  private final ReplayCache replayCache;
  private final NonceCache nonceCache;
  private final IdempotencyStore idempotencyStore;
  private final JdbcOutboxStore outboxStore;

  private JdbcStores(Builder b, DataSource dataSource, Dialect dialect) {
    this.dialect = dialect;
    this.tablePrefix = b.tablePrefix;
    this.db =
        new Jdbc(
            dataSource,
            dialect,
            b.tablePrefix,
            b.clock,
            (int) Math.max(1, b.queryTimeout.toSeconds()));
    JdbcFirstSeen replay = new JdbcFirstSeen(db, "replay", b.durableClaims);
    JdbcFirstSeen nonce = new JdbcFirstSeen(db, "nonce", b.durableClaims);
    this.replayCache =
        new ReplayCache() {
          @Override
          public boolean firstSeen(String messageId, java.time.Instant expiresAt) {
            return replay.first(messageId, expiresAt);
          }

          @Override
          public Claim claim(String messageId, java.time.Instant expiresAt) {
            return replay.claim(messageId, expiresAt);
          }

          @Override
          public String toString() {
            return "JdbcStores.replayCache{" + tablePrefix + "first_seen}";
          }
        };
    this.nonceCache = nonce::first;
    this.idempotencyStore = new JdbcIdempotencyStore(db);
    this.outboxStore = new JdbcOutboxStore(db);
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
   * Creates the tables and their indexes if they do not exist ({@code CREATE … IF NOT EXISTS}; safe to run from
   * every instance at start-up; opt-in): runs the detected engine's DDL file shipped in this jar, {@code
   * io/github/govdx/store/jdbc/schema/<postgresql|mariadb|h2>/V1__govdx_store.sql}, with its {@code gdx_} replaced
   * by the table prefix. Departments whose schema changes go through their own migration tool (Flyway, Liquibase)
   * run that file instead (docs/store-jdbc.md).
   *
   * @throws StateStoreException if the database does not answer or refuses the DDL
   */
  public void createTables() {
    db.createTables();
  }

  /**
   * The envelope replay cache, for {@code EnvelopeCodec.Builder.replayCache} and {@code
   * ProviderEndpoint.Builder.replayCache}.
   *
   * @return the cache
   */
  public ReplayCache replayCache() {
    return replayCache;
  }

  /**
   * The gateway nonce cache, for {@code GovdxHmacVerifier.Builder.nonceCache}.
   *
   * @return the cache
   */
  public NonceCache nonceCache() {
    return nonceCache;
  }

  /**
   * The provider's idempotency store, for {@code ProviderEndpoint.Builder.idempotencyStore}.
   *
   * @return the store
   */
  public IdempotencyStore idempotencyStore() {
    return idempotencyStore;
  }

  /**
   * The transactional inbox for {@code ProviderEndpoint.Builder.inboxTransactions}: each push's idempotency claims
   * (made by {@link #idempotencyStore()} of this instance), the handler's writes (with {@link #currentConnection()})
   * and the stored answer commit in one transaction, or none of them does. A second instance receiving the same
   * push meanwhile waits on the claim's row (up to the query timeout) and then answers from the store.
   *
   * @return the transactions
   */
  public InboxTransactions inboxTransactions() {
    return db::inTransaction;
  }

  /**
   * The connection of the inbox transaction running on this thread: a push handler writes with it so that its
   * work commits with the push's idempotency claim and answer. Do not commit, roll back or close it.
   *
   * @return the connection, or empty outside an inbox transaction
   */
  public Optional<Connection> currentConnection() {
    return Optional.ofNullable(db.boundConnection());
  }

  /**
   * The durable outbox (发件箱) of {@code io.github.govdx.client.outbox.Outbox}, in table {@code <prefix>outbox}
   * shared by every sender instance: claims take rows with {@code SELECT … FOR UPDATE SKIP LOCKED} under a lease
   * (docs/delivery.md).
   *
   * @return the store
   */
  public OutboxStore outboxStore() {
    return outboxStore;
  }

  /**
   * Writes an outbox entry ({@code Outbox.prepare(PushRequest)}) with the application's own connection, inside the
   * transaction it has open, and never commits: the business change and its outbound push commit or roll back
   * together (the transactional outbox). The dispatcher sees the entry once the transaction commits.
   *
   * @param connection the application's connection (same database and table prefix as these stores)
   * @param entry the prepared entry
   * @throws SQLException if the insert fails (the caller's transaction decides what happens next)
   * @throws IllegalArgumentException if an entry with this id exists
   */
  public void addOutboxEntry(Connection connection, OutboxEntry entry) throws SQLException {
    Objects.requireNonNull(connection, "connection == null");
    Objects.requireNonNull(entry, "entry == null");
    outboxStore.add(connection, entry);
  }

  /**
   * The evidence hash chain (存证) named {@code chain}, shared by every instance that uses the same name: for {@code
   * EvidenceLog.create(store, clock)} on each instance, and for {@code EvidenceLogVerifier.verify(store)} (which
   * then covers every instance's entries).
   *
   * @param chain the chain's name: a letter or digit, then up to 63 letters, digits or {@code . _ : -}
   * @return the store
   * @throws IllegalArgumentException if the name is not of that form
   */
  public EvidenceStore evidenceStore(String chain) {
    Objects.requireNonNull(chain, "chain == null");
    if (!CHAIN.matcher(chain).matches()) {
      throw new IllegalArgumentException(
          "chain must be a letter or digit, then up to 63 letters, digits or . _ : -");
    }
    return new JdbcEvidenceStore(db, chain);
  }

  @Override
  public String toString() {
    return "JdbcStores{" + dialect + ", prefix=" + tablePrefix + "}";
  }

  /** Builds {@link JdbcStores}. Not thread-safe. */
  public static final class Builder {
    private @Nullable DataSource dataSource;
    private String tablePrefix = DEFAULT_TABLE_PREFIX;
    private Duration queryTimeout = DEFAULT_QUERY_TIMEOUT;
    private Clock clock = Clock.systemUTC();
    private boolean durableClaims;

    private Builder() {}

    /**
     * The database, normally a connection pool (HikariCP, the application server's pool). Required.
     *
     * @param dataSource the data source
     * @return this builder
     */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource == null");
      return this;
    }

    /**
     * The table name prefix, default {@value JdbcStores#DEFAULT_TABLE_PREFIX}: a letter then up to 30 letters, digits
     * or underscores. Instances that share state use the same prefix.
     *
     * @param tablePrefix the prefix
     * @return this builder
     * @throws IllegalArgumentException if the prefix is not a plain identifier
     */
    public Builder tablePrefix(String tablePrefix) {
      Objects.requireNonNull(tablePrefix, "tablePrefix == null");
      if (!PREFIX.matcher(tablePrefix).matches()) {
        throw new IllegalArgumentException(
            "tablePrefix must be a letter then up to 30 letters, digits or underscores: "
                + tablePrefix);
      }
      this.tablePrefix = tablePrefix;
      return this;
    }

    /**
     * The timeout of each statement, 1 s to 5 min, default 5 s ({@code Statement.setQueryTimeout}).
     *
     * @param queryTimeout the timeout
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder queryTimeout(Duration queryTimeout) {
      Objects.requireNonNull(queryTimeout, "queryTimeout == null");
      if (queryTimeout.compareTo(Duration.ofSeconds(1)) < 0
          || queryTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
        throw new IllegalArgumentException("queryTimeout must be 1 s to 5 min: " + queryTimeout);
      }
      this.queryTimeout = queryTimeout;
      return this;
    }

    /**
     * The clock that decides expiry and leases, default {@link Clock#systemUTC()}. Keep the instances' clocks
     * synchronised (NTP), as the envelope's time checks already require.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock == null");
      return this;
    }

    /**
     * Whether a replay or nonce claim on PostgreSQL waits until its commit is flushed to the WAL; default {@code
     * false}: the claim's own one-statement transaction commits asynchronously ({@code synchronous_commit} off for
     * that transaction only), which takes the flush out of every envelope's check. Claims are atomic and visible to every instance
     * either way; without the flush, a crash of the database server can lose the claims of its last moments
     * (about 600 ms by default), so a message seen then could be accepted once more after the restart while still
     * fresh (docs/security.md, "Replay claims on PostgreSQL"). Set {@code true} to close that window at the cost of
     * a WAL flush per check. No effect on other engines, nor on the outbox, idempotency and evidence stores (always
     * durable).
     *
     * @param durable {@code true} to wait for the flush
     * @return this builder
     */
    public Builder durableClaims(boolean durable) {
      this.durableClaims = durable;
      return this;
    }

    /**
     * Builds the stores, reading the engine from the database's metadata.
     *
     * @return the stores
     * @throws IllegalStateException if no data source was set
     * @throws StateStoreException {@code GDX-1601} if the database does not answer, {@code GDX-1602} if it is an
     *     engine govdx does not support
     */
    public JdbcStores build() {
      if (dataSource == null) {
        throw new IllegalStateException("dataSource is required");
      }
      String product;
      try (Connection c = dataSource.getConnection()) {
        product = c.getMetaData().getDatabaseProductName();
      } catch (SQLException e) {
        throw StateStoreException.unavailable("jdbc stores", "connect", e);
      }
      Dialect dialect = Dialect.ofProduct(product);
      if (dialect == null) {
        throw StateStoreException.misconfigured(
            "jdbc stores",
            "the engine '" + product + "' is not supported (PostgreSQL, MariaDB/MySQL, H2)",
            null);
      }
      return new JdbcStores(this, dataSource, dialect);
    }
  }
}
