package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.metrics.GovdxMeters;
import io.github.govdx.client.observation.CallListener;
import io.github.govdx.client.observation.CallOutcome;
import io.github.govdx.client.observation.Outcome;
import io.github.govdx.client.observation.ProviderOutcome;
import io.github.govdx.client.outbox.InMemoryOutboxStore;
import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.provider.ProviderEndpoint;
import io.github.govdx.client.provider.ProviderRequest;
import io.github.govdx.client.provider.ProviderResponse;
import io.github.govdx.client.provider.QueryAnswer;
import io.github.govdx.crypto.key.PartyCredentials;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link GovdxMeters} fed by real clients and a real provider endpoint through the in-process sandbox: the meters
 * of docs/observability.md with the tags a query, a push, a 503, a refusal and a replayed envelope really produce;
 * the certificate and outbox gauges against real credentials and a real outbox.
 */
class MetersAgainstSandboxTest {

  private static final String DEMANDS = "335002001/00003";
  private static final ObjectMapper M = new ObjectMapper();

  private static ExchangeSandbox sandbox;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final GovdxMeters meters = GovdxMeters.create(registry);
  private final List<CallOutcome> outcomes = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    sandbox = ExchangeSandbox.builder().start();
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  @AfterEach
  void clear() {
    sandbox.clearFaults();
    sandbox.unregisterProvider(sandbox.party("bigdata").partyId());
  }

  private ExchangeClient hotline() {
    return sandbox
        .clientBuilder("hotline")
        .addCallListener(meters)
        .addCallListener(
            new CallListener() {
              @Override
              public void callCompleted(CallOutcome outcome) {
                outcomes.add(outcome);
              }
            })
        .build();
  }

  private static PushRequest push(String gdbh) {
    ObjectNode r = M.createObjectNode();
    r.put("gdbh", gdbh);
    r.put("sqqd", "电话");
    r.put("sqlx", "投诉");
    r.put("sqnr", "小区路灯不亮");
    r.put("xzqh", "320505");
    r.put("slsj", "2026-11-24T08:12:00Z");
    return PushRequest.builder()
        .resourceCode(DEMANDS)
        .addRecord(r)
        .idempotencyKey(UUID.randomUUID().toString())
        .build();
  }

  private static QueryRequest query(String gdbh) {
    return QueryRequest.builder().resourceCode(DEMANDS).filter("gdbh", gdbh).build();
  }

  private double calls(String operation, String outcome, String status, String code) {
    var timer =
        registry
            .find(GovdxMeters.CLIENT_CALLS)
            .tags("operation", operation, "outcome", outcome, "status", status, "code", code)
            .timer();
    return timer == null ? 0 : timer.count();
  }

  @Test
  void queryAndPush_recordTheCallTimer_withOperationOutcomeStatusAndCode() {
    try (ExchangeClient hotline = hotline()) {
      hotline.data().push(push("GD-METER-1"));
      hotline.data().query(query("GD-METER-1"));
    }
    assertThat(calls("data.push", "success", "201", "none")).isEqualTo(1);
    assertThat(calls("data.query", "success", "200", "none")).isEqualTo(1);
    // the schema lookup before the push is a call of its own (then cached)
    assertThat(calls("catalog.get", "success", "200", "none")).isEqualTo(1);
    var timer = registry.get(GovdxMeters.CLIENT_CALLS).tags("operation", "data.query").timer();
    assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
    assertThat(outcomes)
        .filteredOn(o -> o.operation().equals("data.push"))
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.attempts()).isEqualTo(1);
              assertThat(o.errorCode()).isEmpty();
              assertThat(o.endpoint()).isEqualTo(sandbox.baseUri().getHost());
            });
  }

  @Test
  void a503Twice_recordsTwoRetries_andOneSuccessfulCallOfThreeAttempts() {
    sandbox.inject(Route.DATA_QUERY, Fault.status(503).times(2));
    try (ExchangeClient hotline = hotline()) {
      hotline.data().query(query("GD-NONE"));
    }
    assertThat(
            registry
                .get(GovdxMeters.CLIENT_RETRIES)
                .tags("operation", "data.query", "reason", "503")
                .counter()
                .count())
        .isEqualTo(2);
    assertThat(calls("data.query", "success", "200", "none")).isEqualTo(1);
    assertThat(outcomes)
        .filteredOn(o -> o.operation().equals("data.query"))
        .singleElement()
        .satisfies(o -> assertThat(o.attempts()).isEqualTo(3));
  }

  @Test
  void aRefusedQuery_isTaggedRefusedWithItsCode_andAnOutageIsAnError() {
    String id = sandbox.records("335001001/00012").get(0).get("sfzh").asText();
    try (ExchangeClient hotline = hotline()) {
      // no approved application: the platform refuses (GDX-3206)
      assertThatThrownBy(
              () ->
                  hotline
                      .data()
                      .query(
                          QueryRequest.builder()
                              .resourceCode("335001001/00012")
                              .filter("sfzh", id)
                              .build()))
          .isInstanceOf(ExchangeException.class);
      sandbox.inject(Route.DATA_QUERY, Fault.status(503));
      assertThatThrownBy(() -> hotline.data().query(query("GD-NONE")))
          .isInstanceOf(ExchangeException.class);
    }
    CallOutcome refused =
        outcomes.stream().filter(o -> o.outcome() == Outcome.REFUSED).findFirst().orElseThrow();
    assertThat(refused.errorCode()).hasValue("GDX-3206");
    assertThat(calls("data.query", "refused", Integer.toString(refused.status()), "GDX-3206"))
        .isEqualTo(1);
    assertThat(calls("data.query", "error", "503", "GDX-3214")).isEqualTo(1);
    // the sealed query, its record key included, appears in no tag
    registry
        .getMeters()
        .forEach(
            m ->
                m.getId()
                    .getTags()
                    .forEach(
                        t -> assertThat(t.getValue()).doesNotContain(id).doesNotContain("GD-")));
  }

  @Test
  void aReplayedQueryEnvelope_isRefusedByTheProviderEndpoint_andCountedUnderTheReplayCode() {
    TestParty bigdata = sandbox.party("bigdata");
    List<ProviderOutcome> handled = new CopyOnWriteArrayList<>();
    List<io.github.govdx.testkit.SandboxProvider.Request> forwarded = new CopyOnWriteArrayList<>();
    ProviderEndpoint endpoint;
    try (ExchangeClient hotline = hotline()) {
      ResourceDetail detail = hotline.catalog().detail(DEMANDS);
      endpoint =
          ProviderEndpoint.builder()
              .party(bigdata.partyId())
              .credentials(bigdata.credentials())
              .trustStore(sandbox.trustStore())
              .directory(sandbox.directory())
              .query(detail, q -> QueryAnswer.builder().records(List.<JsonNode>of()).build())
              .addListener(meters)
              .addListener(handled::add)
              .build();
      SandboxProvider real = ExchangeSandbox.provider(endpoint);
      sandbox.registerProvider(
          bigdata.partyId(),
          request -> {
            forwarded.add(request);
            return real.handle(request);
          });
      hotline.data().query(query("GD-REPLAY"));
    }
    // the very envelope again, as an attacker who captured it would send it
    SandboxProvider.Request captured = forwarded.get(0);
    ProviderResponse replayed =
        endpoint.handle(
            ProviderRequest.of(
                captured.method(), captured.path(), captured.headers(), captured.body()));
    assertThat(replayed.status()).isEqualTo(400);
    assertThat(new String(replayed.body(), StandardCharsets.UTF_8)).contains("GDX-3304");
    assertThat(
            registry
                .get(GovdxMeters.ENVELOPE_REFUSED)
                .tags("code", "GDX-2303", "side", "provider")
                .counter()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(GovdxMeters.PROVIDER_REQUESTS)
                .tags("operation", "data.query", "outcome", "success", "status", "200")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(
            registry
                .get(GovdxMeters.PROVIDER_REQUESTS)
                .tags("outcome", "refused", "status", "400", "code", "GDX-3304")
                .timer()
                .count())
        .isEqualTo(1);
    assertThat(handled).hasSize(2);
    assertThat(handled.get(1).envelopeErrorCode()).hasValue("GDX-2303");
  }

  @Test
  void certificateGauge_isTheDaysLeftComputedFromTheCertificate() {
    Instant now = Instant.parse("2026-12-04T05:00:00Z");
    GovdxMeters at = GovdxMeters.create(registry, Clock.fixed(now, ZoneOffset.UTC));
    PartyCredentials creds = sandbox.party("hotline").credentials();
    at.bindCredentials(creds);
    double expected =
        Duration.between(now, creds.certificate().getNotAfter().toInstant()).toMillis()
            / 86_400_000.0;
    assertThat(
            registry
                .get(GovdxMeters.CERTIFICATE_DAYS_LEFT)
                .tags("party", creds.partyId().toString(), "kid", creds.keyId())
                .gauge()
                .value())
        .isEqualTo(expected)
        .isPositive();
  }

  @Test
  void outboxGauges_followARealOutbox() {
    try (ExchangeClient hotline = sandbox.client("hotline");
        Outbox outbox = Outbox.builder().client(hotline).store(new InMemoryOutboxStore()).build()) {
      meters.bindOutbox("default", outbox, Duration.ZERO);
      assertThat(backlog("pending")).isZero();
      assertThat(registry.get(GovdxMeters.OUTBOX_OLDEST_AGE).gauge().value()).isZero();
      outbox.submit(push("GD-OUTBOX-1"));
      outbox.submit(push("GD-OUTBOX-2"));
      assertThat(backlog("pending")).isEqualTo(2);
      assertThat(registry.get(GovdxMeters.OUTBOX_OLDEST_AGE).gauge().value())
          .isGreaterThanOrEqualTo(0);
      outbox.dispatchNow();
      assertThat(backlog("pending")).isZero();
      assertThat(backlog("delivered")).isEqualTo(2);
      assertThat(registry.get(GovdxMeters.OUTBOX_OLDEST_AGE).gauge().value()).isZero();
    }
  }

  private double backlog(String state) {
    return registry
        .get(GovdxMeters.OUTBOX_BACKLOG)
        .tags("outbox", "default", "state", state)
        .gauge()
        .value();
  }
}
