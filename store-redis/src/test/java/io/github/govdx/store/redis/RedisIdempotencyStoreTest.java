package io.github.govdx.store.redis;

import io.github.govdx.client.contract.IdempotencyStoreContract;
import io.github.govdx.client.provider.IdempotencyStore;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;

/** The idempotency store contract on the real Redis, each instance on one of three connections. */
@ExtendWith(TestRedis.Extension.class)
class RedisIdempotencyStoreTest extends IdempotencyStoreContract {

  @Override
  protected IdempotencyStore newStore(Clock clock) {
    return TestRedis.shared().stores(clock).idempotencyStore();
  }
}
