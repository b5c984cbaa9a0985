package io.github.govdx.client.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeClientBuilder;
import io.github.govdx.client.ExchangeClientException;
import io.github.govdx.client.FakeSealer;
import io.github.govdx.client.Fixtures;
import io.github.govdx.client.RetryPolicy;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.internal.Json;
import io.github.govdx.client.internal.MessageSealer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The hard case of exactly-once pushes: the provider stores the batch but its answer is lost (here: it answers
 * too late, after the client's read timeout). The client retries with the same key and envelope; the
 * provider's idempotency store answers with the original receipt; exactly one batch is stored.
 */
class PushExactlyOnceTest {

  private static final ResourceDetail DETAIL =
      Json.resourceDetail((Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8)));

  @Test
  void answerLostAfterStoring_retryGetsTheStoredReceipt_andOneBatchIsStored() throws Exception {
    List<ProviderPush> stored = new CopyOnWriteArrayList<>();
    ProviderEndpoint endpoint =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .messageSealer(new FakeSealer(Fixtures.POLICE))
            .push(
                DETAIL,
                p -> {
                  stored.add(p);
                  return "b-" + stored.size();
                })
            .build();
    AtomicInteger calls = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
    server.createContext(
        "/v1/data/",
        exchange -> {
          Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
          ProviderResponse answer =
              endpoint.handle(
                  ProviderRequest.of(
                      exchange.getRequestMethod(),
                      exchange.getRequestURI().getPath(),
                      headers,
                      exchange.getRequestBody().readAllBytes()));
          if (calls.incrementAndGet() == 1) {
            try {
              Thread.sleep(1500); // stored, but the answer comes after the client gave up
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
          exchange.sendResponseHeaders(answer.status(), answer.body().length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
          } catch (java.io.IOException e) {
            // the client has gone; that is the point of the test
          }
        });
    server.createContext(
        "/v1/catalog/",
        exchange -> {
          byte[] b = Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, b.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(b);
          }
        });
    server.start();
    try {
      ExchangeClientBuilder b =
          ExchangeClient.builder()
              .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
              .party(Fixtures.HOTLINE)
              .readTimeout(Duration.ofMillis(500))
              .retryPolicy(
                  RetryPolicy.builder().maxAttempts(3).baseDelay(Duration.ofMillis(10)).build());
      java.lang.reflect.Method m =
          ExchangeClientBuilder.class.getDeclaredMethod("messageSealer", MessageSealer.class);
      m.setAccessible(true);
      m.invoke(b, new FakeSealer(Fixtures.HOTLINE));
      try (ExchangeClient client = b.build()) {
        PushResult r =
            client
                .data()
                .push(
                    PushRequest.builder()
                        .resourceCode(Fixtures.RESOURCE)
                        .addRecord(Map.of("xm", "王五", "sfzh", "11010519491231002X"))
                        .build());
        assertThat(r.batchId()).isEqualTo("b-1");
        assertThat(r.replayed()).isTrue();
      }
      assertThat(stored).hasSize(1);
      assertThat(calls).hasValue(2);
      // without retries the same loss is a typed, retryable error, never a silent success
      b.retryPolicy(RetryPolicy.none());
      try (ExchangeClient client = b.build()) {
        calls.set(0);
        assertThatThrownBy(
                () ->
                    client
                        .data()
                        .push(
                            PushRequest.builder()
                                .resourceCode(Fixtures.RESOURCE)
                                .addRecord(Map.of("xm", "赵六", "sfzh", "11010519491231002X"))
                                .build()))
            .isInstanceOfSatisfying(
                ExchangeClientException.class, e -> assertThat(e.retryable()).isTrue());
      }
    } finally {
      server.stop(0);
    }
  }
}
