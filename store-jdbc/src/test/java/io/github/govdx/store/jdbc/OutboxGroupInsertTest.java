package io.github.govdx.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.client.outbox.OutboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Concurrent {@code add}s commit together (group commit), and each caller still hears only of its own entry: every
 * entry of 16 racing threads is stored exactly once, and a duplicate id among them fails its own caller alone.
 */
@ExtendWith(TestDatabase.Cleanup.class)
class OutboxGroupInsertTest {

  private static final int THREADS = 16;
  private static final int EACH = 40;

  @ParameterizedTest
  @EnumSource(
      value = TestDatabase.class,
      names = {"H2", "POSTGRESQL", "MARIADB"})
  void racingAdds_eachStoredOnce_aDuplicateFailsOnlyItsCaller(TestDatabase db) throws Exception {
    String prefix = "g" + UUID.randomUUID().toString().substring(0, 8) + "_";
    OutboxStore store = db.outboxStore(prefix, true);
    OutboxEntry existing = OutboxEntries.pending(Instant.now());
    store.add(existing);

    Set<String> added = ConcurrentHashMap.newKeySet();
    Set<String> refused = ConcurrentHashMap.newKeySet();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < EACH; i++) {
                    // one caller re-adds the existing id half-way through its run
                    OutboxEntry e =
                        thread == 3 && i == EACH / 2
                            ? OutboxEntries.pending(Instant.now()).toBuilder()
                                .id(existing.id())
                                .build()
                            : OutboxEntries.pending(Instant.now());
                    try {
                      store.add(e);
                      assertThat(added.add(e.id())).isTrue();
                    } catch (IllegalArgumentException duplicate) {
                      refused.add(e.id());
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(refused).containsExactly(existing.id());
    assertThat(added).hasSize(THREADS * EACH - 1);
    List<String> stored = new ArrayList<>();
    long after = 0;
    while (true) {
      List<OutboxEntry> page =
          store.list(OutboxState.PENDING, Instant.now().plusSeconds(60), after, 1000);
      if (page.isEmpty()) {
        break;
      }
      for (OutboxEntry e : page) {
        stored.add(e.id());
        after = e.sequence();
      }
    }
    assertThat(stored).doesNotHaveDuplicates().hasSize(THREADS * EACH);
    assertThat(stored).containsAll(added).contains(existing.id());
  }
}
