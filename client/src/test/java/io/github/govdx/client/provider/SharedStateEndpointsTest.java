package io.github.govdx.client.provider;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.contract.MutableClock;
import io.github.govdx.client.internal.Json;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.replay.InMemoryReplayCache;
import io.github.govdx.crypto.replay.ReplayCache;
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

/**
 * Two provider instances on one shared replay cache and idempotency store (in memory here; the store modules run
 * the same scenarios on their servers): an envelope accepted at one is refused at the other, a push retried at the
 * other is answered from the store, and a push whose first instance died mid-call is resumed once its lease ran
 * out instead of being refused as a replay.
 */
class SharedStateEndpointsTest {

  private static final ResourceDetail DETAIL =
      Json.resourceDetail((Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8)));

  private final TestPki pki = new TestPki(Suite.GM, Fixtures.HOTLINE, Fixtures.POLICE);
  private final MutableClock clock = new MutableClock(Instant.now());
  private final ReplayCache replay = new InMemoryReplayCache(clock, 10_000);
  private final IdempotencyStore idempotency = new InMemoryIdempotencyStore(clock);
  private final List<String> handled = new CopyOnWriteArrayList<>();

  private ProviderEndpoint instance(PushHandler handler) {
    return ProviderEndpoint.builder()
        .party(Fixtures.POLICE)
        .credentials(pki.credentials(Fixtures.POLICE))
        .trustStore(pki.trust)
        .directory(pki.directory)
        .clock(clock)
        .replayCache(replay)
        .idempotencyStore(idempotency)
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
    return push(UUID.randomUUID().toString());
  }

  private byte[] push(String messageId) {
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
                .messageId(messageId)
                .sender(Fixtures.HOTLINE)
                .receiver(Fixtures.POLICE)
                .resourceCode(Fixtures.RESOURCE)
                .action("push")
                .build(),
            "{\"records\":[{\"xm\":\"甲\",\"sfzh\":\"11010519491231002X\"}]}"
                .getBytes(StandardCharsets.UTF_8))
        .toBytes();
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
  void envelopeAcceptedAtOne_replayedUnderAnotherKeyAtTheOther_refused() {
    ProviderEndpoint one = instance(recording());
    ProviderEndpoint two = instance(recording());
    byte[] body = push();
    assertThat(send(one, "key-aaaa-0000-0001", body).status()).isEqualTo(201);
    ProviderResponse replayed = send(two, "key-aaaa-0000-0002", body);
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(code(replayed)).isEqualTo("GDX-3304");
    assertThat(new String(replayed.body(), StandardCharsets.UTF_8)).contains("GDX-2303");
    assertThat(handled).hasSize(1);
  }

  @Test
  void retriedAtTheOtherInstance_storedAnswerServed_handledOnce() {
    ProviderEndpoint one = instance(recording());
    ProviderEndpoint two = instance(recording());
    byte[] body = push();
    ProviderResponse first = send(one, "key-bbbb-0000-0001", body);
    ProviderResponse retry = send(two, "key-bbbb-0000-0001", body);
    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.body()).isEqualTo(first.body());
    assertThat(retry.headers()).containsEntry("Idempotency-Replayed", "true");
    assertThat(handled).hasSize(1);
  }

  @Test
  void firstInstanceStuckPastItsLease_sameBodyResumedAtTheOther_notRefusedAsReplay()
      throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ProviderEndpoint stuck =
        instance(
            p -> {
              entered.countDown();
              try {
                release.await(30, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              throw new IllegalStateException("the first instance died");
            });
    ProviderEndpoint other = instance(recording());
    byte[] body = push();
    AtomicReference<ProviderResponse> lost = new AtomicReference<>();
    Thread t = new Thread(() -> lost.set(send(stuck, "key-cccc-0000-0001", body)));
    t.start();
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();

    ProviderResponse during = send(other, "key-cccc-0000-0001", body);
    assertThat(during.status()).isEqualTo(409);
    assertThat(code(during)).isEqualTo("GDX-3009");

    clock.advance(Duration.ofSeconds(31));
    ProviderResponse resumed = send(other, "key-cccc-0000-0001", body);
    assertThat(resumed.status())
        .as(new String(resumed.body(), StandardCharsets.UTF_8))
        .isEqualTo(201);
    assertThat(handled).containsExactly("key-cccc-0000-0001");

    release.countDown();
    t.join(30_000);
    assertThat(lost.get().status()).isEqualTo(500);
    ProviderResponse later = send(other, "key-cccc-0000-0001", body);
    assertThat(later.headers()).containsEntry("Idempotency-Replayed", "true");
    assertThat(later.body()).isEqualTo(resumed.body());
  }

  @Test
  void handlerFailedOnce_retryOfTheSameEnvelopeWithItsKey_handledNotRefusedAsReplay() {
    java.util.concurrent.atomic.AtomicInteger calls =
        new java.util.concurrent.atomic.AtomicInteger();
    ProviderEndpoint one =
        instance(
            p -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the department's database hiccuped");
              }
              handled.add(p.idempotencyKey());
              return "b-" + handled.size();
            });
    ProviderEndpoint two = instance(recording());
    byte[] body = push();
    ProviderResponse failed = send(one, "key-eeee-0000-0001", body);
    assertThat(failed.status()).isEqualTo(500);
    assertThat(code(failed)).isEqualTo("GDX-3306");
    ProviderResponse retried = send(one, "key-eeee-0000-0001", body);
    assertThat(retried.status())
        .as(new String(retried.body(), StandardCharsets.UTF_8))
        .isEqualTo(201);
    assertThat(send(two, "key-eeee-0000-0001", body).headers())
        .containsEntry("Idempotency-Replayed", "true");
    assertThat(handled).containsExactly("key-eeee-0000-0001");
  }

  @Test
  void resealedPushSameMessageIdSameKey_answeredFromTheStore() {
    ProviderEndpoint one = instance(recording());
    String mid = UUID.randomUUID().toString();
    byte[] first = push(mid);
    clock.advance(Duration.ofSeconds(5));
    byte[] resealed = push(mid);
    assertThat(resealed).isNotEqualTo(first);
    ProviderResponse a = send(one, "key-ffff-0000-0001", first);
    ProviderResponse b = send(one, "key-ffff-0000-0001", resealed);
    assertThat(a.status()).isEqualTo(201);
    assertThat(b.status()).isEqualTo(201);
    assertThat(b.body()).isEqualTo(a.body());
    assertThat(handled).hasSize(1);
  }

  @Test
  void sameEnvelopeUnderAnotherKeyAfterAnAbandonedClaim_stillRefusedAsReplay() {
    ProviderEndpoint one = instance(recording());
    byte[] body = push();
    assertThat(send(one, "key-dddd-0000-0001", body).status()).isEqualTo(201);
    clock.advance(Duration.ofSeconds(31));
    ProviderResponse other = send(one, "key-dddd-0000-0002", body);
    assertThat(other.status()).isEqualTo(400);
    assertThat(handled).hasSize(1);
  }
}
