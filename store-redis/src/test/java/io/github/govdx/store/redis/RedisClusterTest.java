package io.github.govdx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.RateLimit;
import io.github.govdx.client.RateLimiter;
import io.github.govdx.client.auth.NonceCache;
import io.github.govdx.client.contract.IdempotencyStoreContract;
import io.github.govdx.client.contract.NonceCacheContract;
import io.github.govdx.client.contract.RateLimiterContract;
import io.github.govdx.client.contract.ReplayCacheContract;
import io.github.govdx.client.provider.IdempotencyClaim.Outcome;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.store.redis.internal.LuaScript;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.StringCodec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The stores on a real Redis Cluster: three private redis-server masters (cluster mode, free ports, temporary
 * directory) joined with {@code redis-cli --cluster create}. The contract suites pass on it, keys spread over the
 * masters, and a script missing on a node is loaded on every node.
 */
class RedisClusterTest {

  private static final List<PrivateRedisServer> NODES = new ArrayList<>();
  private static Path dir;
  private static RedisClusterClient appClient;
  private static StatefulRedisClusterConnection<String, String> appConnection;
  private static RedisStores viaUri;
  private static final String PREFIX = "c" + UUID.randomUUID().toString().substring(0, 6) + ":";

  @BeforeAll
  static void cluster() throws Exception {
    dir = Files.createTempDirectory("govdx-redis-cluster");
    List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
    for (int i = 0; i < 3; i++) {
      int port = PrivateRedisServer.freePort();
      NODES.add(
          PrivateRedisServer.start(
              port,
              List.of(
                  "--cluster-enabled",
                  "yes",
                  "--cluster-config-file",
                  "nodes-" + port + ".conf",
                  "--dir",
                  dir.toString())));
      create.add("127.0.0.1:" + port);
    }
    create.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
    Path out = dir.resolve("create.log");
    int rc =
        new ProcessBuilder(create)
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start()
            .waitFor();
    assertThat(rc).as(Files.readString(out)).isZero();
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    for (PrivateRedisServer node : NODES) {
      RedisClient c = RedisClient.create(node.uri());
      try (StatefulRedisConnection<String, String> conn = c.connect()) {
        while (!conn.sync().clusterInfo().contains("cluster_state:ok")) {
          assertThat(System.nanoTime()).as("cluster state ok in 20 s").isLessThan(deadline);
          Thread.sleep(50);
        }
      } finally {
        c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
    appClient = RedisClusterClient.create(NODES.get(0).uri());
    appConnection = appClient.connect(StringCodec.UTF8);
    viaUri = RedisStores.builder().clusterUri(NODES.get(1).uri()).keyPrefix(PREFIX).build();
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (viaUri != null) {
        viaUri.close();
      }
      if (appClient != null) {
        appClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    } finally {
      for (PrivateRedisServer node : NODES) {
        node.close();
      }
      if (dir != null) {
        try (var files = Files.list(dir)) {
          for (Path p : files.toList()) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(dir);
      }
    }
  }

  private static RedisStores stores(Clock clock) {
    return RedisStores.builder()
        .clusterConnection(appConnection)
        .keyPrefix(PREFIX)
        .clock(clock)
        .build();
  }

  @Test
  void keys_manyIds_spreadOverTheMasters() throws Exception {
    for (int i = 0; i < 60; i++) {
      assertThat(
              viaUri
                  .replayCache()
                  .firstSeen(UUID.randomUUID().toString(), Instant.now().plusSeconds(60)))
          .isTrue();
    }
    int mastersWithKeys = 0;
    for (PrivateRedisServer node : NODES) {
      RedisClient c = RedisClient.create(node.uri());
      try (StatefulRedisConnection<String, String> conn = c.connect()) {
        mastersWithKeys += conn.sync().dbsize() > 0 ? 1 : 0;
      } finally {
        c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
    assertThat(mastersWithKeys).isEqualTo(3);
  }

  @Test
  void claim_scriptMissing_loadedOnEveryMaster() throws Exception {
    appConnection.sync().scriptFlush();
    String digest =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-1")
                    .digest(
                        LuaScript.IDEMPOTENCY_COMPLETE.source().getBytes(StandardCharsets.UTF_8)));
    IdempotencyStore s = viaUri.idempotencyStore();
    String key = UUID.randomUUID().toString();
    String token =
        s.claim(key, "fp", Instant.now().plusSeconds(30), Instant.now().plusSeconds(60))
            .token()
            .orElseThrow();
    assertThat(
            s.complete(
                key,
                token,
                new io.github.govdx.client.provider.ProviderResponse(
                    200, java.util.Map.of(), new byte[] {7}),
                Instant.now().plusSeconds(60)))
        .isTrue();
    for (PrivateRedisServer node : NODES) {
      RedisClient c = RedisClient.create(node.uri());
      try (StatefulRedisConnection<String, String> conn = c.connect()) {
        assertThat(conn.sync().scriptExists(digest)).containsExactly(true);
      } finally {
        c.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
    assertThat(
            s.claim(key, "fp", Instant.now().plusSeconds(30), Instant.now().plusSeconds(60))
                .outcome())
        .isEqualTo(Outcome.COMPLETED);
  }

  @Test
  void reserve_onCluster_burstThenEmpty() {
    RateLimiter l = viaUri.rateLimiter();
    String b = "party:" + UUID.randomUUID();
    RateLimit limit = RateLimit.perSecond(1, 3);
    for (int i = 0; i < 3; i++) {
      assertThat(l.reserve(b, limit, Duration.ZERO)).contains(Duration.ZERO);
    }
    assertThat(l.reserve(b, limit, Duration.ZERO)).isEmpty();
  }

  @Nested
  class ReplayCaches extends ReplayCacheContract {
    @Override
    protected ReplayCache newCache(Clock clock) {
      return stores(clock).replayCache();
    }
  }

  @Nested
  class NonceCaches extends NonceCacheContract {
    @Override
    protected NonceCache newCache(Clock clock) {
      return stores(clock).nonceCache();
    }
  }

  @Nested
  class IdempotencyStores extends IdempotencyStoreContract {
    @Override
    protected IdempotencyStore newStore(Clock clock) {
      return stores(clock).idempotencyStore();
    }
  }

  @Nested
  class RateLimiters extends RateLimiterContract {
    @Override
    protected RateLimiter newLimiter() {
      return stores(Clock.systemUTC()).rateLimiter();
    }
  }
}
