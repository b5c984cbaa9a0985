package io.github.govdx.client.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeProviderException;
import io.github.govdx.client.FakeSealer;
import io.github.govdx.client.Fixtures;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.client.data.RecordValidator;
import io.github.govdx.client.internal.Json;
import io.github.govdx.client.internal.Routing;
import io.github.govdx.core.party.PartyId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provider side mounted on the JDK's {@code com.sun.net.httpserver.HttpServer} — the example of how a
 * department hosts {@link ProviderEndpoint} — driven by a real {@link ExchangeClient}.
 */
class ProviderEndpointTest {

  private static final ObjectMapper M = new ObjectMapper();
  private static final ResourceDetail DETAIL =
      Json.resourceDetail((Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8)));

  private final List<ProviderPush> stored = new CopyOnWriteArrayList<>();
  private final List<ProviderQuery> queries = new CopyOnWriteArrayList<>();
  private HttpServer server;
  private ProviderEndpoint endpoint;

  /** Mounts an endpoint on the JDK HTTP server: this is all the glue a department needs. */
  static HttpServer mount(ProviderEndpoint endpoint, byte[] catalogDetail) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/data/",
        exchange -> {
          Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
          byte[] body = exchange.getRequestBody().readNBytes(10 * 1024 * 1024 + 1);
          ProviderResponse answer =
              endpoint.handle(
                  ProviderRequest.of(
                      exchange.getRequestMethod(),
                      exchange.getRequestURI().getPath(),
                      headers,
                      body));
          write(exchange, answer.status(), answer.headers(), answer.body());
        });
    // for the test client's catalog lookup (normally the platform's)
    server.createContext(
        "/v1/catalog/",
        exchange ->
            write(exchange, 200, Map.of("Content-Type", "application/json"), catalogDetail));
    server.start();
    return server;
  }

  private static void write(
      HttpExchange exchange, int status, Map<String, String> headers, byte[] body)
      throws IOException {
    headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @BeforeEach
  void start() throws IOException {
    endpoint =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .messageSealer(new FakeSealer(Fixtures.POLICE))
            .accessPolicy(
                AccessPolicy.allowList(
                    Map.of(Fixtures.RESOURCE, Set.of(Fixtures.HOTLINE.department()))))
            .query(
                DETAIL,
                q -> {
                  queries.add(q);
                  if (q.filter().path("sfzh").asText().equals("00000000000000000X")) {
                    throw new IllegalStateException("database down");
                  }
                  return QueryAnswer.builder()
                      .records(
                          List.of(
                              M.createObjectNode()
                                  .put("xm", "张三")
                                  .put("sfzh", q.filter().path("sfzh").asText())
                                  .put("xb", "1")))
                      .total(1L)
                      .build();
                })
            .push(
                DETAIL,
                p -> {
                  stored.add(p);
                  return "b-" + stored.size();
                })
            .build();
    server = mount(endpoint, Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8));
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ExchangeClient client(PartyId party) throws Exception {
    java.lang.reflect.Method m =
        io.github.govdx.client.ExchangeClientBuilder.class.getDeclaredMethod(
            "messageSealer", io.github.govdx.client.internal.MessageSealer.class);
    m.setAccessible(true);
    io.github.govdx.client.ExchangeClientBuilder b =
        ExchangeClient.builder()
            .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .party(party);
    m.invoke(b, new FakeSealer(party));
    return b.build();
  }

  @Test
  void query_throughTheJdkServer_returnsTheHandlersRecords() throws Exception {
    try (ExchangeClient client = client(Fixtures.HOTLINE)) {
      QueryResult<JsonNode> r =
          client
              .data()
              .query(
                  QueryRequest.builder()
                      .resourceCode(Fixtures.RESOURCE)
                      .filter("sfzh", "11010519491231002X")
                      .items(List.of("xm", "sfzh"))
                      .purpose("核验")
                      .build());
      assertThat(r.records())
          .singleElement()
          .satisfies(n -> assertThat(n.get("xm").asText()).isEqualTo("张三"));
      assertThat(r.total()).hasValue(1);
    }
    assertThat(queries)
        .singleElement()
        .satisfies(
            q -> {
              assertThat(q.caller()).isEqualTo(Fixtures.HOTLINE);
              assertThat(q.items()).containsExactly("xm", "sfzh");
              assertThat(q.purpose()).contains("核验");
              assertThat(q.toString()).doesNotContain("11010519491231002X");
            });
  }

  @Test
  void push_isStoredOnce_andAnsweredWithAReceiptTheClientVerifies() throws Exception {
    try (ExchangeClient client = client(Fixtures.HOTLINE)) {
      PushRequest push =
          PushRequest.builder()
              .resourceCode(Fixtures.RESOURCE)
              .addRecord(Map.of("xm", "王五", "sfzh", "11010519491231002X"))
              .build();
      PushResult first = client.data().push(push);
      PushResult again = client.data().push(push);
      assertThat(first.batchId()).isEqualTo("b-1");
      assertThat(again.batchId()).isEqualTo("b-1");
      assertThat(again.replayed()).isTrue();
      assertThat(again.messageId()).isEqualTo(first.messageId());
    }
    assertThat(stored).singleElement().satisfies(p -> assertThat(p.records()).hasSize(1));
  }

  @Test
  void query_byACallerThePolicyRefuses_isAccessDenied() throws Exception {
    try (ExchangeClient client = client(Fixtures.OTHER)) {
      assertThatThrownBy(
              () ->
                  client
                      .data()
                      .query(
                          QueryRequest.builder()
                              .resourceCode(Fixtures.RESOURCE)
                              .filter("sfzh", "11010519491231002X")
                              .build()))
          .isInstanceOfSatisfying(
              ExchangeProviderException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.PROVIDER_ACCESS_DENIED);
                assertThat(e.status()).isEqualTo(403);
              });
    }
    assertThat(queries).isEmpty();
  }

  @Test
  void query_unknownItem_isInvalidWithPointers() throws Exception {
    try (ExchangeClient client = client(Fixtures.HOTLINE)) {
      assertThatThrownBy(
              () ->
                  client
                      .data()
                      .query(
                          QueryRequest.builder()
                              .resourceCode(Fixtures.RESOURCE)
                              .filter("dz", "x")
                              .items(List.of("xm", "phone"))
                              .build()))
          .isInstanceOfSatisfying(
              ExchangeProviderException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.PROVIDER_QUERY_INVALID);
                assertThat(e.details())
                    .extracting(ErrorDetail::pointer)
                    .containsExactly("/filter/dz", "/items/1");
              });
    }
  }

  @Test
  void query_handlerFailure_isARetryableProviderError() throws Exception {
    try (ExchangeClient client = client(Fixtures.HOTLINE)) {
      assertThatThrownBy(
              () ->
                  client
                      .data()
                      .query(
                          QueryRequest.builder()
                              .resourceCode(Fixtures.RESOURCE)
                              .filter("sfzh", "00000000000000000X")
                              .build()))
          .isInstanceOfSatisfying(
              ExchangeProviderException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.PROVIDER_HANDLER_FAILED);
                assertThat(e.retryable()).isTrue();
                assertThat(e.getMessage()).doesNotContain("database down");
              });
    }
  }

  @Test
  void push_invalidRecords_areRefusedWithCoresRules_sameAsTheSendersOwnCheck_andNothingIsStored()
      throws Exception {
    PushRequest bad =
        PushRequest.builder()
            .resourceCode(Fixtures.RESOURCE)
            .addRecord(Map.of("xm", "王五", "sfzh", "11010519491231002X"))
            .addRecord(Map.of("xb", "1"))
            .addRecord(Map.of("xm", "赵六", "sfzh", "110105194912310021", "xb", "5"))
            .build();
    List<ErrorDetail> expected =
        List.of(
            new ErrorDetail("/records/1/xm", "required", "GDX-1401"),
            new ErrorDetail("/records/1/sfzh", "required", "GDX-1401"),
            new ErrorDetail(
                "/records/2/sfzh", "x-govdx-identifier:gb11643/check-digit", "GDX-1408"),
            new ErrorDetail("/records/2/xb", "x-govdx-codeTable:GB/T 2261.1", "GDX-1407"));
    try (ExchangeClient client = clientWithoutValidation()) {
      assertThatThrownBy(() -> client.data().push(bad))
          .isInstanceOfSatisfying(
              ExchangeProviderException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.PROVIDER_RECORDS_INVALID);
                assertThat(e.details()).containsExactlyInAnyOrderElementsOf(expected);
              });
    }
    try (ExchangeClient client = client(Fixtures.HOTLINE)) {
      assertThatThrownBy(() -> client.data().push(bad))
          .isInstanceOfSatisfying(
              io.github.govdx.client.ExchangeValidationException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.REQUEST_RECORDS_INVALID);
                assertThat(e.violations()).containsExactlyInAnyOrderElementsOf(expected);
              });
    }
    assertThat(stored).isEmpty();
  }

  private ExchangeClient clientWithoutValidation() throws Exception {
    java.lang.reflect.Method m =
        io.github.govdx.client.ExchangeClientBuilder.class.getDeclaredMethod(
            "messageSealer", io.github.govdx.client.internal.MessageSealer.class);
    m.setAccessible(true);
    io.github.govdx.client.ExchangeClientBuilder b =
        ExchangeClient.builder()
            .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .party(Fixtures.HOTLINE)
            .recordValidator(RecordValidator.none());
    m.invoke(b, new FakeSealer(Fixtures.HOTLINE));
    return b.build();
  }

  // ----------------------------------------------------------- direct calls for the refusals
  // before opening

  private static byte[] envelope(PartyId sender, String action, String payload) {
    Routing r =
        new Routing(
            UUID.randomUUID().toString(),
            Instant.now(),
            sender,
            Fixtures.POLICE,
            Fixtures.RESOURCE,
            action,
            null);
    return new FakeSealer(sender).seal(r, payload.getBytes(StandardCharsets.UTF_8)).bytes();
  }

  private ProviderResponse call(
      String method, String path, Map<String, String> headers, byte[] body) {
    return endpoint.handle(ProviderRequest.of(method, path, headers, body));
  }

  private static Map<String, String> headers(String key) {
    return key == null
        ? Map.of(
            "Content-Type",
            "application/govdx-envelope+json",
            "X-Gdx-Party",
            Fixtures.HOTLINE.toString())
        : Map.of(
            "Content-Type",
            "application/govdx-envelope+json",
            "X-Gdx-Party",
            Fixtures.HOTLINE.toString(),
            "Idempotency-Key",
            key);
  }

  private static String code(ProviderResponse r) {
    return Json.parseObject(r.body()).get("code").asText();
  }

  @Test
  void push_toAResourceWhoseDetailGivesNoUsableSchema_isAProviderFailure_notAnException() {
    ResourceDetail unusable =
        Json.resourceDetail(
            ((Fixtures.DETAIL_HEAD
                    + ",\"items\":[],"
                    + "\"schema\":{\"type\":\"object\",\"properties\":{\"sfzh\":{\"type\":\"string\",\"pattern\":\"^[0-9X]+$\","
                    + "\"x-govdx-identifier\":\"gb11643\"}}}}")
                .getBytes(StandardCharsets.UTF_8)));
    ProviderEndpoint misconfigured =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .messageSealer(new FakeSealer(Fixtures.POLICE))
            .push(unusable, p -> "never")
            .build();
    ProviderResponse r =
        misconfigured.handle(
            ProviderRequest.of(
                "POST",
                Fixtures.RESOURCE_PATH + "/batches",
                headers("push-0001-0001-0009"),
                envelope(Fixtures.HOTLINE, "push", "{\"records\":[{\"sfzh\":\"1\"}]}")));
    assertThat(r.status()).isEqualTo(500);
    assertThat(code(r)).isEqualTo("GDX-3306");
  }

  @Test
  void push_sameKeyOtherBody_isRefused_sameKeySameBody_isReplayed() {
    String path = Fixtures.RESOURCE_PATH + "/batches";
    byte[] a =
        envelope(
            Fixtures.HOTLINE,
            "push",
            "{\"records\":[{\"xm\":\"甲\",\"sfzh\":\"11010519491231002X\"}]}");
    byte[] b =
        envelope(
            Fixtures.HOTLINE,
            "push",
            "{\"records\":[{\"xm\":\"乙\",\"sfzh\":\"11010519491231002X\"}]}");
    ProviderResponse first = call("POST", path, headers("key-0000-0000-0001"), a);
    assertThat(first.status()).isEqualTo(201);
    ProviderResponse replay = call("POST", path, headers("key-0000-0000-0001"), a);
    assertThat(replay.status()).isEqualTo(201);
    assertThat(replay.body()).isEqualTo(first.body());
    assertThat(replay.headers()).containsEntry("Idempotency-Replayed", "true");
    ProviderResponse other = call("POST", path, headers("key-0000-0000-0001"), b);
    assertThat(other.status()).isEqualTo(422);
    assertThat(code(other)).isEqualTo("GDX-3008");
    assertThat(stored).hasSize(1);
  }

  @Test
  void push_idempotencyStoreDown_refused503Retryable_handlerNotRun_thenHandledOnceWhenBack() {
    java.util.concurrent.atomic.AtomicBoolean down =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    InMemoryIdempotencyStore real = new InMemoryIdempotencyStore(java.time.Clock.systemUTC());
    IdempotencyStore flaky =
        new IdempotencyStore() {
          private void check() {
            if (down.get()) {
              throw io.github.govdx.core.state.StateStoreException.unavailable(
                  "test idempotency store", "claim", null);
            }
          }

          @Override
          public IdempotencyClaim claim(
              String key, String fingerprint, Instant leaseUntil, Instant expiresAt) {
            check();
            return real.claim(key, fingerprint, leaseUntil, expiresAt);
          }

          @Override
          public boolean complete(
              String key, String token, ProviderResponse answer, Instant expiresAt) {
            check();
            return real.complete(key, token, answer, expiresAt);
          }

          @Override
          public void release(String key, String token) {
            check();
            real.release(key, token);
          }
        };
    endpoint =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .messageSealer(new FakeSealer(Fixtures.POLICE))
            .idempotencyStore(flaky)
            .push(
                DETAIL,
                p -> {
                  stored.add(p);
                  return "b-" + stored.size();
                })
            .build();
    String path = Fixtures.RESOURCE_PATH + "/batches";
    byte[] a =
        envelope(
            Fixtures.HOTLINE,
            "push",
            "{\"records\":[{\"xm\":\"甲\",\"sfzh\":\"11010519491231002X\"}]}");
    ProviderResponse refused = call("POST", path, headers("key-0000-0000-0002"), a);
    assertThat(refused.status()).isEqualTo(503);
    assertThat(code(refused)).isEqualTo("GDX-3308");
    assertThat(refused.headers()).containsKey("Retry-After");
    assertThat(stored).isEmpty();
    down.set(false);
    ProviderResponse first = call("POST", path, headers("key-0000-0000-0002"), a);
    ProviderResponse again = call("POST", path, headers("key-0000-0000-0002"), a);
    assertThat(first.status()).isEqualTo(201);
    assertThat(again.headers()).containsEntry("Idempotency-Replayed", "true");
    assertThat(stored).hasSize(1);
  }

  @Test
  void refusalsBeforeOpening_carryTheirCodes() {
    String q = Fixtures.RESOURCE_PATH + "/query";
    byte[] env = envelope(Fixtures.HOTLINE, "query", "{\"filter\":{\"sfzh\":\"1\"}}");
    assertThat(code(call("GET", q, headers(null), new byte[0]))).isEqualTo("GDX-3005");
    assertThat(code(call("POST", "/v1/data/x/query", headers(null), env))).isEqualTo("GDX-3004");
    assertThat(
            code(
                call(
                    "POST",
                    q,
                    Map.of(
                        "Content-Type",
                        "application/json",
                        "X-Gdx-Party",
                        Fixtures.HOTLINE.toString()),
                    env)))
        .isEqualTo("GDX-3002");
    assertThat(
            code(call("POST", q, Map.of("Content-Type", "application/govdx-envelope+json"), env)))
        .isEqualTo("GDX-3006");
    assertThat(code(call("POST", Fixtures.RESOURCE_PATH + "/batches", headers(null), env)))
        .isEqualTo("GDX-3007");
    assertThat(call("POST", q, headers(null), new byte[11 * 1024 * 1024]).status()).isEqualTo(413);
    // envelope sender is not the calling party
    assertThat(code(call("POST", q, headers(null), envelope(Fixtures.OTHER, "query", "{}"))))
        .isEqualTo("GDX-3304");
    // action of the envelope does not match the route
    assertThat(code(call("POST", q, headers(null), envelope(Fixtures.HOTLINE, "push", "{}"))))
        .isEqualTo("GDX-3304");
    // the same envelope twice: the provider's replay check refuses the second
    assertThat(call("POST", q, headers(null), env).status()).isEqualTo(200);
    ProviderResponse replayed = call("POST", q, headers(null), env);
    assertThat(code(replayed)).isEqualTo("GDX-3304");
    assertThat(new String(replayed.body(), StandardCharsets.UTF_8)).contains("GDX-2902");
  }
}
