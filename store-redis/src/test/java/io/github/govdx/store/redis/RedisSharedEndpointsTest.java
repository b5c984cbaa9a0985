package io.github.govdx.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.contract.MutableClock;
import io.github.govdx.client.contract.Race;
import io.github.govdx.client.internal.Json;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderRequest;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.client.provider.PushHandler;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Three provider instances, each with its own {@link RedisStores} on its own connection to the real Redis (one
 * prefix, as one department): an envelope accepted at one is refused at another, a retry at another instance is
 * answered from Redis, thirty racing deliveries of one push run the handler once, and a push whose first instance
 * is stuck past its lease is resumed at another.
 */
@ExtendWith(TestRedis.Extension.class)
class RedisSharedEndpointsTest {

  private static final ResourceDetail DETAIL =
      Json.resourceDetail((Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8)));

  private final TestRedis redis = TestRedis.shared();
  private final TestPki pki = new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE);
  private final MutableClock clock = new MutableClock(Instant.now());
  private final List<String> handled = new CopyOnWriteArrayList<>();

  private ProviderEndpoint instance(int i, PushHandler handler) {
    RedisStores stores =
        RedisStores.builder()
            .connection(redis.connection(i))
            .keyPrefix(redis.prefix())
            .clock(clock)
            .build();
    return ProviderEndpoint.builder()
        .party(Fixtures.POLICE)
        .credentials(pki.credentials(Fixtures.POLICE))
        .trustStore(pki.trust)
        .directory(pki.directory)
        .clock(clock)
        .replayCache(stores.replayCache())
        .idempotencyStore(stores.idempotencyStore())
        .idempotencyLease(Duration.ofSeconds(30))
        .push(DETAIL, handler)
        .build();
  }

  private PushHandler recording() {
    return p -> {
      handled.add(p.idempotencyKey());
      return "b-" + handled.size();
    };
  }

  private byte[] push() {
    EnvelopeCodec codec =
        EnvelopeCodec.builder()
            .credentials(pki.credentials(Fixtures.HOTLINE))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .clock(clock)
            .build();
    return codec
        .seal(
            RoutingHeaders.builder()
                .messageId(UUID.randomUUID().toString())
                .sender(Fixtures.HOTLINE)
                .receiver(Fixtures.POLICE)
                .resourceCode(Fixtures.RESOURCE)
                .action("push")
                .build(),
            "{\"records\":[{\"xm\":\"甲\",\"sfzh\":\"11010519491231002X\"}]}"
                .getBytes(StandardCharsets.UTF_8))
        .toBytes();
  }

  private static String key() {
    return UUID.randomUUID().toString();
  }

  private static ProviderResponse send(ProviderEndpoint e, String key, byte[] body) {
    return e.handle(
        ProviderRequest.of(
            "POST",
            Fixtures.RESOURCE_PATH + "/batches",
            Map.of(
                "Content-Type",
                "application/govdx-envelope+json",
                "X-Gdx-Party",
                Fixtures.HOTLINE.toString(),
                "Idempotency-Key",
                key),
            body));
  }

  private static String code(ProviderResponse r) {
    return Json.parseObject(r.body()).path("code").asText();
  }

  @Test
  void envelopeAcceptedAtOne_replayedUnderAnotherKeyAtAnother_refused() {
    ProviderEndpoint one = instance(0, recording());
    ProviderEndpoint two = instance(1, recording());
    byte[] body = push();
    assertThat(send(one, key(), body).status()).isEqualTo(201);
    ProviderResponse replayed = send(two, key(), body);
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(code(replayed)).isEqualTo("GDX-3304");
    assertThat(handled).hasSize(1);
  }

  @Test
  void retriedAtAnotherInstance_storedAnswerServed_handledOnce() {
    ProviderEndpoint one = instance(0, recording());
    ProviderEndpoint three = instance(2, recording());
    byte[] body = push();
    String key = key();
    ProviderResponse first = send(one, key, body);
    ProviderResponse retry = send(three, key, body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.headers()).containsEntry("Idempotency-Replayed", "true");
    assertThat(handled).hasSize(1);
  }

  @Test
  void thirtyDeliveriesOfOnePushRacingOverThreeInstances_handlerRunsOnce() throws Exception {
    ProviderEndpoint[] instances = {
      instance(0, recording()), instance(1, recording()), instance(2, recording())
    };
    byte[] body = push();
    String key = key();
    List<ProviderResponse> answers = Race.run(30, i -> () -> send(instances[i % 3], key, body));
    assertThat(handled).containsExactly(key);
    assertThat(answers).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
    assertThat(answers)
        .filteredOn(r -> r.status() == 409)
        .allMatch(r -> code(r).equals("GDX-3009"));
    assertThat(answers)
        .filteredOn(r -> r.status() == 201 && !r.headers().containsKey("Idempotency-Replayed"))
        .hasSize(1);
  }

  @Test
  void firstInstanceStuckPastItsLease_sameBodyResumedAtAnother() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ProviderEndpoint stuck =
        instance(
            0,
            p -> {
              entered.countDown();
              try {
                release.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new IllegalStateException("the first instance died");
            });
    ProviderEndpoint other = instance(1, recording());
    byte[] body = push();
    String key = key();
    AtomicReference<ProviderResponse> lost = new AtomicReference<>();
    Thread t = new Thread(() -> lost.set(send(stuck, key, body)));
    t.start();
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    ProviderResponse during = send(other, key, body);
    assertThat(during.status()).isEqualTo(409);
    assertThat(code(during)).isEqualTo("GDX-3009");

    clock.advance(Duration.ofSeconds(31));
    ProviderResponse resumed = send(other, key, body);
    assertThat(resumed.status())
        .as(new String(resumed.body(), StandardCharsets.UTF_8))
        .isEqualTo(201);
    assertThat(handled).containsExactly(key);

    release.countDown();
    t.join(30_000);
    assertThat(lost.get().status()).isEqualTo(500);
    ProviderResponse later = send(instance(2, recording()), key, body);
    assertThat(later.headers()).containsEntry("Idempotency-Replayed", "true");
    assertThat(later.body()).isEqualTo(resumed.body());
    assertThat(handled).containsExactly(key);
  }
}
