package io.github.govdx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.InMemoryRateLimiter;
import io.github.govdx.client.RateLimit;
import io.github.govdx.client.RateLimiter;
import io.github.govdx.client.contract.Race;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Three limiter objects on three separate Redis connections stand for three instances of one department: together
 * they grant at most {@code burst + t × rate} permits from one bucket. Three in-memory limiters hammered the same
 * way in the same window, the control, grant about three times that.
 */
@ExtendWith(TestRedis.Extension.class)
class RedisRateLimiterSharingTest {

  private static final Logger LOG = LoggerFactory.getLogger(RedisRateLimiterSharingTest.class);
  private static final RateLimit LIMIT = RateLimit.perSecond(20, 5);
  private static final Duration RUN = Duration.ofSeconds(2);

  @Test
  void reserve_threeInstancesOnThreeConnections_shareOneQuotaUnlikeInMemory() throws Exception {
    TestRedis redis = TestRedis.shared();
    RateLimiter[] shared = new RateLimiter[3];
    for (int i = 0; i < 3; i++) {
      shared[i] =
          RedisStores.builder()
              .connection(redis.connection(i))
              .keyPrefix(redis.prefix())
              .clock(Clock.systemUTC())
              .build()
              .rateLimiter();
    }
    RateLimiter[] separate = {
      new InMemoryRateLimiter(), new InMemoryRateLimiter(), new InMemoryRateLimiter()
    };
    String bucket = "party:91350100M000100Y43 " + UUID.randomUUID();
    long start = System.nanoTime();
    // racers 0-2: the Redis instances; racers 3-5: the in-memory control
    List<Integer> granted =
        Race.run(
            6,
            i ->
                () -> {
                  RateLimiter l = i < 3 ? shared[i] : separate[i - 3];
                  int mine = 0;
                  while (System.nanoTime() - start < RUN.toNanos()) {
                    if (l.reserve(bucket, LIMIT, Duration.ZERO).isPresent()) {
                      mine++;
                    }
                    Thread.sleep(2);
                  }
                  return mine;
                });
    double seconds = (System.nanoTime() - start) / 1e9;
    int bound = (int) Math.ceil(LIMIT.burst() + seconds * LIMIT.permitsPerSecond());
    int redisTotal = granted.get(0) + granted.get(1) + granted.get(2);
    int memoryTotal = granted.get(3) + granted.get(4) + granted.get(5);
    LOG.info(
        "{} s at {}: Redis instances granted {} {} (bound {}), in-memory control {}",
        seconds,
        LIMIT,
        granted.subList(0, 3),
        redisTotal,
        bound,
        memoryTotal);
    assertThat(redisTotal).as("shared quota, %s s", seconds).isLessThanOrEqualTo(bound);
    assertThat(redisTotal)
        .as("the quota is used, not starved")
        .isGreaterThanOrEqualTo((int) (0.8 * (LIMIT.burst() + 2 * LIMIT.permitsPerSecond())));
    assertThat(granted.subList(0, 3)).as("every instance got permits").allMatch(n -> n > 0);
    assertThat(memoryTotal).as("unshared control exceeds the quota").isGreaterThan(2 * bound);
  }
}
