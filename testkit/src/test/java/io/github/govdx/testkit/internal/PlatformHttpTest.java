package io.github.govdx.testkit.internal;

import static io.github.govdx.testkit.internal.Harness.BIGDATA;
import static io.github.govdx.testkit.internal.Harness.CITY;
import static io.github.govdx.testkit.internal.Harness.DEMANDS;
import static io.github.govdx.testkit.internal.Harness.HOTLINE;
import static io.github.govdx.testkit.internal.Harness.ORDERS;
import static io.github.govdx.testkit.internal.Harness.PEOPLE;
import static io.github.govdx.testkit.internal.Harness.POLICE;
import static io.github.govdx.testkit.internal.Harness.code;
import static io.github.govdx.testkit.internal.Harness.envelope;
import static io.github.govdx.testkit.internal.Harness.json;
import static io.github.govdx.testkit.internal.Harness.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.testkit.ReviewMode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PlatformHttpTest {

  private Harness h;

  private Harness start(ReviewMode mode) {
    h = new Harness(p -> p.review.set(mode));
    return h;
  }

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
  }

  @Test
  void catalogSearch_filtersAndPages_tokenBoundToFilters() {
    start(ReviewMode.MANUAL);
    HttpResponse<String> all = h.get(HOTLINE, "/v1/catalog/resources?pageSize=3");
    assertThat(all.statusCode()).isEqualTo(200);
    JsonNode page1 = json(all);
    assertThat(Harness.texts(page1.get("items"), "resourceCode"))
        .containsExactly(PEOPLE, DEMANDS, ORDERS);
    String token = page1.get("nextPageToken").asText();
    JsonNode page2 = json(h.get(HOTLINE, "/v1/catalog/resources?pageSize=3&pageToken=" + token));
    assertThat(Harness.texts(page2.get("items"), "resourceCode"))
        .containsExactly("335004001/00001");
    assertThat(page2.has("nextPageToken")).isFalse();

    HttpResponse<String> otherFilter =
        h.get(
            HOTLINE,
            "/v1/catalog/resources?pageSize=3&shareType=conditional" + "&pageToken=" + token);
    assertThat(otherFilter.statusCode()).isEqualTo(400);
    assertThat(code(otherFilter)).isEqualTo("GDX-3010");
    HttpResponse<String> otherParty =
        h.get(CITY, "/v1/catalog/resources?pageSize=3&pageToken=" + token);
    assertThat(code(otherParty)).isEqualTo("GDX-3010");
    // a character in the middle: the last ones of base64url may carry bits the decoder ignores
    int mid = token.length() / 2;
    String tampered =
        token.substring(0, mid) + (token.charAt(mid) == 'A' ? 'B' : 'A') + token.substring(mid + 1);
    assertThat(code(h.get(HOTLINE, "/v1/catalog/resources?pageSize=3&pageToken=" + tampered)))
        .isEqualTo("GDX-3010");

    JsonNode cond =
        json(h.get(HOTLINE, "/v1/catalog/resources?q=%E6%88%B7%E7%B1%8D&shareType=conditional"));
    assertThat(Harness.texts(cond.get("items"), "resourceCode")).containsExactly(PEOPLE);
    assertThat(cond.get("items").get(0).has("items")).as("search returns summaries").isFalse();
    JsonNode byProvider = json(h.get(HOTLINE, "/v1/catalog/resources?provider=" + CITY));
    assertThat(Harness.texts(byProvider.get("items"), "resourceCode")).containsExactly(ORDERS);
  }

  @Test
  void catalogDetail_unknown_404() {
    start(ReviewMode.MANUAL);
    HttpResponse<String> ok = h.get(HOTLINE, "/v1/catalog/resources/335001001/00012");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(json(ok).get("items").size()).isEqualTo(6);
    HttpResponse<String> r = h.get(HOTLINE, "/v1/catalog/resources/999/1");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(code(r)).isEqualTo("GDX-3201");
    assertThat(json(r).get("source").asText()).isEqualTo("platform");
    assertThat(r.headers().firstValue("X-Request-Id")).isPresent();
    assertThat(r.headers().firstValue("Date")).isPresent();
  }

  @Test
  void partyDetail_knownAndUnknown() {
    start(ReviewMode.MANUAL);
    HttpResponse<String> ok = h.get(HOTLINE, "/v1/parties/" + POLICE);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Cache-Control")).contains("max-age=300");
    HttpResponse<String> two = h.get(HOTLINE, "/v1/parties/" + HOTLINE);
    assertThat(two.statusCode()).isEqualTo(404);
    assertThat(code(two)).isEqualTo("GDX-3202");
  }

  @Test
  void requestChecks_inProtocolOrder() {
    start(ReviewMode.MANUAL);
    HttpResponse<String> noParty =
        h.send(
            HttpRequest.newBuilder(h.uri("/v1/catalog/resources"))
                .header("X-Test-Key", HOTLINE.toString())
                .GET(),
            HOTLINE,
            null);
    assertThat(noParty.statusCode()).isEqualTo(200);
    HttpRequest bad =
        HttpRequest.newBuilder(h.uri("/v1/catalog/resources"))
            .header("X-Test-Key", "x")
            .GET()
            .build();
    assertThat(
            h.send(HttpRequest.newBuilder(h.uri("/v1/nowhere")).GET(), HOTLINE, null).statusCode())
        .isEqualTo(404);
    assertThat(code(h.send(HttpRequest.newBuilder(h.uri("/v1/nowhere")).GET(), HOTLINE, null)))
        .isEqualTo("GDX-3004");
    HttpResponse<String> method = h.delete(HOTLINE, "/v1/catalog/resources");
    assertThat(method.statusCode()).isEqualTo(405);
    assertThat(code(method)).isEqualTo("GDX-3005");
    HttpResponse<String> media =
        h.send(
            HttpRequest.newBuilder(h.uri("/v1/applications"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")),
            HOTLINE,
            null);
    assertThat(media.statusCode()).isEqualTo(415);
    assertThat(code(media)).isEqualTo("GDX-3002");
    HttpResponse<String> big =
        h.postJson(HOTLINE, "/v1/applications", "\"" + "a".repeat(1024 * 1024) + "\"");
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(code(big)).isEqualTo("GDX-3003");
    HttpResponse<String> notJson = h.postJson(HOTLINE, "/v1/applications", "{not json");
    assertThat(code(notJson)).isEqualTo("GDX-3001");
    assertThat(bad.headers().firstValue("X-Gdx-Party")).isEmpty();
  }

  @Test
  void gateway_partyNotBound_403AndMissingCredentials_401() throws Exception {
    start(ReviewMode.MANUAL);
    HttpResponse<String> notBound =
        h.http.send(
            HttpRequest.newBuilder(h.uri("/v1/catalog/resources"))
                .header("X-Test-Key", CITY.toString())
                .header("X-Gdx-Party", HOTLINE.toString())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(notBound.statusCode()).isEqualTo(403);
    assertThat(code(notBound)).isEqualTo("GDX-3106");
    assertThat(json(notBound).get("source").asText()).isEqualTo("gateway");
    HttpResponse<String> none =
        h.http.send(
            HttpRequest.newBuilder(h.uri("/v1/nowhere"))
                .header("X-Gdx-Party", HOTLINE.toString())
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(none.statusCode()).as("authentication comes before routing").isEqualTo(401);
    assertThat(code(none)).isEqualTo("GDX-3101");
    HttpResponse<String> badParty =
        h.http.send(
            HttpRequest.newBuilder(h.uri("/v1/catalog/resources"))
                .header("X-Test-Key", CITY.toString())
                .header("X-Gdx-Party", "not-a-party")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(badParty.statusCode()).isEqualTo(400);
    assertThat(code(badParty)).isEqualTo("GDX-3006");
  }

  @Test
  void application_manualReview_fullLifeCycle() {
    start(ReviewMode.MANUAL);
    String body =
        "{\"resourceCode\": \"" + PEOPLE + "\", \"purpose\": \"核验来电人身份\", \"items\": [\"xm\"]}";
    HttpResponse<String> created = h.postJson(HOTLINE, "/v1/applications", body);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode app = json(created);
    String id = app.get("applicationId").asText();
    assertThat(created.headers().firstValue("Location")).contains("/v1/applications/" + id);
    assertThat(app.get("state").asText()).isEqualTo("submitted");
    assertThat(app.get("provider").asText()).isEqualTo(POLICE.toString());
    assertThat(app.get("timeLimitWorkingDays").asInt()).isEqualTo(10);

    assertThat(code(h.postJson(HOTLINE, "/v1/applications", body))).isEqualTo("GDX-3209");
    assertThat(code(h.get(CITY, "/v1/applications/" + id))).isEqualTo("GDX-3216");
    assertThat(code(h.get(CITY, "/v1/applications/app-none"))).isEqualTo("GDX-3203");
    HttpResponse<String> byApplicant =
        h.postJson(HOTLINE, "/v1/applications/" + id + "/decision", "{\"state\": \"approved\"}");
    assertThat(byApplicant.statusCode()).isEqualTo(403);
    assertThat(code(byApplicant)).isEqualTo("GDX-3216");
    assertThat(
            code(
                h.postJson(
                    POLICE, "/v1/applications/" + id + "/decision", "{\"state\": \"rejected\"}")))
        .as("a rejection needs a reason")
        .isEqualTo("GDX-3001");

    assertThat(
            json(h.postJson(
                    POLICE,
                    "/v1/applications/" + id + "/decision",
                    "{\"state\": \"under_review\"}"))
                .get("state")
                .asText())
        .isEqualTo("under_review");
    assertThat(
            code(
                h.postJson(
                    POLICE,
                    "/v1/applications/" + id + "/decision",
                    "{\"state\": \"under_review\"}")))
        .isEqualTo("GDX-3208");
    JsonNode approved =
        json(
            h.postJson(
                POLICE,
                "/v1/applications/" + id + "/decision",
                "{\"state\": \"approved\", \"reason\": \"符合共享条件\"}"));
    assertThat(approved.get("state").asText()).isEqualTo("approved");
    assertThat(approved.get("decisionReason").asText()).isEqualTo("符合共享条件");
    assertThat(Harness.texts(approved.get("history"), "state"))
        .containsExactly("submitted", "under_review", "approved");
    HttpResponse<String> withdrawFinal =
        h.postJson(HOTLINE, "/v1/applications/" + id + "/withdraw", "{}");
    assertThat(withdrawFinal.statusCode()).isEqualTo(409);
    assertThat(code(withdrawFinal)).isEqualTo("GDX-3208");

    JsonNode asProvider = json(h.get(POLICE, "/v1/applications?role=provider&state=approved"));
    assertThat(Harness.texts(asProvider.get("items"), "applicationId")).containsExactly(id);
    assertThat(json(h.get(POLICE, "/v1/applications")).get("items").size()).isZero();
  }

  @Test
  void application_withdraw_isIdempotentAndFinal() {
    start(ReviewMode.MANUAL);
    String id =
        json(h.postJson(
                HOTLINE,
                "/v1/applications",
                "{\"resourceCode\": \"" + PEOPLE + "\", \"purpose\": \"p\"}"))
            .get("applicationId")
            .asText();
    HttpResponse<String> w1 =
        h.send(
            HttpRequest.newBuilder(h.uri("/v1/applications/" + id + "/withdraw"))
                .POST(HttpRequest.BodyPublishers.noBody()),
            HOTLINE,
            null);
    assertThat(w1.statusCode()).isEqualTo(200);
    assertThat(json(w1).get("state").asText()).isEqualTo("withdrawn");
    HttpResponse<String> w2 =
        h.postJson(HOTLINE, "/v1/applications/" + id + "/withdraw", "{\"reason\": \"x\"}");
    assertThat(w2.statusCode()).isEqualTo(200);
    assertThat(Harness.texts(json(w2).get("history"), "state"))
        .containsExactly("submitted", "withdrawn");
    assertThat(
            code(
                h.postJson(
                    POLICE, "/v1/applications/" + id + "/decision", "{\"state\": \"approved\"}")))
        .isEqualTo("GDX-3208");
    // a new application is allowed once the old one is final
    assertThat(
            h.postJson(
                    HOTLINE,
                    "/v1/applications",
                    "{\"resourceCode\": \"" + PEOPLE + "\", \"purpose\": \"p\"}")
                .statusCode())
        .isEqualTo(201);
  }

  @Test
  void application_autoModesAndUnconditional() {
    start(ReviewMode.AUTO_REJECT);
    JsonNode app =
        json(
            h.postJson(
                HOTLINE,
                "/v1/applications",
                "{\"resourceCode\": \"" + PEOPLE + "\", \"purpose\": \"p\"}"));
    assertThat(app.get("state").asText()).isEqualTo("submitted");
    JsonNode now = json(h.get(HOTLINE, "/v1/applications/" + app.get("applicationId").asText()));
    assertThat(now.get("state").asText()).isEqualTo("rejected");
    assertThat(now.get("decisionReason").asText()).contains("AUTO_REJECT");
    assertThat(
            code(
                h.postJson(
                    HOTLINE,
                    "/v1/applications",
                    "{\"resourceCode\": \"" + DEMANDS + "\", \"purpose\": \"p\"}")))
        .isEqualTo("GDX-3209");
    assertThat(
            code(
                h.postJson(
                    HOTLINE,
                    "/v1/applications",
                    "{\"resourceCode\": \"1/2\", \"purpose\": \"p\"}")))
        .isEqualTo("GDX-3201");
    h.parts.review.set(ReviewMode.AUTO_APPROVE);
    JsonNode second =
        json(
            h.postJson(
                HOTLINE,
                "/v1/applications",
                "{\"resourceCode\": \"" + PEOPLE + "\", \"purpose\": \"p\"}"));
    assertThat(
            json(h.get(HOTLINE, "/v1/applications/" + second.get("applicationId").asText()))
                .get("state")
                .asText())
        .isEqualTo("approved");
  }

  @Test
  void query_routingHeaderMismatches_400_3210() {
    start(ReviewMode.AUTO_APPROVE);
    String path = "/v1/data/335002001/00003/query";
    List<byte[]> bad = new ArrayList<>();
    bad.add(envelope(CITY, BIGDATA, DEMANDS, "query")); // sender is not X-Gdx-Party
    bad.add(envelope(HOTLINE, POLICE, DEMANDS, "query")); // receiver is not the provider
    bad.add(envelope(HOTLINE, BIGDATA, PEOPLE, "query")); // resource is not the path's
    bad.add(envelope(HOTLINE, BIGDATA, DEMANDS, "push")); // action is not query
    for (byte[] b : bad) {
      HttpResponse<String> r = h.postEnvelope(HOTLINE, path, b, null);
      assertThat(r.statusCode()).isEqualTo(400);
      assertThat(code(r)).isEqualTo("GDX-3210");
    }
    assertThat(h.providerCalls.get()).as("nothing reached the provider").isZero();
    HttpResponse<String> notEnvelope = h.postEnvelope(HOTLINE, path, "{}".getBytes(), null);
    assertThat(code(notEnvelope)).isEqualTo("GDX-3001");
    HttpResponse<String> wrongType =
        h.postJson(HOTLINE, path, new String(envelope(HOTLINE, BIGDATA, DEMANDS, "query")));
    assertThat(code(wrongType)).isEqualTo("GDX-3002");
    HttpResponse<String> ok =
        h.postEnvelope(HOTLINE, path, envelope(HOTLINE, BIGDATA, DEMANDS, "query"), null);
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.headers().firstValue("Content-Type")).contains(Reply.ENVELOPE);
    assertThat(h.providerCalls.get()).isEqualTo(1);
  }

  @Test
  void query_conditionalResource_needsApprovedApplication() {
    start(ReviewMode.MANUAL);
    String path = "/v1/data/335001001/00012/query";
    HttpResponse<String> denied =
        h.postEnvelope(HOTLINE, path, envelope(HOTLINE, POLICE, PEOPLE, "query"), null);
    assertThat(denied.statusCode()).isEqualTo(403);
    assertThat(code(denied)).isEqualTo("GDX-3206");
    String id =
        json(h.postJson(
                HOTLINE,
                "/v1/applications",
                "{\"resourceCode\": \""
                    + PEOPLE
                    + "\", \"purpose\": \"p\", \"validUntil\": \"2099-12-31\"}"))
            .get("applicationId")
            .asText();
    h.platform.applications().decide(id, null, "approved", "ok");
    assertThat(
            h.postEnvelope(HOTLINE, path, envelope(HOTLINE, POLICE, PEOPLE, "query"), null)
                .statusCode())
        .isEqualTo(200);
    HttpResponse<String> push =
        h.postEnvelope(
            HOTLINE,
            "/v1/data/335001001/00012/batches",
            envelope(HOTLINE, POLICE, PEOPLE, "push"),
            key());
    assertThat(push.statusCode()).isEqualTo(400);
    assertThat(code(push)).isEqualTo("GDX-3305");
  }

  @Test
  void query_expiredApproval_isRefused() {
    start(ReviewMode.MANUAL);
    String id =
        json(h.postJson(
                HOTLINE,
                "/v1/applications",
                "{\"resourceCode\": \""
                    + PEOPLE
                    + "\", \"purpose\": \"p\", \"validUntil\": \"2020-01-01\"}"))
            .get("applicationId")
            .asText();
    h.platform.applications().decide(id, null, "approved", "ok");
    assertThat(
            code(
                h.postEnvelope(
                    HOTLINE,
                    "/v1/data/335001001/00012/query",
                    envelope(HOTLINE, POLICE, PEOPLE, "query"),
                    null)))
        .isEqualTo("GDX-3206");
  }

  @Test
  void provider_failures_mapToPlatformCodes() {
    h = new Harness(p -> p.providerTimeout = java.time.Duration.ofMillis(300));
    h.providers.put(
        BIGDATA,
        req -> {
          Thread.sleep(2000);
          return null;
        });
    HttpResponse<String> slow =
        h.postEnvelope(
            HOTLINE,
            "/v1/data/335002001/00003/query",
            envelope(HOTLINE, BIGDATA, DEMANDS, "query"),
            null);
    assertThat(slow.statusCode()).isEqualTo(504);
    assertThat(code(slow)).isEqualTo("GDX-3213");
    h.providers.put(
        BIGDATA,
        req -> {
          throw new IllegalStateException("boom");
        });
    HttpResponse<String> broken =
        h.postEnvelope(
            HOTLINE,
            "/v1/data/335002001/00003/query",
            envelope(HOTLINE, BIGDATA, DEMANDS, "query"),
            null);
    assertThat(broken.statusCode()).isEqualTo(502);
    assertThat(code(broken)).isEqualTo("GDX-3212");
    h.providers.remove(BIGDATA);
    assertThat(
            code(
                h.postEnvelope(
                    HOTLINE,
                    "/v1/data/335002001/00003/query",
                    envelope(HOTLINE, BIGDATA, DEMANDS, "query"),
                    null)))
        .isEqualTo("GDX-3212");
    h.providers.put(
        BIGDATA,
        req ->
            new io.github.govdx.testkit.SandboxProvider.Response(
                422,
                java.util.Map.of("Content-Type", "application/json"),
                "{\"code\":\"GDX-3302\",\"message\":\"GDX-3302: bad\",\"requestId\":\"x\",\"source\":\"provider\"}"
                    .getBytes()));
    HttpResponse<String> passed =
        h.postEnvelope(
            HOTLINE,
            "/v1/data/335002001/00003/query",
            envelope(HOTLINE, BIGDATA, DEMANDS, "query"),
            null);
    assertThat(passed.statusCode()).as("provider errors pass through unchanged").isEqualTo(422);
    assertThat(json(passed).get("source").asText()).isEqualTo("provider");
  }
}
