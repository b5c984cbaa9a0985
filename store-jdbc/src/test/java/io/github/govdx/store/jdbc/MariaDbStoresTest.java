package io.github.govdx.store.jdbc;

import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.client.contract.EvidenceStoreContract;
import io.github.govdx.client.contract.IdempotencyStoreContract;
import io.github.govdx.client.contract.NonceCacheContract;
import io.github.govdx.client.contract.OutboxStoreContract;
import io.github.govdx.client.contract.ReplayCacheContract;
import io.github.govdx.client.outbox.OutboxStore;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.crypto.evidence.EvidenceStore;
import io.github.govdx.crypto.replay.ReplayCache;
import java.time.Clock;
import java.util.UUID;
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

  /** The replay cache through connections that count affected rows ({@code useAffectedRows=true}). */
  @Nested
  class ReplayAffectedRows extends ReplayCacheContract {
    @Override
    protected ReplayCache newCache(Clock clock) {
      return TestDatabase.MARIADB_AFFECTED_ROWS.stores(clock).replayCache();
    }
  }

  /** The nonce cache through connections that count affected rows. */
  @Nested
  class NonceAffectedRows extends NonceCacheContract {
    @Override
    protected NonceCache newCache(Clock clock) {
      return TestDatabase.MARIADB_AFFECTED_ROWS.stores(clock).nonceCache();
    }
  }

  /** The idempotency store through connections that count affected rows. */
  @Nested
  class IdempotencyAffectedRows extends IdempotencyStoreContract {
    @Override
    protected IdempotencyStore newStore(Clock clock) {
      return TestDatabase.MARIADB_AFFECTED_ROWS.stores(clock).idempotencyStore();
    }
  }

  @Nested
  class Idempotency extends IdempotencyStoreContract {
    @Override
    protected IdempotencyStore newStore(Clock clock) {
      return TestDatabase.MARIADB.stores(clock).idempotencyStore();
    }
  }

  @Nested
  class Evidence extends EvidenceStoreContract {
    @Override
    protected EvidenceStore newChain() {
      return TestDatabase.MARIADB
          .stores(Clock.systemUTC())
          .evidenceStore("chain-" + UUID.randomUUID());
    }

    @Override
    protected EvidenceStore sameChain(EvidenceStore store) {
      return TestDatabase.MARIADB
          .stores(Clock.systemUTC())
          .evidenceStore(store.name().substring("jdbc:".length()));
    }
  }

  @Nested
  class Outbox extends OutboxStoreContract {
    private final String prefix = "o" + UUID.randomUUID().toString().substring(0, 8) + "_";
    private boolean created;

    @Override
    protected OutboxStore newStore() {
      OutboxStore s = TestDatabase.MARIADB.outboxStore(prefix, !created);
      created = true;
      return s;
    }
  }
}
