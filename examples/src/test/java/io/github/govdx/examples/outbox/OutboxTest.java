package io.github.govdx.examples.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.CircuitBreakerPolicy;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.ExchangeValidationException;
import io.github.govdx.client.data.PushRequest;
import io.github.govdx.client.data.PushResult;
import io.github.govdx.client.outbox.Outbox;
import io.github.govdx.client.outbox.OutboxEntry;
import io.github.govdx.client.outbox.OutboxListener;
import io.github.govdx.client.outbox.OutboxState;
import io.github.govdx.crypto.evidence.EvidenceLog;
import io.github.govdx.crypto.evidence.EvidenceLogVerifier;
import io.github.govdx.crypto.evidence.Receipt;
import io.github.govdx.examples.DemoCatalog;
import io.github.govdx.store.jdbc.JdbcStores;
import io.github.govdx.testkit.ExchangeSandbox;
import io.github.govdx.testkit.Fault;
import io.github.govdx.testkit.Route;
import io.github.govdx.testkit.StoredBatch;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox against the in-process sandbox on the embedded default store (H2): each push delivered exactly once
 * with a verified receipt and evidence, through 503s and connection resets, after the receiver was down longer
 * than its freshness window (a test clock), permanent refusals dead and retried, order kept, the transactional
 * write, expiry and a tampered entry.
 */
class OutboxTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The system clock plus an offset the test moves; shared by sandbox, client and outbox. */
  static final class TestClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    void advance(Duration d) {
      offset = offset.plus(d);
    }
  }

  private final TestClock clock = new TestClock();
  private JdbcDataSource ds;
  private JdbcStores stores;
  private ExchangeSandbox sandbox;
  private ExchangeClient client;

  @BeforeEach
  void start() {
    ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    stores = JdbcStores.builder().dataSource(ds).clock(clock).build();
    stores.createTables();
    sandbox = ExchangeSandbox.builder().clock(clock).start();
    // the breaker opens on the outage as in production, but half-opens after 300 ms instead of 30 s
    client =
        sandbox
            .clientBuilder("hotline")
            .clock(clock)
            .circuitBreaker(
                CircuitBreakerPolicy.builder().openDuration(Duration.ofMillis(300)).build())
            .build();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    sandbox.close();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  private static ObjectNode demand(String id) {
    ObjectNode r = JSON.createObjectNode();
    r.put("gdbh", id);
    r.put("sqqd", "电话");
    r.put("sqlx", "投诉");
    r.put("sqnr", "小区路灯不亮，夜间出行不便");
    r.put("xzqh", "320505");
    r.put("slsj", "2026-11-24T08:12:00Z");
    return r;
  }

  private static PushRequest push(String id) {
    return PushRequest.builder()
        .resourceCode(DemoCatalog.DEMANDS)
        .addRecord(demand(id))
        .idempotencyKey("outbox-test-" + id)
        .build();
  }

  private Outbox.Builder outbox() {
    return Outbox.builder()
        .client(client)
        .store(stores.outboxStore())
        .backoff(Duration.ofMillis(20), Duration.ofMillis(200))
        .pollInterval(Duration.ofMillis(50));
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(20);
    }
  }

  /** The gdbh of every stored batch's records, in storage order; each must appear once. */
  private List<String> storedIds() {
    List<String> out = new ArrayList<>();
    for (StoredBatch b : sandbox.batches(DemoCatalog.DEMANDS)) {
      for (JsonNode r : b.records()) {
        out.add(r.get("gdbh").asText());
      }
    }
    return out;
  }

  @Test
  void everyPushDeliveredOnce_withItsVerifiedReceipt_andEvidence() throws Exception {
    List<String> delivered = new CopyOnWriteArrayList<>();
    EvidenceLog evidence = EvidenceLog.create(stores.evidenceStore("outbox-test"), clock);
    List<String> ids = new ArrayList<>();
    try (Outbox o =
        outbox()
            .evidenceLog(evidence)
            .listener(
                new OutboxListener() {
                  @Override
                  public void delivered(OutboxEntry entry, PushResult result) {
                    delivered.add(entry.id());
                  }
                })
            .build()) {
      for (int i = 0; i < 30; i++) {
        ids.add(o.submit(push("GD-A-" + i)));
      }
      o.start();
      await(() -> o.stats().count(OutboxState.DELIVERED) == 30, "all 30 are delivered");
      for (String id : ids) {
        OutboxEntry e = o.get(id).orElseThrow();
        Receipt r = Receipt.parse(e.receipt().orElseThrow().getBytes(StandardCharsets.UTF_8));
        assertThat(r.messageId()).isEqualTo(e.messageId());
        assertThat(r.receiver()).isEqualTo(e.receiver());
      }
    }
    assertThat(delivered).containsExactlyInAnyOrderElementsOf(ids);
    List<String> stored = storedIds();
    assertThat(stored).hasSize(30).doesNotHaveDuplicates();
    EvidenceLogVerifier.Result v = EvidenceLogVerifier.verify(stores.evidenceStore("outbox-test"));
    assertThat(v.intact()).isTrue();
    assertThat(v.entries()).isEqualTo(60);
  }

  @Test
  void receiverDown503_thenResetsAfterHandling_entriesWaitThenArriveOnce_noneDead()
      throws Exception {
    sandbox.inject(Route.DATA_PUSH, Fault.status(503));
    try (Outbox o = outbox().build()) {
      for (int i = 0; i < 10; i++) {
        o.submit(push("GD-B-" + i));
      }
      o.start();
      await(
          () -> o.list(OutboxState.PENDING, 0, 100).stream().allMatch(e -> e.attempts() >= 2),
          "every entry has failed twice");
      assertThat(o.stats().count(OutboxState.DEAD)).isZero();
      assertThat(sandbox.batches(DemoCatalog.DEMANDS)).isEmpty();
      sandbox.clearFaults();
      // the next pushes are stored, then their answers lost: the retries get the stored receipt
      sandbox.inject(Route.DATA_PUSH, Fault.connectionReset().afterHandling().times(6));
      try {
        await(() -> o.stats().count(OutboxState.DELIVERED) == 10, "all 10 are delivered");
      } catch (AssertionError e) {
        List<String> why = new ArrayList<>();
        for (OutboxState st : OutboxState.values()) {
          o.list(st, 0, 100).forEach(x -> why.add(st + " " + x.attempts() + " " + x.lastError()));
        }
        throw new AssertionError(e.getMessage() + ": " + why, e);
      }
      assertThat(o.stats().count(OutboxState.DEAD)).isZero();
    }
    assertThat(storedIds()).hasSize(10).doesNotHaveDuplicates();
  }

  @Test
  void receiverDownLongerThanItsFreshnessWindow_resealedAndStillExactlyOnce() throws Exception {
    sandbox.inject(Route.DATA_PUSH, Fault.status(503));
    try (Outbox o = outbox().build()) {
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        ids.add(o.submit(push("GD-C-" + i)));
      }
      assertThat(o.dispatchNow()).isEqualTo(5);
      // one hour later (the receiver accepts 5 minutes of skew); the first answers are lost after
      // handling
      clock.advance(Duration.ofHours(1));
      sandbox.clearFaults();
      sandbox.inject(Route.DATA_PUSH, Fault.connectionReset().afterHandling().times(3));
      for (int round = 0; round < 20 && o.stats().count(OutboxState.DELIVERED) < 5; round++) {
        clock.advance(Duration.ofSeconds(5));
        o.dispatchNow();
      }
      for (String id : ids) {
        OutboxEntry e = o.get(id).orElseThrow();
        assertThat(e.state())
            .as("%s %s", e.lastErrorCode(), e.lastError())
            .isEqualTo(OutboxState.DELIVERED);
        Receipt r = Receipt.parse(e.receipt().orElseThrow().getBytes(StandardCharsets.UTF_8));
        assertThat(r.messageId()).isEqualTo(e.messageId());
      }
    }
    assertThat(storedIds()).hasSize(5).doesNotHaveDuplicates();
    Set<String> mids = new HashSet<>();
    sandbox.batches(DemoCatalog.DEMANDS).forEach(b -> mids.add(b.messageId()));
    assertThat(mids).hasSize(5);
  }

  @Test
  void permanentRefusal_goesDead_listenerTold_retryAfterTheFixDelivers() throws Exception {
    List<String> dead = new CopyOnWriteArrayList<>();
    sandbox.inject(Route.DATA_PUSH, Fault.status(403));
    try (Outbox o =
        outbox()
            .listener(
                new OutboxListener() {
                  @Override
                  public void dead(OutboxEntry entry, String code, String message) {
                    dead.add(code);
                  }
                })
            .build()) {
      String id = o.submit(push("GD-D-1"));
      o.dispatchNow();
      OutboxEntry e = o.get(id).orElseThrow();
      assertThat(e.state()).isEqualTo(OutboxState.DEAD);
      assertThat(e.lastErrorCode()).isPresent();
      assertThat(dead).containsExactly(e.lastErrorCode().orElseThrow());
      assertThat(o.dispatchNow()).isZero();
      sandbox.clearFaults();
      assertThat(o.retry(id)).isTrue();
      assertThat(o.retry(id)).isFalse();
      o.dispatchNow();
      assertThat(o.get(id).orElseThrow().state()).isEqualTo(OutboxState.DELIVERED);
    }
    assertThat(storedIds()).containsExactly("GD-D-1");
  }

  @Test
  void ordered_deliversOneReceiverAndResourceInSubmitOrder() throws Exception {
    sandbox.inject(Route.DATA_PUSH, Fault.latency(Duration.ofMillis(15)));
    List<String> expected = new ArrayList<>();
    try (Outbox o = outbox().ordered(true).workers(8).build()) {
      for (int i = 0; i < 25; i++) {
        String id = String.format("GD-E-%02d", i);
        expected.add(id);
        o.submit(push(id));
      }
      o.start();
      await(() -> o.stats().count(OutboxState.DELIVERED) == 25, "all 25 are delivered");
    }
    assertThat(storedIds()).containsExactlyElementsOf(expected);
  }

  @Test
  void transactionalWrite_rollbackLeavesNothing_commitDelivers() throws Exception {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE work_order (gdbh VARCHAR(32) PRIMARY KEY, status VARCHAR(16))");
    }
    try (Outbox o = outbox().build()) {
      for (boolean commit : new boolean[] {false, true}) {
        try (Connection c = ds.getConnection()) {
          c.setAutoCommit(false);
          try (PreparedStatement ps = c.prepareStatement("INSERT INTO work_order VALUES (?, ?)")) {
            ps.setString(1, "GD-F-1");
            ps.setString(2, "dispatched");
            ps.executeUpdate();
          }
          stores.addOutboxEntry(c, o.prepare(push("GD-F-1")));
          if (commit) {
            c.commit();
          } else {
            c.rollback();
            assertThat(o.stats().count(OutboxState.PENDING)).isZero();
            assertThat(o.dispatchNow()).isZero();
          }
        }
      }
      assertThat(o.stats().count(OutboxState.PENDING)).isEqualTo(1);
      o.dispatchNow();
      assertThat(o.stats().count(OutboxState.DELIVERED)).isEqualTo(1);
    }
    assertThat(storedIds()).containsExactly("GD-F-1");
  }

  @Test
  void invalidRecords_refusedAtSubmit_nothingStored() {
    ObjectNode bad = demand("GD-G-1");
    bad.put("xzqh", "not-a-code");
    PushRequest r =
        PushRequest.builder()
            .resourceCode(DemoCatalog.DEMANDS)
            .addRecord(bad)
            .idempotencyKey("outbox-test-GD-G-1")
            .build();
    try (Outbox o = outbox().build()) {
      assertThatThrownBy(() -> o.submit(r))
          .isInstanceOf(ExchangeValidationException.class)
          .hasMessageContaining("nothing was sent");
      assertThat(o.stats().count(OutboxState.PENDING)).isZero();
    }
  }

  @Test
  void tooOld_goesDeadWithGdx3419_andIsNeverSent() throws Exception {
    sandbox.inject(Route.DATA_PUSH, Fault.status(503));
    try (Outbox o = outbox().maxAge(Duration.ofHours(2)).build()) {
      String id = o.submit(push("GD-H-1"));
      o.dispatchNow();
      sandbox.clearFaults();
      clock.advance(Duration.ofHours(2));
      o.dispatchNow();
      OutboxEntry e = o.get(id).orElseThrow();
      assertThat(e.state()).isEqualTo(OutboxState.DEAD);
      assertThat(e.lastErrorCode()).contains("GDX-3419");
    }
    assertThat(storedIds()).isEmpty();
    assertThatThrownBy(() -> Outbox.builder().maxAge(Duration.ofHours(24)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void ownCopyChangedAtRest_goesDeadWithGdx3420_nothingSent() throws Exception {
    try (Outbox o = outbox().build()) {
      String id = o.submit(push("GD-I-1"));
      try (Connection c = ds.getConnection();
          PreparedStatement ps =
              c.prepareStatement("UPDATE gdx_outbox SET own_copy = ? WHERE id = ?")) {
        byte[] copy = o.get(id).orElseThrow().ownCopy();
        copy[copy.length / 2] ^= 0x01;
        ps.setBytes(1, copy);
        ps.setString(2, id);
        assertThat(ps.executeUpdate()).isEqualTo(1);
      }
      clock.advance(Duration.ofMinutes(3)); // the stored envelope is stale: the copy must be opened
      o.dispatchNow();
      OutboxEntry e = o.get(id).orElseThrow();
      assertThat(e.state()).isEqualTo(OutboxState.DEAD);
      assertThat(e.lastErrorCode()).contains("GDX-3420");
    }
    assertThat(storedIds()).isEmpty();
  }
}
