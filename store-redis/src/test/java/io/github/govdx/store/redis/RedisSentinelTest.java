package io.github.govdx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.provider.IdempotencyClaim.Outcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Sentinel URI ({@code redis-sentinel://host:port#name}) reaches the master the Sentinel names: a private
 * redis-server and a private Sentinel monitoring it.
 */
class RedisSentinelTest {

  @Test
  void build_sentinelUri_storesWorkOnTheMaster() throws Exception {
    Path dir = Files.createTempDirectory("govdx-sentinel");
    try (PrivateRedisServer master = PrivateRedisServer.start();
        PrivateRedisServer sentinel = PrivateRedisServer.startSentinel(master, "govdx", dir);
        RedisStores s =
            RedisStores.builder()
                .uri("redis-sentinel://127.0.0.1:" + sentinel.port() + "#govdx")
                .keyPrefix("s:")
                .build()) {
      String id = UUID.randomUUID().toString();
      assertThat(s.replayCache().firstSeen(id, Instant.now().plusSeconds(60))).isTrue();
      assertThat(s.replayCache().firstSeen(id, Instant.now().plusSeconds(60))).isFalse();
      assertThat(
              s.idempotencyStore()
                  .claim(id, "fp", Instant.now().plusSeconds(30), Instant.now().plusSeconds(60))
                  .outcome())
          .isEqualTo(Outcome.ACQUIRED);
      try (var probe = io.lettuce.core.RedisClient.create(master.uri()).connect()) {
        assertThat(probe.sync().dbsize()).isEqualTo(2);
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(dir);
    }
  }
}
