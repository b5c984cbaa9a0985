package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.cli.CliRun.Result;
import io.github.govdx.core.mask.MaskingPolicy;
import io.github.govdx.core.mask.PiiKind;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.Fault;
import io.github.govdx.testkit.ReviewMode;
import io.github.govdx.testkit.Route;
import io.github.govdx.testkit.StoredBatch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code govdx catalog search}, {@code apply}, {@code query}, {@code push} and {@code push --outbox} against a real
 * sandbox over HTTP, configured only by the credentials directory the sandbox writes.
 */
class ExchangeCommandsTest {

  private static final String DEMANDS = "335002001/00003";
  private static final String PEOPLE = "335001001/00012";

  @TempDir Path dir;

  private ExchangeSandbox sandbox;
  private String creds;

  @BeforeEach
  void start() {
    sandbox = ExchangeSandbox.builder().port(0).start();
    creds = sandbox.writeCredentials(dir.resolve("keys")).toString();
  }

  @AfterEach
  void stop() {
    sandbox.close();
  }

  private Result run(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("--credentials");
    all.add(creds);
    all.add("--party");
    all.add("hotline");
    return CliRun.run(all.toArray(new String[0]));
  }

  private static String demand(String id) {
    return "{\"gdbh\":\""
        + id
        + "\",\"sqqd\":\"电话\",\"sqlx\":\"投诉\",\"sqnr\":\"小区路灯不亮\",\"xzqh\":\"320505\","
        + "\"slsj\":\"2026-12-04T08:12:00Z\"}";
  }

  private Path file(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  private List<String> stored() {
    List<String> ids = new ArrayList<>();
    for (StoredBatch b : sandbox.batches(DEMANDS)) {
      b.records().forEach(r -> ids.add(r.get("gdbh").asText()));
    }
    return ids;
  }

  @Test
  void catalogSearch_findsTheSeededResources() {
    Result r = run("catalog", "search", "--all", "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<String> codes = new ArrayList<>();
    r.json().path("resources").forEach(n -> codes.add(n.path("resourceCode").asText()));
    assertThat(codes).contains(DEMANDS, PEOPLE);
    Result text = run("catalog", "search", "--keyword", "户籍");
    assertThat(text.out()).contains(PEOPLE);
  }

  @Test
  void apply_thenApproved_thenQuery_printsTheSeededRecord() {
    sandbox.reviewMode(ReviewMode.MANUAL);
    Result a =
        run(
            "apply",
            "--resource",
            PEOPLE,
            "--purpose",
            "12345 工单核实诉求人身份",
            "--items",
            "xm,sfzh",
            "--json");
    assertThat(a.exitCode()).as(a.toString()).isZero();
    String id = a.json().path("applicationId").asText();
    assertThat(sandbox.applications()).anyMatch(x -> x.applicationId().equals(id));
    assertThat(a.json().path("state").asText()).isNotEqualTo("approved");
    sandbox.approve(id, "核实身份所需");
    JsonNode person = sandbox.records(PEOPLE).get(3);
    String idNumber = person.path("sfzh").asText();
    Result q =
        run(
            "query",
            "--resource",
            PEOPLE,
            "--filter",
            "sfzh=" + idNumber,
            "--items",
            "xm,sfzh",
            "--json");
    assertThat(q.exitCode()).as(q.toString()).isZero();
    JsonNode records = q.json().path("records");
    assertThat(records).hasSize(1);
    assertThat(records.get(0).path("sfzh").asText()).isEqualTo(idNumber);
    assertThat(records.get(0).path("xm").asText()).isEqualTo(person.path("xm").asText());
    Result text =
        run("query", "--resource", PEOPLE, "--filter", "sfzh=" + idNumber, "--items", "xm,sfzh");
    assertThat(text.out().strip()).startsWith("{").contains(idNumber);
  }

  @Test
  void query_withoutAccess_isRefused_exit1() {
    Result r = run("query", "--resource", PEOPLE, "--filter", "sfzh=11010519491231002X", "--json");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(r.json().path("error").path("code").asText()).startsWith("GDX-3");
  }

  @Test
  void push_jsonArray_thenNdjson_thenTheSameKeyAgain_isStoredOnce() throws Exception {
    Path array = file("a.json", "[" + demand("GD-CLI-1") + "," + demand("GD-CLI-2") + "]");
    Result first =
        run(
            "push",
            "--resource",
            DEMANDS,
            "--records",
            array.toString(),
            "--idempotency-key",
            "cli-test-key-000001",
            "--json");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.json().path("recordCount").asInt()).isEqualTo(2);
    assertThat(first.json().path("receiptVerified").asBoolean()).isTrue();
    assertThat(first.json().path("replayed").asBoolean()).isFalse();

    Result again =
        run(
            "push",
            "--resource",
            DEMANDS,
            "--records",
            array.toString(),
            "--idempotency-key",
            "cli-test-key-000001",
            "--json");
    assertThat(again.exitCode()).as(again.toString()).isZero();
    assertThat(again.json().path("replayed").asBoolean()).isTrue();
    assertThat(again.json().path("batchId").asText())
        .isEqualTo(first.json().path("batchId").asText());

    Path ndjson = file("b.ndjson", demand("GD-CLI-3") + "\n\n" + demand("GD-CLI-4") + "\n");
    Result nd = run("push", "--resource", DEMANDS, "--records", ndjson.toString());
    assertThat(nd.exitCode()).as(nd.toString()).isZero();
    assertThat(nd.out()).contains("OK  batch").contains("receipt");
    assertThat(stored()).containsExactly("GD-CLI-1", "GD-CLI-2", "GD-CLI-3", "GD-CLI-4");
  }

  @Test
  void push_badRecords_areTypedErrors_nothingSent() throws Exception {
    Result notJson = run("push", "--resource", DEMANDS, "--records", file("x", "[{").toString());
    assertThat(notJson.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(notJson.err()).contains("GDX-5006");
    Result notObject = run("push", "--resource", DEMANDS, "--records", file("y", "[1]").toString());
    assertThat(notObject.err()).contains("GDX-5006");
    Result invalid =
        run(
            "push",
            "--resource",
            DEMANDS,
            "--records",
            file("z", "[" + demand("GD-CLI-9").replace("320505", "bad") + "]").toString());
    assertThat(invalid.exitCode()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(invalid.err()).contains("GDX-3410");
    assertThat(stored()).isEmpty();
  }

  @Test
  void wrongEndpoint_exit3_withoutAStackTrace() throws Exception {
    Path array = file("a.json", "[" + demand("GD-CLI-5") + "]");
    Result r =
        run(
            "push",
            "--resource",
            DEMANDS,
            "--records",
            array.toString(),
            "--endpoint",
            "http://127.0.0.1:1/");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(GovdxCli.EXIT_TRY_AGAIN);
    assertThat(r.err()).contains("GDX-340").doesNotContain("\tat ");
    Result unknown = CliRun.run("catalog", "search", "--credentials", creds, "--party", "nobody");
    assertThat(unknown.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(unknown.err()).contains("GDX-5102");
  }

  @Test
  void pushThroughTheOutbox_deliversOnce_andAPermanentRefusalIsDead() throws Exception {
    String url = "jdbc:h2:file:" + dir.resolve("outbox-" + UUID.randomUUID()).toAbsolutePath();
    sandbox.inject(Route.DATA_PUSH, Fault.status(503).times(1));
    Path array = file("a.json", "[" + demand("GD-CLI-6") + "]");
    Result r =
        run(
            "push",
            "--resource",
            DEMANDS,
            "--records",
            array.toString(),
            "--outbox",
            url,
            "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.json().path("state").asText()).isEqualTo("delivered");
    assertThat(r.json().path("receiptVerified").asBoolean()).isTrue();
    assertThat(stored()).containsExactly("GD-CLI-6");

    sandbox.inject(Route.DATA_PUSH, Fault.status(403));
    Path other = file("b.json", "[" + demand("GD-CLI-7") + "]");
    Result refused =
        run("push", "--resource", DEMANDS, "--records", other.toString(), "--outbox", url);
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(refused.err()).contains("GDX-5121");
    sandbox.clearFaults();
    Result status = CliRun.run("outbox", "status", "--jdbc", url, "--json");
    JsonNode counts = status.json().path("counts");
    assertThat(counts.path("delivered").asLong()).isEqualTo(1);
    assertThat(counts.path("dead").asLong()).isEqualTo(1);
    String deadId =
        CliRun.run("outbox", "list", "--jdbc", url, "--json")
            .json()
            .path("entries")
            .get(0)
            .path("id")
            .asText();
    assertThat(CliRun.run("outbox", "retry", deadId, "--jdbc", url).exitCode()).isZero();
    Result dispatched = run("outbox", "dispatch", "--jdbc", url, "--json");
    assertThat(dispatched.exitCode()).as(dispatched.toString()).isZero();
    assertThat(dispatched.json().path("counts").path("delivered").asLong()).isEqualTo(2);
    assertThat(stored()).containsExactly("GD-CLI-6", "GD-CLI-7");
  }

  // ------------------------------------------------------------------ catalog show, provider
  // alias, paging

  @Test
  void catalogShow_printsTheEntry_andItsSchemaValidatesRecordsOffline() throws Exception {
    Result text = run("catalog", "show", PEOPLE);
    assertThat(text.exitCode()).as(text.toString()).isZero();
    assertThat(text.out())
        .contains(PEOPLE + "  户籍人口基本信息")
        .contains("share type     conditional")
        .contains("actions        query")
        .contains("items          6")
        .containsPattern("sfzh\t[^\n]*\trequired")
        .containsPattern("hjdz\t[^\n]*\toptional");

    Result json = run("catalog", "show", PEOPLE, "--json");
    assertThat(json.exitCode()).as(json.toString()).isZero();
    assertThat(json.json().path("provider").asText())
        .isEqualTo(sandbox.party("police").partyId().toString());
    assertThat(json.json().path("items")).hasSize(6);
    assertThat(json.json().path("items").get(1).path("name").asText()).isEqualTo("sfzh");
    assertThat(json.json().path("schema").path("$schema").asText()).contains("2020-12");

    Result schema = run("catalog", "show", DEMANDS, "--schema");
    assertThat(schema.exitCode()).as(schema.toString()).isZero();
    Path schemaFile = file("demands.schema.json", schema.out());
    Path good = file("good.ndjson", demand("GD-CLI-S1") + "\n");
    Path bad = file("bad.ndjson", demand("GD-CLI-S2").replace("320505", "bad") + "\n");
    Result ok = CliRun.run("validate", "--schema", schemaFile.toString(), "--in", good.toString());
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    Result invalid =
        CliRun.run("validate", "--schema", schemaFile.toString(), "--in", bad.toString());
    assertThat(invalid.exitCode()).as(invalid.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(invalid.out()).contains("/xzqh");
  }

  @Test
  void catalogShow_unknownCode_exit1_gdx3201_malformedCode_exit2() {
    Result unknown = run("catalog", "show", "335009009/00009", "--json");
    assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(unknown.json().path("error").path("code").asText()).isEqualTo("GDX-3201");
    Result malformed = run("catalog", "show", "no-such-code");
    assertThat(malformed.exitCode()).as(malformed.toString()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(malformed.err()).contains("GDX-5001").contains("classCode/sequence");
  }

  @Test
  void catalogSearch_providerByAlias_andPageByPage() {
    Result police = run("catalog", "search", "--provider", "police", "--json");
    assertThat(police.exitCode()).as(police.toString()).isZero();
    assertThat(police.json().path("resources")).hasSize(1);
    assertThat(police.json().path("resources").get(0).path("resourceCode").asText())
        .isEqualTo(PEOPLE);
    Result nobody = run("catalog", "search", "--provider", "nobody");
    assertThat(nobody.exitCode()).as(nobody.toString()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(nobody.err()).contains("GDX-5102").contains("nobody");

    Result first = run("catalog", "search", "--page-size", "1", "--json");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.json().path("resources")).hasSize(1);
    String token = first.json().path("nextPageToken").asText();
    assertThat(token).isNotEmpty();
    Result second = run("catalog", "search", "--page-size", "1", "--page-token", token, "--json");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(second.json().path("resources").get(0).path("resourceCode").asText())
        .isNotEqualTo(first.json().path("resources").get(0).path("resourceCode").asText());
    Result text = run("catalog", "search", "--page-size", "1");
    assertThat(text.out()).contains("1 resource(s); more with --page-token ");
    Result badSize = run("catalog", "search", "--page-size", "0");
    assertThat(badSize.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(badSize.err()).contains("GDX-5001");
  }

  // ------------------------------------------------------------------ apply status

  @Test
  void applyStatus_showsTheDecision_andItsHistory() {
    Result a =
        run("apply", "--resource", PEOPLE, "--purpose", "12345 工单核实诉求人身份", "--items", "xm,sfzh");
    assertThat(a.exitCode()).as(a.toString()).isZero();
    String id = a.out().split(" ")[1];
    assertThat(a.out()).startsWith("application " + id + " for " + PEOPLE + ": submitted");

    Result status = run("apply", "status", id, "--json");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    JsonNode j = status.json();
    assertThat(j.path("command").asText()).isEqualTo("apply status");
    assertThat(j.path("applicationId").asText()).isEqualTo(id);
    assertThat(j.path("state").asText()).isEqualTo("approved");
    assertThat(j.path("final").asBoolean()).isTrue();
    assertThat(j.path("items").toString()).isEqualTo("[\"xm\",\"sfzh\"]");
    List<String> states = new ArrayList<>();
    j.path("history").forEach(h -> states.add(h.path("state").asText()));
    assertThat(states).containsSubsequence("submitted", "approved");

    Result text = run("apply", "status", id);
    assertThat(text.out())
        .contains(": approved")
        .contains("  purpose        12345 工单核实诉求人身份")
        .contains("  history");
  }

  @Test
  void applyStatus_unknownId_exit1_gdx3203_andApplyWithoutPurpose_exit2() {
    Result unknown = run("apply", "status", "app-does-not-exist", "--json");
    assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(unknown.json().path("error").path("code").asText()).isEqualTo("GDX-3203");
    Result noPurpose = run("apply", "--resource", PEOPLE);
    assertThat(noPurpose.exitCode()).as(noPurpose.toString()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(noPurpose.err()).contains("GDX-5001").contains("--purpose");
    assertThat(sandbox.applications()).isEmpty();
  }

  // ------------------------------------------------------------------ query paging and masking

  private List<String> idsOf(JsonNode records) {
    List<String> ids = new ArrayList<>();
    records.forEach(r -> ids.add(r.path("sfzh").asText()));
    return ids;
  }

  @Test
  void query_pageByPage_andAll_matchTheProvidersRecords() {
    assertThat(
            run("apply", "--resource", PEOPLE, "--purpose", "核实", "--items", "xm,sfzh,xb")
                .exitCode())
        .isZero();
    List<String> men = new ArrayList<>();
    sandbox.records(PEOPLE).stream()
        .filter(r -> r.path("xb").asText().equals("1"))
        .forEach(r -> men.add(r.path("sfzh").asText()));
    assertThat(men).hasSizeGreaterThan(20);

    Result first =
        run("query", "--resource", PEOPLE, "--filter", "xb=1", "--page-size", "10", "--json");
    assertThat(first.exitCode()).as(first.toString()).isZero();
    assertThat(first.json().path("records")).hasSize(10);
    assertThat(first.json().path("recordCount").asInt()).isEqualTo(10);
    String token = first.json().path("nextPageToken").asText();
    assertThat(token).isNotEmpty();
    Result second =
        run(
            "query",
            "--resource",
            PEOPLE,
            "--filter",
            "xb=1",
            "--page-size",
            "10",
            "--page-token",
            token,
            "--json");
    assertThat(second.exitCode()).as(second.toString()).isZero();
    assertThat(idsOf(second.json().path("records")))
        .hasSize(10)
        .doesNotContainAnyElementsOf(idsOf(first.json().path("records")));

    Result all =
        run("query", "--resource", PEOPLE, "--filter", "xb=1", "--page-size", "10", "--all");
    assertThat(all.exitCode()).as(all.toString()).isZero();
    List<String> lines = all.out().lines().toList();
    assertThat(lines).hasSize(men.size()).allMatch(l -> l.startsWith("{"));
    List<String> streamed = new ArrayList<>();
    lines.forEach(l -> streamed.add(l.replaceAll(".*\"sfzh\":\"([^\"]+)\".*", "$1")));
    assertThat(streamed).containsExactlyInAnyOrderElementsOf(men);
    assertThat(all.err()).contains("# " + men.size() + " record(s)");

    Result both =
        run("query", "--resource", PEOPLE, "--filter", "xb=1", "--all", "--page-token", token);
    assertThat(both.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
  }

  @Test
  void query_mask_hidesTheNamedItems_withTheCorePolicy() {
    assertThat(run("apply", "--resource", PEOPLE, "--purpose", "核实").exitCode()).isZero();
    JsonNode person = sandbox.records(PEOPLE).get(7);
    String idNumber = person.path("sfzh").asText();
    String name = person.path("xm").asText();
    Result r =
        run(
            "query",
            "--resource",
            PEOPLE,
            "--filter",
            "sfzh=" + idNumber,
            "--mask",
            "sfzh=id_number,xm=name",
            "--mask",
            "hjdz=address",
            "--json");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    JsonNode rec = r.json().path("records").get(0);
    MaskingPolicy policy = MaskingPolicy.defaultPolicy();
    assertThat(rec.path("sfzh").asText())
        .isEqualTo(policy.mask(PiiKind.ID_NUMBER, idNumber))
        .isNotEqualTo(idNumber);
    assertThat(rec.path("xm").asText()).isEqualTo(policy.mask(PiiKind.NAME, name));
    assertThat(rec.path("hjdz").asText())
        .isEqualTo(policy.mask(PiiKind.ADDRESS, person.path("hjdz").asText()));
    assertThat(rec.path("csrq").asText()).isEqualTo(person.path("csrq").asText());
    assertThat(r.out()).doesNotContain(idNumber).doesNotContain(name);
    assertThat(r.json().path("maskedWith").asText()).isEqualTo("L3");

    Result l1 =
        run(
            "query",
            "--resource",
            PEOPLE,
            "--filter",
            "sfzh=" + idNumber,
            "--mask",
            "sfzh=id_number",
            "--mask-level",
            "L1");
    assertThat(l1.out().strip())
        .contains(MaskingPolicy.forLevel("L1").mask(PiiKind.ID_NUMBER, idNumber));
    assertThat(l1.err()).contains("masked (L1)");

    Result badLevel =
        run(
            "query",
            "--resource",
            PEOPLE,
            "--filter",
            "sfzh=" + idNumber,
            "--mask",
            "sfzh=id_number",
            "--mask-level",
            "L9");
    assertThat(badLevel.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(badLevel.err()).contains("GDX-1502");
    Result badKind =
        run("query", "--resource", PEOPLE, "--filter", "sfzh=" + idNumber, "--mask", "sfzh=iban");
    assertThat(badKind.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(badKind.err()).contains("GDX-5001");
  }

  // ------------------------------------------------------------------ records input

  @Test
  void push_fromStandardInput_withABom_andOnePrettyPrintedObject() throws Exception {
    byte[] ndjson =
        (demand("GD-CLI-I1") + "\r\n" + demand("GD-CLI-I2") + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    List<String> args =
        new ArrayList<>(
            List.of(
                "push",
                "--resource",
                DEMANDS,
                "--records",
                "-",
                "--json",
                "--credentials",
                creds,
                "--party",
                "hotline"));
    Result stdin = CliRun.runWithInput(ndjson, args.toArray(new String[0]));
    assertThat(stdin.exitCode()).as(stdin.toString()).isZero();
    assertThat(stdin.json().path("recordCount").asInt()).isEqualTo(2);

    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Path withBom = dir.resolve("bom.json");
    Files.write(withBom, bom);
    Files.writeString(
        withBom,
        "\n[" + demand("GD-CLI-I3") + "]\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    Result b = run("push", "--resource", DEMANDS, "--records", withBom.toString());
    assertThat(b.exitCode()).as(b.toString()).isZero();

    Path pretty =
        file(
            "pretty.json",
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(demand("GD-CLI-I4"))
                .toPrettyString());
    Result p = run("push", "--resource", DEMANDS, "--records", pretty.toString());
    assertThat(p.exitCode()).as(p.toString()).isZero();
    assertThat(stored()).containsExactly("GD-CLI-I1", "GD-CLI-I2", "GD-CLI-I3", "GD-CLI-I4");
  }

  @Test
  void push_sameKeyWithOtherRecords_isRefused_gdx3008_exit1_noSecondBatch() throws Exception {
    String key = "cli-test-key-000002";
    Path first = file("first.json", "[" + demand("GD-CLI-K1") + "]");
    Result ok =
        run("push", "--resource", DEMANDS, "--records", first.toString(), "--idempotency-key", key);
    assertThat(ok.exitCode()).as(ok.toString()).isZero();
    Path changed = file("changed.json", "[" + demand("GD-CLI-K2") + "]");
    Result refused =
        run(
            "push",
            "--resource",
            DEMANDS,
            "--records",
            changed.toString(),
            "--idempotency-key",
            key,
            "--json");
    assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(GovdxCli.EXIT_CHECK_FAILED);
    assertThat(refused.json().path("error").path("code").asText()).isEqualTo("GDX-3008");
    assertThat(stored()).containsExactly("GD-CLI-K1");
    assertThat(sandbox.batches(DEMANDS)).hasSize(1);
  }

  @Test
  void push_malformedRecords_gdx5006_exit2_neverQuotingTheInput_nothingSent() throws Exception {
    String secret = "320505195004236931";
    List<String[]> cases =
        List.of(
            new String[] {
              "[" + demand("GD-CLI-M1") + "] [" + demand("GD-CLI-M2") + "]", "after the array"
            },
            new String[] {"{\"gdbh\":\"GD-CLI-M3\",\"gdbh\":\"" + secret + "\"}", "repeats"},
            new String[] {"{\"sfzh\":\"" + secret + "\" \"xm\":1}", "line 1, column"},
            new String[] {
              demand("GD-CLI-M4") + "\n" + secret + "\n", "record 1 (line 2) is number"
            },
            new String[] {"[null]", "record 0 is null"},
            new String[] {"  \n", "holds no record"},
            new String[] {"[" + demand("GD-CLI-M5") + ",", "ends inside a value"});
    int i = 0;
    for (String[] c : cases) {
      Path f = file("bad-" + i++ + ".json", c[0]);
      Result r = run("push", "--resource", DEMANDS, "--records", f.toString(), "--json");
      assertThat(r.exitCode()).as(c[0] + "\n" + r).isEqualTo(GovdxCli.EXIT_ERROR);
      JsonNode error = r.json().path("error");
      assertThat(error.path("code").asText()).as(r.toString()).isEqualTo("GDX-5006");
      assertThat(error.path("message").asText())
          .as(r.toString())
          .contains(c[1])
          .doesNotContain(secret);
    }
    Result missing =
        run("push", "--resource", DEMANDS, "--records", dir.resolve("nope").toString());
    assertThat(missing.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(missing.err()).contains("GDX-5002");
    assertThat(stored()).isEmpty();
    assertThat(sandbox.batches(DEMANDS)).isEmpty();
  }

  @Test
  void wrongEndpoint_json_carriesTheErrorObject_exit3() {
    Result r = run("catalog", "search", "--endpoint", "http://127.0.0.1:1/", "--json");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(GovdxCli.EXIT_TRY_AGAIN);
    JsonNode j = r.json();
    assertThat(j.path("ok").asBoolean(true)).isFalse();
    assertThat(j.path("exitCode").asInt()).isEqualTo(3);
    assertThat(j.path("error").path("code").asText()).isEqualTo("GDX-3401");
    assertThat(r.err()).doesNotContain("\tat ");
    Result notUrl = run("catalog", "search", "--endpoint", "not a url");
    assertThat(notUrl.exitCode()).isEqualTo(GovdxCli.EXIT_ERROR);
    assertThat(notUrl.err()).contains("GDX-5001");
    Result help = CliRun.run("--help");
    assertThat(help.out()).contains("3   an exchange call failed in a way a retry can help");
  }
}
