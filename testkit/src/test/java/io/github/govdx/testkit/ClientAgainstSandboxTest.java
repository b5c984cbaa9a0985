package io.github.govdx.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeException;
import io.github.govdx.client.ExchangeProviderException;
import io.github.govdx.client.ExchangeValidationException;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.data.QueryRequest;
import io.github.govdx.client.data.RecordValidator;
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
    return PushRequest.builder()
        .resourceCode(DEMANDS)
        .addRecord(r)
        .idempotencyKey(UUID.randomUUID().toString())
        .build();
  }

  @Test
  void push_503TwiceThenLostAnswer_storedExactlyOnce(
      ExchangeSandbox sandbox, @SandboxParty("hotline") ExchangeClient hotline) {
    current = sandbox;
    int before = sandbox.batches(DEMANDS).size();
    sandbox.inject(Route.DATA_PUSH, Fault.status(503).retryAfter(Duration.ofSeconds(1)).times(1));
    sandbox.inject(Route.DATA_PUSH, Fault.connectionReset().afterHandling().times(1));
    PushResult r = hotline.data().push(push("GD-RETRY-1"));
    assertThat(sandbox.batches(DEMANDS)).hasSize(before + 1);
    assertThat(r.batchId()).isEqualTo(sandbox.batches(DEMANDS).get(before).batchId());
    // the receipt of the attempt that was stored, verified by the client: crypto's Receipt over
    // what it sent
    assertThat(r.receipt())
        .hasValueSatisfying(
            rc -> {
              assertThat(rc.messageId()).isEqualTo(r.messageId());
              assertThat(rc.envelopeDigest()).isEqualTo(r.digest().hex());
              assertThat(rc.receiver()).isEqualTo(sandbox.party("bigdata").partyId());
              assertThat(rc.sender()).isEqualTo(sandbox.party("hotline").partyId());
            });
  }

  @Test
  void query_withoutApplication_isAccessNotGranted(
      ExchangeSandbox sandbox, @SandboxParty("citymgmt") ExchangeClient city) {
    current = sandbox;
    String id = sandbox.records("335001001/00012").get(0).get("sfzh").asText();
    assertThatThrownBy(
            () ->
                city.data()
                    .query(
                        QueryRequest.builder()
                            .resourceCode("335001001/00012")
                            .filter("sfzh", id)
                            .build()))
        .isInstanceOf(ExchangeException.class)
        .hasMessageStartingWith("GDX-3206");
  }

  @Test
  void push_recordsFailingGovdxRules_areRefusedByTheClientWithCoresRules_andNothingStored(
      ExchangeSandbox sandbox, @SandboxParty("hotline") ExchangeClient hotline) {
    current = sandbox;
    int before = sandbox.batches(DEMANDS).size();
    ObjectNode ok = push("GD-BAD-0").records().get(0).deepCopy();
    ObjectNode badCode = ok.deepCopy().put("xzqh", "999999");
    ObjectNode badMobile = ok.deepCopy().put("lxdh", "12345678901");
    ObjectNode badFormat = ok.deepCopy().put("sqqd", "12345热线电话渠道");
    PushRequest request =
        PushRequest.builder()
            .resourceCode(DEMANDS)
            .addRecord(ok)
            .addRecord(badCode)
            .addRecord(badMobile)
            .addRecord(badFormat)
            .idempotencyKey(UUID.randomUUID().toString())
            .build();
    // the client checks against the schema the sandbox serves, before anything is sealed or sent
    assertThatThrownBy(() -> hotline.data().push(request))
        .isInstanceOfSatisfying(
            ExchangeValidationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("GDX-3410");
              assertThat(e.violations())
                  .extracting(ErrorDetail::pointer, ErrorDetail::code)
                  .containsExactly(
                      tuple("/records/1/xzqh", "GDX-1407"),
                      tuple("/records/2/lxdh", "GDX-1408"),
                      tuple("/records/3/sqqd", "GDX-1403"));
              assertThat(e.violations().get(0).rule()).isEqualTo("x-govdx-codeTable:GB/T 2260");
              assertThat(e.violations().get(1).rule()).startsWith("x-govdx-identifier:mobile");
              assertThat(e.violations().get(2).rule()).isEqualTo("maxLength");
            });
    assertThat(sandbox.batches(DEMANDS)).hasSize(before);
    // the sandbox (the receiver) refuses the same batch with the same pointers, rules and codes
    try (ExchangeClient unchecked =
        sandbox.clientBuilder("hotline").recordValidator(RecordValidator.none()).build()) {
      assertThatThrownBy(() -> unchecked.data().push(request))
          .isInstanceOfSatisfying(
              ExchangeProviderException.class,
              e -> {
                assertThat(e.code()).isEqualTo("GDX-3303");
                assertThat(e.details())
                    .extracting(ErrorDetail::pointer, ErrorDetail::rule, ErrorDetail::code)
                    .containsExactlyInAnyOrderElementsOf(
                        ((ExchangeValidationException)
                                catchThrowable(() -> hotline.data().push(request)))
                            .violations().stream()
                                .map(d -> tuple(d.pointer(), d.rule(), d.code()))
                                .toList());
              });
    }
    assertThat(sandbox.batches(DEMANDS)).hasSize(before);
  }
}
