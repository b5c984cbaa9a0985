package io.github.govdx.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.github.govdx.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.govdx.client.application.ApplicationState;
import io.github.govdx.client.application.DecideApplicationRequest;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retries, Retry-After, idempotent pushes, circuit breaker and rate limit over WireMock. */
class RetryTest {

  private static final RetryPolicy FAST =
      RetryPolicy.builder()
          .maxAttempts(3)
          .baseDelay(Duration.ofMillis(5))
          .maxDelay(Duration.ofMillis(20))
          .build();
  private static final String APP = "/v1/applications/app-1";

  private final WireMockServer wm = SharedWireMock.get();

  @BeforeEach
  void reset() {
    wm.resetAll();
    wm.stubFor(get("/v1/catalog/resources/335001001/00012").willReturn(json(200, Fixtures.DETAIL)));
  }

  private ExchangeClientBuilder plain() {
    return Fixtures.plain(wm.baseUrl()).retryPolicy(FAST);
  }

  private void failThenSucceed(
      String url, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    wm.stubFor(
        get(url)
            .inScenario("s")
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("ok"));
    wm.stubFor(get(url).inScenario("s").whenScenarioStateIs("ok").willReturn(then));
  }

  @Test
  void get_503WithRetryAfter_waitsAtLeastThatLong_thenSucceedsWithTheSameRequestId() {
    failThenSucceed(
        APP,
        Fixtures.error(503, "GDX-3214", "platform").withHeader("Retry-After", "1"),
        json(200, Fixtures.APPLICATION));
    long t0 = System.nanoTime();
    try (ExchangeClient client = plain().build()) {
      assertThat(client.applications().status("app-1").applicationId()).isEqualTo("app-1");
    }
    assertThat(Duration.ofNanos(System.nanoTime() - t0))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    List<LoggedRequest> reqs = wm.findAll(getRequestedFor(urlEqualTo(APP)));
    assertThat(reqs).hasSize(2);
    assertThat(reqs.get(0).getHeader("X-Request-Id"))
        .isEqualTo(reqs.get(1).getHeader("X-Request-Id"));
  }

  @Test
  void get_500_502_429_withoutRetryAfter_areRetried() {
    for (int status : new int[] {500, 502, 429}) {
      wm.resetAll();
      failThenSucceed(APP, aResponse().withStatus(status), json(200, Fixtures.APPLICATION));
      try (ExchangeClient client = plain().build()) {
        assertThat(client.applications().status("app-1").applicationId()).isEqualTo("app-1");
      }
      wm.verify(2, getRequestedFor(urlEqualTo(APP)));
    }
  }

  @Test
  void get_connectionResetThenSuccess_isRetried() {
    failThenSucceed(
        APP,
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        json(200, Fixtures.APPLICATION));
    try (ExchangeClient client = plain().build()) {
      assertThat(client.applications().status("app-1").applicationId()).isEqualTo("app-1");
    }
  }

  @Test
  void get_readTimeoutThenSuccess_isRetried() {
    failThenSucceed(
        APP, json(200, Fixtures.APPLICATION).withFixedDelay(1000), json(200, Fixtures.APPLICATION));
    try (ExchangeClient client = plain().readTimeout(Duration.ofMillis(300)).build()) {
      assertThat(client.applications().status("app-1").applicationId()).isEqualTo("app-1");
    }
    wm.verify(2, getRequestedFor(urlEqualTo(APP)));
  }

  @Test
  void get_alwaysFailing_endsInATypedErrorAfterMaxAttempts() {
    wm.stubFor(get(APP).willReturn(Fixtures.error(503, "GDX-3214", "platform")));
    try (ExchangeClient client = plain().build()) {
      assertThatThrownBy(() -> client.applications().status("app-1"))
          .isInstanceOfSatisfying(
              ExchangePlatformException.class,
              e -> {
                assertThat(e.attempts()).isEqualTo(3);
                assertThat(e.retryable()).isTrue();
              });
    }
    wm.verify(3, getRequestedFor(urlEqualTo(APP)));
  }

  @Test
  void post_withoutIdempotencyKey_isNotRetried() {
    wm.stubFor(post(APP + "/decision").willReturn(aResponse().withStatus(503)));
    try (ExchangeClient client = plain().build()) {
      assertThatThrownBy(
              () ->
                  client
                      .applications()
                      .decide(
                          DecideApplicationRequest.builder()
                              .applicationId("app-1")
                              .state(ApplicationState.APPROVED)
                              .build()))
          .isInstanceOf(ExchangePlatformException.class);
    }
    wm.verify(1, postRequestedFor(urlEqualTo(APP + "/decision")));
  }

  private static PushRequest push(String key) {
    return PushRequest.builder()
        .resourceCode(Fixtures.RESOURCE)
        .addRecord(Map.of("xm", "王五", "sfzh", "11010519491231002X"))
        .idempotencyKey(key)
        .build();
  }

  private ExchangeClient sealed(FakeSealer sealer) {
    return ExchangeClient.builder()
        .endpoint(URI.create(wm.baseUrl()))
        .party(Fixtures.HOTLINE)
        .retryPolicy(FAST)
        .circuitBreaker(CircuitBreakerPolicy.disabled())
        .messageSealer(sealer)
        .build();
  }

  @Test
  void push_failsThenSucceeds_sendsTheIdenticalEnvelopeWithTheSameKey() {
    String url = Fixtures.RESOURCE_PATH + "/batches";
    wm.stubFor(
        post(url)
            .inScenario("p")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("second"));
    wm.stubFor(
        post(url)
            .inScenario("p")
            .whenScenarioStateIs("second")
            .willReturn(Fixtures.error(503, "GDX-3214", "platform"))
            .willSetStateTo("third"));
    wm.stubFor(
        post(url)
            .inScenario("p")
            .whenScenarioStateIs("third")
            .willReturn(
                SealedDataTest.envelope(
                        201,
                        "rcpt-9",
                        "11320500014160486F",
                        "11320500014160478L/hotline",
                        "push.receipt",
                        SealedDataTest.REQ_ID,
                        SealedDataTest.receipt("DIGEST"))
                    .withTransformers("response-template", DigestTransformer.NAME)));
    FakeSealer sealer = new FakeSealer(Fixtures.HOTLINE);
    try (ExchangeClient client = sealed(sealer)) {
      PushResult r = client.data().push(push("push-retry-0000-0001"));
      assertThat(r.batchId()).isEqualTo("b-1");
    }
    List<LoggedRequest> reqs = wm.findAll(postRequestedFor(urlEqualTo(url)));
    assertThat(reqs).hasSize(3);
    assertThat(reqs.stream().map(q -> q.getHeader("Idempotency-Key")).collect(Collectors.toSet()))
        .containsExactly("push-retry-0000-0001");
    assertThat(Arrays.equals(reqs.get(0).getBody(), reqs.get(2).getBody())).isTrue();
    assertThat(Arrays.equals(reqs.get(1).getBody(), reqs.get(2).getBody())).isTrue();
    assertThat(sealer.seals).hasValue(1);
  }

  @Test
  void push_everyAttemptFails_endsInATypedError_andARepeatReSendsTheSameBytes() {
    String url = Fixtures.RESOURCE_PATH + "/batches";
    wm.stubFor(post(url).willReturn(Fixtures.error(502, "GDX-3212", "platform")));
    FakeSealer sealer = new FakeSealer(Fixtures.HOTLINE);
    try (ExchangeClient client = sealed(sealer)) {
      assertThatThrownBy(() -> client.data().push(push("push-fail-0000-0001")))
          .isInstanceOfSatisfying(
              ExchangePlatformException.class,
              e -> {
                assertThat(e.retryable()).isTrue();
                assertThat(e.attempts()).isEqualTo(3);
              });
      assertThatThrownBy(() -> client.data().push(push("push-fail-0000-0001")))
          .isInstanceOf(ExchangePlatformException.class);
    }
    List<LoggedRequest> reqs = wm.findAll(postRequestedFor(urlEqualTo(url)));
    assertThat(reqs).hasSize(6);
    assertThat(reqs.stream().map(q -> new String(q.getBody())).distinct()).hasSize(1);
    assertThat(sealer.seals).hasValue(1);
  }

  @Test
  void query_retry_sealsEachAttemptAfresh() {
    String url = Fixtures.RESOURCE_PATH + "/query";
    wm.stubFor(
        post(url)
            .inScenario("q")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        post(url)
            .inScenario("q")
            .whenScenarioStateIs("ok")
            .willReturn(SealedDataTest.result("resp-q", "{\"records\":[]}")));
    FakeSealer sealer = new FakeSealer(Fixtures.HOTLINE);
    try (ExchangeClient client = sealed(sealer)) {
      client
          .data()
          .query(
              QueryRequest.builder().resourceCode(Fixtures.RESOURCE).filter("sfzh", "1").build());
    }
    List<LoggedRequest> reqs = wm.findAll(postRequestedFor(urlEqualTo(url)));
    assertThat(reqs).hasSize(2);
    assertThat(new String(reqs.get(0).getBody())).isNotEqualTo(new String(reqs.get(1).getBody()));
    assertThat(sealer.seals).hasValue(2);
  }

  @Test
  void circuitBreaker_opensAfterFailures_andFailsFastWithoutCalling() {
    wm.stubFor(get(APP).willReturn(aResponse().withStatus(500)));
    CircuitBreakerPolicy cb =
        CircuitBreakerPolicy.builder()
            .failureThreshold(2)
            .window(Duration.ofSeconds(30))
            .openDuration(Duration.ofSeconds(30))
            .halfOpenProbes(1)
            .build();
    try (ExchangeClient client =
        Fixtures.plain(wm.baseUrl()).retryPolicy(RetryPolicy.none()).circuitBreaker(cb).build()) {
      assertThatThrownBy(() -> client.applications().status("app-1"))
          .isInstanceOf(ExchangePlatformException.class);
      assertThatThrownBy(() -> client.applications().status("app-1"))
          .isInstanceOf(ExchangePlatformException.class);
      assertThatThrownBy(() -> client.applications().status("app-1"))
          .isInstanceOfSatisfying(
              ExchangeClientException.class,
              e -> {
                assertThat(e.errorCode()).isEqualTo(ClientErrorCode.CIRCUIT_OPEN);
                assertThat(e.retryable()).isTrue();
              });
    }
    wm.verify(2, getRequestedFor(urlEqualTo(APP)));
  }

  @Test
  void rateLimit_withoutAPermitInTime_failsLocally() {
    wm.stubFor(get(APP).willReturn(json(200, Fixtures.APPLICATION)));
    try (ExchangeClient client =
        Fixtures.plain(wm.baseUrl())
            .rateLimit(RateLimit.perSecond(0.5, 1))
            .readTimeout(Duration.ofMillis(200))
            .build()) {
      client.applications().status("app-1");
      assertThatThrownBy(() -> client.applications().status("app-1"))
          .isInstanceOfSatisfying(
              ExchangeClientException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ClientErrorCode.RATE_LIMITED_LOCALLY));
    }
    wm.verify(1, getRequestedFor(urlEqualTo(APP)));
  }
}
