package io.github.govdx.client;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.govdx.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.client.data.RecordValidator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The data sub-client with sealing off: payload shape, validation against the schema, typed records, paging. */
class DataClientPlainTest {

  /** A caller's record type. */
  public record Person(String xm, String sfzh, String xb) {}

  private static final String ZHANG =
      "{\"xm\":\"张三\",\"sfzh\":\"11010519491231002X\",\"xb\":\"1\"}";

  private final WireMockServer wm = SharedWireMock.get();

  @BeforeEach
  void reset() {
    wm.resetAll();
    wm.stubFor(get("/v1/catalog/resources/335001001/00012").willReturn(json(200, Fixtures.DETAIL)));
  }

  private static QueryRequest query() {
    return QueryRequest.builder()
        .resourceCode(Fixtures.RESOURCE)
        .filter("sfzh", "11010519491231002X")
        .items(List.of("xm", "sfzh", "xb"))
        .purpose("工单核验")
        .build();
  }

  @Test
  void query_sendsThePayload_andMapsTypedRecords() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .withRequestBody(
                equalToJson(
                    "{\"filter\":{\"sfzh\":\"11010519491231002X\"},\"items\":[\"xm\",\"sfzh\",\"xb\"],"
                        + "\"purpose\":\"工单核验\"}"))
            .willReturn(json(200, "{\"records\":[" + ZHANG + "],\"total\":1}")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      QueryResult<Person> r = client.data().query(query(), Person.class);
      assertThat(r.records()).containsExactly(new Person("张三", "11010519491231002X", "1"));
      assertThat(r.total()).hasValue(1);
      assertThat(r.nextPageToken()).isEmpty();
      assertThat(r.messageId()).isEmpty();
      assertThat(r.toString()).doesNotContain("11010519491231002X").doesNotContain("张三");
    }
  }

  @Test
  void query_resultFailingTheSchema_isRejectedWithPointers_andNoRecordIsReturned() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .willReturn(
                json(
                    200,
                    "{\"records\":["
                        + ZHANG
                        + ",{\"xm\":\"李四\",\"sfzh\":\"1101051949\",\"xb\":\"7\"},{\"sfzh\":\"11010519491231002X\"}]}")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> client.data().query(query()))
          .isInstanceOfSatisfying(
              ExchangeValidationException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESPONSE_RECORDS_INVALID);
                assertThat(e.violations())
                    .extracting(ErrorDetail::pointer)
                    .containsExactlyInAnyOrder("/records/1/sfzh", "/records/1/xb", "/records/2/xm");
                assertThat(e.getMessage()).doesNotContain("1101051949").doesNotContain("李四");
              });
    }
  }

  @Test
  void query_withValidationOff_returnsTheRecordsAsIs() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .willReturn(json(200, "{\"records\":[{\"xb\":\"7\"}]}")));
    try (ExchangeClient client =
        Fixtures.plain(wm.baseUrl()).recordValidator(RecordValidator.none()).build()) {
      assertThat(client.data().query(query()).records()).hasSize(1);
    }
  }

  @Test
  void queryAll_followsPageTokensInThePayload() {
    for (int p = 0; p < 12; p++) {
      String token = p == 0 ? "" : ",\"pageToken\":\"p" + p + "\"";
      String next = p < 11 ? ",\"nextPageToken\":\"p" + (p + 1) + "\"" : "";
      String rec = "{\"xm\":\"人" + p + "\",\"sfzh\":\"11010519491231002X\"}";
      wm.stubFor(
          post(Fixtures.RESOURCE_PATH + "/query")
              .withRequestBody(
                  equalToJson(
                      "{\"filter\":{\"sfzh\":\"11010519491231002X\"},\"pageSize\":1" + token + "}"))
              .willReturn(json(200, "{\"records\":[" + rec + "]" + next + "}")));
    }
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      List<String> names =
          client
              .data()
              .queryAll(
                  QueryRequest.builder()
                      .resourceCode(Fixtures.RESOURCE)
                      .filter("sfzh", "11010519491231002X")
                      .pageSize(1)
                      .build(),
                  JsonNode.class)
              .stream()
              .map(n -> n.get("xm").asText())
              .collect(Collectors.toList());
      assertThat(names).hasSize(12).startsWith("人0").endsWith("人11");
    }
  }

  @Test
  void push_sendsRecordsWithTheIdempotencyKey_andMapsTheResult() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/batches")
            .withHeader("Idempotency-Key", equalTo("batch-2026-11-24-000001"))
            .withRequestBody(matchingJsonPath("$.records[0].sfzh", equalTo("11010519491231002X")))
            .willReturn(
                json(
                        201,
                        "{\"batchId\":\"b-1\",\"recordCount\":1,\"storedAt\":\"2026-11-24T08:13:02Z\"}")
                    .withHeader("Idempotency-Replayed", "true")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      PushResult r =
          client
              .data()
              .push(
                  PushRequest.builder()
                      .resourceCode(Fixtures.RESOURCE)
                      .addRecord(new Person("张三", "11010519491231002X", "1"))
                      .idempotencyKey("batch-2026-11-24-000001")
                      .build());
      assertThat(r.batchId()).isEqualTo("b-1");
      assertThat(r.recordCount()).isEqualTo(1);
      assertThat(r.idempotencyKey()).isEqualTo("batch-2026-11-24-000001");
      assertThat(r.replayed()).isTrue();
    }
  }

  @Test
  void push_invalidRecords_areRejectedBeforeAnythingIsSent() {
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      PushRequest bad =
          PushRequest.builder()
              .resourceCode(Fixtures.RESOURCE)
              .addRecord(Map.of("xm", "王五", "sfzh", "110105194912310021"))
              .addRecord(Map.of("xm", "赵六"))
              .build();
      assertThatThrownBy(() -> client.data().push(bad))
          .isInstanceOfSatisfying(
              ExchangeValidationException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.REQUEST_RECORDS_INVALID);
                // record 0: the GB 11643 check character of 11010519491231002 is X, not 1; record
                // 1: sfzh missing
                assertThat(e.violations())
                    .containsExactly(
                        new ErrorDetail(
                            "/records/0/sfzh",
                            "x-govdx-identifier:gb11643/check-digit",
                            "GDX-1408"),
                        new ErrorDetail("/records/1/sfzh", "required", "GDX-1401"));
              });
    }
    wm.verify(0, postRequestedFor(urlEqualTo(Fixtures.RESOURCE_PATH + "/batches")));
  }

  @Test
  void query_async_completesWithTypedRecords() throws Exception {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .willReturn(json(200, "{\"records\":[" + ZHANG + "]}")));
    try (ExchangeAsyncClient client = Fixtures.plain(wm.baseUrl()).buildAsync()) {
      QueryResult<Person> r = client.data().query(query(), Person.class).get(5, TimeUnit.SECONDS);
      assertThat(r.records()).extracting(Person::xm).containsExactly("张三");
    }
  }

  @Test
  void push_async_failure_completesExceptionallyWithTheTypedError() {
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/batches")
            .willReturn(Fixtures.error(422, "GDX-3303", "provider")));
    try (ExchangeAsyncClient client = Fixtures.plain(wm.baseUrl()).buildAsync()) {
      assertThatThrownBy(
              () ->
                  client
                      .data()
                      .push(
                          PushRequest.builder()
                              .resourceCode(Fixtures.RESOURCE)
                              .addRecord(Map.of("xm", "王五", "sfzh", "11010519491231002X"))
                              .build())
                      .get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ExchangeProviderException.class)
          .cause()
          .hasMessageStartingWith("GDX-3303");
    }
  }
}
