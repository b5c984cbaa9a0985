package io.github.govdx.store.redis;

import io.github.govdx.client.RateLimiter;
import io.github.govdx.client.contract.RateLimiterContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;

/** The rate limiter contract on the real Redis, each instance on one of three connections. */
@ExtendWith(TestRedis.Extension.class)
class RedisRateLimiterTest extends RateLimiterContract {

  @Override
  protected RateLimiter newLimiter() {
    return TestRedis.shared().stores(Clock.systemUTC()).rateLimiter();
  }
}
