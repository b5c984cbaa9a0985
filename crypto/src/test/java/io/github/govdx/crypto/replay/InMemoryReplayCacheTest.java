package io.github.govdx.crypto.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.crypto.ReplayDetectedException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InMemoryReplayCacheTest {

  private final AtomicReference<Instant> now =
      new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
  private final Clock clock =
      new Clock() {
        @Override
        public ZoneOffset getZone() {
          return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };

  @Test
  void firstSeen_secondTimeFalse_untilExpired() {
    InMemoryReplayCache c = new InMemoryReplayCache(clock, 10);
    Instant exp = now.get().plusSeconds(60);
    assertThat(c.firstSeen("a", exp)).isTrue();
    assertThat(c.firstSeen("a", exp)).isFalse();
    now.set(exp);
    assertThat(c.firstSeen("b", exp.plusSeconds(60))).isTrue();
    assertThat(c.size()).isEqualTo(1);
    assertThat(c.firstSeen("a", exp.plusSeconds(60))).isTrue();
  }

  @Test
  void full_failsClosed_thenAcceptsAfterExpiry() {
    InMemoryReplayCache c = new InMemoryReplayCache(clock, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(c.firstSeen("id" + i, now.get().plus(Duration.ofMinutes(i + 1)))).isTrue();
    }
    assertThatThrownBy(() -> c.firstSeen("x", now.get().plusSeconds(10)))
        .isInstanceOf(ReplayDetectedException.class)
        .hasMessageStartingWith("GDX-2304");
    assertThat(c.firstSeen("id1", now.get().plusSeconds(10))).isFalse();
    now.set(now.get().plus(Duration.ofMinutes(1)));
    assertThat(c.firstSeen("x", now.get().plusSeconds(10))).isTrue();
    assertThat(c.size()).isLessThanOrEqualTo(3);
  }

  @Test
  void concurrentSameId_exactlyOneWins() throws Exception {
    InMemoryReplayCache c = new InMemoryReplayCache(clock, 100_000);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 200; round++) {
        String id = "m" + round;
        AtomicInteger wins = new AtomicInteger();
        List<Future<?>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
          fs.add(
              pool.submit(
                  () -> {
                    if (c.firstSeen(id, now.get().plusSeconds(60))) {
                      wins.incrementAndGet();
                    }
                  }));
        }
        for (Future<?> f : fs) {
          f.get();
        }
        assertThat(wins.get()).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void constructor_badCapacity_illegalArgument() {
    assertThatThrownBy(() -> new InMemoryReplayCache(clock, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
