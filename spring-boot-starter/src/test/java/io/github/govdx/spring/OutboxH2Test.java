package io.github.govdx.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.crypto.evidence.EvidenceStore;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.Fault;
import io.github.govdx.testkit.Route;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The outbox enabled on H2 (the application's DataSource, JDBC stores): started with the context, a submitted push
 * is delivered to the sandbox and its verified receipt stored; while the exchange answers 503 the entry stays
 * pending and the outbox health component is DOWN (threshold 0 pending), and it is delivered once the fault is
 * gone.
 */
@SpringBootTest(
    classes = OutboxH2Test.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.NONE,
    properties = {
      "govdx.outbox.enabled=true",
      "govdx.store.type=jdbc",
      "govdx.store.jdbc.create-tables=true",
      "govdx.health.outbox-max-pending=0"
    })
class OutboxH2Test {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @DynamicPropertySource
  static void props(DynamicPropertyRegistry r) {
    TestSandbox.pemParty(r, "hotline");
    r.add(
        "spring.datasource.url",
        () -> "jdbc:h2:mem:govdx-outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
  }

  @Autowired Outbox outbox;
  @Autowired EvidenceStore evidence;
  @Autowired CompositeHealthContributor govdxHealthContributor;

  private Health outboxHealth() {
    return ((HealthIndicator) govdxHealthContributor.getContributor("outbox")).health();
  }

  private OutboxEntry await(String id, Predicate<OutboxEntry> done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      OutboxEntry e = outbox.get(id).orElseThrow();
      if (done.test(e)) {
        return e;
      }
      Thread.sleep(50);
    }
    throw new AssertionError(
        "outbox entry " + id + " never reached the expected state: " + outbox.get(id));
  }

  @Test
  void submittedPush_isDelivered_receiptStored() throws Exception {
    ExchangeSandbox sandbox = TestSandbox.get();
    int before = sandbox.batches(TestSandbox.DEMANDS).size();

    String id =
        outbox.submit(
            TestSandbox.demand("GD-OUTBOX-" + UUID.randomUUID().toString().substring(0, 8)));
    OutboxEntry delivered = await(id, e -> e.state() == OutboxState.DELIVERED);

    assertThat(delivered.receipt()).isPresent();
    assertThat(sandbox.batches(TestSandbox.DEMANDS)).hasSize(before + 1);
    Health health = outboxHealth();
    assertThat(health.getStatus()).isEqualTo(Status.UP);
    assertThat((Long) health.getDetails().get("delivered")).isPositive();
    assertThat(evidence.toString()).contains("Jdbc");
  }

  @Test
  void backlogWhileTheExchangeFails_isDown_thenDelivered() throws Exception {
    ExchangeSandbox sandbox = TestSandbox.get();
    sandbox.inject(Route.DATA_PUSH, Fault.status(503).times(1000));
    String id;
    try {
      id =
          outbox.submit(
              TestSandbox.demand("GD-BACKLOG-" + UUID.randomUUID().toString().substring(0, 8)));
      await(id, e -> e.lastErrorCode().isPresent());
      Health down = outboxHealth();
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat((Long) down.getDetails().get("pending")).isPositive();
    } finally {
      sandbox.clearFaults();
    }
    await(id, e -> e.state() == OutboxState.DELIVERED);
    assertThat(outboxHealth().getStatus()).isEqualTo(Status.UP);
  }
}
