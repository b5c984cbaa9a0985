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

  private TokenBucket bucket(RateLimit limit) {
    return new TokenBucket(limit, nanos::get);
  }

  @Test
  void reserve_startsFull_burstThenRefusesWithoutWaiting() {
    TokenBucket bucket = bucket(RateLimit.perSecond(2, 3));

    assertThat(bucket.reserve(Duration.ZERO)).isZero();
    assertThat(bucket.reserve(Duration.ZERO)).isZero();
    assertThat(bucket.reserve(Duration.ZERO)).isZero();
    assertThat(bucket.reserve(Duration.ZERO)).isEqualTo(-1);
  }

  @Test
  void reserve_refillsAtTheConfiguredRateUpToBurst() {
    TokenBucket bucket = bucket(RateLimit.perSecond(2, 3));
    for (int i = 0; i < 3; i++) {
      bucket.reserve(Duration.ZERO);
    }

    nanos.addAndGet(499_000_000L);
    assertThat(bucket.reserve(Duration.ZERO)).isEqualTo(-1);
    nanos.addAndGet(1_000_000L);
    assertThat(bucket.reserve(Duration.ZERO)).isZero();
    nanos.addAndGet(60_000_000_000L);
    for (int i = 0; i < 3; i++) {
      assertThat(bucket.reserve(Duration.ZERO)).isZero();
    }
    assertThat(bucket.reserve(Duration.ZERO)).isEqualTo(-1);
  }

  @Test
  void reserve_givesTheWaitForTheNextTokenWhenAllowed() {
    TokenBucket bucket = bucket(RateLimit.perSecond(4, 1));
    bucket.reserve(Duration.ZERO);

    assertThat(bucket.reserve(Duration.ofMillis(249))).isEqualTo(-1);
    assertThat(bucket.reserve(Duration.ofMillis(250))).isEqualTo(250_000_000L);
  }

  @Test
  void reserve_reservationsQueueUp() {
    TokenBucket bucket = bucket(RateLimit.perSecond(10, 1));
    bucket.reserve(Duration.ZERO);

    // the clock does not move: each waiter reserves the next slot
    assertThat(bucket.reserve(Duration.ofSeconds(1))).isEqualTo(100_000_000L);
    assertThat(bucket.reserve(Duration.ofSeconds(1))).isEqualTo(200_000_000L);
    assertThat(bucket.reserve(Duration.ofMillis(250))).isEqualTo(-1);
    assertThat(bucket.reserve(Duration.ofDays(10_000))).isEqualTo(300_000_000L);
  }

  @Test
  void reserve_unlimited_alwaysNow() {
    TokenBucket bucket = bucket(RateLimit.unlimited());
    for (int i = 0; i < 10_000; i++) {
      assertThat(bucket.reserve(Duration.ZERO)).isZero();
    }
  }

  @Test
  void reserve_concurrent_neverHandsOutMoreThanBurst() throws InterruptedException {
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
                  if (bucket.reserve(Duration.ZERO) == 0) {
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
}
