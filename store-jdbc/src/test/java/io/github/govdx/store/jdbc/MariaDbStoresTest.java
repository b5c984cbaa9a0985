package io.github.govdx.store.jdbc;

import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.client.contract.IdempotencyStoreContract;
import io.github.govdx.client.contract.NonceCacheContract;
import io.github.govdx.client.contract.ReplayCacheContract;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.crypto.replay.ReplayCache;
import java.time.Clock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.ExtendWith;

/** The shared-state contracts on the real MARIADB engine, each instance a separate {@link JdbcStores}. */
@ExtendWith(TestDatabase.Cleanup.class)
class MariaDbStoresTest {

  @Nested
  class Replay extends ReplayCacheContract {
    @Override
    protected ReplayCache newCache(Clock clock) {
      return TestDatabase.MARIADB.stores(clock).replayCache();
    }
  }

  @Nested
  class Nonce extends NonceCacheContract {
    @Override
    protected NonceCache newCache(Clock clock) {
      return TestDatabase.MARIADB.stores(clock).nonceCache();
    }
  }

  @Nested
  class Idempotency extends IdempotencyStoreContract {
    @Override
    protected IdempotencyStore newStore(Clock clock) {
      return TestDatabase.MARIADB.stores(clock).idempotencyStore();
    }
  }
}
