package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.application.Application;
import io.github.govdx.client.application.ApplicationRole;
import io.github.govdx.client.application.ApplicationState;
import io.github.govdx.client.application.ApplyRequest;
import io.github.govdx.client.application.DecideApplicationRequest;
import io.github.govdx.client.application.ListApplicationsRequest;
import io.github.govdx.client.auth.GatewaySecret;
import io.github.govdx.client.auth.GovdxHmacAuthenticator;
import io.github.govdx.client.catalog.SearchCatalogRequest;
import io.github.govdx.client.catalog.ShareType;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.QueryResult;
import io.github.govdx.client.data.RecordValidator;
import io.github.govdx.client.objection.DecideObjectionRequest;
import io.github.govdx.client.objection.ListObjectionsRequest;
import io.github.govdx.client.objection.Objection;
import io.github.govdx.client.objection.ObjectionCategory;
import io.github.govdx.client.objection.ObjectionState;
import io.github.govdx.client.objection.RaiseObjectionRequest;
import io.github.govdx.client.subscription.EventFeedRequest;
import io.github.govdx.client.subscription.EventPage;
import io.github.govdx.client.subscription.SubscribeRequest;
import io.github.govdx.client.subscription.Subscription;
import io.github.govdx.client.transfer.ListTransfersRequest;
import io.github.govdx.client.transfer.SendFileRequest;
import io.github.govdx.client.transfer.TransferResult;
import io.github.govdx.client.transfer.TransferState;
import io.github.govdx.testkit.OpenApiTrafficCheck.Exchange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client, the sandbox and {@code docs/openapi.yaml} cannot drift: one scenario calls every route of the
 * protocol with the real client against the sandbox (successes and errors), every exchange is recorded on the wire
 * and validated against the document — request headers, parameters and body, status, response headers and body.
 */
class OpenApiTrafficTest {

  private static final String PEOPLE = "335001001/00012";
  private static final String DEMANDS = "335002001/00003";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static OpenApiContract contract;
  private static OpenApiTrafficCheck check;
  private static List<Exchange> traffic;

  @TempDir static Path tmp;

  @BeforeAll
  static void runScenario() throws Exception {
    contract = OpenApiContract.load();
    check = new OpenApiTrafficCheck(contract);
    OkHttpClient http =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(check.interceptor())
            .readTimeout(30, TimeUnit.SECONDS)
            .build();
    try (ExchangeSandbox sandbox = ExchangeSandbox.builder().reviewMode(ReviewMode.MANUAL).start();
        ExchangeClient hotline = sandbox.clientBuilder("hotline").httpClient(http).build();
        ExchangeClient police = sandbox.clientBuilder("police").httpClient(http).build();
        ExchangeClient bigdata = sandbox.clientBuilder("bigdata").httpClient(http).build();
        ExchangeClient city = sandbox.clientBuilder("citymgmt").httpClient(http).build();
        ExchangeClient unchecked =
            sandbox
                .clientBuilder("hotline")
                .httpClient(http)
                .recordValidator(RecordValidator.none())
                .build()) {
      scenario(http, sandbox, hotline, police, bigdata, city, unchecked);
    } finally {
      http.dispatcher().executorService().shutdown();
      http.connectionPool().evictAll();
    }
    traffic = check.exchanges();
  }

  private static void scenario(
      OkHttpClient http,
      ExchangeSandbox sandbox,
      ExchangeClient hotline,
      ExchangeClient police,
      ExchangeClient bigdata,
      ExchangeClient city,
      ExchangeClient unchecked)
      throws Exception {
    // gateway and platform faults: a 401 from the gateway, a 503 with Retry-After that the client
    // retries
    TestParty hp = sandbox.party("hotline");
    try (ExchangeClient skewed =
        sandbox
            .clientBuilder("hotline")
            .httpClient(http)
            .authenticator(
                GovdxHmacAuthenticator.builder()
                    .keyId(hp.gatewayKeyId())
                    .secret(GatewaySecret.of(hp.gatewaySecretBytes()))
                    .clock(Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-30)))
                    .build())
            .build()) {
      assertThatThrownBy(() -> skewed.catalog().searchPage(SearchCatalogRequest.builder().build()))
          .isInstanceOf(ExchangeException.class)
          .hasMessageStartingWith("GDX-3103");
    }
    sandbox.inject(
        Route.CATALOG_SEARCH, Fault.status(503).retryAfter(Duration.ofSeconds(1)).times(1));
    hotline.catalog().searchPage(SearchCatalogRequest.builder().query("户籍").build());
    sandbox.clearFaults();

    // catalog and directory
    hotline
        .catalog()
        .searchPage(
            SearchCatalogRequest.builder().shareType(ShareType.CONDITIONAL).pageSize(1).build());
    hotline.catalog().searchPage(SearchCatalogRequest.builder().pageSize(2).build());
    hotline.catalog().detail(PEOPLE);
    assertThatThrownBy(() -> hotline.catalog().detail("999999999/00001"))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3201");
    hotline.directory().party(sandbox.party("police").partyId());
    hotline.directory().party(sandbox.party("hotline").partyId());

    // applications: apply, withdraw, apply again, review, approve; errors
    Application first = hotline.applications().apply(apply());
    hotline.applications().withdraw(first.applicationId(), "需求调整");
    Application app = hotline.applications().apply(apply());
    police
        .applications()
        .list(
            ListApplicationsRequest.builder()
                .role(ApplicationRole.PROVIDER)
                .state(ApplicationState.SUBMITTED)
                .pageSize(10)
                .build())
        .stream()
        .count();
    police
        .applications()
        .decide(decideApp(app.applicationId(), ApplicationState.UNDER_REVIEW, null));
    police
        .applications()
        .decide(decideApp(app.applicationId(), ApplicationState.APPROVED, "符合共享条件"));
    hotline.applications().status(app.applicationId());
    assertThatThrownBy(() -> hotline.applications().apply(apply()))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3209");
    assertThatThrownBy(() -> hotline.applications().withdraw(app.applicationId(), "晚了"))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3208");
    assertThatThrownBy(() -> city.applications().status(app.applicationId()))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3216");
    assertThatThrownBy(() -> hotline.applications().status("no-such-application"))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3203");

    // subscriptions (before the push, so the feed has an event)
    Subscription sub =
        hotline
            .subscriptions()
            .subscribe(
                SubscribeRequest.builder()
                    .resourceCode(DEMANDS)
                    .eventTypes(List.of("data.updated"))
                    .build());

    // data: query, push, and their errors
    String sfzh = sandbox.records(PEOPLE).get(0).get("sfzh").asText();
    QueryResult<?> result =
        hotline
            .data()
            .query(
                QueryRequest.builder()
                    .resourceCode(PEOPLE)
                    .filter("sfzh", sfzh)
                    .purpose("12345工单来电人身份核验")
                    .build());
    assertThatThrownBy(
            () ->
                city.data()
                    .query(
                        QueryRequest.builder().resourceCode(PEOPLE).filter("sfzh", sfzh).build()))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3206");
    PushRequest once = push(demand("GD-OAS-1"));
    PushResult stored = hotline.data().push(once);
    // the same push again (same key, same records): the stored answer, Idempotency-Replayed
    assertThat(hotline.data().push(once).batchId()).isEqualTo(stored.batchId());
    ObjectNode bad = demand("GD-OAS-2").put("xzqh", "999999");
    assertThatThrownBy(() -> unchecked.data().push(push(bad)))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3303");

    hotline.subscriptions().get(sub.subscriptionId());
    EventPage events =
        hotline
            .subscriptions()
            .events(
                EventFeedRequest.builder().subscriptionId(sub.subscriptionId()).limit(10).build());
    assertThat(events.events()).isNotEmpty();
    hotline.subscriptions().acknowledge(sub.subscriptionId(), events.nextCursor());
    assertThatThrownBy(() -> hotline.subscriptions().acknowledge(sub.subscriptionId(), "bogus"))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3010");
    hotline.subscriptions().unsubscribe(sub.subscriptionId());
    assertThatThrownBy(() -> hotline.subscriptions().get(sub.subscriptionId()))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3204");

    // objections on the query result
    Objection objection =
        hotline
            .objections()
            .raise(
                RaiseObjectionRequest.builder()
                    .resourceCode(PEOPLE)
                    .messageId(result.messageId().orElseThrow())
                    .digest(result.digest().orElseThrow())
                    .pointers(List.of("/records/0/xb"))
                    .category(ObjectionCategory.INACCURATE)
                    .description("性别与户籍登记不一致")
                    .idempotencyKey(UUID.randomUUID().toString())
                    .build());
    police
        .objections()
        .list(ListObjectionsRequest.builder().asProvider(true).pageSize(5).build())
        .stream()
        .count();
    police
        .objections()
        .decide(
            DecideObjectionRequest.builder()
                .objectionId(objection.objectionId())
                .state(ObjectionState.UNDER_REVIEW)
                .build());
    hotline.objections().get(objection.objectionId());
    hotline.objections().withdraw(objection.objectionId(), "已自行核实");
    assertThatThrownBy(
            () ->
                police
                    .objections()
                    .decide(
                        DecideObjectionRequest.builder()
                            .objectionId(objection.objectionId())
                            .state(ObjectionState.RESOLVED)
                            .reason("已更正")
                            .build()))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3208");
    assertThatThrownBy(
            () ->
                hotline
                    .objections()
                    .raise(
                        RaiseObjectionRequest.builder()
                            .resourceCode(PEOPLE)
                            .messageId(UUID.randomUUID().toString())
                            .digest(result.digest().orElseThrow())
                            .category(ObjectionCategory.OTHER)
                            .description("引用了不存在的消息")
                            .build()))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3217");

    // a file transfer: create, one part, complete, list, download, acknowledge, read
    Path src = tmp.resolve("case-file.bin");
    byte[] bytes = new byte[200_000];
    new Random(7).nextBytes(bytes);
    Files.write(src, bytes);
    TransferResult sent =
        hotline
            .transfers()
            .send(
                SendFileRequest.builder()
                    .receiver(sandbox.party("bigdata").partyId())
                    .resourceCode(DEMANDS)
                    .source(src)
                    .spoolDirectory(tmp.resolve("spool"))
                    .partSize(1024 * 1024)
                    .build());
    bigdata.transfers().list(ListTransfersRequest.builder().state(TransferState.AVAILABLE).build());
    bigdata.transfers().receive(sent.transferId(), tmp.resolve("received.bin"));
    assertThat(Files.readAllBytes(tmp.resolve("received.bin"))).isEqualTo(bytes);
    hotline.transfers().get(sent.transferId());
    // the client always downloads with a Range (bytes=N-, to resume): the whole stream without one
    // is 200;
    // a range outside the stream is 416
    TestParty bp = sandbox.party("bigdata");
    assertThat(content(http, sandbox, bp, sent.transferId(), null)).isEqualTo(200);
    assertThat(content(http, sandbox, bp, sent.transferId(), "bytes=10-99")).isEqualTo(206);
    assertThat(content(http, sandbox, bp, sent.transferId(), "bytes=999999999-")).isEqualTo(416);
    // completing a transfer with parts missing: 409/GDX-3218 whose details name the parts
    String create =
        "{\"receiver\":\""
            + bp.partyId()
            + "\",\"resourceCode\":\""
            + DEMANDS
            + "\",\"size\":3000000,\"sha256\":\""
            + "0".repeat(64)
            + "\",\"partSize\":1048576}";
    JsonNode created = post(http, sandbox, hp, "/v1/transfers", create, 201);
    post(
        http,
        sandbox,
        hp,
        "/v1/transfers/" + created.get("transferId").asText() + "/complete",
        null,
        409);
    assertThatThrownBy(() -> bigdata.transfers().get("no-such-transfer"))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3220");
  }

  /** A signed download of a range, sent through the recording client; returns the status. */
  private static int content(
      OkHttpClient http, ExchangeSandbox sandbox, TestParty party, String transferId, String range)
      throws Exception {
    Request r =
        new Request.Builder()
            .url(sandbox.baseUri() + "/v1/transfers/" + transferId + "/content")
            .header("X-Gdx-Party", party.partyId().toString())
            .header("X-Request-Id", UUID.randomUUID().toString())
            .build();
    if (range != null) {
      r = r.newBuilder().header("Range", range).build();
    }
    Request signed =
        GovdxHmacAuthenticator.builder()
            .keyId(party.gatewayKeyId())
            .secret(GatewaySecret.of(party.gatewaySecretBytes()))
            .build()
            .authenticate(r)
            .request();
    try (Response resp = http.newCall(signed).execute()) {
      resp.body().bytes();
      return resp.code();
    }
  }

  /** A signed POST through the recording client; returns the JSON answer after checking its status. */
  private static JsonNode post(
      OkHttpClient http,
      ExchangeSandbox sandbox,
      TestParty party,
      String path,
      String json,
      int expectedStatus)
      throws Exception {
    RequestBody body =
        json == null
            ? RequestBody.create(new byte[0], null)
            : RequestBody.create(
                json.getBytes(StandardCharsets.UTF_8),
                MediaType.get("application/json; charset=utf-8"));
    Request r =
        new Request.Builder()
            .url(sandbox.baseUri() + path)
            .header("X-Gdx-Party", party.partyId().toString())
            .header("X-Request-Id", UUID.randomUUID().toString())
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .post(body)
            .build();
    Request signed =
        GovdxHmacAuthenticator.builder()
            .keyId(party.gatewayKeyId())
            .secret(GatewaySecret.of(party.gatewaySecretBytes()))
            .build()
            .authenticate(r)
            .request();
    try (Response resp = http.newCall(signed).execute()) {
      byte[] answer = resp.body().bytes();
      assertThat(resp.code()).as(path).isEqualTo(expectedStatus);
      return JSON.readTree(answer);
    }
  }

  private static ApplyRequest apply() {
    return ApplyRequest.builder()
        .resourceCode(PEOPLE)
        .purpose("12345热线工单办理中核验来电人身份")
        .items(List.of("xm", "sfzh"))
        .idempotencyKey(UUID.randomUUID().toString())
        .build();
  }

  private static DecideApplicationRequest decideApp(
      String id, ApplicationState state, String reason) {
    DecideApplicationRequest.Builder b =
        DecideApplicationRequest.builder().applicationId(id).state(state);
    if (reason != null) {
      b.reason(reason);
    }
    return b.build();
  }

  /** A demand record (12345 work order) of resource {@code 335002001/00003}, valid against its schema. */
  static ObjectNode demand(String gdbh) {
    ObjectNode r = new ObjectMapper().createObjectNode();
    r.put("gdbh", gdbh);
    r.put("sqqd", "电话");
    r.put("sqlx", "投诉");
    r.put("sqnr", "小区路灯不亮");
    r.put("xzqh", "320505");
    r.put("slsj", "2026-11-24T08:12:00Z");
    return r;
  }

  /** A push of one record to {@code 335002001/00003} under a fresh idempotency key. */
  static PushRequest push(ObjectNode record) {
    return PushRequest.builder()
        .resourceCode(DEMANDS)
        .addRecord(record)
        .idempotencyKey(UUID.randomUUID().toString())
        .build();
  }

  @Test
  void everyRoute_wasCalled() {
    Set<Route> seen = EnumSet.noneOf(Route.class);
    for (Exchange e : traffic) {
      Route r = check.route(e);
      assertThat(r).as("the route of %s", e).isNotNull();
      seen.add(r);
    }
    assertThat(seen).containsExactlyInAnyOrder(Route.values());
  }

  @Test
  void everyExchange_matchesTheDocument() {
    List<String> violations = new ArrayList<>();
    for (Exchange e : traffic) {
      violations.addAll(check.violations(e));
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void errorBodies_ofSeveralStatuses_wereValidated() throws Exception {
    Map<Integer, Set<String>> errors = new TreeMap<>();
    for (Exchange e : traffic) {
      if (e.status() >= 400) {
        String code = JSON.readTree(e.responseBody()).path("code").asText();
        errors.computeIfAbsent(e.status(), k -> new TreeSet<>()).add(code);
      }
    }
    assertThat(errors)
        .containsEntry(401, Set.of("GDX-3103"))
        .containsKey(503)
        .containsEntry(400, Set.of("GDX-3010"))
        .containsEntry(403, Set.of("GDX-3206", "GDX-3216"))
        .containsEntry(404, Set.of("GDX-3201", "GDX-3203", "GDX-3204", "GDX-3220"))
        .containsEntry(409, Set.of("GDX-3208", "GDX-3209", "GDX-3218"))
        .containsEntry(416, Set.of("GDX-3012"))
        .containsEntry(422, Set.of("GDX-3217", "GDX-3303"));
  }

  @Test
  void successStatuses_ofEveryKind_wereValidated() {
    Set<Integer> statuses = new TreeSet<>();
    traffic.forEach(e -> statuses.add(e.status()));
    assertThat(statuses).contains(200, 201, 204, 206);
    assertThat(traffic)
        .anySatisfy(
            e -> {
              assertThat(check.route(e)).isEqualTo(Route.DATA_PUSH);
              assertThat(e.responseHeaders()).containsEntry("idempotency-replayed", "true");
            });
    assertThat(traffic)
        .anySatisfy(
            e -> {
              assertThat(e.status()).isEqualTo(503);
              assertThat(e.responseHeaders()).containsEntry("retry-after", "1");
            });
    assertThat(traffic)
        .anySatisfy(
            e -> {
              assertThat(check.route(e)).isEqualTo(Route.PARTY_DETAIL);
              assertThat(e.path()).endsWith("/hotline"); // a two-segment party id
            });
  }

  @Test
  void everyDocumentedSuccessStatus_wasAnswered() {
    // the other direction: a 2xx the document lists but the sandbox no longer answers is stale
    Map<Route, Set<Integer>> seen = new java.util.EnumMap<>(Route.class);
    for (Exchange e : traffic) {
      seen.computeIfAbsent(check.route(e), k -> new TreeSet<>()).add(e.status());
    }
    for (Route r : Route.values()) {
      Set<Integer> documented = new TreeSet<>();
      contract
          .operation(r)
          .path("responses")
          .fieldNames()
          .forEachRemaining(
              s -> {
                if (s.startsWith("2")) {
                  documented.add(Integer.parseInt(s));
                }
              });
      assertThat(seen.get(r)).as(r.name()).containsAll(documented);
    }
  }

  /** The check is not vacuous: a drift on either side fails it. */
  @Test
  void drift_onEitherSide_isReported() {
    Exchange getApp =
        traffic.stream()
            .filter(e -> check.route(e) == Route.APPLICATION_GET && e.status() == 200)
            .findFirst()
            .orElseThrow();
    assertThat(check.violations(getApp)).isEmpty();
    // the sandbox adds a member, drops a required one, or answers a status the document does not
    // list
    String body = new String(getApp.responseBody(), StandardCharsets.UTF_8);
    assertThat(
            check.violations(
                getApp.withResponseBody(
                    body.replaceFirst("\\{", "{\"extra\":1,").getBytes(StandardCharsets.UTF_8))))
        .anyMatch(v -> v.contains("extra"));
    assertThat(
            check.violations(
                getApp.withResponseBody(
                    body.replaceFirst("\"dueDate\":\"[^\"]*\",", "")
                        .getBytes(StandardCharsets.UTF_8))))
        .anyMatch(v -> v.contains("dueDate"));
    assertThat(check.violations(getApp.withStatus(202))).anyMatch(v -> v.contains("202"));
    // the client sends a new header, loses a required one, or changes a body
    assertThat(check.violations(getApp.withRequestHeader("x-gdx-new", "1")))
        .anyMatch(v -> v.contains("x-gdx-new"));
    assertThat(check.violations(getApp.withRequestHeader("x-gdx-party", "not a party")))
        .anyMatch(v -> v.contains("X-Gdx-Party"));
    Exchange submit =
        traffic.stream()
            .filter(e -> check.route(e) == Route.APPLICATION_SUBMIT && e.status() == 201)
            .findFirst()
            .orElseThrow();
    String sentBody = new String(submit.requestBody(), StandardCharsets.UTF_8);
    assertThat(
            check.violations(
                submit.withRequestBody(
                    sentBody
                        .replace("\"purpose\"", "\"reason\"")
                        .getBytes(StandardCharsets.UTF_8))))
        .anyMatch(v -> v.contains("request body"));
    Exchange push =
        traffic.stream()
            .filter(e -> check.route(e) == Route.DATA_PUSH && e.status() == 201)
            .findFirst()
            .orElseThrow();
    Map<String, String> noKey = new TreeMap<>(push.requestHeaders());
    noKey.remove("idempotency-key");
    assertThat(
            check.violations(
                new Exchange(
                    push.method(),
                    push.path(),
                    push.query(),
                    noKey,
                    push.requestBody(),
                    push.status(),
                    push.responseHeaders(),
                    push.responseBody())))
        .anyMatch(v -> v.contains("Idempotency-Key"));
  }

  @AfterAll
  static void done() {
    traffic = null;
  }
}
