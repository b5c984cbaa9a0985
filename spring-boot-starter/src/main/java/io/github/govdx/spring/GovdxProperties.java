package io.github.govdx.spring;

import io.github.govdx.client.auth.GovdxHmacAlgorithm;
import io.github.govdx.crypto.Suite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code govdx.*} configuration of a department system (docs/spring-boot.md lists every property). Bound once
 * at start-up through the constructor, immutable; checked by the auto-configuration, which stops start-up with
 * one message naming the property at fault ({@link GovdxConfigurationException}). Immutable and thread-safe;
 * {@code toString()} never shows passwords, PINs, secrets or a Redis URI.
 *
 * @param partyId the department's party id: its unified social credit code, optionally {@code /system} (e.g.
 *     {@code 11320500014160486F/hotline})
 * @param suite the envelope suite, {@code GM} (SM2/SM3/SM4) or {@code INTL}; default: the suite of the key
 * @param endpoint the exchange platform's base URL without {@code /v1}, e.g. {@code https://exchange.example.gov.cn/gdx}
 * @param credentials the department's private key and certificate chain
 * @param trust the CAs that issue party certificates
 * @param gateway the gateway authentication of every call
 * @param timeouts HTTP timeouts of the exchange client
 * @param retry retries of calls that are safe to repeat
 * @param rateLimit the client-side rate limit
 * @param store where replay ids, nonces, idempotency records and rate-limit buckets live
 * @param outbox the durable outbox for pushes
 * @param provider the provider side: handler beans served at {@code /v1/data/*}
 * @param health the Actuator health contributor's thresholds
 */
@ConfigurationProperties("govdx")
public record GovdxProperties(
    @Nullable String partyId,
    @Nullable Suite suite,
    @Nullable String endpoint,
    @DefaultValue Credentials credentials,
    @DefaultValue Trust trust,
    @DefaultValue Gateway gateway,
    @DefaultValue Timeouts timeouts,
    @DefaultValue Retry retry,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue Store store,
    @DefaultValue Outbox outbox,
    @DefaultValue Provider provider,
    @DefaultValue Health health) {

  /**
   * The department's key and certificate chain: PEM files ({@code private-key} and {@code certificate}), a PKCS#12
   * file ({@code pkcs12}), or a key in a PKCS#11 module ({@code pkcs11.*}, with {@code certificate} or the
   * module's own chain).
   *
   * @param privateKey a PEM file holding the PKCS#8 private key (SM2 or P-256)
   * @param certificate a PEM file holding the certificate chain, leaf first
   * @param pkcs12 a PKCS#12 file holding key and chain (instead of the PEM files)
   * @param pkcs12Password the PKCS#12 password (take it from an environment variable or a secret store)
   * @param pkcs11 a key that stays in a PKCS#11 module, through the JDK's SunPKCS11 provider
   */
  public record Credentials(
      @Nullable Path privateKey,
      @Nullable Path certificate,
      @Nullable Path pkcs12,
      @Nullable String pkcs12Password,
      @DefaultValue Pkcs11 pkcs11) {

    /** Never shows the password. */
    @Override
    public String toString() {
      return "Credentials{privateKey="
          + privateKey
          + ", certificate="
          + certificate
          + ", pkcs12="
          + pkcs12
          + ", pkcs11="
          + pkcs11
          + "}";
    }
  }

  /**
   * A key in a PKCS#11 module (docs/keys.md, "PKCS#11 set-up").
   *
   * @param config the SunPKCS11 configuration file (library, slot, attributes)
   * @param alias the key's alias on the token
   * @param pin the token PIN (take it from an environment variable or a secret store)
   */
  public record Pkcs11(@Nullable Path config, @Nullable String alias, @Nullable String pin) {

    /** Never shows the PIN. */
    @Override
    public String toString() {
      return "Pkcs11{config=" + config + ", alias=" + alias + "}";
    }
  }

  /**
   * Trust anchors.
   *
   * @param anchors PEM files, or directories of {@code *.pem}/{@code *.crt}/{@code *.cer} files, holding the CA
   *     certificates that issue party certificates
   */
  public record Trust(@DefaultValue List<Path> anchors) {}

  /**
   * Gateway authentication.
   *
   * @param scheme {@code none}, {@code govdx-hmac}, or a provincial scheme: {@code header-hmac} (Zhejiang),
   *     {@code timestamp-nonce} (Guangdong), {@code client-id-hmac} (Shandong) (docs/gateway-auth.md)
   * @param keyId the gateway credential's key id (the access key, paas id or client id of a provincial scheme)
   * @param secret the gateway secret: Base64 for {@code govdx-hmac}, the issued text for a provincial scheme
   *     (take it from an environment variable or a secret store)
   * @param algorithm {@code hmac-sm3} (default) or {@code hmac-sha256}, for {@code govdx-hmac}
   * @param serviceId the {@code x-tif-serviceId} of {@code timestamp-nonce}, if the gateway wants one
   */
  public record Gateway(
      @DefaultValue("none") GatewayScheme scheme,
      @Nullable String keyId,
      @Nullable String secret,
      @DefaultValue("hmac-sm3") GovdxHmacAlgorithm algorithm,
      @Nullable String serviceId) {

    /** Never shows the secret. */
    @Override
    public String toString() {
      return "Gateway{scheme=" + scheme + ", keyId=" + keyId + ", algorithm=" + algorithm + "}";
    }
  }

  /** Gateway authentication schemes the starter configures from properties. */
  public enum GatewayScheme {
    /** No gateway authentication. */
    NONE,
    /** The govdx HMAC signature (HMAC-SM3 or HMAC-SHA256 over method, path, query, time, nonce and body). */
    GOVDX_HMAC,
    /** Zhejiang's header HMAC ({@code X-BG-HMAC-*}). */
    HEADER_HMAC,
    /** Guangdong's timestamp-nonce SHA-256 ({@code x-tif-*}). */
    TIMESTAMP_NONCE,
    /** Shandong's client-id HMAC ({@code X-Client-*}). */
    CLIENT_ID_HMAC
  }

  /**
   * HTTP timeouts.
   *
   * @param connect the connect timeout
   * @param read the read timeout
   * @param write the write timeout
   * @param call the timeout of a whole call with its retries; {@code 0} for none
   */
  public record Timeouts(
      @DefaultValue("10s") Duration connect,
      @DefaultValue("30s") Duration read,
      @DefaultValue("30s") Duration write,
      @DefaultValue("0s") Duration call) {}

  /**
   * Retries (jittered exponential backoff) of calls that are safe to repeat.
   *
   * @param maxAttempts attempts in all, {@code 1} for no retry
   * @param baseDelay the first backoff
   * @param maxDelay the longest backoff
   */
  public record Retry(
      @DefaultValue("3") int maxAttempts,
      @DefaultValue("200ms") Duration baseDelay,
      @DefaultValue("5s") Duration maxDelay) {}

  /**
   * The client-side rate limit; with {@code govdx.store.type=redis} its buckets are shared by all instances.
   *
   * @param permitsPerSecond the sustained rate; {@code 0} (default) for no limit
   * @param burst the bucket size
   */
  public record RateLimit(
      @DefaultValue("0") double permitsPerSecond, @DefaultValue("1") int burst) {}

  /**
   * Where govdx keeps the state a security or delivery promise rests on (DESIGN section 7).
   *
   * @param type {@code memory} (one instance only), {@code jdbc} (the application's {@code DataSource}) or
   *     {@code redis} (the application's Lettuce {@code RedisClient}, or {@code redis.uri})
   * @param jdbc JDBC settings
   * @param redis Redis settings
   */
  public record Store(
      @DefaultValue("memory") StoreType type,
      @DefaultValue JdbcStore jdbc,
      @DefaultValue RedisStore redis) {}

  /** The kinds of state store. */
  public enum StoreType {
    /** In this JVM only: a single instance, state lost on restart. */
    MEMORY,
    /** govdx-store-jdbc on the application's {@code DataSource}. */
    JDBC,
    /** govdx-store-redis on the application's Lettuce client or connection, or on {@code redis.uri}. */
    REDIS
  }

  /**
   * JDBC store settings.
   *
   * @param createTables whether to create govdx's tables at start-up when they are missing (else run the DDL
   *     of docs/store-jdbc.md yourself)
   * @param tablePrefix the table name prefix
   * @param evidenceChain the name of the shared evidence chain the outbox appends to
   * @param durableClaims on PostgreSQL, whether replay and nonce claims wait for the WAL flush ({@code
   *     JdbcStores.Builder.durableClaims}; docs/security.md, "Replay claims on PostgreSQL")
   */
  public record JdbcStore(
      @DefaultValue("false") boolean createTables,
      @DefaultValue("gdx_") String tablePrefix,
      @DefaultValue("govdx") String evidenceChain,
      @DefaultValue("false") boolean durableClaims) {}

  /**
   * Redis store settings.
   *
   * @param uri a Lettuce URI, used only when the application has no {@code RedisClient} or connection bean
   * @param keyPrefix the prefix of every key; the same on every instance of one department
   * @param commandTimeout the longest one store call may take
   */
  public record RedisStore(
      @Nullable String uri,
      @DefaultValue("govdx:") String keyPrefix,
      @DefaultValue("2s") Duration commandTimeout) {

    /** Never shows the URI (it may hold a password). */
    @Override
    public String toString() {
      return "RedisStore{keyPrefix=" + keyPrefix + ", commandTimeout=" + commandTimeout + "}";
    }
  }

  /**
   * The durable outbox (docs/delivery.md), on the application's {@code DataSource}.
   *
   * @param enabled whether to create and start the outbox
   * @param pollInterval how often the dispatcher looks for due entries
   * @param lease how long a claimed entry is held before another instance may take it over
   * @param batchSize the most entries claimed at once
   * @param workers deliveries running at once on this instance
   * @param maxAge how long an entry may wait before it goes dead ({@code GDX-3419}), at most 23 hours
   */
  public record Outbox(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("1s") Duration pollInterval,
      @DefaultValue("2m") Duration lease,
      @DefaultValue("16") int batchSize,
      @DefaultValue("4") int workers,
      @DefaultValue("20h") Duration maxAge) {}

  /**
   * The provider side.
   *
   * @param enabled whether to serve the {@code QueryHandler} and {@code PushHandler} beans
   * @param path the servlet mapping; the path the endpoint sees must start at {@code /v1/data/}
   * @param inboxTransactions with the jdbc store: run each push's idempotency claims, handler and stored answer in
   *     one transaction (the handler writes through {@code JdbcStores.currentConnection()})
   * @param transfersPath the servlet mapping of the file transfer routes ({@code docs/protocol.md} section 15.8)
   * @param transferSpool where delivered files are spooled (required with {@code FileHandler} beans; shared by every
   *     instance)
   */
  public record Provider(
      @DefaultValue("false") boolean enabled,
      @DefaultValue("/v1/data/*") String path,
      @DefaultValue("false") boolean inboxTransactions,
      @DefaultValue("/v1/transfers/*") String transfersPath,
      @Nullable Path transferSpool) {}

  /**
   * Thresholds of the {@code govdx} health contributor.
   *
   * @param certificateWarning how long before the certificate expires the credentials component warns
   * @param exchangeTimeout the timeout of the exchange reachability check
   * @param outboxMaxPending pending entries above which the outbox component is DOWN
   * @param outboxMaxDead dead entries above which the outbox component is DOWN
   * @param outboxMaxAge age of the oldest undelivered entry above which the outbox component is DOWN
   */
  public record Health(
      @DefaultValue("30d") Duration certificateWarning,
      @DefaultValue("2s") Duration exchangeTimeout,
      @DefaultValue("1000") long outboxMaxPending,
      @DefaultValue("0") long outboxMaxDead,
      @DefaultValue("1h") Duration outboxMaxAge) {}
}
