package io.github.govdx.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.govdx.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import io.github.govdx.client.auth.HeaderHmacAuthenticator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Gateway authentication inside the pipeline: every attempt signed afresh; a 401 explains itself. */
class GatewayAuthPipelineTest {

  private final WireMockServer wm = SharedWireMock.get();

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  @Test
  void unauthorized_showsTheSigningStringUsed_andTheSkew_butNoSecret() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-24T08:02:00Z"), ZoneOffset.UTC);
    wm.stubFor(
        get("/v1/applications/app-1")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Date", "Tue, 24 Nov 2026 08:00:00 GMT")
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"code\":\"GDX-3103\",\"message\":\"GDX-3103: clock skew\",\"requestId\":\"r\","
                            + "\"source\":\"gateway\"}")));
    GovdxHmacAuthenticator auth =
        GovdxHmacAuthenticator.builder()
            .keyId("dept-42")
            .secret(GatewaySecret.ofUtf8("top-secret-value".toCharArray()))
            .clock(clock)
            .build();
    try (ExchangeClient client =
        Fixtures.plain(wm.baseUrl()).clock(clock).authenticator(auth).build()) {
      assertThatThrownBy(() -> client.applications().status("app-1"))
          .isInstanceOfSatisfying(
              ExchangeGatewayException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.GATEWAY_CLOCK_SKEW);
                assertThat(e.signingString()).isPresent();
                assertThat(e.signingString().get()).contains("/v1/applications/app-1");
                assertThat(e)
                    .hasMessageContaining(
                        "signing string used: \"GDX-HMAC-SM3\\nGET\\n/v1/applications/app-1\\n")
                    .hasMessageContaining("client clock is +120 s from the server")
                    .hasMessageNotContaining("top-secret-value");
              });
    }
  }

  @Test
  void everyAttempt_isSignedAfresh() {
    wm.stubFor(
        get("/v1/applications/app-1")
            .inScenario("a")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        get("/v1/applications/app-1")
            .inScenario("a")
            .whenScenarioStateIs("ok")
            .willReturn(json(200, Fixtures.APPLICATION)));
    HeaderHmacAuthenticator auth =
        HeaderHmacAuthenticator.builder()
            .accessKey("ak-1")
            .secretKey(GatewaySecret.ofUtf8("s3cr3t".toCharArray()))
            .build();
    try (ExchangeClient client =
        Fixtures.plain(wm.baseUrl())
            .authenticator(auth)
            .retryPolicy(
                RetryPolicy.builder()
                    .baseDelay(Duration.ofMillis(5))
                    .maxDelay(Duration.ofMillis(10))
                    .build())
            .build()) {
      client.applications().status("app-1");
    }
    List<LoggedRequest> reqs =
        wm.findAll(
            getRequestedFor(urlEqualTo("/v1/applications/app-1"))
                .withHeader(HeaderHmacAuthenticator.SIGNATURE_HEADER, matching(".+")));
    assertThat(reqs).hasSize(2);
  }
}
