package io.github.govdx.testkit.internal;

import static io.github.govdx.testkit.internal.Harness.DEMANDS;
import static io.github.govdx.testkit.internal.Harness.HOTLINE;
import static io.github.govdx.testkit.internal.Harness.PEOPLE;
import static io.github.govdx.testkit.internal.Harness.POLICE;
import static io.github.govdx.testkit.internal.Harness.json;
import static io.github.govdx.testkit.internal.Harness.key;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.testkit.ReviewMode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's refusals of malformed JSON request bodies: a missing required member, a member of the wrong
 * JSON type, a value outside the protocol, or a body that is not one JSON object is {@code 400 GDX-3001}
 * without {@code details}, naming the member and never echoing the value; unknown members are ignored.
 */
class RequestBodiesTest {

  private static final String SHA = "ab".repeat(32);
  private static final String SECRET = "zz-secret-value";

  private Harness h;

  @BeforeEach
  void start() {
    h = new Harness(p -> p.review.set(ReviewMode.MANUAL));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private void assertRefused(PartyId party, String path, String body, String member) {
    HttpResponse<String> r = h.postJson(party, path, body, key());
    assertThat(r.statusCode()).as(body).isEqualTo(400);
    JsonNode e = json(r);
    assertThat(e.path("code").asText()).as(body).isEqualTo("GDX-3001");
    assertThat(e.path("source").asText()).as(body).isEqualTo("platform");
    assertThat(e.has("details")).as(body).isFalse();
    assertThat(e.path("message").asText()).as(body).contains(member).doesNotContain(SECRET);
  }

  private static String application(String members) {
    return "{\"resourceCode\": \"" + PEOPLE + "\", \"purpose\": \"热线工单核验\"" + members + "}";
  }

  @Test
  void notAJsonObject() {
    for (String body : List.of("", "null", "[]", "\"x\"", "42", "{", "{} {}", "{\"a\": 1,}")) {
      HttpResponse<String> r = h.postJson(HOTLINE, "/v1/applications", body, key());
      assertThat(r.statusCode()).as(body).isEqualTo(400);
      assertThat(json(r).path("code").asText()).as(body).isEqualTo("GDX-3001");
      assertThat(json(r).has("details")).as(body).isFalse();
    }
    String deep = ", \"items\": " + "[".repeat(100) + "]".repeat(100);
    assertThat(
            json(h.postJson(HOTLINE, "/v1/applications", application(deep))).path("code").asText())
        .as("nesting deeper than 64")
        .isEqualTo("GDX-3001");
  }

  @Test
  void applicationSubmit() {
    String p = "/v1/applications";
    assertRefused(HOTLINE, p, "{}", "resourceCode");
    assertRefused(HOTLINE, p, "{\"resourceCode\": null, \"purpose\": \"x\"}", "resourceCode");
    assertRefused(HOTLINE, p, "{\"resourceCode\": \"\", \"purpose\": \"x\"}", "resourceCode");
    assertRefused(HOTLINE, p, "{\"resourceCode\": 335001001, \"purpose\": \"x\"}", "resourceCode");
    assertRefused(HOTLINE, p, "{\"resourceCode\": [\"" + PEOPLE + "\"]}", "resourceCode");
    assertRefused(HOTLINE, p, "{\"resourceCode\": \"" + PEOPLE + "\"}", "purpose");
    assertRefused(HOTLINE, p, "{\"resourceCode\": \"" + PEOPLE + "\", \"purpose\": 7}", "purpose");
    assertRefused(
        HOTLINE, p, "{\"resourceCode\": \"" + PEOPLE + "\", \"purpose\": true}", "purpose");
    assertRefused(
        HOTLINE,
        p,
        "{\"resourceCode\": \"" + PEOPLE + "\", \"purpose\": \"" + "长".repeat(501) + "\"}",
        "purpose");
    assertRefused(HOTLINE, p, application(", \"legalBasis\": 1"), "legalBasis");
    assertRefused(HOTLINE, p, application(", \"legalBasis\": {}"), "legalBasis");
    assertRefused(HOTLINE, p, application(", \"items\": \"" + SECRET + "\""), "items");
    assertRefused(HOTLINE, p, application(", \"items\": {}"), "items");
    assertRefused(HOTLINE, p, application(", \"validUntil\": 20261231"), "validUntil");
    assertRefused(HOTLINE, p, application(", \"validUntil\": \"" + SECRET + "\""), "validUntil");
  }

  @Test
  void applicationSubmit_unknownMembersIgnored_nullIsAbsent_echoInProtocolOrder() {
    HttpResponse<String> r =
        h.postJson(
            HOTLINE,
            "/v1/applications",
            "{\"validUntil\": \"2099-12-31\", \"items\": [\"xm\", \"gmsfhm\"], \"extra\": {\"x\": 1},"
                + " \"legalBasis\": null, \"purpose\": \"热线工单核验\", \"resourceCode\": \""
                + PEOPLE
                + "\"}",
            key());
    assertThat(r.statusCode()).isEqualTo(201);
    JsonNode a = json(r);
    List<String> names = new ArrayList<>();
    a.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .startsWith(
            "applicationId",
            "resourceCode",
            "applicant",
            "provider",
            "purpose",
            "items",
            "validUntil",
            "state")
        .doesNotContain("extra", "legalBasis");
    assertThat(a.get("items").toString()).isEqualTo("[\"xm\",\"gmsfhm\"]");
    assertThat(a.get("validUntil").asText()).isEqualTo("2099-12-31");
  }

  @Test
  void applicationDecisionAndWithdrawal() {
    HttpResponse<String> created = h.postJson(HOTLINE, "/v1/applications", application(""), key());
    assertThat(created.statusCode()).isEqualTo(201);
    String id = json(created).get("applicationId").asText();
    String decision = "/v1/applications/" + id + "/decision";
    assertRefused(POLICE, decision, "{}", "state");
    assertRefused(POLICE, decision, "{\"state\": \"\"}", "state");
    assertRefused(POLICE, decision, "{\"state\": 1}", "state");
    assertRefused(POLICE, decision, "{\"state\": [\"approved\"]}", "state");
    assertRefused(POLICE, decision, "{\"state\": \"rejected\", \"reason\": 5}", "reason");
    String withdraw = "/v1/applications/" + id + "/withdraw";
    assertRefused(HOTLINE, withdraw, "{\"reason\": false}", "reason");
    assertRefused(HOTLINE, withdraw, "[]", "body");
    HttpResponse<String> ok = h.postJson(HOTLINE, withdraw, "{\"reason\": null, \"x\": 1}", key());
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(json(ok).get("state").asText()).isEqualTo("withdrawn");
  }

  @Test
  void subscriptionCreateAndAck() {
    String p = "/v1/subscriptions";
    assertRefused(HOTLINE, p, "{}", "resourceCode");
    assertRefused(HOTLINE, p, "{\"resourceCode\": 1}", "resourceCode");
    String code = "{\"resourceCode\": \"" + DEMANDS + "\"";
    assertRefused(HOTLINE, p, code + ", \"eventTypes\": \"record.created\"}", "eventTypes");
    assertRefused(HOTLINE, p, code + ", \"eventTypes\": {}}", "eventTypes");
    assertRefused(HOTLINE, p, code + ", \"eventTypes\": [\"no.such.type\"]}", "event type");
    HttpResponse<String> created = h.postJson(HOTLINE, p, code + ", \"eventTypes\": null}", key());
    assertThat(created.statusCode()).isEqualTo(201);
    String ack = p + "/" + json(created).get("subscriptionId").asText() + "/ack";
    assertRefused(HOTLINE, ack, "{}", "cursor");
    assertRefused(HOTLINE, ack, "{\"cursor\": 12}", "cursor");
  }

  @Test
  void objectionRaise() {
    String p = "/v1/objections";
    String head = "{\"resourceCode\": \"" + PEOPLE + "\", \"messageId\": \"m-1\"";
    String digest = ", \"digest\": {\"alg\": \"SM3\", \"value\": \"" + SHA + "\"}";
    String tail = ", \"category\": \"inaccurate\", \"description\": \"性别有误\"}";
    assertRefused(HOTLINE, p, "{}", "resourceCode");
    assertRefused(HOTLINE, p, "{\"resourceCode\": \"" + PEOPLE + "\"}", "messageId");
    assertRefused(HOTLINE, p, head + ", \"messageId\": 3" + digest + tail, "messageId");
    assertRefused(HOTLINE, p, head + tail, "digest");
    assertRefused(HOTLINE, p, head + ", \"digest\": \"" + SHA + "\"" + tail, "digest");
    assertRefused(HOTLINE, p, head + ", \"digest\": {\"alg\": \"SM3\"}" + tail, "digest");
    assertRefused(
        HOTLINE,
        p,
        head + ", \"digest\": {\"alg\": \"MD5\", \"value\": \"" + SHA + "\"}" + tail,
        "digest");
    assertRefused(HOTLINE, p, head + digest + ", \"pointers\": \"/a\"" + tail, "pointers");
    assertRefused(HOTLINE, p, head + digest + ", \"pointers\": [\"a\"]" + tail, "pointers");
    assertRefused(HOTLINE, p, head + digest + "}", "category");
    assertRefused(HOTLINE, p, head + digest + ", \"category\": \"wrong\"}", "category");
    assertRefused(
        HOTLINE,
        p,
        head + digest + ", \"category\": \"other\", \"description\": 1}",
        "description");
    assertRefused(HOTLINE, p, head + digest + ", \"category\": \"other\"}", "description");
  }

  @Test
  void transferCreateAndAck() {
    String p = "/v1/transfers";
    String receiver = "{\"receiver\": \"" + POLICE + "\"";
    String resource = receiver + ", \"resourceCode\": \"" + PEOPLE + "\"";
    String sha = ", \"sha256\": \"" + SHA + "\"";
    assertRefused(HOTLINE, p, "{}", "receiver");
    assertRefused(HOTLINE, p, "{\"receiver\": 11320500014160478}", "receiver");
    assertRefused(HOTLINE, p, "{\"receiver\": \"" + SECRET + "\"}", "receiver");
    assertRefused(HOTLINE, p, receiver + "}", "resourceCode");
    assertRefused(HOTLINE, p, resource + sha + "}", "size");
    assertRefused(HOTLINE, p, resource + sha + ", \"size\": \"10\"}", "size");
    assertRefused(HOTLINE, p, resource + sha + ", \"size\": 10.5}", "size");
    assertRefused(HOTLINE, p, resource + sha + ", \"size\": 0}", "size");
    assertRefused(HOTLINE, p, resource + ", \"size\": 10}", "sha256");
    assertRefused(HOTLINE, p, resource + ", \"size\": 10, \"sha256\": \"AB\"}", "sha256");
    assertRefused(HOTLINE, p, resource + sha + ", \"size\": 10, \"partSize\": \"4\"}", "partSize");
    assertRefused(HOTLINE, p, resource + sha + ", \"size\": 10, \"partSize\": 1.5}", "partSize");
    assertRefused(HOTLINE, p, resource + sha + ", \"size\": 10, \"partSize\": 1}", "partSize");

    HttpResponse<String> created =
        h.postJson(HOTLINE, p, resource + sha + ", \"size\": 10, \"partSize\": null}", key());
    assertThat(created.statusCode()).isEqualTo(201);
    String ack = p + "/" + json(created).get("transferId").asText() + "/ack";
    assertRefused(POLICE, ack, "{}", "receipt");
    assertRefused(POLICE, ack, "{\"receipt\": \"" + SECRET + "\"}", "receipt");
    assertRefused(POLICE, ack, "{\"receipt\": []}", "receipt");
    assertRefused(POLICE, ack, "{\"receipt\": {}}", "receipt.payload");
  }
}
