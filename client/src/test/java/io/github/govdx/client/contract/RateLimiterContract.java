package io.github.govdx.client.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.RateLimit;
import io.github.govdx.client.RateLimiter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The contract every {@link RateLimiter} implementation passes (DESIGN section 7), on real time (a shared
 * limiter may take its time from its server). Every {@link #newLimiter()} call within one test returns an
 * instance on the SAME backing store, as several instances of one department would share it.
 */
public abstract class RateLimiterContract {

  /**
   * Returns a limiter on the backing store under test.
   *
   * @return the limiter
   */
  protected abstract RateLimiter newLimiter();

  private static String bucket() {
    return "party:91350100M000100Y43 " + UUID.randomUUID();
  }

  @Test
  void reserve_fullBucket_burstNowThenNothingWithoutWaiting() {
    RateLimiter l = newLimiter();
    String b = bucket();
    RateLimit limit = RateLimit.perSecond(1, 5);
    for (int i = 0; i < 5; i++) {
      assertThat(l.reserve(b, limit, Duration.ZERO)).contains(Duration.ZERO);
    }
    assertThat(l.reserve(b, limit, Duration.ZERO)).isEmpty();
    assertThat(newLimiter().reserve(b, limit, Duration.ZERO)).isEmpty();
  }

  @Test
  void reserve_emptyBucket_reservesAheadWithinMaxWait() {
    RateLimiter l = newLimiter();
    String b = bucket();
    RateLimit limit = RateLimit.perSecond(10, 1);
    assertThat(l.reserve(b, limit, Duration.ZERO)).contains(Duration.ZERO);
    Optional<Duration> wait = l.reserve(b, limit, Duration.ofSeconds(1));
    assertThat(wait).isPresent();
    assertThat(wait.get()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(120));
    Optional<Duration> next = l.reserve(b, limit, Duration.ofSeconds(1));
    assertThat(next).isPresent();
    assertThat(next.get()).isGreaterThan(wait.get()).isLessThanOrEqualTo(Duration.ofMillis(220));
    assertThat(l.reserve(b, limit, Duration.ofMillis(50))).isEmpty();
  }

  @Test
  void reserve_refills_afterTime() throws InterruptedException {
    RateLimiter l = newLimiter();
    String b = bucket();
    RateLimit limit = RateLimit.perSecond(20, 2);
    assertThat(l.reserve(b, limit, Duration.ZERO)).contains(Duration.ZERO);
    assertThat(l.reserve(b, limit, Duration.ZERO)).contains(Duration.ZERO);
    assertThat(l.reserve(b, limit, Duration.ZERO)).isEmpty();
    Thread.sleep(160);
    assertThat(l.reserve(b, limit, Duration.ZERO)).contains(Duration.ZERO);
  }

  @Test
  void reserve_distinctBuckets_independent() {
    RateLimiter l = newLimiter();
    RateLimit limit = RateLimit.perSecond(1, 1);
    String a = bucket();
    String c = bucket();
    assertThat(l.reserve(a, limit, Duration.ZERO)).contains(Duration.ZERO);
    assertThat(l.reserve(c, limit, Duration.ZERO)).contains(Duration.ZERO);
    assertThat(l.reserve(a, limit, Duration.ZERO)).isEmpty();
  }

  @Test
  void reserve_unlimited_alwaysNow() {
    RateLimiter l = newLimiter();
    for (int i = 0; i < 100; i++) {
      assertThat(l.reserve("unlimited", RateLimit.unlimited(), Duration.ZERO))
          .contains(Duration.ZERO);
    }
  }

  @Test
  void reserve_threeInstancesHammering_shareOneQuota() throws Exception {
    RateLimiter[] instances = {newLimiter(), newLimiter(), newLimiter()};
    String b = bucket();
    RateLimit limit = RateLimit.perSecond(20, 5);
    AtomicInteger granted = new AtomicInteger();
    long start = System.nanoTime();
    long runNanos = Duration.ofMillis(1500).toNanos();
    List<Integer> perThread =
        Race.run(
            6,
            i ->
                () -> {
                  int mine = 0;
                  while (System.nanoTime() - start < runNanos) {
                    if (instances[i % 3].reserve(b, limit, Duration.ZERO).isPresent()) {
                      mine++;
                      granted.incrementAndGet();
                    }
                    Thread.sleep(2);
                  }
                  return mine;
                });
    double seconds = (System.nanoTime() - start) / 1e9;
    int total = perThread.stream().mapToInt(Integer::intValue).sum();
    assertThat(total).isEqualTo(granted.get());
    assertThat(total).isLessThanOrEqualTo((int) Math.ceil(5 + seconds * 20) + 1);
    assertThat(total).isGreaterThanOrEqualTo((int) (5 + 1.5 * 20 * 0.6));
  }
}
