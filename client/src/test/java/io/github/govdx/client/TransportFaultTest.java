package io.github.govdx.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.github.govdx.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every error class and transport fault of a single attempt (retries are covered in RetryTest). */
class TransportFaultTest {

  private static final String PATH = "/v1/applications/app-1";

  private final WireMockServer wm = SharedWireMock.get();

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  private ExchangeException failure(ResponseDefinitionBuilder response) {
    return failure(response, Fixtures.plain(wm.baseUrl()));
  }

  private ExchangeException failure(
      ResponseDefinitionBuilder response, ExchangeClientBuilder builder) {
    wm.stubFor(get(PATH).willReturn(response));
    try (ExchangeClient client = builder.build()) {
      return org.junit.jupiter.api.Assertions.assertThrows(
          ExchangeException.class, () -> client.applications().status("app-1"));
    }
  }

  @Test
  void connectionReset_isARetryableTransportError() {
    ExchangeException e = failure(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    assertThat(e).isInstanceOf(ExchangeClientException.class);
    assertThat(e.errorCode()).isEqualTo(ClientErrorCode.CONNECTION_FAILED);
    assertThat(e.retryable()).isTrue();
    assertThat(e.requestId()).isPresent();
  }

  @Test
  void bodyCutShort_isARetryableTransportError() {
    ExchangeException e = failure(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK));
    assertThat(e.errorCode()).isEqualTo(ClientErrorCode.CONNECTION_FAILED);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void emptyResponse_isARetryableTransportError() {
    ExchangeException e = failure(aResponse().withFault(Fault.EMPTY_RESPONSE));
    assertThat(e.errorCode()).isEqualTo(ClientErrorCode.CONNECTION_FAILED);
  }

  @Test
  void readTimeout_isARetryableTimeout() {
    ExchangeException e =
        failure(
            json(200, Fixtures.APPLICATION).withFixedDelay(1500),
            Fixtures.plain(wm.baseUrl()).readTimeout(Duration.ofMillis(300)));
    assertThat(e).isInstanceOf(ExchangeClientException.class);
    assertThat(e.errorCode()).isEqualTo(ClientErrorCode.TIMEOUT);
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void malformedJson_isAMalformedResponse() {
    ExchangeException e = failure(json(200, "{\"applicationId\": [unquoted"));
    assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESPONSE_MALFORMED);
    assertThat(e.retryable()).isFalse();
  }

  @Test
  void truncatedJson_withMatchingLength_isAMalformedResponse() {
    ExchangeException e = failure(json(200, Fixtures.APPLICATION.substring(0, 120)));
    assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESPONSE_MALFORMED);
  }

  @Test
  void missingMember_isAMalformedResponseNamingTheMember() {
    ExchangeException e =
        failure(json(200, Fixtures.APPLICATION.replace("\"dueDate\"", "\"due\"")));
    assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESPONSE_MALFORMED);
    assertThat(e).hasMessageContaining("'dueDate'");
  }

  @Test
  void wrongContentType_isRejected() {
    ExchangeException e =
        failure(
            aResponse()
                .withStatus(200)
                .withHeader("Content-Type", "text/html")
                .withBody("<html>login</html>"));
    assertThat(e.errorCode()).isEqualTo(ClientErrorCode.CONTENT_TYPE_UNEXPECTED);
    assertThat(e).hasMessageContaining("text/html");
  }

  @Test
  void oversizedBody_isRejectedBeforeParsing() {
    ExchangeException e =
        failure(
            json(200, "{\"pad\":\"" + "x".repeat(5000) + "\"}"),
            Fixtures.plain(wm.baseUrl()).maxResponseBytes(1024));
    assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RESPONSE_TOO_LARGE);
  }

  @ParameterizedTest
  @CsvSource({
    "500, GDX-3215, true", "502, GDX-3212, true", "503, GDX-3214, true", "504, GDX-3213, true",
    "401, GDX-3102, false", "403, GDX-3107, false", "429, GDX-3108, true", "418, GDX-3413, false"
  })
  void statusWithoutGovdxBody_isMappedByStatus(int status, String code, boolean retryable) {
    ExchangeException e =
        failure(
            aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/plain")
                .withBody("Invalid signature"));
    assertThat(e).isInstanceOf(ExchangeServiceException.class);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.retryable()).isEqualTo(retryable);
    assertThat(((ExchangeServiceException) e).status()).isEqualTo(status);
    assertThat(((ExchangeServiceException) e).source())
        .isEqualTo(
            status == 401 || status == 403 || status == 429
                ? ErrorSource.GATEWAY
                : ErrorSource.PLATFORM);
  }

  @ParameterizedTest
  @CsvSource({
    "gateway, GDX-3106, 403",
    "platform, GDX-3206, 403",
    "provider, GDX-3301, 403",
    "provider, GDX-3307, 503"
  })
  void govdxErrorBody_isMappedToTheTypeOfItsSource(String source, String code, int status) {
    ExchangeException e = failure(Fixtures.error(status, code, source));
    assertThat(e.code()).isEqualTo(code);
    Class<?> type =
        source.equals("gateway")
            ? ExchangeGatewayException.class
            : source.equals("platform")
                ? ExchangePlatformException.class
                : ExchangeProviderException.class;
    assertThat(e).isInstanceOf(type);
    assertThat(e.retryable()).isEqualTo(ClientErrorCode.of(code).orElseThrow().retryable());
    assertThat(e)
        .hasMessageStartingWith(
            code + ": test failure (HTTP " + status + ", source " + source + ")");
  }

  @Test
  void providerErrorDetails_areExposedWithoutValues() {
    ExchangeException e =
        failure(
            json(
                422,
                "{\"code\":\"GDX-3302\",\"message\":\"bad filter\",\"requestId\":\"r\","
                    + "\"source\":\"provider\",\"details\":[{\"pointer\":\"/filter/sfzh\",\"rule\":\"gb11643.checkDigit\","
                    + "\"code\":\"GDX-1103\"}]}"));
    assertThat(((ExchangeProviderException) e).details())
        .containsExactly(new ErrorDetail("/filter/sfzh", "gb11643.checkDigit", "GDX-1103"));
  }

  @Test
  void unknownWireCode_keepsTheCode_andIsRetryableFor5xx() {
    ExchangeException e = failure(Fixtures.error(503, "GDX-3999", "platform"));
    assertThat(e.code()).isEqualTo("GDX-3999");
    assertThat(e.retryable()).isTrue();
  }

  @Test
  void unauthorized_reportsServerTimeAndClientSkew() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T08:05:00Z"), ZoneOffset.UTC);
    ExchangeException e =
        failure(
            aResponse()
                .withStatus(401)
                .withHeader("Date", "Tue, 24 Nov 2026 08:00:00 GMT")
                .withBody("Clock skew exceeded"),
            Fixtures.plain(wm.baseUrl()).clock(clock));
    assertThat(e).isInstanceOf(ExchangeGatewayException.class);
    assertThat(((ExchangeGatewayException) e).serverDate())
        .contains(Instant.parse("2026-11-24T08:00:00Z"));
    assertThat(e)
        .hasMessageContaining("server time 2026-11-24T08:00:00Z")
        .hasMessageContaining("client clock is +300 s from the server");
  }
}
