package io.github.govdx.spring;

import io.github.govdx.client.RateLimiter;
import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.spring.internal.ConfigChecks;
import io.github.govdx.spring.internal.SingleRole;
import io.github.govdx.store.redis.RedisStores;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * govdx-store-redis for {@code govdx.store.type=redis}: {@link RedisStores} on the application's Lettuce {@link
 * StatefulRedisConnection} (string keys and values) or {@link RedisClient} bean, or else on {@code
 * govdx.store.redis.uri}; then the replay cache, nonce cache, idempotency store and the shared rate limiter. Only
 * what govdx opened is closed with the context.
 */
@AutoConfiguration(before = GovdxAutoConfiguration.class)
@ConditionalOnClass({RedisStores.class, RedisClient.class})
@ConditionalOnProperty(name = "govdx.store.type", havingValue = "redis")
@EnableConfigurationProperties(GovdxProperties.class)
public class GovdxRedisStoreAutoConfiguration {

  /** Creates the auto-configuration. */
  public GovdxRedisStoreAutoConfiguration() {}

  /**
   * The Redis stores.
   *
   * @param properties the properties
   * @param connection the application's connection, if any
   * @param client the application's client, if any
   * @param clock the application's clock, if any
   * @return the stores
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public RedisStores govdxRedisStores(
      GovdxProperties properties,
      ObjectProvider<StatefulRedisConnection<String, String>> connection,
      ObjectProvider<RedisClient> client,
      ObjectProvider<Clock> clock) {
    GovdxProperties.RedisStore r = properties.store().redis();
    RedisStores.Builder b =
        RedisStores.builder()
            .keyPrefix(r.keyPrefix())
            .commandTimeout(r.commandTimeout())
            .clock(GovdxAutoConfiguration.clock(clock));
    StatefulRedisConnection<String, String> c = connection.getIfUnique();
    RedisClient rc = client.getIfUnique();
    if (c != null) {
      b.connection(c);
    } else if (rc != null) {
      b.client(rc);
    } else if (r.uri() != null && !r.uri().isBlank()) {
      b.uri(r.uri());
    } else {
      throw ConfigChecks.missingRedis();
    }
    return b.build();
  }

  /** The SPI beans. */
  @Configuration(proxyBeanMethods = false)
  static class Spis {

    @Bean
    @ConditionalOnMissingBean
    ReplayCache govdxReplayCache(RedisStores stores) {
      return SingleRole.replayCache(stores.replayCache());
    }

    @Bean
    @ConditionalOnMissingBean
    NonceCache govdxNonceCache(RedisStores stores) {
      return SingleRole.nonceCache(stores.nonceCache());
    }

    @Bean
    @ConditionalOnMissingBean
    IdempotencyStore govdxIdempotencyStore(RedisStores stores) {
      return stores.idempotencyStore();
    }

    @Bean
    @ConditionalOnMissingBean
    RateLimiter govdxRateLimiter(RedisStores stores) {
      return stores.rateLimiter();
    }
  }
}
