package io.github.govdx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.RateLimit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenBucketTest {

  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Duration> sleeps = new ArrayList<>();

  /** The sleeper records the wait and moves the fake clock forward, as a real sleep would. */
  private TokenBucket bucket(RateLimit limit) {
    return new TokenBucket(
        limit,
        nanos::get,
        d -> {
          sleeps.add(d);
          nanos.addAndGet(d.toNanos());
        });
  }

  @Test
  void tryAcquire_startsFull_burstThenRefusesWithoutWaiting() {
    TokenBucket bucket = bucket(RateLimit.perSecond(2, 3));

    assertThat(bucket.tryAcquire(Duration.ZERO)).isTrue();
    assertThat(bucket.tryAcquire(Duration.ZERO)).isTrue();
    assertThat(bucket.tryAcquire(Duration.ZERO)).isTrue();
    assertThat(bucket.tryAcquire(Duration.ZERO)).isFalse();
    assertThat(sleeps).isEmpty();
  }

  @Test
  void tryAcquire_refillsAtTheConfiguredRateUpToBurst() {
    TokenBucket bucket = bucket(RateLimit.perSecond(2, 3));
    for (int i = 0; i < 3; i++) {
      bucket.tryAcquire(Duration.ZERO);
    }

    nanos.addAndGet(499_000_000L);
    assertThat(bucket.tryAcquire(Duration.ZERO)).isFalse();
    nanos.addAndGet(1_000_000L);
    assertThat(bucket.tryAcquire(Duration.ZERO)).isTrue();
    nanos.addAndGet(60_000_000_000L);
    assertThat(bucket.availableTokens()).isEqualTo(3.0);
  }

  @Test
  void tryAcquire_waitsForTheNextTokenWhenAllowed() {
    TokenBucket bucket = bucket(RateLimit.perSecond(4, 1));
    bucket.tryAcquire(Duration.ZERO);

    assertThat(bucket.tryAcquire(Duration.ofMillis(249))).isFalse();
    assertThat(sleeps).isEmpty();
    assertThat(bucket.tryAcquire(Duration.ofMillis(250))).isTrue();
    assertThat(sleeps).containsExactly(Duration.ofMillis(250));
  }

  @Test
  void tryAcquire_reservationsQueueUp() {
    TokenBucket bucket = new TokenBucket(RateLimit.perSecond(10, 1), nanos::get, sleeps::add);
    bucket.tryAcquire(Duration.ZERO);

    // the clock does not move: each waiter reserves the next slot
    assertThat(bucket.tryAcquire(Duration.ofSeconds(1))).isTrue();
    assertThat(bucket.tryAcquire(Duration.ofSeconds(1))).isTrue();
    assertThat(bucket.tryAcquire(Duration.ofMillis(250))).isFalse();

    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void tryAcquire_interrupted_returnsFalseRestoresFlagAndReturnsToken() {
    TokenBucket bucket =
        new TokenBucket(
            RateLimit.perSecond(1, 1),
            nanos::get,
            d -> {
              throw new InterruptedException();
            });
    bucket.tryAcquire(Duration.ZERO);

    assertThat(bucket.tryAcquire(Duration.ofSeconds(5))).isFalse();
    assertThat(Thread.interrupted()).isTrue();
    assertThat(bucket.availableTokens()).isEqualTo(0.0);
  }

  @Test
  void tryAcquire_unlimited_alwaysTrue() {
    TokenBucket bucket = bucket(RateLimit.unlimited());
    for (int i = 0; i < 10_000; i++) {
      assertThat(bucket.tryAcquire(Duration.ZERO)).isTrue();
    }
  }

  @Test
  void tryAcquire_concurrent_neverHandsOutMoreThanBurst() throws InterruptedException {
    TokenBucket bucket = bucket(RateLimit.perSecond(1, 50));
    AtomicInteger granted = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  start.await();
                } catch (InterruptedException e) {
                  return;
                }
                for (int i = 0; i < 100; i++) {
                  if (bucket.tryAcquire(Duration.ZERO)) {
                    granted.incrementAndGet();
                  }
                }
              });
      threads.add(thread);
      thread.start();
    }
    start.countDown();
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(granted.get()).isEqualTo(50);
  }

  @Test
  void create_realClock_smallWait() {
    TokenBucket bucket = TokenBucket.create(RateLimit.perSecond(500, 1));
    bucket.tryAcquire(Duration.ZERO);

    long start = System.nanoTime();
    assertThat(bucket.tryAcquire(Duration.ofMillis(50))).isTrue();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(1_000_000L);
  }
}
