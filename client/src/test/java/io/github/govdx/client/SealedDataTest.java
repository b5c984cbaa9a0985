package io.github.govdx.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static io.github.govdx.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sealed query and push: envelopes out, bound envelopes back, replay and misaddressing refused, receipts checked. */
class SealedDataTest {

  static final String REQ_ID = "{{jsonPath request.body '$.routing.messageId'}}";
  private static final String ZHANG =
      "{\"xm\":\"张三\",\"sfzh\":\"11010519491231002X\",\"xb\":\"1\"}";

  private final WireMockServer wm = SharedWireMock.get();
  private FakeSealer sealer;

  @BeforeEach
  void reset() {
    wm.resetAll();
    wm.stubFor(get("/v1/catalog/resources/335001001/00012").willReturn(json(200, Fixtures.DETAIL)));
    sealer = new FakeSealer(Fixtures.HOTLINE);
  }

  private ExchangeClient client() {
    return ExchangeClient.builder()
        .endpoint(URI.create(wm.baseUrl()))
        .party(Fixtures.HOTLINE)
        .messageSealer(sealer)
        .build();
  }

  /** An answer envelope: templated so its correlation id can echo the request's message id. */
  static ResponseDefinitionBuilder envelope(
      int status,
      String messageId,
      String sender,
      String receiver,
      String action,
      String correlationId,
      String payload) {
    String body =
        "{\"routing\":{\"messageId\":\""
            + messageId
            + "\",\"issuedAt\":\"2026-11-24T08:00:00Z\","
            + "\"sender\":\""
            + sender
            + "\",\"receiver\":\""
            + receiver
            + "\",\"resourceCode\":\"335001001/00012\","
            + "\"action\":\""
            + action
            + "\",\"correlationId\":\""
            + correlationId
            + "\"},\"payload\":"
            + payload
            + "}";
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/govdx-envelope+json")
        .withBody(body)
        .withTransformers("response-template");
  }

  static ResponseDefinitionBuilder result(String messageId, String payload) {
    return envelope(
        200,
        messageId,
        "11320500014160486F",
        "11320500014160478L/hotline",
        "query.result",
        REQ_ID,
        payload);
  }

  private static QueryRequest query() {
    return QueryRequest.builder()
        .resourceCode(Fixtures.RESOURCE)
        .filter("sfzh", "11010519491231002X")
        .build();
  }

  @Test
  void query_sealsToTheProvider_andOpensTheBoundResult() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .withHeader("Content-Type", equalTo("application/govdx-envelope+json"))
            .withRequestBody(
                matchingJsonPath("$.routing.sender", equalTo("11320500014160478L/hotline")))
            .withRequestBody(matchingJsonPath("$.routing.receiver", equalTo("11320500014160486F")))
            .withRequestBody(matchingJsonPath("$.routing.action", equalTo("query")))
            .withRequestBody(matchingJsonPath("$.routing.resourceCode", equalTo("335001001/00012")))
            .withRequestBody(
                matchingJsonPath("$.payload.filter.sfzh", equalTo("11010519491231002X")))
            .willReturn(result("resp-1", "{\"records\":[" + ZHANG + "]}")));
    try (ExchangeClient client = client()) {
      QueryResult<JsonNode> r = client.data().query(query());
      assertThat(r.records())
          .singleElement()
          .satisfies(n -> assertThat(n.get("xm").asText()).isEqualTo("张三"));
      assertThat(r.messageId()).contains("resp-1");
      assertThat(r.digest()).isPresent();
    }
  }

  @Test
  void query_resultAnsweringAnotherRequest_isNotBound() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .willReturn(
                envelope(
                    200,
                    "resp-2",
                    "11320500014160486F",
                    "11320500014160478L/hotline",
                    "query.result",
                    "some-other-request",
                    "{\"records\":[]}")));
    try (ExchangeClient client = client()) {
      assertThatThrownBy(() -> client.data().query(query()))
          .isInstanceOfSatisfying(
              ExchangeEnvelopeException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESPONSE_NOT_BOUND);
                assertThat(e).hasMessageContaining("correlation id");
                assertThat(e.retryable()).isFalse();
              });
    }
  }

  @Test
  void query_resultFromAPartyOtherThanTheOneCalled_isNotBound() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .willReturn(
                envelope(
                    200,
                    "resp-3",
                    "11320500014160494A",
                    "11320500014160478L/hotline",
                    "query.result",
                    REQ_ID,
                    "{\"records\":[]}")));
    try (ExchangeClient client = client()) {
      assertThatThrownBy(() -> client.data().query(query()))
          .isInstanceOfSatisfying(
              ExchangeEnvelopeException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESPONSE_NOT_BOUND);
                assertThat(e).hasMessageContaining("not by the party called");
              });
    }
  }

  @Test
  void query_resultWithTheWrongAction_isNotBound() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .willReturn(
                envelope(
                    200,
                    "resp-4",
                    "11320500014160486F",
                    "11320500014160478L/hotline",
                    "push.receipt",
                    REQ_ID,
                    "{\"records\":[]}")));
    try (ExchangeClient client = client()) {
      assertThatThrownBy(() -> client.data().query(query()))
          .hasMessageContaining("GDX-3405")
          .hasMessageContaining("'push.receipt'");
    }
  }

  @Test
  void query_resultSealedForAnotherParty_isRejectedWithTheEnvelopeCode() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .willReturn(
                envelope(
                    200,
                    "resp-5",
                    "11320500014160486F",
                    "11320500014160494A",
                    "query.result",
                    REQ_ID,
                    "{\"records\":[]}")));
    try (ExchangeClient client = client()) {
      assertThatThrownBy(() -> client.data().query(query()))
          .isInstanceOfSatisfying(
              ExchangeEnvelopeException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESPONSE_ENVELOPE_REJECTED);
                assertThat(e.envelopeErrorCode()).contains(FakeSealer.FakeCode.NOT_FOR_ME);
              });
    }
  }

  @Test
  void query_replayedResult_isRejected() {
    // the server answers every request with the same result envelope (same message id)
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query").willReturn(result("resp-6", "{\"records\":[]}")));
    try (ExchangeClient client = client()) {
      client.data().query(query());
      assertThatThrownBy(() -> client.data().query(query()))
          .isInstanceOfSatisfying(
              ExchangeEnvelopeException.class,
              e -> assertThat(e.envelopeErrorCode()).contains(FakeSealer.FakeCode.REPLAY));
    }
  }

  @Test
  void query_plainJsonAnswerOnASealedRoute_isTheWrongContentType() {
    wm.stubFor(post(Fixtures.RESOURCE_PATH + "/query").willReturn(json(200, "{\"records\":[]}")));
    try (ExchangeClient client = client()) {
      assertThatThrownBy(() -> client.data().query(query()))
          .isInstanceOfSatisfying(
              ExchangeClientException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ClientErrorCode.CONTENT_TYPE_UNEXPECTED));
    }
  }

  @Test
  void query_errorAnswer_staysAPlainTypedError() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .willReturn(Fixtures.error(403, "GDX-3206", "platform")));
    try (ExchangeClient client = client()) {
      assertThatThrownBy(() -> client.data().query(query()))
          .isInstanceOf(ExchangePlatformException.class)
          .hasMessageStartingWith("GDX-3206");
    }
  }

  static String receipt(String digestExpr) {
    return "{\"batchId\":\"b-1\",\"recordCount\":1,\"storedAt\":\"2026-11-24T08:13:02Z\",\"receipt\":{\"messageId\":\""
        + REQ_ID
        + "\",\"digest\":\""
        + digestExpr
        + "\",\"signer\":\"11320500014160486F\"}}";
  }

  private static PushRequest push() {
    return PushRequest.builder()
        .resourceCode(Fixtures.RESOURCE)
        .addRecord(Map.of("xm", "王五", "sfzh", "11010519491231002X"))
        .idempotencyKey("push-0001-0001-0001")
        .build();
  }

  @Test
  void push_receiptCoveringTheMessageAndDigest_isAccepted() {
    // the digest of the request body is computed by the test independently of the client
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/batches")
            .willReturn(
                envelope(
                        201,
                        "rcpt-1",
                        "11320500014160486F",
                        "11320500014160478L/hotline",
                        "push.receipt",
                        REQ_ID,
                        receipt("DIGEST"))
                    .withTransformers("response-template", DigestTransformer.NAME)));
    try (ExchangeClient client = client()) {
      PushResult r = client.data().push(push());
      assertThat(r.batchId()).isEqualTo("b-1");
      assertThat(r.digest())
          .isEqualTo(
              sealer.digest(
                  wm.getAllServeEvents().stream()
                      .filter(e -> e.getRequest().getUrl().endsWith("/batches"))
                      .findFirst()
                      .orElseThrow()
                      .getRequest()
                      .getBody()));
      // the stand-in sealer's receipt has no signature, so there is no crypto Receipt to expose;
      // the real one is
      // checked end to end in provider.SealedEndToEndTest
      assertThat(r.receipt()).isEmpty();
    }
  }

  @Test
  void push_receiptWithAnotherDigest_isRejected() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/batches")
            .willReturn(
                envelope(
                    201,
                    "rcpt-2",
                    "11320500014160486F",
                    "11320500014160478L/hotline",
                    "push.receipt",
                    REQ_ID,
                    receipt(Fixtures.DIGEST_HEX))));
    try (ExchangeClient client = client()) {
      assertThatThrownBy(() -> client.data().push(push()))
          .isInstanceOfSatisfying(
              ExchangeEnvelopeException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RECEIPT_INVALID));
    }
  }

  @Test
  void push_answerWithoutReceipt_isRejected() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/batches")
            .willReturn(
                envelope(
                    201,
                    "rcpt-3",
                    "11320500014160486F",
                    "11320500014160478L/hotline",
                    "push.receipt",
                    REQ_ID,
                    "{\"batchId\":\"b-1\",\"recordCount\":1,\"storedAt\":\"2026-11-24T08:13:02Z\"}")));
    try (ExchangeClient client = client()) {
      assertThatThrownBy(() -> client.data().push(push())).hasMessageStartingWith("GDX-3412");
    }
  }
}
