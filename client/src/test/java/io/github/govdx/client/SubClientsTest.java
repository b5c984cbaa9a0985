package io.github.govdx.client;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.govdx.client.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import io.github.govdx.client.application.Application;
import io.github.govdx.client.application.ApplicationRole;
import io.github.govdx.client.application.ApplicationState;
import io.github.govdx.client.application.ApplyRequest;
import io.github.govdx.client.application.DecideApplicationRequest;
import io.github.govdx.client.application.ListApplicationsRequest;
import io.github.govdx.client.directory.PartyInfo;
import io.github.govdx.client.objection.DecideObjectionRequest;
import io.github.govdx.client.objection.Objection;
import io.github.govdx.client.objection.ObjectionCategory;
import io.github.govdx.client.objection.ObjectionState;
import io.github.govdx.client.objection.RaiseObjectionRequest;
import io.github.govdx.client.subscription.EventFeedRequest;
import io.github.govdx.client.subscription.EventPage;
import io.github.govdx.client.subscription.SubscribeRequest;
import io.github.govdx.client.subscription.Subscription;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Applications, directory, subscriptions and objections against WireMock, sync and async. */
class SubClientsTest {

  private final WireMockServer wm = SharedWireMock.get();

  @BeforeEach
  void reset() {
    wm.resetAll();
  }

  @Test
  void apply_postsTheApplicationWithAnIdempotencyKey_andReadsTheDueDate() {
    wm.stubFor(
        post("/v1/applications")
            .withHeader("Content-Type", WireMock.containing("application/json"))
            .withHeader("Idempotency-Key", matching("[A-Za-z0-9._:-]{16,128}"))
            .withRequestBody(
                equalToJson(
                    "{\"resourceCode\":\"335001001/00012\",\"purpose\":\"核验来电人身份\","
                        + "\"items\":[\"xm\",\"sfzh\"],\"validUntil\":\"2027-12-31\"}"))
            .willReturn(json(201, Fixtures.APPLICATION)));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      ApplyRequest request =
          ApplyRequest.builder()
              .resourceCode(Fixtures.RESOURCE)
              .purpose("核验来电人身份")
              .items(List.of("xm", "sfzh"))
              .validUntil(LocalDate.of(2027, 12, 31))
              .build();
      Application a = client.applications().apply(request);
      // the application carries the terms it was filed with (the platform's answer has no end day)
      assertThat(ApplyRequest.builder().from(a).validUntil(request.validUntil()).build())
          .isEqualTo(request);
      assertThat(a.state()).isEqualTo(ApplicationState.SUBMITTED);
      assertThat(a.applicant()).isEqualTo(Fixtures.HOTLINE);
      assertThat(a.dueDate()).isEqualTo(LocalDate.of(2026, 12, 8));
      assertThat(a.timeLimitWorkingDays()).isEqualTo(10);
      assertThat(a.history())
          .singleElement()
          .satisfies(h -> assertThat(h.by()).isEqualTo(Fixtures.HOTLINE));
      // Friday 2026-11-27: 7 working days left (30 Nov to 4 Dec, 7 and 8 Dec)
      assertThat(a.workingDaysLeft(LocalDate.of(2026, 11, 27), WorkingDayCalendar.weekendsOnly()))
          .isEqualTo(7);
      assertThat(a.workingDaysLeft(LocalDate.of(2026, 12, 9), WorkingDayCalendar.weekendsOnly()))
          .isEqualTo(-1);
    }
  }

  @Test
  void status_withdraw_decide_andList_useTheirRoutes() {
    String approved =
        Fixtures.APPLICATION.replace("\"state\":\"submitted\"", "\"state\":\"approved\"");
    String withdrawn =
        Fixtures.APPLICATION.replace("\"state\":\"submitted\"", "\"state\":\"withdrawn\"");
    wm.stubFor(get("/v1/applications/app-1").willReturn(json(200, approved)));
    wm.stubFor(
        post("/v1/applications/app-1/withdraw")
            .withRequestBody(equalToJson("{\"reason\":\"需求取消\"}"))
            .willReturn(json(200, withdrawn)));
    wm.stubFor(
        post("/v1/applications/app-1/decision")
            .withRequestBody(equalToJson("{\"state\":\"approved\",\"reason\":\"符合共享条件\"}"))
            .willReturn(json(200, approved)));
    wm.stubFor(
        get(urlPathEqualTo("/v1/applications"))
            .withQueryParam("role", equalTo("provider"))
            .withQueryParam("state", equalTo("submitted"))
            .willReturn(json(200, "{\"items\":[" + Fixtures.APPLICATION + "]}")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      assertThat(client.applications().status("app-1").state())
          .isEqualTo(ApplicationState.APPROVED);
      assertThat(client.applications().withdraw("app-1", "需求取消").state().isFinal()).isTrue();
      assertThat(
              client
                  .applications()
                  .decide(
                      DecideApplicationRequest.builder()
                          .applicationId("app-1")
                          .state(ApplicationState.APPROVED)
                          .reason("符合共享条件")
                          .build())
                  .state())
          .isEqualTo(ApplicationState.APPROVED);
      assertThat(
              client
                  .applications()
                  .list(
                      ListApplicationsRequest.builder()
                          .role(ApplicationRole.PROVIDER)
                          .state(ApplicationState.SUBMITTED)
                          .build()))
          .hasSize(1);
    }
  }

  @Test
  void withdraw_afterDecision_isAStateConflict() {
    wm.stubFor(
        post("/v1/applications/app-1/withdraw")
            .willReturn(Fixtures.error(409, "GDX-3208", "platform")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      assertThatThrownBy(() -> client.applications().withdraw("app-1", "x"))
          .isInstanceOfSatisfying(
              ExchangePlatformException.class,
              e -> assertThat(e.errorCode()).isEqualTo(ClientErrorCode.STATE_CONFLICT));
    }
  }

  @Test
  void directory_parsesPemCertificates_andCachesTheParty() throws Exception {
    X509Certificate cert = TestCertificates.selfSigned("11320500014160494A");
    String body =
        "{\"partyId\":\"11320500014160494A/hotline\",\"name\":\"12345热线\",\"certificates\":[{\"keyId\":\"k1\","
            + "\"suite\":\"INTL\",\"notBefore\":\"2026-01-01T00:00:00Z\",\"notAfter\":\"2028-01-01T00:00:00Z\",\"pem\":"
            + Fixtures.jsonString(TestCertificates.pem(cert))
            + "}]}";
    wm.stubFor(
        get("/v1/parties/11320500014160494A/hotline")
            .willReturn(json(200, body).withHeader("Cache-Control", "max-age=300")));
    try (ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      io.github.govdx.core.party.PartyId p =
          io.github.govdx.core.party.PartyId.parse("11320500014160494A/hotline");
      PartyInfo info = client.directory().party(p);
      assertThat(info.name()).contains("12345热线");
      assertThat(info.certificates())
          .singleElement()
          .satisfies(
              c -> {
                assertThat(c.keyId()).isEqualTo("k1");
                assertThat(c.certificate()).isEqualTo(cert);
                assertThat(c.notAfter()).isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
              });
      assertThat(client.directory().certificates(p)).containsExactly(cert);
      client.directory().invalidate(p);
      client.directory().party(p);
    }
    wm.verify(2, getRequestedFor(urlEqualTo("/v1/parties/11320500014160494A/hotline")));
  }

  @Test
  void subscriptions_subscribeFeedLongPollAckAndDelete() throws Exception {
    wm.stubFor(
        post("/v1/subscriptions")
            .withRequestBody(
                equalToJson(
                    "{\"resourceCode\":\"335001001/00012\",\"eventTypes\":[\"data.updated\"]}"))
            .willReturn(
                json(
                    201,
                    "{\"subscriptionId\":\"sub-7f3c\",\"resourceCode\":\"335001001/00012\","
                        + "\"eventTypes\":[\"data.updated\"],\"subscriber\":\"11320500014160478L/hotline\",\"state\":\"active\","
                        + "\"createdAt\":\"2026-11-24T08:40:00Z\"}")));
    // the long poll answers after longer than the client's 2 s read timeout
    wm.stubFor(
        get(urlPathEqualTo("/v1/subscriptions/sub-7f3c/events"))
            .withQueryParam("cursor", equalTo("c-41"))
            .withQueryParam("wait", equalTo("4"))
            .willReturn(
                json(
                        200,
                        "{\"events\":[{\"eventId\":\"evt-42\",\"type\":\"data.updated\",\"resourceCode\":"
                            + "\"335001001/00012\",\"occurredAt\":\"2026-11-24T08:45:10Z\",\"data\":{\"batchId\":\"b-2\","
                            + "\"recordCount\":12}}],\"nextCursor\":\"c-42\"}")
                    .withFixedDelay(2500)));
    wm.stubFor(
        post("/v1/subscriptions/sub-7f3c/ack")
            .withRequestBody(equalToJson("{\"cursor\":\"c-42\"}"))
            .willReturn(WireMock.aResponse().withStatus(204)));
    wm.stubFor(
        delete("/v1/subscriptions/sub-7f3c").willReturn(WireMock.aResponse().withStatus(204)));
    try (ExchangeClient client =
        Fixtures.plain(wm.baseUrl()).readTimeout(Duration.ofSeconds(2)).build()) {
      Subscription s =
          client
              .subscriptions()
              .subscribe(
                  SubscribeRequest.builder()
                      .resourceCode(Fixtures.RESOURCE)
                      .eventTypes(List.of("data.updated"))
                      .build());
      assertThat(s.subscriptionId()).isEqualTo("sub-7f3c");
      EventPage page =
          client
              .subscriptions()
              .events(
                  EventFeedRequest.builder()
                      .subscriptionId("sub-7f3c")
                      .cursor("c-41")
                      .waitFor(Duration.ofSeconds(4))
                      .build());
      assertThat(page.nextCursor()).isEqualTo("c-42");
      assertThat(page.events())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.type()).isEqualTo("data.updated");
                assertThat(e.data().get("recordCount").asInt()).isEqualTo(12);
              });
      client.subscriptions().acknowledge("sub-7f3c", page.nextCursor());
      client.subscriptions().unsubscribe("sub-7f3c");
    }
    wm.verify(postRequestedFor(urlEqualTo("/v1/subscriptions/sub-7f3c/ack")));
  }

  @Test
  void events_expiredCursor_isGone() {
    wm.stubFor(
        get(urlPathEqualTo("/v1/subscriptions/sub-1/events"))
            .willReturn(Fixtures.error(410, "GDX-3211", "platform")));
    try (ExchangeAsyncClient client = Fixtures.plain(wm.baseUrl()).buildAsync()) {
      assertThatThrownBy(
              () ->
                  client
                      .subscriptions()
                      .events(
                          EventFeedRequest.builder().subscriptionId("sub-1").cursor("old").build())
                      .get(5, TimeUnit.SECONDS))
          .cause()
          .isInstanceOf(ExchangePlatformException.class)
          .hasMessageStartingWith("GDX-3211");
    }
  }

  @Test
  void objections_raiseCitingMessageAndDigest_trackAndDecide() throws Exception {
    wm.stubFor(
        post("/v1/objections")
            .withRequestBody(
                equalToJson(
                    "{\"resourceCode\":\"335001001/00012\","
                        + "\"messageId\":\"6a1f0c2e-9b7d-4e3c-8f21-5d4c3b2a1908\",\"digest\":{\"alg\":\"SM3\",\"value\":\""
                        + Fixtures.DIGEST_HEX
                        + "\"},\"pointers\":[\"/records/0/xb\"],\"category\":\"inaccurate\","
                        + "\"description\":\"性别与户籍登记不一致\"}"))
            .willReturn(json(201, Fixtures.OBJECTION)));
    wm.stubFor(
        get("/v1/objections/obj-7")
            .willReturn(
                json(
                    200,
                    Fixtures.OBJECTION
                        .replace("\"state\":\"submitted\"", "\"state\":\"resolved\"")
                        .replace("\"history\":[]", "\"resolution\":\"已更正\",\"history\":[]"))));
    wm.stubFor(post("/v1/objections/obj-7/decision").willReturn(json(200, Fixtures.OBJECTION)));
    try (ExchangeAsyncClient async = Fixtures.plain(wm.baseUrl()).buildAsync();
        ExchangeClient client = Fixtures.plain(wm.baseUrl()).build()) {
      RaiseObjectionRequest raise =
          RaiseObjectionRequest.builder()
              .resourceCode(Fixtures.RESOURCE)
              .messageId("6a1f0c2e-9b7d-4e3c-8f21-5d4c3b2a1908")
              .digest(EnvelopeDigest.sm3(Fixtures.DIGEST_HEX))
              .pointers(List.of("/records/0/xb"))
              .category(ObjectionCategory.INACCURATE)
              .description("性别与户籍登记不一致")
              .build();
      Objection o = async.objections().raise(raise).get(5, TimeUnit.SECONDS);
      // the objection carries the grounds it was raised on
      assertThat(RaiseObjectionRequest.builder().from(o).build()).isEqualTo(raise);
      assertThat(o.digest()).isEqualTo(EnvelopeDigest.sm3(Fixtures.DIGEST_HEX));
      assertThat(o.dueDate()).isEqualTo(LocalDate.of(2026, 12, 1));
      Objection tracked = client.objections().get("obj-7");
      assertThat(tracked.state()).isEqualTo(ObjectionState.RESOLVED);
      assertThat(tracked.resolution()).contains("已更正");
      assertThat(
              client
                  .objections()
                  .decide(
                      DecideObjectionRequest.builder()
                          .objectionId("obj-7")
                          .state(ObjectionState.UNDER_REVIEW)
                          .build())
                  .objectionId())
          .isEqualTo("obj-7");
    }
    JsonNode sent =
        com.fasterxml.jackson.databind.json.JsonMapper.builder()
            .build()
            .readTree(
                wm.findAll(postRequestedFor(urlEqualTo("/v1/objections/obj-7/decision")))
                    .get(0)
                    .getBodyAsString());
    assertThat(sent.get("state").asText()).isEqualTo("under_review");
  }
}
