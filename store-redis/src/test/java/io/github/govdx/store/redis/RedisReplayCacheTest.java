package io.github.govdx.store.redis;

import io.github.govdx.client.contract.ReplayCacheContract;
import io.github.govdx.crypto.replay.ReplayCache;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;

/** The replay cache contract on the real Redis, each instance on one of three connections. */
@ExtendWith(TestRedis.Extension.class)
class RedisReplayCacheTest extends ReplayCacheContract {

  @Override
  protected ReplayCache newCache(Clock clock) {
    return TestRedis.shared().stores(clock).replayCache();
  }
}
