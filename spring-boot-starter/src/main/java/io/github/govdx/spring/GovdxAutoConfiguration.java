package io.github.govdx.spring;

import io.github.govdx.client.ExchangeAsyncClient;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeClientBuilder;
import io.github.govdx.client.InMemoryRateLimiter;
import io.github.govdx.client.RateLimiter;
import io.github.govdx.client.RetryPolicy;
import io.github.govdx.client.auth.ClientIdHmacAuthenticator;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import io.github.govdx.client.auth.HeaderHmacAuthenticator;
import io.github.govdx.client.auth.InMemoryNonceCache;
import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.client.auth.RequestAuthenticator;
import io.github.govdx.client.auth.TimestampNonceAuthenticator;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.client.provider.InMemoryIdempotencyStore;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.PartyDirectory;
import io.github.govdx.crypto.key.TrustStore;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.spring.internal.ClientDirectory;
import io.github.govdx.spring.internal.ConfigChecks;
import java.time.Clock;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The core of the govdx starter: credentials, trust store, {@link ExchangeClient}, {@link ExchangeAsyncClient},
 * {@link EnvelopeCodec}, the party directory and, with {@code govdx.store.type=memory} (the default), in-memory
 * state stores. The JDBC and Redis stores, the outbox, the provider side and health are configured by their own
 * auto-configurations, and metrics or traces can be added by another one through {@link
 * ExchangeClientCustomizer} beans, without changing this class. Every bean backs off when the application
 * declares its own of the same type.
 */
@AutoConfiguration
@EnableConfigurationProperties(GovdxProperties.class)
public class GovdxAutoConfiguration {

  /** Creates the auto-configuration. */
  public GovdxAutoConfiguration() {}

  /**
   * The configured party.
   *
   * @param properties the properties
   * @return the party
   */
  @Bean
  @ConditionalOnMissingBean
  public PartyId govdxPartyId(GovdxProperties properties) {
    return ConfigChecks.party(properties);
  }

  /**
   * The department's credentials, loaded and checked from {@code govdx.credentials.*}.
   *
   * @param properties the properties
   * @param party the party
   * @param clock the application's {@link Clock} bean, if any
   * @return the credentials
   */
  @Bean
  @ConditionalOnMissingBean
  public PartyCredentials govdxCredentials(
      GovdxProperties properties, PartyId party, ObjectProvider<Clock> clock) {
    return ConfigChecks.credentials(properties, party, clock(clock).instant());
  }

  /**
   * The trust anchors from {@code govdx.trust.anchors}.
   *
   * @param properties the properties
   * @return the trust store
   */
  @Bean
  @ConditionalOnMissingBean
  public TrustStore govdxTrustStore(GovdxProperties properties) {
    return ConfigChecks.trustStore(properties);
  }

  /**
   * The synchronous exchange client.
   *
   * @param builder a builder with every property and customizer applied
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  public ExchangeClient govdxExchangeClient(GovdxClientBuilderFactory builder) {
    return builder.create().build();
  }

  /**
   * The asynchronous exchange client.
   *
   * @param builder a builder with every property and customizer applied
   * @return the client
   */
  @Bean
  @ConditionalOnMissingBean
  public ExchangeAsyncClient govdxExchangeAsyncClient(GovdxClientBuilderFactory builder) {
    return builder.create().buildAsync();
  }

  /**
   * Makes the client builders.
   *
   * @param properties the properties
   * @param party the party
   * @param credentials the credentials
   * @param trustStore the trust store
   * @param replayCache the replay cache of the configured store
   * @param rateLimiter the rate limiter of the configured store
   * @param authenticator the application's gateway authenticator, if any
   * @param customizers the customizers
   * @param clock the application's clock, if any
   * @return the factory
   */
  @Bean
  @ConditionalOnMissingBean
  public GovdxClientBuilderFactory govdxClientBuilderFactory(
      GovdxProperties properties,
      PartyId party,
      PartyCredentials credentials,
      TrustStore trustStore,
      ObjectProvider<ReplayCache> replayCache,
      ObjectProvider<RateLimiter> rateLimiter,
      ObjectProvider<RequestAuthenticator> authenticator,
      ObjectProvider<ExchangeClientCustomizer> customizers,
      ObjectProvider<Clock> clock) {
    ReplayCache replay = replayCache.getIfAvailable();
    if (replay == null) {
      throw storeUnavailable(properties);
    }
    Clock c = clock(clock);
    RequestAuthenticator auth = authenticator.getIfAvailable(() -> gateway(properties, c));
    RateLimiter limiter = rateLimiter.getIfAvailable();
    java.net.URI endpoint = ConfigChecks.endpoint(properties);
    return () -> {
      ExchangeClientBuilder b =
          ExchangeClient.builder()
              .endpoint(endpoint)
              .party(party)
              .credentials(credentials)
              .trustStore(trustStore)
              .replayCache(replay)
              .clock(c)
              .connectTimeout(properties.timeouts().connect())
              .readTimeout(properties.timeouts().read())
              .writeTimeout(properties.timeouts().write())
              .callTimeout(properties.timeouts().call())
              .retryPolicy(retry(properties));
      if (properties.suite() != null) {
        b.suite(properties.suite());
      }
      if (auth != null) {
        b.authenticator(auth);
      }
      if (limiter != null) {
        b.rateLimiter(limiter);
      }
      if (properties.rateLimit().permitsPerSecond() > 0) {
        b.rateLimit(
            io.github.govdx.client.RateLimit.perSecond(
                properties.rateLimit().permitsPerSecond(), properties.rateLimit().burst()));
      }
      customizers.orderedStream().forEach(x -> x.customize(b));
      return b;
    };
  }

  /**
   * Where receivers' and callers' certificates come from: the exchange's party directory through the client.
   *
   * @param client the client
   * @return the directory
   */
  @Bean
  @ConditionalOnMissingBean
  public PartyDirectory govdxPartyDirectory(ExchangeClient client) {
    return new ClientDirectory(client);
  }

  /**
   * An envelope codec with the department's credentials, for applications that seal or open envelopes
   * themselves.
   *
   * @param credentials the credentials
   * @param trustStore the trust store
   * @param directory the directory
   * @param replayCache the replay cache
   * @param clock the application's clock, if any
   * @return the codec
   */
  @Bean
  @ConditionalOnMissingBean
  public EnvelopeCodec govdxEnvelopeCodec(
      PartyCredentials credentials,
      TrustStore trustStore,
      PartyDirectory directory,
      ReplayCache replayCache,
      ObjectProvider<Clock> clock) {
    return EnvelopeCodec.builder()
        .credentials(credentials)
        .trustStore(trustStore)
        .directory(directory)
        .replayCache(replayCache)
        .clock(clock(clock))
        .build();
  }

  /** In-memory stores: one instance only, state lost on restart ({@code govdx.store.type=memory}). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(name = "govdx.store.type", havingValue = "memory", matchIfMissing = true)
  static class MemoryStores {

    @Bean
    @ConditionalOnMissingBean
    ReplayCache govdxReplayCache(ObjectProvider<Clock> clock) {
      return new InMemoryReplayCache(clock(clock), InMemoryReplayCache.DEFAULT_MAX_ENTRIES);
    }

    @Bean
    @ConditionalOnMissingBean
    NonceCache govdxNonceCache(ObjectProvider<Clock> clock) {
      return new InMemoryNonceCache(clock(clock), InMemoryNonceCache.DEFAULT_MAX_ENTRIES);
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotencyStore govdxIdempotencyStore(ObjectProvider<Clock> clock) {
      return new InMemoryIdempotencyStore(clock(clock));
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimiter govdxRateLimiter() {
      return new InMemoryRateLimiter();
    }
  }

  static Clock clock(ObjectProvider<Clock> clock) {
    return clock.getIfAvailable(Clock::systemUTC);
  }

  static GovdxConfigurationException storeUnavailable(GovdxProperties properties) {
    String type = properties.store().type().name().toLowerCase(java.util.Locale.ROOT);
    String needs =
        switch (properties.store().type()) {
          case JDBC -> "govdx-store-jdbc on the class path and a DataSource bean";
          case REDIS ->
              "govdx-store-redis on the class path and a Lettuce RedisClient or connection bean, or"
                  + " govdx.store.redis.uri";
          case MEMORY -> "nothing (memory)";
        };
    return new GovdxConfigurationException(
        SpringErrorCode.STORE_UNAVAILABLE,
        "govdx.store.type",
        "store type " + type + " but no " + type + " stores could be built",
        "Add " + needs + ", or set govdx.store.type=memory for a single instance.",
        null);
  }

  private static RetryPolicy retry(GovdxProperties properties) {
    GovdxProperties.Retry r = properties.retry();
    try {
      return RetryPolicy.builder()
          .maxAttempts(r.maxAttempts())
          .baseDelay(r.baseDelay())
          .maxDelay(r.maxDelay())
          .build();
    } catch (IllegalArgumentException e) {
      throw new GovdxConfigurationException(
          SpringErrorCode.PROPERTY_INVALID,
          "govdx.retry",
          e.getMessage() == null ? "invalid retry settings" : e.getMessage(),
          "Set govdx.retry.max-attempts to 1 or more and the delays between 0 and 1 hour.",
          e);
    }
  }

  private static @Nullable RequestAuthenticator gateway(GovdxProperties properties, Clock clock) {
    GovdxProperties.Gateway g = properties.gateway();
    if (g.scheme() == GovdxProperties.GatewayScheme.NONE) {
      return null;
    }
    if (g.keyId() == null || g.keyId().isBlank()) {
      throw ConfigChecks.missing("gateway.key-id", "the gateway credential's key id");
    }
    if (g.secret() == null || g.secret().isBlank()) {
      throw ConfigChecks.missing(
          "gateway.secret",
          "the gateway secret (Base64 for govdx-hmac), from an environment variable or secret store");
    }
    return switch (g.scheme()) {
      case GOVDX_HMAC ->
          GovdxHmacAuthenticator.builder()
              .keyId(g.keyId())
              .secret(GatewaySecret.of(base64(g.secret())))
              .algorithm(g.algorithm())
              .clock(clock)
              .build();
      case HEADER_HMAC ->
          HeaderHmacAuthenticator.builder()
              .accessKey(g.keyId())
              .secretKey(GatewaySecret.ofUtf8(g.secret().toCharArray()))
              .clock(clock)
              .build();
      case TIMESTAMP_NONCE -> {
        TimestampNonceAuthenticator.Builder b =
            TimestampNonceAuthenticator.builder()
                .paasId(g.keyId())
                .token(GatewaySecret.ofUtf8(g.secret().toCharArray()))
                .clock(clock);
        if (g.serviceId() != null) {
          b.serviceId(g.serviceId());
        }
        yield b.build();
      }
      case CLIENT_ID_HMAC ->
          ClientIdHmacAuthenticator.builder()
              .clientId(g.keyId())
              .secret(GatewaySecret.ofUtf8(g.secret().toCharArray()))
              .clock(clock)
              .build();
      case NONE -> null;
    };
  }

  private static byte[] base64(String secret) {
    try {
      return Base64.getDecoder().decode(secret.trim());
    } catch (IllegalArgumentException e) {
      throw new GovdxConfigurationException(
          SpringErrorCode.PROPERTY_INVALID,
          "govdx.gateway.secret",
          "the secret is not Base64",
          "Set govdx.gateway.secret to the Base64 form of the secret the gateway issued.",
          null);
    }
  }
}
