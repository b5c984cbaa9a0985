package io.github.govdx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.RateLimit;
import io.github.govdx.client.contract.ReplayCacheContract;
import io.github.govdx.client.provider.IdempotencyClaim;
import io.github.govdx.client.provider.IdempotencyClaim.Outcome;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.core.state.StateStoreException;
import io.github.govdx.crypto.replay.ReplayCache;
import io.github.govdx.store.redis.internal.LuaScript;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outages of a PRIVATE redis-server child process (its own port; the shared server is never stopped): while it is
 * down or frozen every call fails closed with {@code GDX-1601} within the command timeout, never {@code true} or
 * {@code ACQUIRED}; after it is back on the same port the same store objects work again within 5 s.
 */
class RedisOutageTest {

  private static final Logger LOG = LoggerFactory.getLogger(RedisOutageTest.class);
  private static final Duration TIMEOUT = Duration.ofSeconds(1);
  private static final Duration SLACK = Duration.ofMillis(700);
  private static final Duration RECOVERY = Duration.ofSeconds(5);

  private static Instant in(int seconds) {
    return Instant.now().plusSeconds(seconds);
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private static void failsClosed(Duration within, ThrowingCallable call) {
    long start = System.nanoTime();
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            StateStoreException.class,
            e -> {
              assertThat(e.code()).isEqualTo("GDX-1601");
              assertThat(e.retryable()).isTrue();
            });
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    LOG.info("refused with GDX-1601 after {} ms", took.toMillis());
    assertThat(took).isLessThan(within);
  }

  private static <T> Duration recovers(Supplier<T> call) throws InterruptedException {
    long start = System.nanoTime();
    while (true) {
      try {
        call.get();
        return Duration.ofNanos(System.nanoTime() - start);
      } catch (StateStoreException e) {
        if (System.nanoTime() - start > Duration.ofSeconds(30).toNanos()) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  private static String sha1(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void calls_serverKilledThenRestarted_failClosedWithinTimeoutThenSameStoresWorkWithin5s()
      throws Exception {
    try (PrivateRedisServer server = PrivateRedisServer.start();
        RedisStores s =
            RedisStores.builder()
                .uri(server.uri())
                .commandTimeout(TIMEOUT)
                .keyPrefix("o:")
                .build()) {
      RedisClient appClient = RedisClient.create(server.uri());
      try (RedisStores app =
          RedisStores.builder().client(appClient).commandTimeout(TIMEOUT).keyPrefix("o:").build()) {
        String key = id();
        IdempotencyClaim claim = s.idempotencyStore().claim(key, "fp", in(60), in(600));
        assertThat(claim.outcome()).isEqualTo(Outcome.ACQUIRED);
        String token = claim.token().orElseThrow();
        assertThat(s.replayCache().firstSeen(id(), in(60))).isTrue();
        assertThat(app.replayCache().firstSeen(id(), in(60))).isTrue();

        server.kill();

        Duration within = TIMEOUT.plus(SLACK);
        failsClosed(within, () -> s.replayCache().firstSeen(id(), in(60)));
        // an early claim (the codec's) fails closed the same way; its release neither throws nor
        // hangs
        ReplayCache.Claim early = s.replayCache().claim(id(), in(60));
        failsClosed(within, early::firstSeen);
        long releasing = System.nanoTime();
        early.release();
        assertThat(Duration.ofNanos(System.nanoTime() - releasing)).isLessThan(within);
        byte[] refused =
            ReplayCacheContract.openWhileStoreDown_failsClosed(s.replayCache(), within);
        failsClosed(within, () -> s.nonceCache().firstUse(id(), in(60)));
        failsClosed(within, () -> s.idempotencyStore().claim(id(), "fp", in(60), in(600)));
        failsClosed(within, () -> s.idempotencyStore().claim(key, "fp", in(60), in(600)));
        failsClosed(
            within,
            () ->
                s.idempotencyStore()
                    .complete(
                        key, token, new ProviderResponse(200, Map.of(), new byte[0]), in(600)));
        failsClosed(within, () -> s.idempotencyStore().release(key, token));
        failsClosed(
            within,
            () -> s.rateLimiter().reserve("party:x", RateLimit.perSecond(5, 5), Duration.ZERO));
        // the application's client keeps Lettuce's defaults (commands buffered while disconnected):
        // the deadline still holds, and the cancelled command is not sent after the reconnect
        String buffered = id();
        failsClosed(within, () -> app.replayCache().firstSeen(buffered, in(60)));

        server.startAgain();

        String fresh = id();
        Duration back = recovers(() -> s.replayCache().firstSeen(fresh, in(60)));
        LOG.info("the same stores answered {} ms after the restart", back.toMillis());
        assertThat(back).as("recovery after the restart").isLessThan(RECOVERY);
        assertThat(s.replayCache().firstSeen(fresh, in(60))).isFalse();
        ReplayCacheContract.openAfterOutage_acceptedOnce(s.replayCache(), refused);
        // a new process has an empty script cache: EVALSHA meets NOSCRIPT, the script is loaded
        // again
        try (StatefulRedisConnection<String, String> probe = appClient.connect()) {
          String digest = sha1(LuaScript.IDEMPOTENCY_CLAIM.source());
          assertThat(probe.sync().scriptExists(digest)).containsExactly(false);
          assertThat(s.idempotencyStore().claim(id(), "fp", in(60), in(600)).outcome())
              .isEqualTo(Outcome.ACQUIRED);
          assertThat(probe.sync().scriptExists(digest)).containsExactly(true);
        }
        assertThat(s.rateLimiter().reserve("party:x", RateLimit.perSecond(5, 5), Duration.ZERO))
            .contains(Duration.ZERO);

        recovers(() -> app.nonceCache().firstUse(id(), in(60)));
        assertThat(app.replayCache().firstSeen(buffered, in(60)))
            .as("the id whose call failed was never recorded")
            .isTrue();
      } finally {
        appClient.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      }
    }
  }

  @Test
  void calls_serverFrozen_timeOutWithinCommandTimeoutThenWorkAfterThaw() throws Exception {
    try (PrivateRedisServer server = PrivateRedisServer.start();
        RedisStores s =
            RedisStores.builder()
                .uri(server.uri())
                .commandTimeout(TIMEOUT)
                .keyPrefix("f:")
                .build()) {
      assertThat(s.nonceCache().firstUse(id(), in(60))).isTrue();
      server.freeze();
      long start = System.nanoTime();
      failsClosed(TIMEOUT.plus(SLACK), () -> s.nonceCache().firstUse(id(), in(60)));
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .as("waited for the timeout")
          .isGreaterThanOrEqualTo(TIMEOUT.minusMillis(50));
      failsClosed(
          TIMEOUT.plus(SLACK), () -> s.idempotencyStore().claim(id(), "fp", in(60), in(600)));
      server.thaw();
      Duration back = recovers(() -> s.nonceCache().firstUse(id(), in(60)));
      LOG.info("answered {} ms after the thaw", back.toMillis());
      assertThat(back).isLessThan(RECOVERY);
      assertThat(s.idempotencyStore().claim(id(), "fp", in(60), in(600)).outcome())
          .isEqualTo(Outcome.ACQUIRED);
    }
  }
}
