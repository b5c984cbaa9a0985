package io.github.govdx.client.contract;

import io.github.govdx.client.InMemoryRateLimiter;
import io.github.govdx.client.RateLimiter;
import io.github.govdx.client.auth.InMemoryNonceCache;
import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.client.outbox.InMemoryOutboxStore;
import io.github.govdx.client.outbox.OutboxStore;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.client.provider.InMemoryIdempotencyStore;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.crypto.evidence.EvidenceStore;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import io.github.govdx.crypto.replay.ReplayCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The in-memory defaults (and the file evidence store) pass the same contracts as the shared stores. */
class InMemoryContractsTest {

  @Nested
  class ReplayCaches extends ReplayCacheContract {
    private ReplayCache shared;

    @Override
    protected ReplayCache newCache(Clock clock) {
      if (shared == null) {
        shared = new InMemoryReplayCache(clock, 10_000);
      }
      return shared;
    }
  }

  @Nested
  class NonceCaches extends NonceCacheContract {
    private NonceCache shared;

    @Override
    protected NonceCache newCache(Clock clock) {
      if (shared == null) {
        shared = new InMemoryNonceCache(clock, 10_000);
      }
      return shared;
    }
  }

  @Nested
  class IdempotencyStores extends IdempotencyStoreContract {
    private IdempotencyStore shared;

    @Override
    protected IdempotencyStore newStore(Clock clock) {
      if (shared == null) {
        shared = new InMemoryIdempotencyStore(clock);
      }
      return shared;
    }
  }

  @Nested
  class OutboxStores extends OutboxStoreContract {
    private final OutboxStore shared = new InMemoryOutboxStore();

    @Override
    protected OutboxStore newStore() {
      return shared;
    }
  }

  @Nested
  class RateLimiters extends RateLimiterContract {
    private final RateLimiter shared = new InMemoryRateLimiter();

    @Override
    protected RateLimiter newLimiter() {
      return shared;
    }
  }

  @Nested
  class FileEvidence extends EvidenceStoreContract {
    @TempDir Path dir;

    @Override
    protected EvidenceStore newChain() {
      try {
        return EvidenceLog.open(Files.createTempFile(dir, "evidence", ".log"), Clock.systemUTC())
            .store();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    protected EvidenceStore sameChain(EvidenceStore store) {
      // one process per file: the same store object stands for "another instance"
      return new EvidenceStore() {
        @Override
        public Entry append(Linker linker) {
          return store.append(linker);
        }

        @Override
        public void read(LineVisitor visitor) {
          store.read(visitor);
        }

        @Override
        public String name() {
          return store.name();
        }

        @Override
        public void close() {}
      };
    }
  }
}
