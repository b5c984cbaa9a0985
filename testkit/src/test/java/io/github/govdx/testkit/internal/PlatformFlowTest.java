package io.github.govdx.testkit.internal;

import static io.github.govdx.testkit.internal.Harness.BIGDATA;
import static io.github.govdx.testkit.internal.Harness.CITY;
import static io.github.govdx.testkit.internal.Harness.DEMANDS;
import static io.github.govdx.testkit.internal.Harness.HOTLINE;
import static io.github.govdx.testkit.internal.Harness.POLICE;
import static io.github.govdx.testkit.internal.Harness.code;
import static io.github.govdx.testkit.internal.Harness.envelope;
import static io.github.govdx.testkit.internal.Harness.json;
import static io.github.govdx.testkit.internal.Harness.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.testkit.Fault;
import io.github.govdx.testkit.Route;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlatformFlowTest {

  private static final String PUSH = "/v1/data/335002001/00003/batches";
  private Harness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void push_idempotency_replaysSameBodyAndRejectsOtherBody() {
    h = new Harness();
    byte[] env = envelope(HOTLINE, BIGDATA, DEMANDS, "push");
    HttpResponse<String> noKey = h.postEnvelope(HOTLINE, PUSH, env, null);
    assertThat(noKey.statusCode()).isEqualTo(400);
    assertThat(code(noKey)).isEqualTo("GDX-3007");
    assertThat(code(h.postEnvelope(HOTLINE, PUSH, env, "short"))).isEqualTo("GDX-3007");

    String k = key();
    HttpResponse<String> first = h.postEnvelope(HOTLINE, PUSH, env, k);
    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(first.headers().firstValue("Idempotency-Replayed")).isEmpty();
    HttpResponse<String> again = h.postEnvelope(HOTLINE, PUSH, env, k);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.headers().firstValue("Idempotency-Replayed")).contains("true");
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(h.providerCalls.get()).isEqualTo(1);

    HttpResponse<String> other =
        h.postEnvelope(HOTLINE, PUSH, envelope(HOTLINE, BIGDATA, DEMANDS, "push"), k);
    assertThat(other.statusCode()).isEqualTo(422);
    assertThat(code(other)).isEqualTo("GDX-3008");
    assertThat(h.postEnvelope(CITY, PUSH, envelope(CITY, BIGDATA, DEMANDS, "push"), k).statusCode())
        .as("keys are per calling party")
        .isEqualTo(201);
    assertThat(h.providerCalls.get()).isEqualTo(2);
  }

  @Test
  void push_concurrentRetriesWithOneKey_executeOnce() throws Exception {
    h = new Harness();
    CountDownLatch release = new CountDownLatch(1);
    io.github.govdx.testkit.SandboxProvider slow =
        req -> {
          h.providerCalls.incrementAndGet();
          release.await();
          JsonNode in = Json.MAPPER.readTree(req.body());
          return new io.github.govdx.testkit.SandboxProvider.Response(
              201,
              java.util.Map.of("Content-Type", Reply.ENVELOPE),
              envelope(BIGDATA, HOTLINE, DEMANDS, "push.receipt"));
        };
    h.providers.put(BIGDATA, slow);
    byte[] env = envelope(HOTLINE, BIGDATA, DEMANDS, "push");
    String k = key();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<HttpResponse<String>>> calls = new ArrayList<>();
      calls.add(pool.submit(() -> h.postEnvelope(HOTLINE, PUSH, env, k)));
      Thread.sleep(200);
      for (int i = 0; i < 5; i++) {
        calls.add(pool.submit(() -> h.postEnvelope(HOTLINE, PUSH, env, k)));
      }
      Thread.sleep(300);
      release.countDown();
      int created = 0;
      int inProgress = 0;
      for (Future<HttpResponse<String>> f : calls) {
        HttpResponse<String> r = f.get();
        if (r.statusCode() == 201) {
          created++;
        } else {
          assertThat(r.statusCode()).isEqualTo(409);
          assertThat(code(r)).isEqualTo("GDX-3009");
          assertThat(r.headers().firstValue("Retry-After")).isPresent();
          inProgress++;
        }
      }
      assertThat(created).isEqualTo(1);
      assertThat(inProgress).isEqualTo(5);
      assertThat(h.providerCalls.get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void push_failedProviderAnswer_isNotStored_retryExecutesAgain() {
    h = new Harness();
    h.faults.add(Route.DATA_PUSH, Fault.status(503).retryAfter(Duration.ofMillis(1500)).times(1));
    byte[] env = envelope(HOTLINE, BIGDATA, DEMANDS, "push");
    String k = key();
    HttpResponse<String> busy = h.postEnvelope(HOTLINE, PUSH, env, k);
    assertThat(busy.statusCode()).isEqualTo(503);
    assertThat(code(busy)).isEqualTo("GDX-3214");
    assertThat(busy.headers().firstValue("Retry-After")).contains("2");
    HttpResponse<String> retry = h.postEnvelope(HOTLINE, PUSH, env, k);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotency-Replayed")).isEmpty();
  }

  @Test
  void fault_resetAfterHandling_thenRetryIsReplayed() {
    h = new Harness();
    h.faults.add(Route.DATA_PUSH, Fault.connectionReset().afterHandling().times(1));
    byte[] env = envelope(HOTLINE, BIGDATA, DEMANDS, "push");
    String k = key();
    assertThatThrownBy(() -> h.postEnvelope(HOTLINE, PUSH, env, k))
        .isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(h.providerCalls.get())
        .as("the batch was stored before the connection dropped")
        .isEqualTo(1);
    HttpResponse<String> retry = h.postEnvelope(HOTLINE, PUSH, env, k);
    assertThat(retry.statusCode()).isEqualTo(201);
    assertThat(retry.headers().firstValue("Idempotency-Replayed")).contains("true");
    assertThat(h.providerCalls.get()).isEqualTo(1);
  }

  @Test
  void fault_latencyStatusAndPlainBody_perRouteOnly() {
    h = new Harness();
    h.faults.add(Route.CATALOG_SEARCH, Fault.latency(Duration.ofMillis(300)));
    long t0 = System.nanoTime();
    assertThat(h.get(HOTLINE, "/v1/catalog/resources").statusCode()).isEqualTo(200);
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    h.faults.add(Route.CATALOG_DETAIL, Fault.status(401).plainBody("Invalid signature").times(2));
    HttpResponse<String> plain = h.get(HOTLINE, "/v1/catalog/resources/335001001/00012");
    assertThat(plain.statusCode()).isEqualTo(401);
    assertThat(plain.body()).isEqualTo("Invalid signature");
    assertThat(h.get(HOTLINE, "/v1/catalog/resources/335001001/00012").statusCode()).isEqualTo(401);
    assertThat(h.get(HOTLINE, "/v1/catalog/resources/335001001/00012").statusCode()).isEqualTo(200);
    h.faults.add(Route.APPLICATION_LIST, Fault.status(429).retryAfter(Duration.ofSeconds(3)));
    HttpResponse<String> limited = h.get(HOTLINE, "/v1/applications");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(code(limited)).isEqualTo("GDX-3108");
    assertThat(json(limited).get("source").asText()).isEqualTo("gateway");
    assertThat(limited.headers().firstValue("Retry-After")).contains("3");
    assertThat(h.get(HOTLINE, "/v1/objections").statusCode()).isEqualTo(200);
    h.faults.add(Route.OBJECTION_LIST, Fault.connectionReset());
    assertThatThrownBy(() -> h.get(HOTLINE, "/v1/objections"))
        .isInstanceOf(java.io.UncheckedIOException.class);
    h.faults.clear();
    assertThat(h.get(HOTLINE, "/v1/objections").statusCode()).isEqualTo(200);
  }

  @Test
  void subscription_feed_cursorAckAndLongPoll() throws Exception {
    h = new Harness(p -> p.longPollCap = Duration.ofSeconds(2));
    HttpResponse<String> created =
        h.postJson(
            HOTLINE,
            "/v1/subscriptions",
            "{\"resourceCode\": \"" + DEMANDS + "\", \"eventTypes\": [\"data.updated\"]}");
    assertThat(created.statusCode()).isEqualTo(201);
    String id = json(created).get("subscriptionId").asText();
    String events = "/v1/subscriptions/" + id + "/events";

    long t0 = System.nanoTime();
    JsonNode empty = json(h.get(HOTLINE, events + "?wait=30"));
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .as("wait is capped")
        .isBetween(Duration.ofMillis(1900), Duration.ofSeconds(10));
    assertThat(empty.get("events").size()).isZero();
    String start = empty.get("nextCursor").asText();

    CompletableFuture<HttpResponse<String>> poll =
        CompletableFuture.supplyAsync(() -> h.get(HOTLINE, events + "?wait=5&cursor=" + start));
    Thread.sleep(300);
    assertThat(
            h.postEnvelope(CITY, PUSH, envelope(CITY, BIGDATA, DEMANDS, "push"), key())
                .statusCode())
        .isEqualTo(201);
    JsonNode woke = json(poll.get());
    assertThat(woke.get("events").size()).isEqualTo(1);
    JsonNode ev = woke.get("events").get(0);
    assertThat(ev.get("type").asText()).isEqualTo("data.updated");
    assertThat(ev.get("data").get("batchId").asText()).isEqualTo("b-1");
    assertThat(ev.get("data").get("recordCount").asInt()).isEqualTo(3);

    h.postEnvelope(CITY, PUSH, envelope(CITY, BIGDATA, DEMANDS, "push"), key());
    JsonNode fromStart = json(h.get(HOTLINE, events));
    assertThat(fromStart.get("events").size()).as("nothing acknowledged yet").isEqualTo(2);
    JsonNode one = json(h.get(HOTLINE, events + "?limit=1"));
    assertThat(one.get("events").size()).isEqualTo(1);
    assertThat(
            h.postJson(
                    HOTLINE,
                    "/v1/subscriptions/" + id + "/ack",
                    "{\"cursor\": \"" + one.get("nextCursor").asText() + "\"}")
                .statusCode())
        .isEqualTo(204);
    JsonNode rest = json(h.get(HOTLINE, events));
    assertThat(Harness.texts(rest.get("events"), "eventId"))
        .containsExactly(fromStart.get("events").get(1).get("eventId").asText());
    // acknowledging an older cursor is a no-op
    assertThat(
            h.postJson(
                    HOTLINE, "/v1/subscriptions/" + id + "/ack", "{\"cursor\": \"" + start + "\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(json(h.get(HOTLINE, events)).get("events").size()).isEqualTo(1);

    String other =
        json(h.postJson(HOTLINE, "/v1/subscriptions", "{\"resourceCode\": \"" + DEMANDS + "\"}"))
            .get("subscriptionId")
            .asText();
    assertThat(code(h.get(HOTLINE, "/v1/subscriptions/" + other + "/events?cursor=" + start)))
        .as("a cursor of another subscription")
        .isEqualTo("GDX-3010");
    assertThat(code(h.get(CITY, events))).isEqualTo("GDX-3216");
    assertThat(code(h.get(HOTLINE, events + "?wait=61"))).isEqualTo("GDX-3001");
    assertThat(h.delete(HOTLINE, "/v1/subscriptions/" + id).statusCode()).isEqualTo(204);
    HttpResponse<String> gone = h.delete(HOTLINE, "/v1/subscriptions/" + id);
    assertThat(gone.statusCode()).isEqualTo(404);
    assertThat(code(gone)).isEqualTo("GDX-3204");
  }

  @Test
  void subscription_cursorOlderThanRetention_410() {
    h = new Harness(p -> p.maxEvents = 2);
    String id =
        json(h.postJson(HOTLINE, "/v1/subscriptions", "{\"resourceCode\": \"" + DEMANDS + "\"}"))
            .get("subscriptionId")
            .asText();
    String start =
        json(h.get(HOTLINE, "/v1/subscriptions/" + id + "/events")).get("nextCursor").asText();
    for (int i = 0; i < 4; i++) {
      h.postEnvelope(CITY, PUSH, envelope(CITY, BIGDATA, DEMANDS, "push"), key());
    }
    HttpResponse<String> r = h.get(HOTLINE, "/v1/subscriptions/" + id + "/events?cursor=" + start);
    assertThat(r.statusCode()).isEqualTo(410);
    assertThat(code(r)).isEqualTo("GDX-3211");
  }

  @Test
  void subscription_applicationEvents_onlyForTheApplicant() {
    h = new Harness(p -> p.review.set(io.github.govdx.testkit.ReviewMode.AUTO_APPROVE));
    String mine =
        json(h.postJson(
                HOTLINE,
                "/v1/subscriptions",
                "{\"resourceCode\": \""
                    + Harness.PEOPLE
                    + "\", \"eventTypes\": [\"application.state_changed\"]}"))
            .get("subscriptionId")
            .asText();
    String theirs =
        json(h.postJson(
                CITY, "/v1/subscriptions", "{\"resourceCode\": \"" + Harness.PEOPLE + "\"}"))
            .get("subscriptionId")
            .asText();
    h.postJson(
        HOTLINE,
        "/v1/applications",
        "{\"resourceCode\": \"" + Harness.PEOPLE + "\", \"purpose\": \"p\"}");
    JsonNode ev = json(h.get(HOTLINE, "/v1/subscriptions/" + mine + "/events")).get("events");
    List<String> states = new ArrayList<>();
    ev.forEach(e -> states.add(e.get("data").get("state").asText()));
    assertThat(states).containsExactly("submitted", "under_review", "approved");
    assertThat(json(h.get(CITY, "/v1/subscriptions/" + theirs + "/events")).get("events").size())
        .isZero();
  }

  @Test
  void objection_citesMessageAndDigest_thenLifeCycle() {
    h = new Harness();
    HttpResponse<String> q =
        h.postEnvelope(
            HOTLINE,
            "/v1/data/335002001/00003/query",
            envelope(HOTLINE, BIGDATA, DEMANDS, "query"),
            null);
    assertThat(q.statusCode()).isEqualTo(200);
    EnvelopeFacts result =
        Harness.readFake(q.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String good =
        "{\"resourceCode\": \""
            + DEMANDS
            + "\", \"messageId\": \""
            + result.messageId()
            + "\", \"digest\": {\"alg\": \"SHA-256\", \"value\": \""
            + result.digest()
            + "\"}, \"pointers\": [\"/records/0/sqnr\"], \"category\": \"inaccurate\", \"description\": \"内容与原始记录不一致\"}";
    String badDigest = good.replace(result.digest(), "0".repeat(64));
    HttpResponse<String> bad = h.postJson(HOTLINE, "/v1/objections", badDigest);
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(code(bad)).isEqualTo("GDX-3217");
    assertThat(code(h.postJson(CITY, "/v1/objections", good)))
        .as("not between the caller and provider")
        .isEqualTo("GDX-3217");
    assertThat(
            code(
                h.postJson(
                    HOTLINE,
                    "/v1/objections",
                    good.replace("内容与原始记录不一致", "来电人 11010519491231002X 信息有误"))))
        .as("no personal data")
        .isEqualTo("GDX-3001");

    HttpResponse<String> created = h.postJson(HOTLINE, "/v1/objections", good);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode o = json(created);
    String id = o.get("objectionId").asText();
    assertThat(o.get("provider").asText()).isEqualTo(BIGDATA.toString());
    assertThat(o.get("timeLimitWorkingDays").asInt()).isEqualTo(5);
    assertThat(code(h.get(POLICE, "/v1/objections/" + id))).isEqualTo("GDX-3216");
    assertThat(
            code(
                h.postJson(
                    HOTLINE,
                    "/v1/objections/" + id + "/decision",
                    "{\"state\": \"resolved\", " + "\"reason\": \"x\"}")))
        .isEqualTo("GDX-3216");
    assertThat(
            code(
                h.postJson(
                    BIGDATA, "/v1/objections/" + id + "/decision", "{\"state\": \"resolved\"}")))
        .isEqualTo("GDX-3001");
    JsonNode resolved =
        json(
            h.postJson(
                BIGDATA,
                "/v1/objections/" + id + "/decision",
                "{\"state\": \"resolved\", \"reason\": \"已更正\"}"));
    assertThat(resolved.get("state").asText()).isEqualTo("resolved");
    assertThat(resolved.get("resolution").asText()).isEqualTo("已更正");
    HttpResponse<String> late = h.postJson(HOTLINE, "/v1/objections/" + id + "/withdraw", "{}");
    assertThat(late.statusCode()).isEqualTo(409);
    assertThat(code(late)).isEqualTo("GDX-3208");
    assertThat(
            Harness.texts(
                json(h.get(BIGDATA, "/v1/objections?role=provider")).get("items"), "objectionId"))
        .containsExactly(id);
    assertThat(code(h.get(HOTLINE, "/v1/objections/obj-9999"))).isEqualTo("GDX-3205");
  }
}
