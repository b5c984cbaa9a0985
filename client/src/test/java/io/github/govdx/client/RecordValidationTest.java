package io.github.govdx.client;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.github.govdx.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.RecordValidator;
import io.github.govdx.client.internal.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The client's default record validation is govdx-core's (DESIGN section 5): a push with a record that fails a
 * govdx keyword is refused before any HTTP request, a query result with such a record is refused, and the
 * violations carry core's pointers, rules and codes.
 */
class RecordValidationTest {

  private static final String DETAIL_PATH = "/v1/catalog/resources/335001001/00012";
  private static final String VALID =
      "{\"xm\":\"张三\",\"sfzh\":\"11010519491231002X\",\"xb\":\"1\"," + "\"csrq\":\"19491231\"}";

  private final WireMockServer wm = SharedWireMock.get();

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  /** The catalog detail served: items and exported schema, items only, exported schema only. */
  static Stream<String> details() {
    return Stream.of(
        Fixtures.DETAIL,
        Fixtures.DETAIL_HEAD + ",\"items\":" + Fixtures.ITEMS + "}",
        Fixtures.DETAIL_HEAD + ",\"items\":[],\"schema\":" + Fixtures.SCHEMA + "}");
  }

  /** One bad item each: record, pointer, core rule, core code. */
  static Stream<Arguments> badRecords() {
    return details()
        .flatMap(
            d ->
                Stream.of(
                    // GB 11643-1999: the check character of 11010519491231002 is X
                    Arguments.of(
                        d,
                        "{\"xm\":\"张三\",\"sfzh\":\"110105194912310021\"}",
                        "/sfzh",
                        "x-govdx-identifier:gb11643/check-digit",
                        "GDX-1408"),
                    // GB/T 2261.1-2003 has 0, 1, 2, 9 only
                    Arguments.of(
                        d,
                        "{\"xm\":\"张三\",\"sfzh\":\"11010519491231002X\",\"xb\":\"5\"}",
                        "/xb",
                        "x-govdx-codeTable:GB/T 2261.1",
                        "GDX-1407"),
                    // representation format YYYYMMDD: 2023 is not a leap year
                    Arguments.of(
                        d,
                        "{\"xm\":\"张三\",\"sfzh\":\"11010519491231002X\",\"csrq\":\"20230229\"}",
                        "/csrq",
                        "x-govdx-format:YYYYMMDD",
                        "GDX-1405"),
                    // representation format YYYYMMDD: no separators
                    Arguments.of(
                        d,
                        "{\"xm\":\"张三\",\"sfzh\":\"11010519491231002X\",\"csrq\":\"1949-12-31\"}",
                        "/csrq",
                        "pattern",
                        "GDX-1404")));
  }

  private static JsonNode node(String json) {
    return Json.parseObject(json.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest
  @MethodSource("badRecords")
  void push_recordFailingAGovdxRule_isRefusedBeforeAnyRequestIsSent(
      String detail, String record, String pointer, String rule, String code) {
    wm.stubFor(get(DETAIL_PATH).willReturn(json(200, detail)));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      PushRequest push =
          PushRequest.builder()
              .resourceCode(Fixtures.RESOURCE)
              .addRecord(node(VALID))
              .addRecord(node(record))
              .idempotencyKey("batch-2026-11-24-000002")
              .build();
      assertThatThrownBy(() -> client.data().push(push))
          .isInstanceOfSatisfying(
              ExchangeValidationException.class,
              e -> {
                assertThat(e.code()).isEqualTo("GDX-3410");
                assertThat(e.violations())
                    .containsExactly(new ErrorDetail("/records/1" + pointer, rule, code));
                assertThat(e.getMessage())
                    .startsWith("GDX-3410: ")
                    .contains("/records/1" + pointer)
                    .contains(rule)
                    .contains("nothing was sent")
                    .doesNotContain("110105194912310021");
              });
    }
    wm.verify(1, getRequestedFor(urlEqualTo(DETAIL_PATH)));
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  @ParameterizedTest
  @MethodSource("badRecords")
  void query_resultWithARecordFailingAGovdxRule_isRefused(
      String detail, String record, String pointer, String rule, String code) {
    wm.stubFor(get(DETAIL_PATH).willReturn(json(200, detail)));
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .willReturn(json(200, "{\"records\":[" + VALID + "," + record + "]}")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      assertThatThrownBy(
              () ->
                  client
                      .data()
                      .query(
                          QueryRequest.builder()
                              .resourceCode(Fixtures.RESOURCE)
                              .filter("xm", "张三")
                              .build()))
          .isInstanceOfSatisfying(
              ExchangeValidationException.class,
              e -> {
                assertThat(e.code()).isEqualTo("GDX-3409");
                assertThat(e.violations())
                    .containsExactly(new ErrorDetail("/records/1" + pointer, rule, code));
              });
    }
  }

  @ParameterizedTest
  @MethodSource("details")
  void pushAndQuery_validRecords_pass(String detail) throws Exception {
    wm.stubFor(get(DETAIL_PATH).willReturn(json(200, detail)));
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/batches")
            .willReturn(
                json(
                    201,
                    "{\"batchId\":\"b-1\",\"recordCount\":2,\"storedAt\":\"2026-11-24T08:13:02Z\"}")));
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .willReturn(
                json(
                    200,
                    "{\"records\":["
                        + VALID
                        + ",{\"xm\":\"李四\",\"sfzh\":\"110105194912310011\"}]}")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build();
        ExchangeAsyncClient async = Fixtures.plain(wm.baseUrl()).buildAsync()) {
      assertThat(
              client
                  .data()
                  .push(
                      PushRequest.builder()
                          .resourceCode(Fixtures.RESOURCE)
                          .addRecord(node(VALID))
                          .addRecord(Map.of("xm", "李四", "sfzh", "110105194912310011", "xb", "2"))
                          .idempotencyKey("batch-2026-11-24-000003")
                          .build())
                  .recordCount())
          .isEqualTo(2);
      QueryRequest q =
          QueryRequest.builder().resourceCode(Fixtures.RESOURCE).filter("xm", "张三").build();
      assertThat(client.data().query(q).records()).hasSize(2);
      assertThat(async.data().query(q).get(5, TimeUnit.SECONDS).records()).hasSize(2);
    }
  }

  @Test
  void push_detailWithGovdxKeywordsTheClientCannotUse_isRefusedWith3417_beforeAnyRequest() {
    wm.stubFor(
        get(DETAIL_PATH)
            .willReturn(
                json(
                    200,
                    Fixtures.DETAIL_HEAD
                        + ",\"items\":[],\"schema\":{\"type\":"
                        + "\"object\",\"properties\":{\"sfzh\":{\"type\":\"string\",\"x-govdx-identifier\":\"gb11643\","
                        + "\"pattern\":\"^[0-9]{17}[0-9X]$\"}}}}")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      assertThatThrownBy(
              () ->
                  client
                      .data()
                      .push(
                          PushRequest.builder()
                              .resourceCode(Fixtures.RESOURCE)
                              .addRecord(node(VALID))
                              .build()))
          .isInstanceOfSatisfying(
              ExchangeValidationException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESOURCE_SCHEMA_UNUSABLE);
                assertThat(e.getMessage())
                    .startsWith("GDX-3417: ")
                    .contains("335001001/00012")
                    .contains("pattern");
              });
    }
    wm.verify(0, postRequestedFor(anyUrl()));
  }

  @Test
  void query_detailWithGovdxKeywordsTheClientCannotUse_returnsNoRecord_with3417() {
    wm.stubFor(
        get(DETAIL_PATH)
            .willReturn(
                json(
                    200,
                    Fixtures.DETAIL_HEAD
                        + ",\"items\":[],\"schema\":{\"type\":"
                        + "\"object\",\"properties\":{\"xb\":{\"type\":\"string\",\"enum\":[\"1\",\"2\"],"
                        + "\"x-govdx-codeTable\":{\"table\":\"GB/T 2261.1\"}}}}}")));
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/query")
            .willReturn(json(200, "{\"records\":[" + VALID + "]}")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      assertThatThrownBy(
              () ->
                  client
                      .data()
                      .query(
                          QueryRequest.builder()
                              .resourceCode(Fixtures.RESOURCE)
                              .filter("xm", "张三")
                              .build()))
          .isInstanceOfSatisfying(
              ExchangeValidationException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESOURCE_SCHEMA_UNUSABLE));
    }
  }

  @Test
  void push_detailWithNeitherItemsNorSchema_sendsTheRecordsUnchecked() {
    wm.stubFor(get(DETAIL_PATH).willReturn(json(200, Fixtures.DETAIL_HEAD + ",\"items\":[]}")));
    wm.stubFor(
        post(Fixtures.RESOURCE_PATH + "/batches")
            .willReturn(
                json(
                    201,
                    "{\"batchId\":\"b-2\",\"recordCount\":1,\"storedAt\":\"2026-11-24T08:13:02Z\"}")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      assertThat(
              client
                  .data()
                  .push(
                      PushRequest.builder()
                          .resourceCode(Fixtures.RESOURCE)
                          .addRecord(Map.of("anything", "goes"))
                          .build())
                  .batchId())
          .isEqualTo("b-2");
    }
    wm.verify(1, postRequestedFor(urlEqualTo(Fixtures.RESOURCE_PATH + "/batches")));
  }

  @Test
  void plainJsonSchema_checksOnlyTheStandardKeywords() {
    ResourceDetail detail = Json.resourceDetail(Fixtures.DETAIL.getBytes(StandardCharsets.UTF_8));
    JsonNode wrongCheckDigit = node("{\"xm\":\"张三\",\"sfzh\":\"110105194912310021\"}");
    assertThat(RecordValidator.plainJsonSchema().validate(detail, wrongCheckDigit)).isEmpty();
    assertThat(RecordValidator.govdx().validate(detail, wrongCheckDigit))
        .containsExactly(
            new ErrorDetail("/sfzh", "x-govdx-identifier:gb11643/check-digit", "GDX-1408"));
    assertThat(RecordValidator.plainJsonSchema().validate(detail, node("{\"xm\":\"张三\"}")))
        .extracting(ErrorDetail::pointer, ErrorDetail::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("/sfzh", "jsonSchema.required"));
  }

  @Test
  void validators_logNoUnknownKeywordWarningForTheGovdxKeywords() {
    // slf4j-simple writes to System.err as it is at each write
    PrintStream err = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    // a schema document not seen before in this JVM, so both validators compile it here
    ResourceDetail detail =
        Json.resourceDetail(
            Fixtures.DETAIL.replace("户籍人口基本信息", "户籍人口基本信息（副本）").getBytes(StandardCharsets.UTF_8));
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      for (RecordValidator v :
          List.of(RecordValidator.govdx(), RecordValidator.plainJsonSchema())) {
        v.validate(detail, node(VALID));
      }
    } finally {
      System.setErr(err);
    }
    assertThat(captured.toString(StandardCharsets.UTF_8))
        .doesNotContainIgnoringCase("unknown keyword")
        .doesNotContain("x-govdx");
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
