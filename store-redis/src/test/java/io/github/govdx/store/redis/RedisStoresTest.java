package io.github.govdx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.RateLimit;
import io.github.govdx.client.contract.MutableClock;
import io.github.govdx.client.provider.IdempotencyClaim.Outcome;
import io.github.govdx.client.provider.IdempotencyStore;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.core.state.StateStoreException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the contracts do not cover: key layout, lifetimes, stored data, error mapping, the builder. */
@ExtendWith(TestRedis.Extension.class)
class RedisStoresTest {

  private final TestRedis redis = TestRedis.shared();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
  private final RedisCommands<String, String> sync = redis.connection(0).sync();

  private static String sha256Hex(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void firstSeen_newId_keyIsPrefixKindAndHashTaggedDigestWithTtlFromExpiry() throws Exception {
    RedisStores s = redis.stores(clock);
    String id = "91350100M000100Y43 " + UUID.randomUUID();
    assertThat(s.replayCache().firstSeen(id, clock.instant().plusSeconds(300))).isTrue();
    String key = redis.prefix() + "replay:{" + sha256Hex(id) + "}";
    assertThat(sync.exists(key)).isEqualTo(1);
    assertThat(sync.pttl(key)).isBetween(299_000L, 300_000L);
    assertThat(redis.keys()).noneMatch(k -> k.contains(id) || k.contains("91350100M000100Y43"));
  }

  @Test
  void firstUse_sameIdAsReplay_separateNamespaces() throws Exception {
    RedisStores s = redis.stores(clock);
    String id = "key-1 " + UUID.randomUUID();
    Instant exp = clock.instant().plusSeconds(60);
    assertThat(s.replayCache().firstSeen(id, exp)).isTrue();
    assertThat(s.nonceCache().firstUse(id, exp)).isTrue();
    assertThat(s.nonceCache().firstUse(id, exp)).isFalse();
    assertThat(sync.exists(redis.prefix() + "nonce:{" + sha256Hex(id) + "}")).isEqualTo(1);
  }

  @Test
  void firstSeen_expiryAlreadyPassed_keptOneMillisecondAtLeast() throws Exception {
    RedisStores s = redis.stores(clock);
    String id = UUID.randomUUID().toString();
    assertThat(s.replayCache().firstSeen(id, clock.instant().minusSeconds(5))).isTrue();
    Thread.sleep(20);
    assertThat(sync.exists(redis.prefix() + "replay:{" + sha256Hex(id) + "}")).isZero();
  }

  @Test
  void claim_storesHashWithTtlAndNoPlainKey() throws Exception {
    IdempotencyStore s = redis.stores(clock).idempotencyStore();
    String key = "11010519491231002X 张三 " + UUID.randomUUID();
    String token =
        s.claim(key, "fp", clock.instant().plusSeconds(30), clock.instant().plusSeconds(600))
            .token()
            .orElseThrow();
    String redisKey = redis.prefix() + "idem:{" + sha256Hex(key) + "}";
    Map<String, String> h = sync.hgetall(redisKey);
    assertThat(h)
        .containsEntry("fp", "fp")
        .containsEntry("tok", token)
        .containsEntry("lease", Long.toString(clock.instant().plusSeconds(30).toEpochMilli()))
        .containsEntry("exp", Long.toString(clock.instant().plusSeconds(600).toEpochMilli()));
    assertThat(sync.pttl(redisKey)).isBetween(599_000L, 600_000L);
    ProviderResponse answer =
        new ProviderResponse(200, Map.of("Content-Type", "application/json"), new byte[] {1, 2});
    assertThat(s.complete(key, token, answer, clock.instant().plusSeconds(86_400))).isTrue();
    assertThat(sync.hget(redisKey, "tok")).isNull();
    assertThat(sync.pttl(redisKey)).isBetween(86_399_000L, 86_400_000L);
    assertThat(redis.keys()).noneMatch(k -> k.contains("11010519491231002X"));
  }

  @Test
  void claim_unreadableStoredAnswer_misconfiguredNotCompleted() throws Exception {
    IdempotencyStore s = redis.stores(clock).idempotencyStore();
    String key = UUID.randomUUID().toString();
    String token =
        s.claim(key, "fp", clock.instant().plusSeconds(30), clock.instant().plusSeconds(600))
            .token()
            .orElseThrow();
    s.complete(
        key,
        token,
        new ProviderResponse(200, Map.of(), new byte[0]),
        clock.instant().plusSeconds(600));
    sync.hset(redis.prefix() + "idem:{" + sha256Hex(key) + "}", "ans", "{\"v\":9}");
    assertThatThrownBy(
            () ->
                s.claim(
                    key, "fp", clock.instant().plusSeconds(30), clock.instant().plusSeconds(600)))
        .isInstanceOfSatisfying(
            StateStoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo("GDX-1602");
              assertThat(e.retryable()).isFalse();
            });
  }

  @Test
  void claim_keyHoldsAnotherType_misconfiguredWithoutKeyInMessage() throws Exception {
    IdempotencyStore s = redis.stores(clock).idempotencyStore();
    String key = "secret-person " + UUID.randomUUID();
    sync.set(redis.prefix() + "idem:{" + sha256Hex(key) + "}", "not a hash");
    assertThatThrownBy(
            () ->
                s.claim(
                    key, "fp", clock.instant().plusSeconds(30), clock.instant().plusSeconds(600)))
        .isInstanceOfSatisfying(
            StateStoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo("GDX-1602");
              assertThat(e.getMessage()).contains("WRONGTYPE").doesNotContain("secret-person");
            });
  }

  @Test
  void reserve_bucketKeyExpiresWhenFullAgain() throws Exception {
    RedisStores s = redis.stores(clock);
    String bucket = "party:" + UUID.randomUUID();
    assertThat(s.rateLimiter().reserve(bucket, RateLimit.perSecond(2, 4), Duration.ZERO))
        .contains(Duration.ZERO);
    String key = redis.prefix() + "rate:{" + sha256Hex(bucket) + "}";
    assertThat(sync.hgetall(key)).containsOnlyKeys("tokens", "ts");
    // one token short of a burst of 4 at 2/s: full again in 0.5 s, forgotten 1 s after that
    assertThat(sync.pttl(key)).isBetween(1_000L, 1_500L);
  }

  @Test
  void reserve_limitLowered_bucketClampedToNewBurst() {
    RedisStores s = redis.stores(clock);
    String bucket = "party:" + UUID.randomUUID();
    assertThat(s.rateLimiter().reserve(bucket, RateLimit.perSecond(1, 10), Duration.ZERO))
        .contains(Duration.ZERO);
    RateLimit lower = RateLimit.perSecond(1, 2);
    assertThat(s.rateLimiter().reserve(bucket, lower, Duration.ZERO)).contains(Duration.ZERO);
    assertThat(s.rateLimiter().reserve(bucket, lower, Duration.ZERO)).contains(Duration.ZERO);
    assertThat(s.rateLimiter().reserve(bucket, lower, Duration.ZERO)).isEmpty();
  }

  @Test
  void reserve_negativeMaxWait_illegalArgument() {
    RedisStores s = redis.stores(clock);
    assertThatThrownBy(
            () -> s.rateLimiter().reserve("b", RateLimit.perSecond(1, 1), Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void build_noSourceOrTwo_illegalState() {
    assertThatThrownBy(() -> RedisStores.builder().build())
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(
            () ->
                RedisStores.builder()
                    .connection(redis.connection(0))
                    .uri("redis://127.0.0.1:6379")
                    .build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void builder_badSettings_illegalArgument() {
    assertThatThrownBy(() -> RedisStores.builder().keyPrefix("a{b}"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisStores.builder().commandTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RedisStores.builder().commandTimeout(Duration.ofMinutes(2)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void close_applicationConnection_leftOpen() {
    StatefulRedisConnection<String, String> c = redis.connection(1);
    RedisStores.builder().connection(c).keyPrefix(redis.prefix()).build().close();
    assertThat(c.isOpen()).isTrue();
    assertThat(c.sync().ping()).isEqualTo("PONG");
  }

  @Test
  void close_applicationClient_ownConnectionClosedClientStillUsable() {
    RedisClient client = RedisClient.create("redis://127.0.0.1:6379");
    try {
      RedisStores s = RedisStores.builder().client(client).keyPrefix(redis.prefix()).build();
      assertThat(
              s.nonceCache().firstUse(UUID.randomUUID().toString(), Instant.now().plusSeconds(5)))
          .isTrue();
      s.close();
      try (StatefulRedisConnection<String, String> again = client.connect()) {
        assertThat(again.sync().ping()).isEqualTo("PONG");
      }
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }

  @Test
  void build_uriOfSharedRedis_worksAndCloses() {
    try (RedisStores s =
        RedisStores.builder()
            .uri("redis://" + TestRedis.HOST + ":" + TestRedis.PORT)
            .keyPrefix(redis.prefix())
            .build()) {
      String id = UUID.randomUUID().toString();
      assertThat(s.replayCache().firstSeen(id, Instant.now().plusSeconds(5))).isTrue();
      assertThat(s.replayCache().firstSeen(id, Instant.now().plusSeconds(5))).isFalse();
      assertThat(
              s.idempotencyStore()
                  .claim(id, "fp", Instant.now().plusSeconds(5), Instant.now().plusSeconds(5))
                  .outcome())
          .isEqualTo(Outcome.ACQUIRED);
    }
  }

  @Test
  void build_uriNobodyListensOn_unavailableWithinTimeout() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                RedisStores.builder()
                    .uri("redis://127.0.0.1:" + port)
                    .commandTimeout(Duration.ofSeconds(1))
                    .build())
        .isInstanceOfSatisfying(
            StateStoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo("GDX-1601");
              assertThat(e.retryable()).isTrue();
            });
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }
}
