package io.github.govdx.spring;

import io.lettuce.core.RedisClient;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link ProviderHttpTestBase} on the Redis stores over the application's own Lettuce {@link RedisClient} bean,
 * with a key prefix of its own per run.
 */
@Import(ProviderHttpRedisTest.AppRedis.class)
class ProviderHttpRedisTest extends ProviderHttpTestBase {

  /** The application's Redis client. */
  @TestConfiguration(proxyBeanMethods = false)
  static class AppRedis {
    @Bean(destroyMethod = "shutdown")
    RedisClient redisClient() {
      return RedisClient.create(TestServers.REDIS);
    }
  }

  @BeforeAll
  static void redisUp() {
    TestServers.redis();
  }

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry r) {
    r.add("govdx.store.type", () -> "redis");
    r.add("govdx.store.redis.key-prefix", () -> TestServers.RUN + ":");
  }

  @Override
  String expectedReplayCache() {
    return "store.redis";
  }
}
