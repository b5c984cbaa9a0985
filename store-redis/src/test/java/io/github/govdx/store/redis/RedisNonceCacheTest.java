package io.github.govdx.store.redis;

import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.client.contract.NonceCacheContract;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;

/** The nonce cache contract on the real Redis, each instance on one of three connections. */
@ExtendWith(TestRedis.Extension.class)
class RedisNonceCacheTest extends NonceCacheContract {

  @Override
  protected NonceCache newCache(Clock clock) {
    return TestRedis.shared().stores(clock).nonceCache();
  }
}
