package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.testkit.junit.GovdxSandbox;
import io.github.govdx.testkit.junit.SandboxParty;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client module against the sandbox: faults and retries end to end, access rules as typed errors. */
@GovdxSandbox
class ClientAgainstSandboxTest {

  private static final String DEMANDS = "335002001/00003";

  private ExchangeSandbox current;

  @AfterEach
  void clear() {
    if (current != null) {
      current.clearFaults();
    }
  }

  private static PushRequest push(String gdbh) {
    ObjectNode r = new ObjectMapper().createObjectNode();
    r.put("gdbh", gdbh);
    r.put("sqqd", "电话");
    r.put("sqlx", "投诉");
    r.put("sqnr", "小区路灯不亮");
    r.put("xzqh", "320505");
    r.put("slsj", "2026-11-24T08:12:00Z");
    return PushRequest.builder().resourceCode(DEMANDS).addRecord(r).idempotencyKey(UUID.randomUUID().toString())
        .build();
  }

  @Test
  void push_503TwiceThenLostAnswer_storedExactlyOnce(ExchangeSandbox sandbox,
      @SandboxParty("hotline") ExchangeClient hotline) {
    current = sandbox;
    int before = sandbox.batches(DEMANDS).size();
    sandbox.inject(Route.DATA_PUSH, Fault.status(503).retryAfter(Duration.ofSeconds(1)).times(1));
    sandbox.inject(Route.DATA_PUSH, Fault.connectionReset().afterHandling().times(1));
    PushResult r = hotline.data().push(push("GD-RETRY-1"));
    assertThat(sandbox.batches(DEMANDS)).hasSize(before + 1);
    assertThat(r.batchId()).isEqualTo(sandbox.batches(DEMANDS).get(before).batchId());
  }

  @Test
  void query_withoutApplication_isAccessNotGranted(ExchangeSandbox sandbox,
      @SandboxParty("citymgmt") ExchangeClient city) {
    current = sandbox;
    String id = sandbox.records("335001001/00012").get(0).get("sfzh").asText();
    assertThatThrownBy(() -> city.data().query(QueryRequest.builder().resourceCode("335001001/00012")
        .filter("sfzh", id).build())).isInstanceOf(ExchangeException.class).hasMessageStartingWith("GDX-3206");
  }

  @Test
  void push_recordWithUnknownDivisionCode_isRefusedAndNothingStored(ExchangeSandbox sandbox,
      @SandboxParty("hotline") ExchangeClient hotline) {
    current = sandbox;
    int before = sandbox.batches(DEMANDS).size();
    PushRequest ok = push("GD-BAD-1");
    ObjectNode bad = ok.records().get(0).deepCopy();
    bad.put("xzqh", "999999");
    PushRequest request = PushRequest.builder().resourceCode(DEMANDS).addRecord(bad)
        .idempotencyKey(UUID.randomUUID().toString()).build();
    assertThatThrownBy(() -> hotline.data().push(request)).isInstanceOf(ExchangeException.class)
        .satisfies(e -> assertThat(((ExchangeException) e).getMessage()).matches("GDX-(3410|3303).*"));
    assertThat(sandbox.batches(DEMANDS)).hasSize(before);
  }
}
