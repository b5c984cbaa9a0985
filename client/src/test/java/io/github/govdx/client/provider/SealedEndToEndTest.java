package io.github.govdx.client.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeEnvelopeException;
import io.github.govdx.client.Fixtures;
import io.github.govdx.client.TestPki;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.client.internal.Json;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.CryptoErrorCode;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.evidence.EvidenceException;
import io.github.govdx.crypto.evidence.Receipt;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Real envelopes (GM and INTL suites) between an ExchangeClient and a ProviderEndpoint on the JDK server. */
class SealedEndToEndTest {

  private static final ObjectMapper M = new ObjectMapper();
  private static final ResourceDetail DETAIL =
      Json.resourceDetail((Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8)));

  private final List<ProviderPush> stored = new CopyOnWriteArrayList<>();

  /** When set, the server answers data calls with these bytes instead of asking the endpoint. */
  private final AtomicReference<byte[]> forgedAnswer = new AtomicReference<>();

  /** When set, the server answers data calls with what this makes of the request body. */
  private final AtomicReference<java.util.function.UnaryOperator<byte[]>> forger =
      new AtomicReference<>();

  private HttpServer server;
  private TestPki pki;

  private void start(Suite suite) throws IOException {
    pki = new TestPki(suite, Fixtures.HOTLINE, Fixtures.POLICE, Fixtures.OTHER);
    ProviderEndpoint endpoint =
        ProviderEndpoint.builder()
            .party(Fixtures.POLICE)
            .credentials(pki.credentials(Fixtures.POLICE))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .query(
                DETAIL,
                q ->
                    QueryAnswer.builder()
                        .records(
                            List.of(
                                M.createObjectNode()
                                    .put("xm", "张三")
                                    .put("sfzh", q.filter().path("sfzh").asText())))
                        .build())
            .push(
                DETAIL,
                p -> {
                  stored.add(p);
                  return "b-" + stored.size();
                })
            .build();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/data/",
        exchange -> {
          Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
          exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
          byte[] body = exchange.getRequestBody().readAllBytes();
          ProviderResponse answer =
              endpoint.handle(
                  ProviderRequest.of(
                      exchange.getRequestMethod(),
                      exchange.getRequestURI().getPath(),
                      headers,
                      body));
          byte[] out =
              forgedAnswer.get() != null
                  ? forgedAnswer.get()
                  : forger.get() != null ? forger.get().apply(body) : answer.body();
          answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
          exchange.sendResponseHeaders(answer.status(), out.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
          }
        });
    server.createContext(
        "/v1/catalog/",
        exchange -> {
          byte[] b = Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, b.length);
          try (OutputStream o = exchange.getResponseBody()) {
            o.write(b);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private ExchangeClient client() {
    return ExchangeClient.builder()
        .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
        .party(Fixtures.HOTLINE)
        .credentials(pki.credentials(Fixtures.HOTLINE))
        .trustStore(pki.trust)
        .directory(pki.directory)
        .suite(pki.suite)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void queryAndPush_roundTripSealed_withAVerifiedReceipt(Suite suite) throws IOException {
    start(suite);
    try (ExchangeClient client = client()) {
      QueryResult<JsonNode> r =
          client
              .data()
              .query(
                  QueryRequest.builder()
                      .resourceCode(Fixtures.RESOURCE)
                      .filter("sfzh", "11010519491231002X")
                      .build());
      assertThat(r.records())
          .singleElement()
          .satisfies(n -> assertThat(n.get("xm").asText()).isEqualTo("张三"));
      assertThat(r.digest())
          .hasValueSatisfying(d -> assertThat(d.algorithm()).isEqualTo(suite.digestAlgorithm()));
      PushRequest push =
          PushRequest.builder()
              .resourceCode(Fixtures.RESOURCE)
              .addRecord(Map.of("xm", "王五", "sfzh", "11010519491231002X"))
              .build();
      PushResult first = client.data().push(push);
      PushResult again = client.data().push(push);
      assertThat(first.receipt())
          .hasValueSatisfying(
              rc -> {
                assertThat(rc.messageId()).isEqualTo(first.messageId());
                assertThat(rc.envelopeDigest()).isEqualTo(first.digest().hex());
                assertThat(rc.suite()).isEqualTo(suite);
                assertThat(rc.sender()).isEqualTo(Fixtures.HOTLINE);
                assertThat(rc.receiver()).isEqualTo(Fixtures.POLICE);
                assertThat(rc.toJson()).contains("\"protected\"");
              });
      assertThat(again.replayed()).isTrue();
      assertThat(again.messageId()).isEqualTo(first.messageId());
      assertThat(again.receipt()).isEqualTo(first.receipt());
    }
    assertThat(stored).hasSize(1);
  }

  private byte[] sealedBy(
      PartyId sender, PartyId receiver, String action, String correlation, String payload) {
    EnvelopeCodec codec =
        EnvelopeCodec.builder()
            .credentials(pki.credentials(sender))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .build();
    RoutingHeaders.Builder h =
        RoutingHeaders.builder()
            .messageId(UUID.randomUUID().toString())
            .sender(sender)
            .receiver(receiver)
            .resourceCode(Fixtures.RESOURCE)
            .action(action);
    if (correlation != null) {
      h.correlationId(correlation);
    }
    Envelope e = codec.seal(h.build(), payload.getBytes(StandardCharsets.UTF_8));
    return e.toBytes();
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void answerSealedForAnotherParty_isRejectedWithTheCryptoCode(Suite suite) throws IOException {
    start(suite);
    forgedAnswer.set(
        sealedBy(Fixtures.POLICE, Fixtures.OTHER, "query.result", "x", "{\"records\":[]}"));
    try (ExchangeClient client = client()) {
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
              ExchangeEnvelopeException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESPONSE_ENVELOPE_REJECTED);
                assertThat(e.envelopeErrorCode()).isPresent();
                assertThat(e.envelopeErrorCode().get().code()).startsWith("GDX-2");
              });
    }
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void replayedAnswer_isRejected(Suite suite) throws IOException {
    start(suite);
    byte[] old =
        sealedBy(
            Fixtures.POLICE, Fixtures.HOTLINE, "query.result", "old-request", "{\"records\":[]}");
    forgedAnswer.set(old);
    try (ExchangeClient client = client()) {
      QueryRequest q =
          QueryRequest.builder().resourceCode(Fixtures.RESOURCE).filter("sfzh", "1").build();
      // first delivery: opens, but answers another request
      assertThatThrownBy(() -> client.data().query(q)).hasMessageStartingWith("GDX-3405");
      // second delivery of the same envelope: the replay cache refuses it outright
      assertThatThrownBy(() -> client.data().query(q))
          .isInstanceOfSatisfying(
              ExchangeEnvelopeException.class,
              e -> assertThat(e.envelopeErrorCode()).contains(CryptoErrorCode.REPLAY_DETECTED));
    }
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void replayedAnswer_isCountedByGovdxMeters_underTheReplayCode_onTheClientSide(Suite suite)
      throws IOException {
    start(suite);
    forgedAnswer.set(
        sealedBy(
            Fixtures.POLICE, Fixtures.HOTLINE, "query.result", "old-request", "{\"records\":[]}"));
    io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
        new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    try (ExchangeClient client =
        ExchangeClient.builder()
            .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
            .party(Fixtures.HOTLINE)
            .credentials(pki.credentials(Fixtures.HOTLINE))
            .trustStore(pki.trust)
            .directory(pki.directory)
            .suite(pki.suite)
            .addCallListener(io.github.govdx.client.metrics.GovdxMeters.create(registry))
            .build()) {
      QueryRequest q =
          QueryRequest.builder().resourceCode(Fixtures.RESOURCE).filter("sfzh", "1").build();
      assertThatThrownBy(() -> client.data().query(q)).hasMessageStartingWith("GDX-3405");
      assertThatThrownBy(() -> client.data().query(q)).hasMessageStartingWith("GDX-3406");
    }
    assertThat(
            registry
                .get("govdx.envelope.refused")
                .tags("code", CryptoErrorCode.REPLAY_DETECTED.code(), "side", "client")
                .counter()
                .count())
        .isEqualTo(1);
    for (String code : List.of("GDX-3405", "GDX-3406")) {
      assertThat(
              registry
                  .get("govdx.client.calls")
                  .tags("operation", "data.query", "outcome", "refused", "status", "200")
                  .tag("code", code)
                  .timer()
                  .count())
          .as(code)
          .isEqualTo(1);
    }
  }

  /** Answers a push with a correctly sealed push.receipt whose receipt is {@code receipt(request envelope)}. */
  private java.util.function.UnaryOperator<byte[]> pushAnswerWith(
      java.util.function.UnaryOperator<byte[]> receipt) {
    return body -> {
      EnvelopeCodec police =
          EnvelopeCodec.builder()
              .credentials(pki.credentials(Fixtures.POLICE))
              .trustStore(pki.trust)
              .directory(pki.directory)
              .build();
      RoutingHeaders in = police.open(body).headers();
      String payload =
          "{\"batchId\":\"b-9\",\"recordCount\":1,\"storedAt\":\"2026-11-24T08:13:02Z\","
              + "\"receipt\":"
              + new String(receipt.apply(body), StandardCharsets.UTF_8)
              + "}";
      return sealedBy(Fixtures.POLICE, Fixtures.HOTLINE, "push.receipt", in.messageId(), payload);
    };
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void receiptOverAnotherPush_isRejectedWith3412(Suite suite) throws IOException {
    start(suite);
    // a genuine receipt by the provider, but for another envelope the hotline sent it
    byte[] other = sealedBy(Fixtures.HOTLINE, Fixtures.POLICE, "push", null, "{\"records\":[]}");
    forger.set(
        pushAnswerWith(
            body ->
                Receipt.issue(
                        pki.credentials(Fixtures.POLICE),
                        Envelope.parse(other),
                        java.time.Instant.now())
                    .toBytes()));
    try (ExchangeClient client = client()) {
      assertThatThrownBy(
              () ->
                  client
                      .data()
                      .push(
                          PushRequest.builder()
                              .resourceCode(Fixtures.RESOURCE)
                              .addRecord(Map.of("xm", "王五", "sfzh", "11010519491231002X"))
                              .build()))
          .isInstanceOfSatisfying(
              ExchangeEnvelopeException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RECEIPT_INVALID);
                assertThat(e.getMessage())
                    .startsWith("GDX-3412: ")
                    .contains(Fixtures.POLICE.toString());
                assertThat(e.getCause()).isInstanceOf(EvidenceException.class);
              });
    }
  }

  @ParameterizedTest
  @EnumSource(Suite.class)
  void receiptWithABrokenSignature_isRejectedWith3412(Suite suite) throws IOException {
    start(suite);
    forger.set(
        pushAnswerWith(
            body -> {
              Receipt genuine =
                  Receipt.issue(
                      pki.credentials(Fixtures.POLICE),
                      Envelope.parse(body),
                      java.time.Instant.now());
              JsonNode j = Json.parseObject(genuine.toBytes());
              String sig = j.get("signature").asText();
              String flipped = (sig.charAt(0) == 'A' ? "B" : "A") + sig.substring(1);
              return ("{\"protected\":\""
                      + j.get("protected").asText()
                      + "\",\"payload\":\""
                      + j.get("payload").asText()
                      + "\",\"signature\":\""
                      + flipped
                      + "\"}")
                  .getBytes(StandardCharsets.US_ASCII);
            }));
    try (ExchangeClient client = client()) {
      assertThatThrownBy(
              () ->
                  client
                      .data()
                      .push(
                          PushRequest.builder()
                              .resourceCode(Fixtures.RESOURCE)
                              .addRecord(Map.of("xm", "王五", "sfzh", "11010519491231002X"))
                              .build()))
          .isInstanceOfSatisfying(
              ExchangeEnvelopeException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RECEIPT_INVALID));
    }
  }
}
