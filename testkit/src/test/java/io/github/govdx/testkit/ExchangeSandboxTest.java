package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.core.GovdxException;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.evidence.EvidenceException;
import io.github.govdx.crypto.evidence.Receipt;
import io.github.govdx.crypto.key.Certificates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExchangeSandboxTest {

  private static final String PEOPLE = "335001001/00012";
  private static final String DEMANDS = "335002001/00003";
  private static final String ENV = "application/govdx-envelope+json";
  private static ExchangeSandbox sandbox;

  @BeforeAll
  static void start() {
    sandbox = ExchangeSandbox.builder().reviewMode(ReviewMode.MANUAL).start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @Test
  void start_issuesCredentialsAndDirectory() {
    assertThat(sandbox.parties())
        .extracting(TestParty::alias)
        .containsExactly("police", "hotline", "citymgmt", "bigdata");
    TestParty police = sandbox.party("police");
    assertThat(sandbox.party("11320500014160478L")).isSameAs(police);
    assertThat(police.toString())
        .doesNotContain(police.gatewaySecretBase64())
        .contains("[REDACTED]");
    assertThat(
            sandbox
                .trustStore()
                .validate(police.credentials().certificateChain(), java.time.Instant.now()))
        .isEqualTo(police.credentials().certificate());
    assertThat(sandbox.directory().certificates(police.partyId()))
        .containsExactly(police.credentials().certificate());
    assertThatThrownBy(() -> sandbox.party("nobody"))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-4103");
    SandboxHttp hotline = new SandboxHttp(sandbox, "hotline");
    SandboxHttp.Resp r = hotline.get("/v1/parties/" + police.partyId());
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode cert = SandboxHttp.json(r).get("certificates").get(0);
    assertThat(cert.get("suite").asText()).isEqualTo("GM");
    assertThat(cert.get("pem").asText()).startsWith("-----BEGIN CERTIFICATE-----");
  }

  @Test
  void query_sealedToProvider_answeredByBuiltinProvider_afterApproval() throws Exception {
    SandboxHttp hotline = new SandboxHttp(sandbox, "hotline");
    JsonNode person = sandbox.records(PEOPLE).get(0);
    String path = "/v1/data/335001001/00012/query";
    String payload = "{\"filter\": {\"sfzh\": \"" + person.get("sfzh").asText() + "\"}}";
    Envelope denied = hotline.seal(hotline.headers(PEOPLE, "query").build(), payload);
    assertThat(hotline.post(path, ENV, denied.toBytes(), null).statusCode()).isEqualTo(403);

    SandboxHttp.Resp app =
        hotline.post(
            "/v1/applications",
            "application/json",
            ("{\"resourceCode\": \""
                    + PEOPLE
                    + "\", \"purpose\": \"核验\", \"items\": [\"xm\", \"sfzh\", \"xb\"]}")
                .getBytes(StandardCharsets.UTF_8),
            null);
    assertThat(app.statusCode()).isEqualTo(201);
    String id = SandboxHttp.json(app).get("applicationId").asText();
    assertThat(sandbox.pendingApplications())
        .extracting(ApplicationSnapshot::applicationId)
        .contains(id);
    assertThat(sandbox.approve(id, "符合共享条件").state()).isEqualTo("approved");

    RoutingHeaders h = hotline.headers(PEOPLE, "query").build();
    Envelope req = hotline.seal(h, payload);
    SandboxHttp.Resp r = hotline.post(path, ENV, req.toBytes(), null);
    assertThat(r.statusCode()).isEqualTo(200);
    OpenedMessage result = hotline.codec.open(r.body());
    assertThat(result.headers().correlationId()).contains(h.messageId());
    assertThat(result.headers().action()).isEqualTo("query.result");
    assertThat(result.headers().sender()).isEqualTo(sandbox.party("police").partyId());
    JsonNode records = SandboxHttp.JSON.readTree(result.payload()).get("records");
    assertThat(records).hasSize(1);
    assertThat(records.get(0).get("sfzh").asText()).isEqualTo(person.get("sfzh").asText());
    assertThat(records.get(0).has("hjdz")).as("only the approved items").isFalse();

    // the same envelope again is a replay at the provider
    SandboxHttp.Resp replay = hotline.post(path, ENV, req.toBytes(), null);
    assertThat(replay.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(replay).get("code").asText()).isEqualTo("GDX-3304");
    assertThat(SandboxHttp.json(replay).get("source").asText()).isEqualTo("provider");

    Envelope unknownItem =
        hotline.seal(hotline.headers(PEOPLE, "query").build(), "{\"filter\": {\"nope\": 1}}");
    SandboxHttp.Resp bad = hotline.post(path, ENV, unknownItem.toBytes(), null);
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(SandboxHttp.json(bad).get("details").get(0).get("pointer").asText())
        .isEqualTo("/filter/nope");
  }

  @Test
  void query_envelopeNotFromCaller_isRoutingMismatch_withoutDecrypting() {
    SandboxHttp hotline = new SandboxHttp(sandbox, "hotline");
    SandboxHttp city = new SandboxHttp(sandbox, "citymgmt");
    Envelope byCity =
        city.seal(city.headers(DEMANDS, "query").build(), "{\"filter\": {\"gdbh\": \"x\"}}");
    SandboxHttp.Resp r =
        hotline.post("/v1/data/335002001/00003/query", ENV, byCity.toBytes(), null);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(SandboxHttp.json(r).get("code").asText()).isEqualTo("GDX-3210");
  }

  @Test
  void push_storedOnce_perIdempotencyKey_withReceipt() throws Exception {
    SandboxHttp hotline = new SandboxHttp(sandbox, "hotline");
    int before = sandbox.batches(DEMANDS).size();
    String record =
        "{\"gdbh\": \"GD2026112400017\", \"sqqd\": \"电话\", \"sqlx\": \"投诉\", \"sqnr\": \"小区路灯不亮\", "
            + "\"xzqh\": \"320505\", \"slsj\": \"2026-11-24T08:12:00Z\"}";
    RoutingHeaders h = hotline.headers(DEMANDS, "push").build();
    Envelope push = hotline.seal(h, "{\"records\": [" + record + "]}");
    String key = UUID.randomUUID().toString();
    SandboxHttp.Resp first =
        hotline.post("/v1/data/335002001/00003/batches", ENV, push.toBytes(), key);
    assertThat(first.statusCode()).isEqualTo(201);
    SandboxHttp.Resp again =
        hotline.post("/v1/data/335002001/00003/batches", ENV, push.toBytes(), key);
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.header("Idempotency-Replayed")).contains("true");
    assertThat(again.body()).isEqualTo(first.body());
    List<StoredBatch> batches = sandbox.batches(DEMANDS);
    assertThat(batches).hasSize(before + 1);
    OpenedMessage receipt = hotline.codec.open(first.body());
    assertThat(receipt.headers().action()).isEqualTo("push.receipt");
    assertThat(receipt.headers().correlationId()).contains(h.messageId());
    JsonNode p = SandboxHttp.JSON.readTree(receipt.payload());
    assertThat(p.get("batchId").asText()).isEqualTo(batches.get(batches.size() - 1).batchId());
    assertThat(p.get("recordCount").asInt()).isEqualTo(1);
    // the receipt is govdx-crypto's Receipt, signed by the provider over the push exactly as sent
    Receipt signed = Receipt.parse(SandboxHttp.JSON.writeValueAsBytes(p.get("receipt")));
    assertThat(signed.messageId()).isEqualTo(h.messageId());
    assertThat(signed.envelopeDigest()).isEqualTo(push.digest());
    assertThat(signed.sender()).isEqualTo(h.sender());
    assertThat(signed.receiver()).isEqualTo(sandbox.party("bigdata").partyId());
    assertThat(Certificates.partyOf(signed.verify(push, sandbox.trustStore(), Instant.now())))
        .contains(sandbox.party("bigdata").partyId());
    Envelope other =
        hotline.seal(hotline.headers(DEMANDS, "push").build(), "{\"records\": [" + record + "]}");
    assertThatThrownBy(() -> signed.verify(other, sandbox.trustStore(), Instant.now()))
        .isInstanceOf(EvidenceException.class)
        .hasMessageStartingWith("GDX-2501");

    Envelope invalid =
        hotline.seal(
            hotline.headers(DEMANDS, "push").build(), "{\"records\": [{\"gdbh\": \"x\"}]}");
    SandboxHttp.Resp rejected =
        hotline.post(
            "/v1/data/335002001/00003/batches",
            ENV,
            invalid.toBytes(),
            UUID.randomUUID().toString());
    assertThat(rejected.statusCode()).isEqualTo(422);
    assertThat(SandboxHttp.json(rejected).get("code").asText()).isEqualTo("GDX-3303");
    assertThat(sandbox.batches(DEMANDS)).hasSize(before + 1);
  }

  @Test
  void catalog_schemaAttached_pushValidatedWithCoreRules() {
    SandboxHttp hotline = new SandboxHttp(sandbox, "hotline");
    JsonNode detail = SandboxHttp.json(hotline.get("/v1/catalog/resources/335002001/00003"));
    assertThat(detail.get("schema").get("required").toString()).contains("gdbh").contains("xzqh");
    String bad =
        "{\"records\": [{\"gdbh\": \"GD1\", \"sqqd\": \"电话\", \"sqlx\": \"投诉\", \"sqnr\": \"x\", "
            + "\"xzqh\": \"999999\", \"slsj\": \"2026-11-24T08:12:00Z\", \"lxdh\": \"12345\"}]}";
    Envelope invalid = hotline.seal(hotline.headers(DEMANDS, "push").build(), bad);
    SandboxHttp.Resp r =
        hotline.post(
            "/v1/data/335002001/00003/batches",
            ENV,
            invalid.toBytes(),
            UUID.randomUUID().toString());
    assertThat(r.statusCode()).isEqualTo(422);
    JsonNode body = SandboxHttp.json(r);
    assertThat(body.get("code").asText()).isEqualTo("GDX-3303");
    assertThat(body.get("source").asText()).isEqualTo("provider");
    assertThat(body.get("details").findValuesAsText("pointer"))
        .contains("/records/0/xzqh", "/records/0/lxdh");
    assertThat(r.text()).as("details never carry the offending values").doesNotContain("999999");
  }

  @Test
  void writeCredentials_marksTestKeys(@TempDir Path dir) throws Exception {
    sandbox.writeCredentials(dir);
    assertThat(Files.readString(dir.resolve("README-TEST-KEYS.txt"))).contains("TEST KEYS");
    assertThat(Files.readString(dir.resolve("test-police.key.pem")))
        .contains("TEST KEYS")
        .contains("PRIVATE KEY");
    JsonNode index = SandboxHttp.JSON.readTree(dir.resolve("test-parties.json").toFile());
    assertThat(index.get("parties")).hasSize(4);
    assertThat(index.get("warning").asText()).contains("NEVER");
  }
}
